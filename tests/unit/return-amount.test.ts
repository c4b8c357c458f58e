import { computeReturn, type IndicatorResult } from '~/modules/agreements/return-amount'

const indicator = (targetValue: number, achievedValue: number, indicatorId = 1): IndicatorResult => ({ indicatorId, name: `Показатель ${indicatorId}`, targetValue, achievedValue })

describe('the return when result indicators are missed, to the kopeck', () => {
  it.each([
    // why, formula, subsidy (kopecks), indicators, expected return (kopecks)
    ['an indicator met returns nothing', 'shortfall_sum', 1_000_000_00, [indicator(10, 10)], 0],
    ['an indicator exceeded returns nothing', 'shortfall_sum', 1_000_000_00, [indicator(10, 15)], 0],
    ['nothing reached returns everything', 'shortfall_sum', 1_000_000_00, [indicator(10, 0)], 1_000_000_00],
    ['one indicator at 80 % returns 20 %', 'shortfall_sum', 1_000_000_00, [indicator(10, 8)], 200_000_00],
    ['shortfalls add up: 20 % + 25 %', 'shortfall_sum', 1_000_000_00, [indicator(10, 8, 1), indicator(4, 3, 2)], 450_000_00],
    ['an excess does not offset another shortfall', 'shortfall_sum', 1_000_000_00, [indicator(10, 15, 1), indicator(4, 3, 2)], 250_000_00],
    ['the sum formula can exceed the subsidy (the caller refuses it)', 'shortfall_sum', 1_000_000_00, [indicator(2, 0, 1), indicator(2, 0, 2)], 2_000_000_00],
    ['the mean formula weighs each indicator 1/n', 'shortfall_mean', 1_000_000_00, [indicator(10, 8, 1), indicator(4, 3, 2)], 225_000_00],
    ['a met indicator still counts in n', 'shortfall_mean', 1_000_000_00, [indicator(10, 8, 1), indicator(4, 4, 2)], 100_000_00],
    ['1/3 of 1 ₽ is 33.33… kopecks: rounded down below the half', 'shortfall_sum', 100, [indicator(3, 2)], 33],
    ['2/3 of 2 ₽ is 66.67 kopecks: rounded up above the half', 'shortfall_sum', 200, [indicator(3, 2)], 67],
    ['half a kopeck rounds up', 'shortfall_sum', 1, [indicator(2, 1)], 1],
    ['three thirds are rounded once, not each: exactly 1 ₽', 'shortfall_sum', 100, [indicator(3, 2, 1), indicator(3, 2, 2), indicator(3, 2, 3)], 100],
    ['(1/3 + 1)/3 of 10 kopecks is 4.44…', 'shortfall_mean', 10, [indicator(3, 2, 1), indicator(7, 0, 2), indicator(1, 1, 3)], 4],
    ['large amounts stay exact in BigInt (9e14 less 900 000.06 kopecks)', 'shortfall_sum', 9_000_000_000_000_00, [indicator(999_999_937, 1)], 8_999_999_991_000_00],
  ] as const)('%s (%s)', (_, formula, subsidy, indicators, expected) => {
    expect(computeReturn(formula, subsidy, [...indicators]).amountKopecks).toBe(expected)
  })

  it('spells out each indicator’s shortfall and part of the return before rounding', () => {
    const result = computeReturn('shortfall_sum', 100, [indicator(3, 2, 1), indicator(4, 4, 2)])
    expect(result.steps).toEqual([
      { indicatorId: 1, name: 'Показатель 1', targetValue: 3, achievedValue: 2, shortfall: '0.333333', exactKopecks: '33.333333' },
      { indicatorId: 2, name: 'Показатель 2', targetValue: 4, achievedValue: 4, shortfall: '0', exactKopecks: '0' },
    ])
    expect(result.exactKopecks).toBe('33.333333')
  })

  it.each([
    ['a target of zero', [indicator(0, 1)]],
    ['a negative achievement', [indicator(5, -1)]],
    ['a fractional achievement', [indicator(5, 1.5)]],
  ])('refuses %s', (_, indicators) => {
    expect(() => computeReturn('shortfall_sum', 100, indicators)).toThrow(RangeError)
  })
})
