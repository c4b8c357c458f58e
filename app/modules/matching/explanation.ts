import type { Criterion, TrackRecord } from './fit'
import type { TextRelevance } from './text-relevance'

// Why a lab is proposed for a request, as data the match card turns into sentences in the reader's
// language: the request's words the lab's texts share, the lab's publications that fit, each
// structured criterion, and the track record. Words come from the request's public text only.

const MAX_WORDS = 8
const MAX_PUBLICATIONS = 3

export interface ExplainedCriterion {
  criterion: Criterion['name']
  /** A key under `match.criterion.`, e.g. "trl.fits". */
  reason: string
  params: Record<string, string | number>
  /** Whether it speaks for the proposal (value ≥ 0.5) or against it. */
  fits: boolean
}

export interface MatchExplanation {
  /** The request's words the lab's texts share, most telling first, as the request spells them. */
  words: string[]
  /** How many of the lab's publications explain the request better than an average text, and the best few. */
  publications: { count: number; titles: string[] }
  criteria: ExplainedCriterion[]
  trackRecord: { contracts: number }
}

export function explainMatch(relevance: Pick<TextRelevance, 'matchedTerms' | 'matchedPublications'>, criteria: readonly Criterion[], record: TrackRecord): MatchExplanation {
  return {
    // A number shared by two texts ("20", "196") is no reason a person would accept.
    words: relevance.matchedTerms.filter((word) => /\p{L}/u.test(word)).slice(0, MAX_WORDS),
    publications: {
      count: relevance.matchedPublications.length,
      titles: relevance.matchedPublications.slice(0, MAX_PUBLICATIONS).map((p) => p.title),
    },
    criteria: criteria
      .filter((c) => c.name !== 'trackRecord')
      .map((c) => ({ criterion: c.name, reason: c.reason, params: c.params, fits: c.value >= 0.5 })),
    trackRecord: { contracts: record.contracts },
  }
}
