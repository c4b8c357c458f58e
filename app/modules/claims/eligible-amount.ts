import type { CostCategory, VatBase } from '#db/schema/claim-values'

// The amount a claim may receive, computed from the programme's rules, never typed in:
//   1. per cost category (contractor R&D, own staff, materials, equipment, IP), the sum of its
//      eligible lines, with or without the VAT they include as the programme says (R&D exempt from
//      VAT under пп. 16 п. 3 ст. 149 НК РФ carries none, and is shown as such);
//   2. the category's share of that base, in basis points, rounded down to the kopeck;
//   3. the category's own cap, if it has one; then the categories are added up;
//   4. then every cap of the claim: per claim, what the company has left of its cap for the year,
//      and what the programme has left of its budget. A cap is a minimum, so the order they apply in
//      does not change the result; the page lists them in the order below.
// Pure integer arithmetic: a share of up to 10^13 roubles is computed in BigInt so that no product
// ever leaves the range where numbers are exact.

export type CapRule = 'cap_per_claim' | 'cap_per_company' | 'budget'

export const capOrder: readonly CapRule[] = ['cap_per_claim', 'cap_per_company', 'budget']

/** A category the programme compensates, with its own share and, if it has one, its own cap. */
export interface CategoryRule {
  category: CostCategory
  shareBp: number
  capKopecks: number | null
}

/** One payment or cost line: what was paid, the VAT included in it, and whether it counts. */
export interface CostLine {
  category: CostCategory
  grossKopecks: number
  vatKopecks: number
  /** R&D exempt from VAT (пп. 16 п. 3 ст. 149 НК РФ): no VAT was charged. */
  vatExempt: boolean
  eligible: boolean
}

export interface EligibleAmountInput {
  vatBase: VatBase
  categories: CategoryRule[]
  lines: CostLine[]
  capPerClaimKopecks: number
  capPerCompanyKopecks: number
  /** What the company already has approved or paid under the programme, other claims only. */
  companyCommittedKopecks: number
  /** The programme's budget less what is reserved and paid. */
  budgetRemainingKopecks: number
}

export type ComputationStep =
  | {
      rule: 'eligible_paid'
      /** Absent in computations stored before categories existed: those were contractor R&D. */
      category?: CostCategory
      amountKopecks: number
      eligibleCount: number
      totalCount: number
      grossKopecks?: number
      vatKopecks?: number
      exemptKopecks?: number
      vatBase?: VatBase
    }
  | { rule: 'share'; category?: CostCategory; amountKopecks: number; shareBp: number; exactKopecks: string }
  | { rule: 'category_cap'; category: CostCategory; amountKopecks: number; limitKopecks: number; applied: boolean }
  | { rule: 'category_not_compensated'; category: CostCategory; amountKopecks: number; grossKopecks: number }
  | { rule: 'categories_total'; amountKopecks: number }
  | { rule: CapRule; amountKopecks: number; limitKopecks: number; applied: boolean; committedKopecks?: number; capKopecks?: number }

export interface EligibleAmount {
  /** The eligible base of every category added up (gross or net of VAT as the programme says). */
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

/**
 * The VAT included in a payment under a contract whose price includes `contractVat`: the payment's
 * proportion of it, rounded half up to the kopeck as an invoice would show it.
 */
export function vatIncluded(paymentKopecks: number, contractPriceKopecks: number, contractVatKopecks: number): number {
  assertKopecks(paymentKopecks, 'payment')
  assertKopecks(contractPriceKopecks, 'price')
  assertKopecks(contractVatKopecks, 'vat')
  if (contractPriceKopecks <= 0 || contractVatKopecks <= 0 || paymentKopecks <= 0) return 0
  const twice = (2n * BigInt(paymentKopecks) * BigInt(contractVatKopecks)) / BigInt(contractPriceKopecks)
  return Number((twice + 1n) / 2n)
}

/** The exact share before rounding, as a decimal number of kopecks ("50000.5"), to show what was cut. */
function exactShare(amountKopecks: number, shareBp: number): string {
  const product = BigInt(Math.max(0, amountKopecks)) * BigInt(shareBp)
  const whole = product / 10_000n
  const rest = product % 10_000n
  return rest === 0n ? String(whole) : `${whole}.${String(rest).padStart(4, '0').replace(/0+$/, '')}`
}

export function capLimits(input: Pick<EligibleAmountInput, 'capPerClaimKopecks' | 'capPerCompanyKopecks' | 'companyCommittedKopecks' | 'budgetRemainingKopecks'>): Record<CapRule, number> {
  return {
    cap_per_claim: Math.max(0, input.capPerClaimKopecks),
    cap_per_company: Math.max(0, input.capPerCompanyKopecks - input.companyCommittedKopecks),
    budget: Math.max(0, input.budgetRemainingKopecks),
  }
}

export function computeEligibleAmount(input: EligibleAmountInput, order: readonly CapRule[] = capOrder): EligibleAmount {
  for (const line of input.lines) {
    assertKopecks(line.grossKopecks, 'line')
    assertKopecks(line.vatKopecks, 'vat')
    if (line.vatKopecks < 0 || line.vatKopecks > line.grossKopecks) throw new RangeError(`VAT ${line.vatKopecks} is not part of ${line.grossKopecks}`)
  }
  for (const [name, value] of Object.entries({ capPerClaim: input.capPerClaimKopecks, capPerCompany: input.capPerCompanyKopecks, committed: input.companyCommittedKopecks, remaining: input.budgetRemainingKopecks })) {
    assertKopecks(value, name)
  }
  for (const c of input.categories) if (c.capKopecks !== null) assertKopecks(c.capKopecks, `${c.category} cap`)

  const steps: ComputationStep[] = []
  let eligiblePaidKopecks = 0
  let shareKopecks = 0
  let total = 0
  // Categories in the programme's order, then any category a line names that the programme does not pay for.
  const named = input.categories.map((c) => c.category)
  const extra = [...new Set(input.lines.map((l) => l.category))].filter((c) => !named.includes(c))
  const shown = input.categories.filter((c, i) => i === 0 || input.lines.some((l) => l.category === c.category))
  for (const rule of shown) {
    const lines = input.lines.filter((l) => l.category === rule.category)
    const eligible = lines.filter((l) => l.eligible && l.grossKopecks > 0)
    const gross = eligible.reduce((s, l) => s + l.grossKopecks, 0)
    const vat = eligible.reduce((s, l) => s + l.vatKopecks, 0)
    const exempt = eligible.filter((l) => l.vatExempt).reduce((s, l) => s + l.grossKopecks, 0)
    const base = input.vatBase === 'without_vat' ? gross - vat : gross
    assertKopecks(base, 'eligible base')
    steps.push({ rule: 'eligible_paid', category: rule.category, amountKopecks: base, eligibleCount: eligible.length, totalCount: lines.length, grossKopecks: gross, vatKopecks: vat, exemptKopecks: exempt, vatBase: input.vatBase })
    const share = shareOf(base, rule.shareBp)
    steps.push({ rule: 'share', category: rule.category, amountKopecks: share, shareBp: rule.shareBp, exactKopecks: exactShare(base, rule.shareBp) })
    let amount = share
    if (rule.capKopecks !== null) {
      const limit = Math.max(0, rule.capKopecks)
      steps.push({ rule: 'category_cap', category: rule.category, amountKopecks: Math.min(amount, limit), limitKopecks: limit, applied: limit < amount })
      amount = Math.min(amount, limit)
    }
    eligiblePaidKopecks += base
    shareKopecks += share
    total += amount
  }
  for (const category of extra) {
    const gross = input.lines.filter((l) => l.category === category).reduce((s, l) => s + l.grossKopecks, 0)
    steps.push({ rule: 'category_not_compensated', category, amountKopecks: 0, grossKopecks: gross })
  }
  if (shown.length > 1) steps.push({ rule: 'categories_total', amountKopecks: total })

  const limits = capLimits(input)
  let amount = total
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
