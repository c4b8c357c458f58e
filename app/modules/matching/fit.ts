import type { Readability } from './readable-language'
import type { Reach } from './text-terms'

// Structured fit: how a lab's declared profile fits a request's terms, criterion by criterion, each
// with the sentence that explains it. Every rule is one a person can check against the two pages.

/** What the fit rules know of a lab. */
export interface LabFacts {
  organisationId: number
  /** Second-level OECD FOS codes, e.g. "2.3". */
  oecdFields: string[]
  alliance: string | null
  trlMin: number
  trlMax: number
  /** The region code of the lab's organisation. */
  region: string | null
  /** Whether its texts are in a language the matcher reads. */
  readability: Readability
  /** The script of each of its texts (profile-codec.ts, encodeScripts). */
  documentScripts: string
}

/** What the fit rules know of a request. */
export interface RequestFacts {
  organisationId: number
  oecdField: string
  alliance: string | null
  trlNow: number
  trlWanted: number
  /** Kopecks. */
  budgetMin: number
  budgetMax: number
  /** YYYY-MM-DD. */
  deadline: string
  region: string
  status: string
  /** Whether its text is in a language the matcher reads. */
  readability: Readability
  /** How much of its text a text in each script could share (text-terms.ts). */
  reach: Reach
}

/**
 * Contracted R&D of the lab's organisation with industry: confirmed contracts, their typical price
 * and length. Empty (0, null, null) until the organisation has any.
 */
export interface TrackRecord {
  contracts: number
  /** Median price of the confirmed contracts, kopecks. */
  typicalPrice: number | null
  /** Median length of the confirmed contracts, whole months. */
  typicalMonths: number | null
}

export const NO_TRACK_RECORD: TrackRecord = { contracts: 0, typicalPrice: null, typicalMonths: null }

export type CriterionName = 'field' | 'trl' | 'alliance' | 'budget' | 'deadline' | 'region' | 'trackRecord'

/**
 * Every sentence a criterion can say (a key under `match.criterion.`), and whether that sentence
 * says the condition is met. The ✓ or ✗ beside a sentence and the penalty in the score are both read
 * from here, so neither can contradict the words: a rule picks a sentence, never a mark.
 */
export const REASON_MEETS = {
  'field.same': true,
  'field.sameArea': false,
  'field.differs': false,
  'trl.fits': true,
  'trl.partial': false,
  'trl.outside': false,
  'alliance.same': true,
  'alliance.differs': false,
  'budget.fits': true,
  'budget.low': false,
  'deadline.fits': true,
  'deadline.tight': false,
  'deadline.soon': false,
  'deadline.passed': false,
  'region.same': true,
  'region.differs': false,
  'trackRecord.some': true,
  'trackRecord.none': false,
} as const satisfies Record<string, boolean>

export type CriterionReason = keyof typeof REASON_MEETS

export function reasonMeets(reason: string): boolean {
  return (REASON_MEETS as Record<string, boolean>)[reason] === true
}

export interface Criterion {
  name: CriterionName
  /** 0 (does not fit) … 1 (fits). A condition's value is 1 exactly when its reason says it is met. */
  value: number
  /** The sentence that says why: a key under `match.criterion.` and its values. */
  reason: CriterionReason
  params: Record<string, string | number>
  /** Whether the sentence says the condition is met (REASON_MEETS); for the track record, that there is one. */
  met: boolean
}

/** How much each criterion counts in the structured part of the score: the field most. */
export const CRITERION_WEIGHTS: Record<CriterionName, number> = {
  field: 3,
  trl: 2,
  alliance: 1.5,
  budget: 1,
  deadline: 1,
  trackRecord: 1,
  region: 0.5,
}

// Fewer than this many days is little time for R&D, whatever the lab; a soft signal only.
const SHORT_DEADLINE_DAYS = 90
// A budget under half of what the organisation's contracts usually cost is unlikely to be taken.
const BUDGET_SHARE_OF_TYPICAL = 0.5
// Three contracts with industry make a full record; fewer count in proportion.
const FULL_TRACK_RECORD = 3
const DAY_MS = 86_400_000

const areaOf = (code: string) => code.split('.')[0]

export function fieldFit(lab: LabFacts, request: RequestFacts): Criterion {
  if (lab.oecdFields.includes(request.oecdField)) return criterion('field', 1, 'field.same', { field: request.oecdField })
  const sameArea = lab.oecdFields.find((code) => areaOf(code) === areaOf(request.oecdField))
  if (sameArea) return criterion('field', 0.5, 'field.sameArea', { field: request.oecdField, area: areaOf(request.oecdField), labField: sameArea })
  return criterion('field', 0, 'field.differs', { field: request.oecdField, labField: lab.oecdFields[0] ?? '' })
}

/**
 * The request takes a technology from TRL `trlNow` to `trlWanted`: the lab should work at the levels
 * to be reached, trlNow + 1 … trlWanted. Partial cover counts in proportion.
 */
export function trlFit(lab: LabFacts, request: RequestFacts): Criterion {
  const from = Math.min(request.trlNow + 1, request.trlWanted)
  const to = request.trlWanted
  const covered = Math.max(0, Math.min(to, lab.trlMax) - Math.max(from, lab.trlMin) + 1)
  const value = covered / (to - from + 1)
  const params = { labMin: lab.trlMin, labMax: lab.trlMax, now: request.trlNow, wanted: request.trlWanted }
  if (value >= 1) return criterion('trl', 1, 'trl.fits', params)
  if (value > 0) return criterion('trl', value, 'trl.partial', params)
  return criterion('trl', 0, 'trl.outside', params)
}

/** Only when the request names an alliance: otherwise any lab is as good. */
export function allianceFit(lab: LabFacts, request: RequestFacts): Criterion | null {
  if (!request.alliance) return null
  if (lab.alliance === request.alliance) return criterion('alliance', 1, 'alliance.same', { alliance: request.alliance })
  return criterion('alliance', 0, 'alliance.differs', { alliance: request.alliance })
}

/** Only against the organisation's own contracts: a lab publishes no prices. */
export function budgetFit(record: TrackRecord, request: RequestFacts): Criterion | null {
  if (record.typicalPrice === null) return null
  const params = { budgetMax: request.budgetMax, typicalPrice: record.typicalPrice }
  if (request.budgetMax >= BUDGET_SHARE_OF_TYPICAL * record.typicalPrice) return criterion('budget', 1, 'budget.fits', params)
  return criterion('budget', 0, 'budget.low', params)
}

/**
 * Against the organisation's typical contract length when it has contracts; otherwise only a
 * deadline under three months counts, half against.
 */
export function deadlineFit(record: TrackRecord, request: RequestFacts, today: string): Criterion | null {
  const days = Math.floor((Date.parse(`${request.deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS)
  if (days < 0) return criterion('deadline', 0, 'deadline.passed', { deadline: request.deadline })
  const months = Math.floor(days / 30.4)
  if (record.typicalMonths !== null && record.typicalMonths > 0) {
    const params = { months, typicalMonths: record.typicalMonths }
    if (months >= record.typicalMonths) return criterion('deadline', 1, 'deadline.fits', params)
    return criterion('deadline', months / record.typicalMonths, 'deadline.tight', params)
  }
  if (days < SHORT_DEADLINE_DAYS) return criterion('deadline', 0.5, 'deadline.soon', { days })
  return null
}

export function regionFit(lab: LabFacts, request: RequestFacts): Criterion | null {
  if (!lab.region) return null
  if (lab.region === request.region) return criterion('region', 1, 'region.same', { region: request.region })
  return criterion('region', 0, 'region.differs', { region: request.region, labRegion: lab.region })
}

export function trackRecordFit(record: TrackRecord): Criterion {
  const value = Math.min(1, record.contracts / FULL_TRACK_RECORD)
  return criterion('trackRecord', value, record.contracts > 0 ? 'trackRecord.some' : 'trackRecord.none', { count: record.contracts })
}

/** Every criterion that applies to the pair, in the order the explanation lists them. */
export function structuredFit(lab: LabFacts, request: RequestFacts, record: TrackRecord, today: string): Criterion[] {
  const all = [
    fieldFit(lab, request),
    trlFit(lab, request),
    allianceFit(lab, request),
    budgetFit(record, request),
    deadlineFit(record, request, today),
    regionFit(lab, request),
    trackRecordFit(record),
  ]
  return all.filter((c): c is Criterion => c !== null)
}

/** The weighted mean of the criteria that apply, in [0, 1]. */
export function structureScore(criteria: readonly Criterion[]): number {
  let weighted = 0
  let weights = 0
  for (const c of criteria) {
    weighted += CRITERION_WEIGHTS[c.name] * c.value
    weights += CRITERION_WEIGHTS[c.name]
  }
  return weights === 0 ? 0 : weighted / weights
}

function criterion(name: CriterionName, value: number, reason: CriterionReason, params: Record<string, string | number>): Criterion {
  return { name, value, reason, params, met: REASON_MEETS[reason] }
}
