import { getFormProps } from '@conform-to/react'
import { textLanguage } from '#search/documents/catalogue-order'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { classificationName } from '#db/classifications'
import { KeywordList, TrlRange } from '~/components/catalogue'
import { Field, FormErrors, SubmitButton, TextareaField } from '~/components/forms'
import { VerificationBadge } from '~/components/layout'
import { MatchList } from '~/components/match-card'
import { PendingProposals } from '~/components/pending-proposals'
import { idField } from '~/modules/forms/fields'
import { requireActor } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { addProject, addPublication, archiveLab, removeProject, removePublication, viewLab } from '~/modules/labs/labs.server'
import { ProjectFormSchema, PublicationFormSchema } from '~/modules/labs/schemas'
import { respondToMatchForm } from '~/modules/matching/form-action.server'
import { proposedRequestsForLab } from '~/modules/matching/matches.server'
import { isMatchIntent } from '~/modules/matching/schemas'
import { can } from '~/modules/permissions/can'
import { DestructiveIcon } from '~/components/icons'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.lab.name ?? 'Lab' }]

const RemoveSchema = z.object({ itemId: idField })

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const labId = parseId(params.labId)
  const view = loaderValue(viewLab(context.actor, labId), { conceal: true })
  const locale = await resolveLocale(request, context.actor)
  const { lab } = view
  // Only members of the lab's organisation get the requests proposed to it.
  const proposedRequests = proposedRequestsForLab(context.actor, labId, locale)
  return json({
    ...view,
    fieldLabels: lab.oecdFields.map((c) => `${c} ${classificationName('oecd', c, locale)}`),
    grntiLabels: lab.grnti.map((c) => `${c} ${classificationName('grnti', c, locale)}`),
    canInvite: can(context.actor, 'area:company'),
    proposedRequests: proposedRequests.ok ? proposedRequests.value : null,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request)
  const labId = parseId(params.labId)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (isMatchIntent(intent)) return respondToMatchForm(actor, formData, `/labs/${labId}#proposed-requests`)
  const back = { redirectTo: `/labs/${labId}`, toast: { type: 'success' as const, key: 'toast.saved' } }
  if (intent === 'add-publication') {
    const submission = parseSubmission(formData, PublicationFormSchema)
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    return respondToForm(submission, addPublication(actor, labId, submission.value), back)
  }
  if (intent === 'add-project') {
    const submission = parseSubmission(formData, ProjectFormSchema)
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    return respondToForm(submission, addProject(actor, labId, submission.value), back)
  }
  if (intent === 'remove-publication' || intent === 'remove-project') {
    const submission = parseSubmission(formData, RemoveSchema)
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    const id = submission.value.itemId
    return respondToForm(submission, intent === 'remove-publication' ? removePublication(actor, labId, id) : removeProject(actor, labId, id), back)
  }
  if (intent === 'archive') {
    const submission = parseSubmission(formData, z.object({}))
    return respondToForm(submission, archiveLab(actor, labId), { redirectTo: '/lab', toast: { type: 'info', key: 'toast.labArchived' } })
  }
  throw json({ error: 'invalid' }, { status: 400 })
}

function AddPublicationForm() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const mine = lastResult && 'initialValue' in lastResult && lastResult.initialValue?.intent === 'add-publication'
  const [form, fields] = useAppForm({
    id: 'add-publication',
    lastResult: mine ? lastResult : undefined,
    constraint: getZodConstraint(PublicationFormSchema),
    onValidate: ({ formData }) => parseSubmission(formData, PublicationFormSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="card sub-form">
      <h3>{t('lab.addPublication')}</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="add-publication" />
      <Field label={t('lab.fields.publicationTitle')} meta={fields.title} />
      <TextareaField label={t('lab.fields.abstract')} meta={fields.abstract} rows={3} />
      <div className="row">
        <Field label={t('lab.fields.year')} meta={fields.year} type="number" />
        <Field label={t('lab.fields.link')} meta={fields.link} type="url" />
      </div>
      <SubmitButton>{t('lab.add')}</SubmitButton>
    </Form>
  )
}

function AddProjectForm() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const mine = lastResult && 'initialValue' in lastResult && lastResult.initialValue?.intent === 'add-project'
  const [form, fields] = useAppForm({
    id: 'add-project',
    lastResult: mine ? lastResult : undefined,
    constraint: getZodConstraint(ProjectFormSchema),
    onValidate: ({ formData }) => parseSubmission(formData, ProjectFormSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="card sub-form">
      <h3>{t('lab.addProject')}</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="add-project" />
      <Field label={t('lab.fields.projectTitle')} meta={fields.title} />
      <div className="row">
        <Field label={t('lab.fields.year')} meta={fields.year} type="number" />
        <Field label={t('lab.fields.customer')} meta={fields.customer} />
      </div>
      <TextareaField label={t('lab.fields.projectDescription')} meta={fields.description} rows={3} />
      <SubmitButton>{t('lab.add')}</SubmitButton>
    </Form>
  )
}

function RemoveButton({ intent, id }: { intent: string; id: number }) {
  const { t } = useTranslation()
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="itemId" value={id} />
      <button type="submit" name="intent" value={intent} className="button small link">
        {t('lab.remove')}
      </button>
    </Form>
  )
}

export default function LabPage() {
  const { t } = useTranslation()
  const { lab, organisation, publications, projects, canEdit, canInvite, fieldLabels, grntiLabels, proposedRequests } = useLoaderData<typeof loader>()
  return (
    <article className="detail">
      <div className="page-head">
        <h1 lang={textLanguage(lab.name) ?? undefined}>{lab.name}</h1>
      </div>
      <p className="muted">
        <Link to={`/orgs/${organisation.id}`}>{organisation.name}</Link> · {t(`organisationType.${organisation.type}`)}
        <VerificationBadge status={organisation.verificationStatus} />
      </p>
      {canInvite ? (
        <p className="toolbar">
          <Link to={`/labs/${lab.id}/invite`} className="button primary">
            {t('engagement.invite.title')}
          </Link>
        </p>
      ) : null}
      {canEdit ? (
        <div className="button-row toolbar">
          <Link to={`/labs/${lab.id}/edit`} className="button">
            {t('lab.edit')}
          </Link>
          <Form method="post">
            <button type="submit" name="intent" value="archive" className="button danger">
              <DestructiveIcon />
              {t('lab.archive')}
            </button>
          </Form>
        </div>
      ) : null}
      <div className="detail-grid">
        <div>
          <p className="prose" lang={textLanguage(lab.description) ?? undefined}>
            {lab.description}
          </p>
          {lab.services.length ? (
            <>
              <h2>{t('lab.fields.services')}</h2>
              <ul className="list">
                {lab.services.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </>
          ) : null}
          {lab.equipment.length ? (
            <>
              <h2>{t('lab.fields.equipment')}</h2>
              <ul className="list">
                {lab.equipment.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{t('lab.publications', { count: publications.length })}</h2>
          {publications.length === 0 ? <p className="muted">{t('lab.noPublications')}</p> : null}
          <ol className="publications">
            {publications.map((p) => (
              <li key={p.id}>
                <strong>{p.link ? <a href={p.link} rel="noopener noreferrer nofollow">{p.title}</a> : p.title}</strong>
                {p.year ? <span className="muted"> ({p.year})</span> : null}
                {p.abstract ? <p className="abstract">{p.abstract}</p> : null}
                {canEdit ? <RemoveButton intent="remove-publication" id={p.id} /> : null}
              </li>
            ))}
          </ol>
          {canEdit ? <AddPublicationForm /> : null}
          <h2>{t('lab.projects')}</h2>
          {projects.length === 0 ? <p className="muted">{t('lab.noProjects')}</p> : null}
          <ul className="list">
            {projects.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong>
                {p.year || p.customer ? <span className="muted"> ({[p.customer, p.year].filter(Boolean).join(', ')})</span> : null}
                {p.description ? <p>{p.description}</p> : null}
                {canEdit ? <RemoveButton intent="remove-project" id={p.id} /> : null}
              </li>
            ))}
          </ul>
          {canEdit ? <AddProjectForm /> : null}
        </div>
        <aside className="card">
          <dl className="facts stacked">
            <dt>{t('lab.fields.oecdFields')}</dt>
            <dd>{fieldLabels.join('; ')}</dd>
            {grntiLabels.length ? (
              <>
                <dt>{t('lab.fields.grnti')}</dt>
                <dd>{grntiLabels.join('; ')}</dd>
              </>
            ) : null}
            {lab.alliance ? (
              <>
                <dt>{t('fields.alliance')}</dt>
                <dd>{t(`alliance.${lab.alliance}`)}</dd>
              </>
            ) : null}
            <dt>{t('lab.trlRange')}</dt>
            <dd>
              <TrlRange from={lab.trlMin} to={lab.trlMax} />
            </dd>
            <dt>{t('lab.form.contact')}</dt>
            <dd>
              {lab.contactName}
              <br />
              <a href={`mailto:${lab.contactEmail}`}>{lab.contactEmail}</a>
              {lab.contactPhone ? (
                <>
                  <br />
                  {lab.contactPhone}
                </>
              ) : null}
            </dd>
          </dl>
          <KeywordList keywords={lab.keywords} />
        </aside>
      </div>

      {proposedRequests ? (
        <section id="proposed-requests" aria-labelledby="proposed-requests-title">
          <h2 id="proposed-requests-title">{t('match.proposedRequests')}</h2>
          <p className="hint">{t('match.proposedRequestsLead')}</p>
          <PendingProposals pending={proposedRequests.pending} stateUrl={`/labs/${lab.id}/proposals`} label={t('match.findingRequests')} />
          {proposedRequests.rows.length ? <MatchList matches={proposedRequests.rows} /> : proposedRequests.pending ? null : <p className="empty">{t(proposedRequests.unreadable ? `match.unreadable.lab.${proposedRequests.unreadable}` : 'match.noProposedRequests')}</p>}
          {proposedRequests.total > 0 ? (
            <p>
              <Link to={`/matches?lab=${lab.id}`}>{t('match.allProposals', { count: proposedRequests.total, dismissed: proposedRequests.dismissed })}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </article>
  )
}
