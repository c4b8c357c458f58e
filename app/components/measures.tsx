import { useTranslation } from 'react-i18next'
import type { Eligibility, Reason, ReasonParam, Verdict } from '~/modules/measures/eligibility'
import { regionName } from '~/modules/organisations/regions'
import { useFormat } from './format'

// Pieces every page about support measures shares: the verdict, the reasons behind it in the
// reader's language, amounts as a range, the demo marker.

const verdictTone: Record<Verdict, string> = { fits: 'success', may_fit: 'warning', does_not_fit: 'danger' }
// A mark that is not colour alone: ✓ fits, ? may fit, ✗ does not.
const verdictMark: Record<Verdict, string> = { fits: '✓', may_fit: '?', does_not_fit: '✗' }
const outcomeMark: Record<Reason['outcome'], string> = { pass: '✓', unknown: '?', fail: '✗' }

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation()
  return (
    <span className={`badge ${verdictTone[verdict]} verdict`} data-verdict={verdict}>
      <span aria-hidden="true">{verdictMark[verdict]}</span> <span>{t(`measures.verdict.${verdict}`)}</span>
    </span>
  )
}

export function DemoBadge() {
  const { t } = useTranslation()
  return (
    <span className="badge warning" title={t('measures.demoBadgeHint')}>
      {t('measures.demoBadge')}
    </span>
  )
}

/** "от 1 000 000 ₽ до 5 000 000 ₽", "до 5 000 000 ₽", or "без ограничения". */
export function useAmountRange() {
  const { t } = useTranslation()
  const { formatMoney } = useFormat()
  const money = (kopecks: number) => formatMoney(kopecks, { wholeRoubles: true })
  return (min: number | null, max: number | null): string => {
    if (min !== null && max !== null) return t('measures.amount.range', { min: money(min), max: money(max) })
    if (min !== null) return t('measures.amount.from', { min: money(min) })
    if (max !== null) return t('measures.amount.upTo', { max: money(max) })
    return t('measures.amount.any')
  }
}

/** Turns a reason's codes, kopecks and dates into the words of its sentence. */
export function useReasonText() {
  const { t } = useTranslation()
  const { formatMoney, formatDate, locale } = useFormat()
  const amountRange = useAmountRange()
  const list = (items: readonly string[], type: 'conjunction' | 'disjunction') => new Intl.ListFormat(locale, { type }).format(items)
  const namers: Partial<Record<Reason['check'], { allowed: (v: string) => string; yours: (v: string) => string }>> = {
    organisationType: { allowed: (v) => t(`measures.who.${v}`), yours: (v) => t(`measures.you.${v}`) },
    size: { allowed: (v) => t(`measures.sizes.${v}`), yours: (v) => t(`measures.yourSize.${v}`) },
    region: { allowed: (v) => regionName(v, locale), yours: (v) => regionName(v, locale) },
    sector: { allowed: (v) => t(`measures.sector.${v}`), yours: (v) => t(`measures.sector.${v}`) },
    stage: { allowed: (v) => t(`measures.stageName.${v}`), yours: (v) => t(`measures.stageName.${v}`) },
    contractor: { allowed: (v) => t(`measures.who.${v}`), yours: (v) => t(`measures.you.${v}`) },
  }
  const asList = (value: ReasonParam): string[] => (Array.isArray(value) ? [...value] : value === null || value === undefined ? [] : [String(value)])
  return (reason: Reason): string => {
    const p = reason.params
    const namer = namers[reason.check]
    if (namer) {
      return t(reason.key, {
        allowed: list(asList(p.allowed).map(namer.allowed), 'disjunction'),
        yours: list(asList(p.yours).map(namer.yours), 'conjunction'),
      })
    }
    if (reason.check === 'amount') {
      const min = p.min as number | null
      const max = p.max as number | null
      return t(reason.key, {
        range: amountRange(min, max),
        max: max === null ? '' : formatMoney(max, { wholeRoubles: true }),
        needed: typeof p.needed === 'number' ? formatMoney(p.needed, { wholeRoubles: true }) : '',
      })
    }
    if (reason.check === 'deadline' && typeof p.deadline === 'string') return t(reason.key, { deadline: formatDate(`${p.deadline}T12:00:00Z`) })
    return t(reason.key, p as Record<string, unknown>)
  }
}

/** The reasons behind a verdict, each marked as met, unknown or not met (not by colour alone). */
export function ReasonList({ reasons, only }: { reasons: Reason[]; only?: Reason['outcome'][] }) {
  const text = useReasonText()
  const shown = only ? reasons.filter((r) => only.includes(r.outcome)) : reasons
  if (shown.length === 0) return null
  return (
    <ul className="reasons">
      {shown.map((r) => (
        <li key={r.key} className={`reason reason-${r.outcome}`}>
          <span className="reason-mark" aria-hidden="true">
            {outcomeMark[r.outcome]}
          </span>{' '}
          {text(r)}
        </li>
      ))}
    </ul>
  )
}

// Within each outcome, the rules that tell a project most come first.
const telling: Reason['check'][] = ['status', 'trl', 'amount', 'contractor', 'stage', 'sector', 'size', 'region', 'organisationType', 'deadline']

/** The reasons worth reading first: what rules a measure out, then what is not known, then what fits. */
export function keyReasons(eligibility: Eligibility, limit = 3): Reason[] {
  const order: Reason['outcome'][] = eligibility.verdict === 'fits' ? ['pass'] : eligibility.verdict === 'may_fit' ? ['unknown', 'pass'] : ['fail']
  const rank = (r: Reason) => telling.indexOf(r.check)
  return order.flatMap((o) => eligibility.reasons.filter((r) => r.outcome === o).sort((a, b) => rank(a) - rank(b))).slice(0, limit)
}
