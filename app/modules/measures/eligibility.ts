import type { Alliance, CompanySize, OrganisationType } from '#db/schema/values'
import type { MeasureStage } from '#db/schema/measure-values'

// Whether a support measure fits a company, and why, in words a person can check. Pure: the
// navigator, a measure's page and a request's page all ask the same rules. Every rule answers
// "pass", "fail" or "unknown" (the profile does not say); one failure means the measure does not fit,
// otherwise one unknown means it may fit.

/** What the navigator knows about an applicant; null is "not said", never "none". */
export interface EligibilityProfile {
  organisationType: OrganisationType | null
  size: CompanySize | null
  /** Region code, as organisations store it ("70"). */
  region: string | null
  alliance: Alliance | null
  /** An OECD FOS area ("2") or field ("2.3"): measures name sectors at the area level. */
  field: string | null
  stage: MeasureStage | null
  trl: number | null
  /** The amount the applicant needs, in kopecks. */
  amountKopecks: number | null
  /** The day the applicant would apply (YYYY-MM-DD, the region's calendar). */
  date: string
  /**
   * Who performs the R&D, when a contract says so. Absent: nobody asked (the navigator does not), and
   * a measure's contractor rule says nothing; null: asked but not known.
   */
  contractorType?: OrganisationType | null
}

/** The parts of a measure the rules read. */
export interface MeasureRules {
  organisationTypes: readonly string[]
  companySizes: readonly string[]
  regions: readonly string[]
  sectors: readonly string[]
  stages: readonly string[]
  trlMin: number | null
  trlMax: number | null
  amountMinKopecks: number | null
  amountMaxKopecks: number | null
  /** The amount bounds are per year, for up to this many years. */
  maxYears?: number | null
  /** Who must perform the R&D; absent or empty: anyone. */
  contractorTypes?: readonly string[]
  deadline: string | null
  status: 'active' | 'archived'
}

export const verdicts = ['fits', 'may_fit', 'does_not_fit'] as const
export type Verdict = (typeof verdicts)[number]
export type Outcome = 'pass' | 'fail' | 'unknown'
export type Check = 'status' | 'organisationType' | 'size' | 'region' | 'sector' | 'stage' | 'trl' | 'amount' | 'contractor' | 'deadline'

export type ReasonParam = string | number | null | readonly string[]

/**
 * One rule's answer: a dictionary key (`measures.reason.<check>.<variant>`) and its parameters as
 * codes, numbers of kopecks and ISO dates; the page puts them into the reader's language.
 */
export interface Reason {
  check: Check
  outcome: Outcome
  key: string
  params: Record<string, ReasonParam>
}

export interface Eligibility {
  verdict: Verdict
  reasons: Reason[]
}

function reason(check: Check, outcome: Outcome, variant: string, params: Record<string, ReasonParam> = {}): Reason {
  return { check, outcome, key: `measures.reason.${check}.${variant}`, params }
}

/** A rule over a list of allowed values: an empty list allows anything and says nothing. */
function listRule(check: Check, allowed: readonly string[], yours: string | null): Reason | null {
  if (allowed.length === 0) return null
  if (yours === null) return reason(check, 'unknown', 'unknown', { allowed })
  return allowed.includes(yours) ? reason(check, 'pass', 'pass', { allowed, yours }) : reason(check, 'fail', 'fail', { allowed, yours })
}

// Sizes are a company's: a measure open to companies of some sizes and to universities does not ask
// a university its size.
function sizeRule(measure: MeasureRules, profile: EligibilityProfile): Reason | null {
  if (profile.organisationType !== null && profile.organisationType !== 'company') return null
  return listRule('size', measure.companySizes, profile.size)
}

/**
 * Sectors mix OECD areas and alliances. A measure fits when either of the applicant's matches; it
 * does not fit only when the applicant has said everything the measure asks about and nothing matches.
 */
function sectorRule(measure: MeasureRules, profile: EligibilityProfile): Reason | null {
  const allowed = measure.sectors
  if (allowed.length === 0) return null
  const area = profile.field ? profile.field.split('.')[0] : null
  const yours = [area, profile.alliance].filter((v): v is string => v !== null)
  const matched = yours.find((v) => allowed.includes(v))
  if (matched) return reason('sector', 'pass', 'pass', { allowed, yours: matched })
  const asksAreas = allowed.some((s) => /^\d$/.test(s))
  const asksAlliances = allowed.some((s) => !/^\d$/.test(s))
  const unknown = (asksAreas && area === null) || (asksAlliances && profile.alliance === null)
  if (unknown) return reason('sector', 'unknown', 'unknown', { allowed })
  return reason('sector', 'fail', 'fail', { allowed, yours })
}

function trlRule(measure: MeasureRules, profile: EligibilityProfile): Reason | null {
  if (measure.trlMin === null && measure.trlMax === null) return null
  const min = measure.trlMin ?? 1
  const max = measure.trlMax ?? 9
  if (profile.trl === null) return reason('trl', 'unknown', 'unknown', { min, max })
  const params = { trl: profile.trl, min, max }
  return profile.trl >= min && profile.trl <= max ? reason('trl', 'pass', 'pass', params) : reason('trl', 'fail', 'fail', params)
}

// A measure smaller than the need still helps (it pays part of it); a loan or grant whose minimum
// is above the need does not fit it. A multi-year measure's maximum is its yearly limit times its years.
function amountRule(measure: MeasureRules, profile: EligibilityProfile): Reason | null {
  const min = measure.amountMinKopecks
  const max = measure.amountMaxKopecks === null ? null : measure.amountMaxKopecks * (measure.maxYears ?? 1)
  if (min === null && max === null) return null
  if (profile.amountKopecks === null) return reason('amount', 'unknown', 'unknown', { min, max })
  const needed = profile.amountKopecks
  if (min !== null && needed < min) return reason('amount', 'fail', 'below_min', { min, max, needed })
  if (max !== null && needed > max) return reason('amount', 'pass', 'partial', { min, max, needed })
  return reason('amount', 'pass', 'within', { min, max, needed })
}

function contractorRule(measure: MeasureRules, profile: EligibilityProfile): Reason | null {
  if (!measure.contractorTypes?.length || profile.contractorType === undefined) return null
  return listRule('contractor', measure.contractorTypes, profile.contractorType)
}

// Applications are accepted up to and including the deadline day.
function deadlineRule(measure: MeasureRules, profile: EligibilityProfile): Reason {
  if (measure.deadline === null) return reason('deadline', 'pass', 'open')
  const params = { deadline: measure.deadline }
  if (measure.deadline < profile.date) return reason('deadline', 'fail', 'passed', params)
  if (measure.deadline === profile.date) return reason('deadline', 'pass', 'last_day', params)
  return reason('deadline', 'pass', 'until', params)
}

export function assessMeasure(measure: MeasureRules, profile: EligibilityProfile): Eligibility {
  const reasons = [
    measure.status === 'archived' ? reason('status', 'fail', 'archived') : null,
    listRule('organisationType', measure.organisationTypes, profile.organisationType),
    sizeRule(measure, profile),
    listRule('region', measure.regions, profile.region),
    sectorRule(measure, profile),
    listRule('stage', measure.stages, profile.stage),
    trlRule(measure, profile),
    amountRule(measure, profile),
    contractorRule(measure, profile),
    deadlineRule(measure, profile),
  ].filter((r): r is Reason => r !== null)
  const verdict: Verdict = reasons.some((r) => r.outcome === 'fail') ? 'does_not_fit' : reasons.some((r) => r.outcome === 'unknown') ? 'may_fit' : 'fits'
  return { verdict, reasons }
}

const verdictRank: Record<Verdict, number> = { fits: 0, may_fit: 1, does_not_fit: 2 }

/** Measures with their verdicts: those that fit first, then those that may, then the rest; ties keep their order. */
export function rankMeasures<M extends MeasureRules>(measures: readonly M[], profile: EligibilityProfile): { measure: M; eligibility: Eligibility }[] {
  return measures
    .map((measure, index) => ({ measure, eligibility: assessMeasure(measure, profile), index }))
    .sort((a, b) => verdictRank[a.eligibility.verdict] - verdictRank[b.eligibility.verdict] || a.index - b.index)
    .map(({ measure, eligibility }) => ({ measure, eligibility }))
}

/** The stage a project is at, read from its current TRL: 1–2 an idea, 3–5 R&D, 6–7 a pilot, 8–9 scaling up. */
export function stageOfTrl(trl: number): MeasureStage {
  if (trl <= 2) return 'idea'
  if (trl <= 5) return 'rnd'
  if (trl <= 7) return 'pilot'
  return 'scale'
}

/** A profile that says nothing but the date: every measure with a rule then may fit. */
export function emptyProfile(date: string): EligibilityProfile {
  return { organisationType: null, size: null, region: null, alliance: null, field: null, stage: null, trl: null, amountKopecks: null, date }
}
