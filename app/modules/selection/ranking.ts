import type { SelectionOutcome, WeightedCriterion } from '#db/schema/claim-values'

/** One member's scores of one application, criterion key → points on the round's scale. */
export interface ScoreSheet {
  userId: string
  scores: Partial<Record<string, number>>
}

export interface Application {
  claimId: number
  /** ISO instant the claim was submitted: the first tie-break. */
  submittedAt: string
  requestedKopecks: number
  sheets: ScoreSheet[]
}

export interface RankedApplication {
  claimId: number
  /** 1, 2, 3… in funding order; null for an application nobody could score. */
  rank: number | null
  /** The weighted mean × 100, rounded, for showing; ranking compares the exact fractions. */
  scoreHundredths: number | null
  sheetCount: number
  outcome: SelectionOutcome
  requestedKopecks: number
}

export interface Ranking {
  applications: RankedApplication[]
  fundedKopecks: number
  /** The rank of the last funded application: the protocol draws the cut-off line under it. */
  cutOffAfterRank: number | null
}

/** An exact fraction: Σ weight × score over every complete sheet, over (sheets × Σ weight). */
interface Score {
  numerator: number
  denominator: number
}

/** A member's sheet counts only when it scores every criterion of the round. */
function scoreOf(sheets: ScoreSheet[], criteria: WeightedCriterion[]): { score: Score | null; sheetCount: number } {
  const complete = sheets.filter((sheet) => criteria.every((c) => typeof sheet.scores[c.key] === 'number'))
  if (complete.length === 0) return { score: null, sheetCount: 0 }
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0)
  const numerator = complete.reduce((sum, sheet) => sum + criteria.reduce((s, c) => s + c.weight * sheet.scores[c.key]!, 0), 0)
  return { score: { numerator, denominator: complete.length * totalWeight }, sheetCount: complete.length }
}

/**
 * Ranks a round's applications by weighted mean score and funds them in rank order while the budget
 * lasts: the weighted mean of a member is Σ(weight × score) / Σ weight, an application's score is
 * the mean over the members who scored it in full.
 *
 * Ties: the higher score first; at an equal score the earlier submission, then the lower claim
 * number, so the order never depends on how the rows were read.
 *
 * Cut-off: strict, in rank order, as regional contests rule it ("в порядке убывания итогового
 * балла до исчерпания бюджетных ассигнований"): the first application that does not fit in what
 * remains draws the line, and nobody below it is funded, even a smaller request that would fit.
 */
export function rankApplications(applications: Application[], criteria: WeightedCriterion[], budgetKopecks: number): Ranking {
  const scored = applications.map((application) => ({ application, ...scoreOf(application.sheets, criteria) }))
  const ranked = scored
    .filter((s) => s.score !== null)
    .sort((a, b) => {
      // a/b > c/d ⇔ a·d > c·b with positive denominators; products of small integers stay exact.
      const byScore = b.score!.numerator * a.score!.denominator - a.score!.numerator * b.score!.denominator
      if (byScore !== 0) return byScore
      if (a.application.submittedAt !== b.application.submittedAt) return a.application.submittedAt < b.application.submittedAt ? -1 : 1
      return a.application.claimId - b.application.claimId
    })
  let remaining = budgetKopecks
  let cutOff = false
  let cutOffAfterRank: number | null = null
  const result: RankedApplication[] = ranked.map((s, i) => {
    const rank = i + 1
    const fits = !cutOff && s.application.requestedKopecks <= remaining
    if (fits) {
      remaining -= s.application.requestedKopecks
      cutOffAfterRank = rank
    } else cutOff = true
    return {
      claimId: s.application.claimId,
      rank,
      scoreHundredths: Math.round((s.score!.numerator * 100) / s.score!.denominator),
      sheetCount: s.sheetCount,
      outcome: fits ? 'funded' : 'below_cutoff',
      requestedKopecks: s.application.requestedKopecks,
    }
  })
  const unscored: RankedApplication[] = scored
    .filter((s) => s.score === null)
    .sort((a, b) => a.application.claimId - b.application.claimId)
    .map((s) => ({ claimId: s.application.claimId, rank: null, scoreHundredths: null, sheetCount: 0, outcome: 'not_scored', requestedKopecks: s.application.requestedKopecks }))
  return { applications: [...result, ...unscored], fundedKopecks: budgetKopecks - remaining, cutOffAfterRank }
}
