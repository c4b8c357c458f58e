import { structureScore, type Criterion, type CriterionName } from './fit'

// One score per (lab, request) pair, the same whichever side asks, and the very figure the match card
// shows: text relevance scaled against the best lab for the request, combined with structured fit,
// then lowered for each condition the pair does not meet. The text part dominates where both texts
// are rich; where a text is thin (a lab with a two-line profile), the text says less and structured
// fit counts for more. An unmet condition (✗ on the card) always costs a visible share, so that a lab
// in another field never reads as a 97 % fit.

/** Proposals kept per request and per lab. */
export const PROPOSALS_PER_SIDE = 20
/** A new proposal at or above this score is announced to both organisations. */
export const NOTIFY_THRESHOLD = 0.7
/**
 * Below this a pair is not proposed at all, however few labs a request has: it takes a text at least
 * a quarter as relevant as the best lab's (or a sixteenth of it with every structured criterion met),
 * and more for each unmet condition.
 * On a small catalogue a "top 20" would otherwise pad each list with labs that share nothing with it.
 */
export const MIN_PROPOSAL_SCORE = 0.2

/**
 * Whether a pair may be proposed at all: it needs a score of MIN_PROPOSAL_SCORE and some evidence
 * that the lab can do the work, either in its texts or, where the texts cannot be compared (another
 * language), in working in the request's very field of science.
 */
export function isProposable(score: number, components: Pick<ScoreComponents, 'text' | 'criteria'>): boolean {
  return score >= MIN_PROPOSAL_SCORE && (components.text > 0 || components.criteria.field === 1)
}

/**
 * The least reference a request's text scores are scaled by, in nats per request word. On the
 * hand-labelled fixture the weakest correct best lab scored 0.018 and two requests whose best lab was
 * wrong scored 0.002 and 0.020: a floor of 0.01 keeps a request with no fitting lab from calling its
 * least bad one a perfect text match.
 */
export const MIN_REFERENCE = 0.01

const TEXT_WEIGHT_THIN = 0.6
const TEXT_WEIGHT_RICH = 0.85
// A request of about 20 words (40 terms with word pairs) and a lab of about 60 words in the request's
// script are rich enough.
const RICH_REQUEST_TERMS = 40
const RICH_LAB_TERMS = 120

/**
 * The language model's score is unbounded and its scale differs from request to request (a request
 * in rare words scores higher against every lab), so it is scaled per request: 1 for the request's
 * best lab (its reference), in proportion below it, 0 for a lab that explains the request no better
 * than an average text.
 */
export function scaleText(raw: number, reference: number | null): number {
  const scale = Math.max(reference ?? 0, MIN_REFERENCE)
  return Math.min(1, Math.max(0, raw / scale))
}

/**
 * 0 … 1: how much the two texts can say about each other, from their lengths in term occurrences
 * (words and word pairs). Russian and English words are linked (text-terms.ts), so a Russian request
 * and a lab that writes in English are compared by their texts like any other pair.
 */
export function textRichness(requestLength: number, labLength: number): number {
  return Math.min(1, requestLength / RICH_REQUEST_TERMS) * Math.min(1, labLength / RICH_LAB_TERMS)
}

export function textWeight(richness: number): number {
  return TEXT_WEIGHT_THIN + (TEXT_WEIGHT_RICH - TEXT_WEIGHT_THIN) * richness
}

/**
 * The share of the score an unmet condition takes at most: a lab in another field of science loses
 * most, one in another region least, in the order of CRITERION_WEIGHTS. The track record is a merit,
 * not a condition: an organisation without contracts yet loses only its part of the structured fit.
 */
export const UNMET_PENALTY: Record<Exclude<CriterionName, 'trackRecord'>, number> = {
  field: 0.35,
  trl: 0.25,
  alliance: 0.15,
  budget: 0.15,
  deadline: 0.15,
  region: 0.1,
}
// A condition met in part (a neighbouring field, part of the TRL range, a deadline a little short)
// costs in proportion to what is missing, but at least half its penalty: every ✗ shows in the figure.
const LEAST_SHARE_OF_PENALTY = 0.5

/** 0 … 1: what the unmet conditions leave of the score, one multiplicative penalty per ✗. */
export function conditionsFactor(criteria: readonly Criterion[]): number {
  let factor = 1
  for (const c of criteria) {
    if (c.met || c.name === 'trackRecord') continue
    factor *= 1 - UNMET_PENALTY[c.name] * Math.max(LEAST_SHARE_OF_PENALTY, 1 - c.value)
  }
  return factor
}

export interface ScoreComponents {
  /** The language model's raw score (nats per request word above an average text). */
  textRaw: number
  /** The reference it was scaled by. */
  reference: number
  /** Scaled text relevance, 0 … 1. */
  text: number
  textWeight: number
  /** Weighted mean of the structured criteria, 0 … 1. */
  structure: number
  /** What the unmet conditions leave of the score, 0 … 1 (conditionsFactor). */
  conditions: number
  /** Each criterion's value, 0 … 1. */
  criteria: Partial<Record<Criterion['name'], number>>
}

export function combine(textRaw: number, reference: number | null, criteria: readonly Criterion[], richness: number): { score: number; components: ScoreComponents } {
  const text = scaleText(textRaw, reference)
  const weight = textWeight(richness)
  const structure = structureScore(criteria)
  const conditions = conditionsFactor(criteria)
  const score = (weight * text + (1 - weight) * structure) * conditions
  return {
    score,
    components: {
      textRaw,
      reference: Math.max(reference ?? 0, MIN_REFERENCE),
      text,
      textWeight: weight,
      structure,
      conditions,
      criteria: Object.fromEntries(criteria.map((c) => [c.name, c.value])),
    },
  }
}

/**
 * Best first: by score, then by text relevance (the better-evidenced part), then by id, so that a
 * ranking repeats exactly.
 */
export function compareRanked(a: { id: number; score: number; text: number }, b: { id: number; score: number; text: number }): number {
  return b.score - a.score || b.text - a.text || a.id - b.id
}
