import type { WeightedCriterion } from '#db/schema/claim-values'
import { rankApplications, type Application } from '~/modules/selection/ranking'

const criteria: WeightedCriterion[] = [
  { key: 'scientific_level', weight: 3 },
  { key: 'economic_effect', weight: 1 },
]

/** An application scored by members, each as [scientific level, economic effect]. */
function application(claimId: number, requested: number, sheets: [number, number][], submittedAt = `2026-10-0${claimId}T03:00:00.000Z`): Application {
  return {
    claimId,
    submittedAt,
    requestedKopecks: requested,
    sheets: sheets.map(([scientific_level, economic_effect], i) => ({ userId: `m${i}`, scores: { scientific_level, economic_effect } })),
  }
}

describe('ranking a competitive round and funding it down to the cut-off', () => {
  const cases: { name: string; applications: Application[]; budget: number; order: number[]; funded: number[]; scores?: (number | null)[]; cutOffAfterRank: number | null }[] = [
    {
      name: 'the weighted mean orders the applications: 3 × 10 + 1 × 0 beats 3 × 5 + 1 × 10',
      applications: [application(1, 100, [[5, 10]]), application(2, 100, [[10, 0]])],
      budget: 1_000,
      order: [2, 1],
      funded: [2, 1],
      scores: [750, 625],
      cutOffAfterRank: 2,
    },
    {
      name: 'the mean is over the members: (8 + 6) / 2 = 7 ranks below a single (3 × 7 + 1 × 8) / 4 = 7.25',
      applications: [application(1, 100, [[8, 8], [6, 6]]), application(2, 100, [[7, 8]])],
      budget: 1_000,
      order: [2, 1],
      funded: [2, 1],
      scores: [725, 700],
      cutOffAfterRank: 2,
    },
    {
      name: 'an equal score goes to the earlier submission',
      applications: [application(1, 100, [[6, 6]], '2026-10-02T00:00:00.000Z'), application(2, 100, [[6, 6]], '2026-10-01T00:00:00.000Z')],
      budget: 100,
      order: [2, 1],
      funded: [2],
      cutOffAfterRank: 1,
    },
    {
      name: 'an equal score submitted at the same instant goes to the lower claim number',
      applications: [application(7, 100, [[6, 6]], '2026-10-01T00:00:00.000Z'), application(3, 100, [[6, 6]], '2026-10-01T00:00:00.000Z')],
      budget: 100,
      order: [3, 7],
      funded: [3],
      cutOffAfterRank: 1,
    },
    {
      name: 'five applications and budget for three: the top three are funded',
      applications: [application(1, 300, [[9, 9]]), application(2, 300, [[8, 8]]), application(3, 300, [[7, 7]]), application(4, 300, [[6, 6]]), application(5, 300, [[5, 5]])],
      budget: 1_000,
      order: [1, 2, 3, 4, 5],
      funded: [1, 2, 3],
      cutOffAfterRank: 3,
    },
    {
      name: 'the cut-off is strict: a smaller application below one that does not fit is not funded either',
      applications: [application(1, 600, [[9, 9]]), application(2, 500, [[8, 8]]), application(3, 100, [[7, 7]])],
      budget: 1_000,
      order: [1, 2, 3],
      funded: [1],
      cutOffAfterRank: 1,
    },
    {
      name: 'an application that uses the budget exactly is funded',
      applications: [application(1, 400, [[9, 9]]), application(2, 600, [[8, 8]])],
      budget: 1_000,
      order: [1, 2],
      funded: [1, 2],
      cutOffAfterRank: 2,
    },
    {
      name: 'nothing fits: no one is funded and there is no line to draw',
      applications: [application(1, 2_000, [[9, 9]])],
      budget: 1_000,
      order: [1],
      funded: [],
      cutOffAfterRank: null,
    },
    {
      name: 'an application nobody scored in full is not ranked and not funded, whatever the budget',
      applications: [application(1, 100, []), { claimId: 2, submittedAt: '2026-10-01T00:00:00.000Z', requestedKopecks: 100, sheets: [{ userId: 'm0', scores: { scientific_level: 9 } }] }, application(3, 100, [[1, 1]])],
      budget: 1_000,
      order: [3, 1, 2],
      funded: [3],
      scores: [100, null, null],
      cutOffAfterRank: 1,
    },
  ]

  it.each(cases)('$name', ({ applications, budget, order, funded, scores, cutOffAfterRank }) => {
    const ranking = rankApplications(applications, criteria, budget)
    expect(ranking.applications.map((a) => a.claimId)).toEqual(order)
    expect(ranking.applications.filter((a) => a.outcome === 'funded').map((a) => a.claimId)).toEqual(funded)
    if (scores) expect(ranking.applications.map((a) => a.scoreHundredths)).toEqual(scores)
    expect(ranking.cutOffAfterRank).toBe(cutOffAfterRank)
    const requested = new Map(applications.map((a) => [a.claimId, a.requestedKopecks]))
    expect(ranking.fundedKopecks).toBe(funded.reduce((sum, id) => sum + requested.get(id)!, 0))
    for (const a of ranking.applications) expect(a.rank === null).toBe(a.outcome === 'not_scored')
  })
})
