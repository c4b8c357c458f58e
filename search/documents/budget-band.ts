// Budget bands for the facet, by the top of the request's range, in kopecks.
const MILLION = 1_000_000 * 100

export const budgetBands = ['under1m', '1to5m', '5to15m', 'over15m'] as const
export type BudgetBand = (typeof budgetBands)[number]

export function budgetBand(budgetMaxKopecks: number): BudgetBand {
  if (budgetMaxKopecks < MILLION) return 'under1m'
  if (budgetMaxKopecks < 5 * MILLION) return '1to5m'
  if (budgetMaxKopecks < 15 * MILLION) return '5to15m'
  return 'over15m'
}
