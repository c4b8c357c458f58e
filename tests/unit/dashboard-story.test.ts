import { distributionOf, funnelOf, monthsOf, quarterOf, trendOf } from '~/modules/dashboard/story'
import { formatShare } from '~/modules/format/share'

describe('the funnel', () => {
  it('gives each step its conversion from the step before and from the start, in basis points', () => {
    const funnel = funnelOf({ requests: 40, proposals: 36, engagements: 30, agreements: 15, contracts: 12, claims: 6, paid: 3 })
    expect(funnel.map((s) => s.fromPreviousBp)).toEqual([null, 9_000, 8_333, 5_000, 8_000, 5_000, 5_000])
    expect(funnel.map((s) => s.fromStartBp)).toEqual([10_000, 9_000, 7_500, 3_750, 3_000, 1_500, 750])
  })

  it('has no conversion after an empty step rather than a division by zero', () => {
    const funnel = funnelOf({ requests: 0, proposals: 0, engagements: 0, agreements: 0, contracts: 0, claims: 0, paid: 0 })
    expect(funnel.every((s) => s.fromPreviousBp === null && s.fromStartBp === null)).toBe(true)
  })
})

describe('times as distributions', () => {
  it('are never negative: a time before the request is counted apart and left out of the buckets and the median', () => {
    const { buckets, before, median } = distributionOf([-15, -3, 0, 2.5, 7.9, 8, 40, 400], [0, 8, 31])
    expect(before).toBe(2)
    expect(buckets).toEqual([
      { from: 0, to: 7, count: 3 },
      { from: 8, to: 30, count: 1 },
      { from: 31, to: null, count: 2 },
    ])
    expect(median).toBe(8)
  })

  it('have no median without a case', () => {
    expect(distributionOf([-1], [0, 8]).median).toBeNull()
  })
})

describe('periods', () => {
  it('list the months of a period across a new year, and name quarters', () => {
    expect(monthsOf('2025-11-20', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(['2026-01-31', '2026-04-01', '2026-12'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q2', '2026-Q4'])
  })

  it('call a share growing only when the last known quarter is five points above the first', () => {
    expect(trendOf([1_100, null, 2_500, 6_700])).toBe('grows')
    expect(trendOf([5_000, 4_800])).toBe('steady')
    expect(trendOf([5_000, 2_000])).toBe('falls')
    expect(trendOf([null, 5_000])).toBe('unknown')
  })
})

describe('shares', () => {
  it('are written the way each language writes a percentage', () => {
    expect(formatShare(1_100, 'en')).toBe('11%')
    expect(formatShare(6_667, 'ru')).toMatch(/^67\s%$/)
  })
})
