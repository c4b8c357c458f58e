import { parseSubmission } from '~/modules/forms/parse-submission'
import { textLanguage } from '#search/documents/catalogue-order'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { classificationName } from '#db/classifications'
import { KeywordList } from '~/components/catalogue'
import { MeasuresForRequest } from '~/components/measures-for-request'
import { useFormat } from '~/components/format'
import { VerificationBadge } from '~/components/layout'
import { MatchList } from '~/components/match-card'
import { PendingProposals } from '~/components/pending-proposals'
import { requireActor } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { regionName } from '~/modules/organisations/regions'
import { admissionsToRequest, engagementsOfRequest } from '~/modules/engagements/engagements.server'
import { respondToMatchForm } from '~/modules/matching/form-action.server'
import { proposedLabsForRequest } from '~/modules/matching/matches.server'
import { isMatchIntent } from '~/modules/matching/schemas'
import { measuresForRequest } from '~/modules/measures/for-request.server'
import { can } from '~/modules/permissions/can'
import { allowedTransitions, changeRequestStatus, viewRequest } from '~/modules/requests/requests.server'
import { RequestTransitionSchema } from '~/modules/requests/schemas'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.view.request.title ?? 'R&D' }]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const requestId = parseId(params.requestId)
  const view = loaderValue(viewRequest(context.actor, requestId, admissionsToRequest(requestId)), { conceal: true })
  const locale = await resolveLocale(request, context.actor)
  const r = view.request
  // Only the request's company gets its proposed labs; for anyone else the section does not exist.
  const proposedLabs = proposedLabsForRequest(context.actor, requestId, locale)
  return json({
    view,
    labels: {
      field: classificationName('oecd', r.oecdField, locale),
      grnti: r.grnti ? classificationName('grnti', r.grnti, locale) : null,
      region: regionName(r.region, locale),
    },
    transitions: view.canEdit ? allowedTransitions(r.status) : [],
    engagements: engagementsOfRequest(context.actor, requestId).map((e) => ({ id: e.id, stage: e.stage, labName: e.labName })),
    canExpressInterest: can(context.actor, 'request:express_interest', r),
    // The measures read the company's own size and region: they are shown to the company alone.
    measures: view.canEdit ? measuresForRequest(requestId) : null,
    proposedLabs: proposedLabs.ok ? proposedLabs.value : null,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request)
  const id = parseId(params.requestId)
  const formData = await request.formData()
  if (isMatchIntent(formData.get('intent'))) return respondToMatchForm(actor, formData, `/requests/${id}#proposed-labs`)
  const submission = parseSubmission(formData, RequestTransitionSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, changeRequestStatus(actor, id, submission.value.transition), {
    redirectTo: `/requests/${id}`,
    toast: { type: 'success', key: `toast.request.${submission.value.transition}` },
  })
}

export default function RequestPage() {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const { view, labels, transitions, engagements, canExpressInterest, proposedLabs, measures } = useLoaderData<typeof loader>()
  const { request: r, organisation } = view
  return (
    <article className="detail">
      <p className="muted">
        <span className={`status status-${r.status}`}>{t(`request.status.${r.status}`)}</span>
      </p>
      <div className="page-head">
        <h1 lang={textLanguage(r.title) ?? undefined}>{r.title}</h1>
      </div>
      <p className="muted">
        <Link to={`/orgs/${organisation.id}`}>{organisation.name}</Link>
        <VerificationBadge status={organisation.verificationStatus as 'verified'} />
      </p>
      <p className="lead" lang={textLanguage(r.summary) ?? undefined}>
        {r.summary}
      </p>

      {view.canEdit ? (
        <div className="button-row toolbar">
          {r.status !== 'closed' ? (
            <Link to={`/requests/${r.id}/edit`} className="button">
              {t('request.edit')}
            </Link>
          ) : null}
          <Form method="post" className="button-row">
            {transitions.map((transition) => (
              <button key={transition} type="submit" name="transition" value={transition} className={transition === 'publish' ? 'button primary' : 'button'}>
                {t(`request.transition.${transition}`)}
              </button>
            ))}
          </Form>
        </div>
      ) : null}

      {canExpressInterest || engagements.length ? (
        <div className="card engagements-box">
          {engagements.length ? (
            <>
              <h2>{t('engagement.list.title')}</h2>
              <ul className="list">
                {engagements.map((e) => (
                  <li key={e.id}>
                    <Link to={`/engagements/${e.id}`}>{e.labName}</Link> — {t(`engagement.stage.${e.stage}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {canExpressInterest ? (
            <Link to={`/requests/${r.id}/interest`} className="button primary">
              {t('engagement.interest.title')}
            </Link>
          ) : null}
        </div>
      ) : null}

      <div className="detail-grid">
        <div>
          <h2>{t('request.fields.problem')}</h2>
          <p className="prose">{r.problem}</p>
          <h2>{t('request.fields.expectedResult')}</h2>
          <p className="prose">{r.expectedResult}</p>
          <h2>{t('request.fields.confidentialDetails')}</h2>
          {view.confidentialVisible ? (
            <div className="confidential">
              <p className="hint">
                {view.admittedThrough ? (
                  <>
                    {t('request.confidentialShownThrough', { lab: view.admittedThrough.labName })}{' '}
                    <Link to={`/engagements/${view.admittedThrough.engagementId}`}>{t('request.openAdmittingEngagement')}</Link>
                  </>
                ) : (
                  t('request.confidentialShown')
                )}
              </p>
              <p className="prose">{r.confidentialDetails || t('request.noConfidential')}</p>
            </div>
          ) : (
            <p className="notice">{t('request.confidentialHidden')}</p>
          )}
        </div>
        <aside className="card">
          <dl className="facts stacked">
            <dt>{t('request.fields.oecdField')}</dt>
            <dd>
              {r.oecdField} {labels.field}
            </dd>
            {labels.grnti ? (
              <>
                <dt>{t('request.fields.grnti')}</dt>
                <dd>
                  {r.grnti} {labels.grnti}
                </dd>
              </>
            ) : null}
            {r.alliance ? (
              <>
                <dt>{t('fields.alliance')}</dt>
                <dd>{t(`alliance.${r.alliance}`)}</dd>
              </>
            ) : null}
            <dt>{t('request.trl')}</dt>
            <dd>{t('request.trlFromTo', { from: r.trlNow, to: r.trlWanted })}</dd>
            <dt>{t('request.budget')}</dt>
            <dd>
              {formatMoney(r.budgetMin, { wholeRoubles: true })} — {formatMoney(r.budgetMax, { wholeRoubles: true })}
            </dd>
            <dt>{t('request.fields.deadline')}</dt>
            <dd>{formatDate(`${r.deadline}T12:00:00Z`)}</dd>
            <dt>{t('fields.region')}</dt>
            <dd>{labels.region}</dd>
          </dl>
          <KeywordList keywords={r.keywords} />
        </aside>
      </div>

      {proposedLabs ? (
        <section id="proposed-labs" aria-labelledby="proposed-labs-title">
          <h2 id="proposed-labs-title">{t('match.proposedLabs')}</h2>
          <p className="hint">{t('match.proposedLabsLead')}</p>
          <PendingProposals pending={proposedLabs.pending} stateUrl={`/requests/${r.id}/proposals`} label={t('match.findingLabs')} />
          {proposedLabs.rows.length ? <MatchList matches={proposedLabs.rows} /> : proposedLabs.pending ? null : <p className="empty">{t(proposedLabs.unreadable ? `match.unreadable.request.${proposedLabs.unreadable}` : 'match.noProposedLabs')}</p>}
          {proposedLabs.total > 0 ? (
            <p>
              <Link to={`/matches?request=${r.id}`}>{t('match.allProposals', { count: proposedLabs.total, dismissed: proposedLabs.dismissed })}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <MeasuresForRequest data={measures} />
    </article>
  )
}
