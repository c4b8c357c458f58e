import { getFormProps } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { selectionCriteria } from '#db/schema/claim-values'
import { useIntentResult } from '~/components/contracts/intent'
import { StatusBadge } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { Field, FormErrors, SelectField, SubmitButton, TextareaField } from '~/components/forms'
import { useAppForm } from '~/components/use-app-form'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { requirePermission } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { roundView } from '~/modules/selection/queries.server'
import { addCommissionMember, closeRound, declareConflict, openRound, scoreApplication } from '~/modules/selection/round.server'
import { AddMemberSchema, CloseRoundSchema, DeclareConflictSchema, OpenRoundSchema, ScoreSchema } from '~/modules/selection/schemas'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Конкурсный отбор · Competitive selection' }]

export function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'selection:manage')
  return json(loaderValue(roundView(actor, parseId(params.programmeId))))
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'selection:manage')
  const programmeId = parseId(params.programmeId)
  const formData = await request.formData()
  const here = `/admin/programmes/${programmeId}/round`
  const done = (key: string) => ({ redirectTo: here, toast: { type: 'success' as const, key: `selection.toast.${key}` } })
  switch (formData.get('intent')) {
    case 'open-round': {
      const submission = parseSubmission(formData, OpenRoundSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, openRound(actor, programmeId, submission.value), done('opened'))
    }
    case 'add-member': {
      const submission = parseSubmission(formData, AddMemberSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, addCommissionMember(actor, submission.value.roundId, submission.value), done('memberAdded'))
    }
    case 'declare': {
      const submission = parseSubmission(formData, DeclareConflictSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const { roundId, claimId, conflict, note } = submission.value
      return respondToForm(submission, declareConflict(actor, roundId, claimId, { conflicted: conflict === 'conflict', note }), done('declared'))
    }
    case 'score': {
      const submission = parseSubmission(formData, ScoreSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const { roundId, claimId, scores } = submission.value
      return respondToForm(submission, scoreApplication(actor, roundId, claimId, { scores }), done('scored'))
    }
    case 'close': {
      const submission = parseSubmission(formData, CloseRoundSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, closeRound(actor, submission.value.roundId), done('closed'))
    }
  }
  return json({ error: 'invalid' }, { status: 400 })
}

type View = ReturnType<typeof useLoaderData<typeof loader>>

function OpenRoundForm({ view }: { view: View }) {
  const { t } = useTranslation()
  const lastResult = useIntentResult('open-round')
  const [form, fields] = useAppForm({
    id: 'open-round',
    lastResult,
    constraint: getZodConstraint(OpenRoundSchema),
    defaultValue: { deadline: view.programme.closesOn, scaleMax: '10', weights: { scientific_level: '4', economic_effect: '3', co_funding: '2', readiness: '1' } },
    shouldValidate: 'onBlur',
  })
  const weights = fields.weights.getFieldset()
  return (
    <Form method="post" {...getFormProps(form)} className="panel">
      <h2>{t('selection.open.title')}</h2>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="open-round" />
      <div className="row">
        <Field label={t('selection.open.deadline')} meta={fields.deadline} type="date" hint={t('selection.open.deadlineHint')} />
        <Field label={t('selection.open.scaleMax')} meta={fields.scaleMax} type="number" />
      </div>
      <fieldset>
        <legend>{t('selection.open.weights')}</legend>
        <p className="hint">{t('selection.open.weightHint')}</p>
        <div className="row">
          {selectionCriteria.map((key) => (
            <Field key={key} label={t(`selection.criterion.${key}`)} meta={weights[key]} type="number" />
          ))}
        </div>
      </fieldset>
      <SubmitButton>{t('selection.open.submit')}</SubmitButton>
    </Form>
  )
}

function Commission({ view }: { view: View }) {
  const { t } = useTranslation()
  const lastResult = useIntentResult('add-member')
  const [form, fields] = useAppForm({ id: 'add-member', lastResult, constraint: getZodConstraint(AddMemberSchema), shouldValidate: 'onBlur' })
  return (
    <section className="panel" aria-labelledby="commission-title">
      <h2 id="commission-title">{t('selection.commission.title')}</h2>
      {view.members.length ? (
        <ul>
          {view.members.map((m) => (
            <li key={m.userId}>
              {m.name} <span className="muted">{m.email}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('selection.commission.empty')}</p>
      )}
      {view.round?.status === 'open' ? (
        view.candidates.length ? (
          <Form method="post" {...getFormProps(form)}>
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="intent" value="add-member" />
            <input type="hidden" name="roundId" value={view.round.id} />
            <SelectField label={t('selection.commission.person')} meta={fields.userId} options={view.candidates.map((c) => ({ value: c.userId, label: `${c.name} (${c.email})` }))} placeholder={t('common.choose')} />
            <SubmitButton className="button">{t('selection.commission.add')}</SubmitButton>
          </Form>
        ) : (
          <p className="muted">{t('selection.commission.nobodyLeft')}</p>
        )
      ) : null}
    </section>
  )
}

type ApplicationRow = View['applications'][number]

function DeclareForm({ roundId, application }: { roundId: number; application: ApplicationRow }) {
  const { t } = useTranslation()
  const lastResult = useIntentResult('declare', application.claimId)
  const [form, fields] = useAppForm<z.input<typeof DeclareConflictSchema>>({ id: `declare-${application.claimId}`, lastResult, constraint: getZodConstraint(DeclareConflictSchema), defaultValue: { conflict: 'none' } })
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="declare" />
      <input type="hidden" name="formKey" value={application.claimId} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="claimId" value={application.claimId} />
      <SelectField
        label={t('selection.declare.legend', { claim: application.claimId })}
        meta={fields.conflict}
        options={[
          { value: 'none', label: t('selection.declare.none') },
          { value: 'conflict', label: t('selection.declare.conflict') },
        ]}
      />
      <TextareaField label={t('selection.declare.note')} meta={fields.note} rows={2} />
      <SubmitButton className="button">{t('selection.declare.submit')}</SubmitButton>
    </Form>
  )
}

function ScoreForm({ view, application }: { view: View; application: ApplicationRow }) {
  const { t } = useTranslation()
  const round = view.round!
  const lastResult = useIntentResult('score', application.claimId)
  const [form, fields] = useAppForm({
    id: `score-${application.claimId}`,
    lastResult,
    constraint: getZodConstraint(ScoreSchema),
    defaultValue: { scores: Object.fromEntries(Object.entries(application.myScores ?? {}).map(([k, v]) => [k, String(v)])) },
  })
  const scores = fields.scores.getFieldset()
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="score" />
      <input type="hidden" name="formKey" value={application.claimId} />
      <input type="hidden" name="roundId" value={round.id} />
      <input type="hidden" name="claimId" value={application.claimId} />
      <fieldset>
        <legend>{t('selection.score.legend', { claim: application.claimId })}</legend>
        <div className="row">
          {round.criteria.map((c) => (
            <Field key={c.key} label={t(`selection.criterion.${c.key}`)} meta={scores[c.key]} type="number" hint={t('selection.score.hint', { max: round.scaleMax })} />
          ))}
        </div>
      </fieldset>
      {application.myScores ? <p className="muted">{t('selection.score.saved')}</p> : null}
      <SubmitButton className="button">{t('selection.score.submit')}</SubmitButton>
    </Form>
  )
}

function MyPart({ view, application }: { view: View; application: ApplicationRow }) {
  const { t } = useTranslation()
  switch (application.myStep) {
    case null:
      return null
    case 'affiliated':
      return <p>{t('selection.declare.affiliated')}</p>
    case 'declare':
      return <DeclareForm roundId={view.round!.id} application={application} />
    case 'conflicted':
      return <p>{t('selection.declare.declaredConflict')}</p>
    case 'score':
      return (
        <>
          <p className="muted">{t('selection.declare.declaredNone')}</p>
          {/* Saved scores remount the form, so a message from an earlier refused attempt does not linger. */}
          <ScoreForm key={JSON.stringify(application.myScores)} view={view} application={application} />
        </>
      )
  }
}

function Applications({ view }: { view: View }) {
  const { t } = useTranslation()
  const { formatMoney, formatDateTime } = useFormat()
  return (
    <section aria-labelledby="applications-title">
      <h2 id="applications-title">{t('selection.applications.title')}</h2>
      {view.isMember ? null : <p className="muted">{t('selection.notMember')}</p>}
      {view.applications.length === 0 ? <p className="muted">{t('selection.applications.empty')}</p> : null}
      {view.applications.map((a) => (
        <article key={a.claimId} className="panel" aria-labelledby={`application-${a.claimId}`}>
          <h3 id={`application-${a.claimId}`}>
            <Link to={`/admin/claims/${a.claimId}`}>
              {t('selection.claimNumber', { id: a.claimId })}
            </Link>
            {' — '}
            {a.company} · {a.contractor}
          </h3>
          <p className="muted">
            {t('selection.applications.submitted')}: {formatDateTime(a.submittedAt)} · {t('selection.applications.requested')}: {formatMoney(a.requestedKopecks)} · {t('selection.applications.progress')}: {a.sheetCount}
            {a.conflictCount ? ` · ${t('selection.applications.conflicts', { count: a.conflictCount })}` : ''}
          </p>
          <MyPart view={view} application={a} />
        </article>
      ))}
    </section>
  )
}

function CloseForm({ view }: { view: View }) {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const round = view.round!
  const lastResult = useIntentResult('close')
  const [form] = useAppForm({ id: 'close', lastResult })
  const deadline = formatDate(`${round.deadline}T12:00:00Z`)
  return (
    <Form method="post" {...getFormProps(form)} className="panel">
      <h2>{t('selection.close.title')}</h2>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="close" />
      <input type="hidden" name="roundId" value={round.id} />
      <p>{t('selection.close.lead', { remaining: formatMoney(view.budget.remainingKopecks) })}</p>
      {view.deadlinePassed ? null : <p className="muted">{t('selection.close.notYet', { deadline })}</p>}
      <SubmitButton className="button danger">{t('selection.close.submit')}</SubmitButton>
    </Form>
  )
}

export default function ProgrammeRound() {
  const { t } = useTranslation()
  const { formatDate, formatDateTime } = useFormat()
  const view = useLoaderData<typeof loader>()
  const { round } = view
  return (
    <section>
      <p>
        <Link to={`/admin/programmes/${view.programme.id}`}>{t('programmes.backToProgramme')}</Link>
      </p>
      <div className="page-head">
        <h1>
          {t('selection.title')}: {view.programme.title}
        </h1>
        {round ? <StatusBadge status={round.status} prefix="selection.status" /> : null}
      </div>
      {round ? (
        <>
          <p>{t('selection.rules', { deadline: formatDate(`${round.deadline}T12:00:00Z`), max: round.scaleMax })}</p>
          <h2>{t('selection.criteriaTitle')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('selection.criterionColumn')}</th>
                <th scope="col" className="num">
                  {t('selection.weight')}
                </th>
              </tr>
            </thead>
            <tbody>
              {round.criteria.map((c) => (
                <tr key={c.key}>
                  <td>{t(`selection.criterion.${c.key}`)}</td>
                  <td className="num">{c.weight}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Commission view={view} />
          {round.status === 'open' ? (
            <>
              <Applications view={view} />
              <CloseForm view={view} />
            </>
          ) : (
            <p className="panel">
              {t('selection.closed', { date: formatDateTime(round.closedAt) })}{' '}
              <Link to={`/admin/programmes/${view.programme.id}/round/protocol`}>{t('selection.protocolLink')}</Link>
            </p>
          )}
        </>
      ) : (
        <>
          <p className="prose">{t('selection.noRound')}</p>
          <OpenRoundForm view={view} />
        </>
      )}
    </section>
  )
}
