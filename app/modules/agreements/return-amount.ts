import type { ReturnFormula } from '#db/schema/claim-values'

// What a recipient returns when it misses the result indicators its agreement promised, by the
// formula the programme names:
//   shortfall_sum:  return = subsidy × Σ (1 − achieved_i / target_i), over the missed indicators;
//   shortfall_mean: return = subsidy × Σ (1 − achieved_i / target_i) / n, n = all indicators.
// An indicator met or exceeded adds nothing (an excess does not make up for another's shortfall).
// The sum is kept as an exact fraction in BigInt and rounded once, to the nearest kopeck (half a
// kopeck up). The sum formula can exceed the subsidy: such a return is refused by the caller.

export interface IndicatorResult {
  indicatorId: number
  name: string
  targetValue: number
  achievedValue: number
}

export interface ReturnStep {
  indicatorId: number
  name: string
  targetValue: number
  achievedValue: number
  /** 1 − achieved/target as an exact decimal string to six places, "0" when the indicator was met. */
  shortfall: string
  /** This indicator's part of the return before rounding, in kopecks to six places. */
  exactKopecks: string
}

export interface ReturnAmount {
  formula: ReturnFormula
  subsidyKopecks: number
  steps: ReturnStep[]
  /** The whole return before rounding, in kopecks to six places. */
  exactKopecks: string
  amountKopecks: number
}

interface Fraction {
  n: bigint
  d: bigint
}

/** A non-negative fraction as a decimal string, truncated to six places. */
function decimal(f: Fraction): string {
  const scaled = (f.n * 1_000_000n) / f.d
  const whole = scaled / 1_000_000n
  const rest = (scaled % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '')
  return rest ? `${whole}.${rest}` : `${whole}`
}

function roundHalfUp(f: Fraction): bigint {
  return (2n * f.n + f.d) / (2n * f.d)
}

export function computeReturn(formula: ReturnFormula, subsidyKopecks: number, results: IndicatorResult[]): ReturnAmount {
  if (!Number.isSafeInteger(subsidyKopecks) || subsidyKopecks < 0) throw new RangeError('subsidy must be a whole, non-negative number of kopecks')
  const subsidy = BigInt(subsidyKopecks)
  const divisor = formula === 'shortfall_mean' ? BigInt(Math.max(1, results.length)) : 1n
  let total: Fraction = { n: 0n, d: 1n }
  const steps = results.map((r) => {
    if (!(Number.isSafeInteger(r.targetValue) && r.targetValue > 0) || !(Number.isSafeInteger(r.achievedValue) && r.achievedValue >= 0)) {
      throw new RangeError(`indicator ${r.indicatorId}: target must be positive and achieved non-negative whole numbers`)
    }
    const target = BigInt(r.targetValue)
    const missed = r.achievedValue < r.targetValue ? target - BigInt(r.achievedValue) : 0n
    const shortfall: Fraction = { n: missed, d: target }
    const part: Fraction = { n: subsidy * missed, d: target * divisor }
    total = { n: total.n * part.d + part.n * total.d, d: total.d * part.d }
    return { indicatorId: r.indicatorId, name: r.name, targetValue: r.targetValue, achievedValue: r.achievedValue, shortfall: decimal(shortfall), exactKopecks: decimal(part) }
  })
  return { formula, subsidyKopecks, steps, exactKopecks: decimal(total), amountKopecks: Number(roundHalfUp(total)) }
}
