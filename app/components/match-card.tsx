import { getFormProps, getSelectProps, getTextareaProps, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { matchDismissReasons } from '#db/schema/match-values'
import type { MatchCardData } from '~/modules/matching/matches.server'
import type { ExplainedCriterion, MatchedWord } from '~/modules/matching/explanation'
import { MatchDismissSchema } from '~/modules/matching/schemas'
import { useFormat } from './format'
import { FormErrors } from './forms'
import { translateMessage } from './messages'
import { useAppForm } from './use-app-form'

// One proposal as either side sees it: who the other party is, how well it fits, why (in sentences a
// person can check against both pages), and what this side can do: open it, set it aside with a
// reason, or restore it. Its forms post to the page it is on.

const MONEY_PARAMS = ['budgetMax', 'typicalPrice'] as const

/** "катализатор ↔ catalyst" where the match crossed languages, else the request's word; the pair never breaks at the arrow. */
const wordAndCounterpart = ({ word, counterpart }: MatchedWord) => (counterpart ? `${word}\u00a0↔\u00a0${counterpart}` : word)

function CriterionSentence({ criterion }: { criterion: ExplainedCriterion }) {
  const { t } = useTranslation()
  const { formatMoney } = useFormat()
  const params: Record<string, string | number> = { ...criterion.params }
  for (const key of MONEY_PARAMS) if (typeof params[key] === 'number') params[key] = formatMoney(params[key] as number, { wholeRoubles: true })
  if (typeof params.alliance === 'string') params.allianceName = t(`alliance.${params.alliance}`)
  return (
    <li className={criterion.fits ? 'fits' : 'misfits'}>
      <span aria-hidden="true">{criterion.fits ? '✓ ' : '✗ '}</span>
      <span className="visually-hidden">{criterion.fits ? t('match.fits') : t('match.misfits')} </span>
      {t(`match.criterion.${criterion.reason}`, params)}
    </li>
  )
}

// The same for every card: worked out once, not on every render of every card.
const DISMISS_CONSTRAINT = getZodConstraint(MatchDismissSchema)

/**
 * Set a proposal aside with a reason. A list renders one of these per card, so only the card whose
 * submission came back refused carries conform's form state (its errors, the values typed); the others
 * are plain forms with the same fields and the schema's own constraints, which cost far less to render.
 */
function DismissForm({ match }: { match: MatchCardData }) {
  const lastResult = useActionData<SubmissionResult<string[]>>()
  const mine = lastResult?.initialValue?.intent === 'match-dismiss' && String(lastResult.initialValue.matchId) === String(match.id)
  return mine ? <RefusedDismissForm match={match} lastResult={lastResult} /> : <PlainDismissForm match={match} />
}

function RefusedDismissForm({ match, lastResult }: { match: MatchCardData; lastResult: SubmissionResult<string[]> }) {
  const { t } = useTranslation()
  const [form, fields] = useAppForm({
    id: `match-dismiss-${match.id}`,
    lastResult,
    constraint: DISMISS_CONSTRAINT,
    defaultValue: { reason: 'not_relevant' },
    onValidate: ({ formData }) => parseSubmission(formData, MatchDismissSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <details className="decline" open>
      <summary>{t('match.dismiss')}</summary>
      <Form method="post" {...getFormProps(form)} className="inline-form">
        <FormErrors errors={form.errors} id={form.errorId} />
        <DismissFields
          key={`${fields.reason.key}-${fields.note.key}`}
          match={match}
          reason={getSelectProps(fields.reason)}
          note={getTextareaProps(fields.note)}
          noteErrors={fields.note.errors}
        />
      </Form>
    </details>
  )
}

function PlainDismissForm({ match }: { match: MatchCardData }) {
  const id = `match-dismiss-${match.id}`
  return (
    <details className="decline">
      <summary>
        <DismissLabel />
      </summary>
      <Form method="post" id={id} className="inline-form">
        <DismissFields
          match={match}
          reason={{ id: `${id}-reason`, name: 'reason', defaultValue: 'not_relevant', required: DISMISS_CONSTRAINT.reason?.required }}
          note={{ id: `${id}-note`, name: 'note', maxLength: DISMISS_CONSTRAINT.note?.maxLength }}
        />
      </Form>
    </details>
  )
}

function DismissLabel() {
  const { t } = useTranslation()
  return <>{t('match.dismiss')}</>
}

function DismissFields({
  match,
  reason,
  note,
  noteErrors,
}: {
  match: MatchCardData
  reason: React.SelectHTMLAttributes<HTMLSelectElement> & { id: string }
  note: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string }
  noteErrors?: string[]
}) {
  const { t } = useTranslation()
  return (
    <>
      <input type="hidden" name="intent" value="match-dismiss" />
      <input type="hidden" name="matchId" value={match.id} />
      <div className="field">
        <label htmlFor={reason.id}>{t('match.dismissReason')}</label>
        <select {...reason}>
          {matchDismissReasons.map((value) => (
            <option key={value} value={value}>
              {t(`match.reason.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={note.id}>{t('match.dismissNote')}</label>
        <textarea {...note} rows={2} />
        {noteErrors?.map((e) => (
          <p key={e} className="field-errors" role="alert">
            {translateMessage(t, e)}
          </p>
        ))}
      </div>
      <button type="submit" className="button small">
        {t('match.dismiss')}
      </button>
    </>
  )
}

/** Where the proposal leads: the pair's engagement, or the first step of one. */
function MatchNextStep({ match }: { match: MatchCardData }) {
  const { t } = useTranslation()
  const [to, label] = match.engagementId
    ? [`/engagements/${match.engagementId}`, 'match.openEngagement']
    : match.request.status !== 'published'
      ? [null, null]
      : match.side === 'company'
        ? [`/labs/${match.lab.id}/invite?requestId=${match.request.id}`, 'match.invite']
        : [`/requests/${match.request.id}/interest?labId=${match.lab.id}`, 'match.expressInterest']
  if (!to || !label) return null
  return (
    <p>
      <Link className="button small" to={to}>
        {t(label)}
      </Link>
    </p>
  )
}

export function MatchCard({ match, showSubject }: { match: MatchCardData; showSubject: boolean }) {
  const { t } = useTranslation()
  const { explanation } = match
  const forCompany = match.side === 'company'
  const title = forCompany ? match.lab.name : match.request.title
  const organisation = forCompany ? match.lab.organisationName : match.request.organisationName
  const percent = Math.round(match.score * 100)
  return (
    <li className="card hit match-card" data-match-id={match.id} data-status={match.status}>
      <h3>
        <Form method="post" className="inline">
          <input type="hidden" name="matchId" value={match.id} />
          <button type="submit" name="intent" value="match-open" className="button link">
            {title}
          </button>
        </Form>
        {match.status === 'new' ? <span className="badge warning">{t('match.status.new')}</span> : null}
        {match.status === 'interested' ? <span className="badge success">{t('match.status.interested')}</span> : null}
        {match.status === 'dismissed' ? <span className="badge">{t('match.status.dismissed')}</span> : null}
        <span className="badge" title={t('match.fitHint')}>
          {t('match.fit', { percent })}
        </span>
      </h3>
      <p className="hit-facts">
        <span>{t('match.by', { organisation })}</span>
        {/* Where the list spans several labs or requests of the reader's own side, the card says which one it is for. */}
        {showSubject && forCompany ? (
          <span>
            <Link to={`/requests/${match.request.id}`}>{t('match.forRequest', { request: match.request.title })}</Link>
          </span>
        ) : null}
        {showSubject && !forCompany ? (
          <span>
            <Link to={`/labs/${match.lab.id}`}>{t('match.forLab', { lab: match.lab.name, organisation: match.lab.organisationName })}</Link>
          </span>
        ) : null}
        {!forCompany && match.request.status !== 'published' ? <span>{t('match.requestNotOpen')}</span> : null}
      </p>
      <h4 className="visually-hidden">{t('match.why')}</h4>
      <ul className="list match-reasons">
        {explanation.words.length ? <li>{t('match.words', { words: explanation.words.map(wordAndCounterpart).join(', ') })}</li> : null}
        {explanation.publications.count > 0 ? (
          <li>
            {t('match.publications', {
              count: explanation.publications.count,
              titles: explanation.publications.titles.map((title) => `«${title}»`).join('; ') + (explanation.publications.count > explanation.publications.titles.length ? '; …' : ''),
            })}
          </li>
        ) : null}
        {explanation.criteria.map((criterion) => (
          <CriterionSentence key={criterion.criterion} criterion={criterion} />
        ))}
        <li>{explanation.trackRecord.contracts > 0 ? t('match.trackRecord', { count: explanation.trackRecord.contracts }) : t('match.noTrackRecord')}</li>
      </ul>
      <MatchNextStep match={match} />
      {match.status === 'dismissed' ? (
        <div className="button-row">
          <p className="muted">
            {t('match.dismissedBecause', { reason: match.dismissedReason ? t(`match.reason.${match.dismissedReason}`) : '' })}
            {match.dismissedNote ? ` — ${match.dismissedNote}` : null}
          </p>
          <Form method="post">
            <input type="hidden" name="matchId" value={match.id} />
            <button type="submit" name="intent" value="match-restore" className="button small">
              {t('match.restore')}
            </button>
          </Form>
        </div>
      ) : (
        <DismissForm match={match} />
      )}
    </li>
  )
}

/**
 * Proposals as a list of cards, under a legend that says what their percentage means. `showSubject`
 * where the list mixes the reader's own requests or labs (the matches page), so each card names its own.
 */
export function MatchList({ matches, showSubject = false }: { matches: MatchCardData[]; showSubject?: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="hint match-legend">{t('match.legend')}</p>
      <ul className="hits">
        {matches.map((match) => (
          <MatchCard key={match.id} match={match} showSubject={showSubject} />
        ))}
      </ul>
    </>
  )
}
