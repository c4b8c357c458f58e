// The amount a claim may receive, computed from the programme's rules, never typed in:
//   1. the sum of the eligible payments;
//   2. the programme's share of it, in basis points, rounded down to the kopeck;
//   3. then every cap: per claim, what the company has left of its cap for the year, and what the
//      programme has left of its budget. A cap is a minimum, so the order they apply in does not
//      change the result; the page lists them in the order below.
// Pure integer arithmetic: a share of up to 10^13 roubles is computed in BigInt so that no product
// ever leaves the range where numbers are exact.

export type CapRule = 'cap_per_claim' | 'cap_per_company' | 'budget'

export const capOrder: readonly CapRule[] = ['cap_per_claim', 'cap_per_company', 'budget']

export interface EligibleAmountInput {
  /** The programme's compensation share, 1 % = 100 bp. */
  shareBp: number
  payments: { amountKopecks: number; eligible: boolean }[]
  capPerClaimKopecks: number
  capPerCompanyKopecks: number
  /** What the company already has approved or paid under the programme, other claims only. */
  companyCommittedKopecks: number
  /** The programme's budget less what is reserved and paid. */
  budgetRemainingKopecks: number
}

export type ComputationStep =
  | { rule: 'eligible_paid'; amountKopecks: number; eligibleCount: number; totalCount: number }
  | { rule: 'share'; amountKopecks: number; shareBp: number; exactKopecks: string }
  | { rule: CapRule; amountKopecks: number; limitKopecks: number; applied: boolean; committedKopecks?: number; capKopecks?: number }

export interface EligibleAmount {
  eligiblePaidKopecks: number
  shareKopecks: number
  resultKopecks: number
  steps: ComputationStep[]
}

function assertKopecks(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} is not a whole number of kopecks: ${value}`)
}

/** The share of an amount, rounded down to the kopeck: 1 000,01 ₽ at 50 % is 500,00 ₽. */
export function shareOf(amountKopecks: number, shareBp: number): number {
  assertKopecks(amountKopecks, 'amount')
  if (!Number.isSafeInteger(shareBp) || shareBp < 0 || shareBp > 10_000) throw new RangeError(`not a share in basis points: ${shareBp}`)
  if (amountKopecks <= 0) return 0
  return Number((BigInt(amountKopecks) * BigInt(shareBp)) / 10_000n)
}

/** The exact share before rounding, as a decimal number of kopecks ("50000.5"), to show what was cut. */
function exactShare(amountKopecks: number, shareBp: number): string {
  const product = BigInt(Math.max(0, amountKopecks)) * BigInt(shareBp)
  const whole = product / 10_000n
  const rest = product % 10_000n
  return rest === 0n ? String(whole) : `${whole}.${String(rest).padStart(4, '0').replace(/0+$/, '')}`
}

export function capLimits(input: EligibleAmountInput): Record<CapRule, number> {
  return {
    cap_per_claim: Math.max(0, input.capPerClaimKopecks),
    cap_per_company: Math.max(0, input.capPerCompanyKopecks - input.companyCommittedKopecks),
    budget: Math.max(0, input.budgetRemainingKopecks),
  }
}

export function computeEligibleAmount(input: EligibleAmountInput, order: readonly CapRule[] = capOrder): EligibleAmount {
  for (const p of input.payments) assertKopecks(p.amountKopecks, 'payment')
  for (const [name, value] of Object.entries({ capPerClaim: input.capPerClaimKopecks, capPerCompany: input.capPerCompanyKopecks, committed: input.companyCommittedKopecks, remaining: input.budgetRemainingKopecks })) {
    assertKopecks(value, name)
  }
  const eligible = input.payments.filter((p) => p.eligible && p.amountKopecks > 0)
  const eligiblePaidKopecks = eligible.reduce((sum, p) => sum + p.amountKopecks, 0)
  assertKopecks(eligiblePaidKopecks, 'eligible paid amount')
  const shareKopecks = shareOf(eligiblePaidKopecks, input.shareBp)
  const steps: ComputationStep[] = [
    { rule: 'eligible_paid', amountKopecks: eligiblePaidKopecks, eligibleCount: eligible.length, totalCount: input.payments.length },
    { rule: 'share', amountKopecks: shareKopecks, shareBp: input.shareBp, exactKopecks: exactShare(eligiblePaidKopecks, input.shareBp) },
  ]
  const limits = capLimits(input)
  let amount = shareKopecks
  for (const rule of order) {
    const limit = limits[rule]
    const applied = limit < amount
    amount = Math.min(amount, limit)
    steps.push({
      rule,
      amountKopecks: amount,
      limitKopecks: limit,
      applied,
      ...(rule === 'cap_per_company' ? { committedKopecks: input.companyCommittedKopecks, capKopecks: input.capPerCompanyKopecks } : {}),
    })
  }
  return { eligiblePaidKopecks, shareKopecks, resultKopecks: amount, steps }
}

/**
 * The computation a claim stored when it was submitted (a JSON column), read back as the steps it
 * was written from: only computeEligibleAmount writes that column.
 */
export function storedComputation(snapshot: { steps: unknown[]; resultKopecks: number }): { steps: ComputationStep[]; resultKopecks: number } {
  return { steps: snapshot.steps as ComputationStep[], resultKopecks: snapshot.resultKopecks }
}
