import { capOrder, computeEligibleAmount, shareOf, type CapRule, type EligibleAmountInput } from '~/modules/claims/eligible-amount'
import { assessClaim, contractorKindOf, type ClaimFacts } from '~/modules/claims/rules'

const rub = (roubles: number) => Math.round(roubles * 100)

function input(overrides: Partial<EligibleAmountInput> = {}): EligibleAmountInput {
  return {
    shareBp: 5_000,
    payments: [{ amountKopecks: rub(1_000_000), eligible: true }],
    capPerClaimKopecks: rub(5_000_000),
    capPerCompanyKopecks: rub(8_000_000),
    companyCommittedKopecks: 0,
    budgetRemainingKopecks: rub(60_000_000),
    ...overrides,
  }
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]))
}

describe('the share of eligible payments, in basis points', () => {
  it('takes 50 % (5 000 bp) of the eligible paid amount', () => {
    expect(computeEligibleAmount(input()).resultKopecks).toBe(rub(500_000))
  })

  it.each([
    [10_000, rub(1_000_000)],
    [3_333, rub(333_300)],
    [1, rub(100)],
    [0, 0],
  ])('takes %i bp of 1 000 000 ₽ as %i kopecks', (bp, expected) => {
    expect(shareOf(rub(1_000_000), bp)).toBe(expected)
  })

  it('adds up only the payments that are eligible', () => {
    const result = computeEligibleAmount(
      input({
        payments: [
          { amountKopecks: rub(700_000), eligible: true },
          { amountKopecks: rub(300_000), eligible: false },
          { amountKopecks: rub(100_000), eligible: true },
        ],
      }),
    )
    expect(result.eligiblePaidKopecks).toBe(rub(800_000))
    expect(result.steps[0]).toMatchObject({ rule: 'eligible_paid', eligibleCount: 2, totalCount: 3 })
    expect(result.resultKopecks).toBe(rub(400_000))
  })

  it('refuses a share outside 0–10 000 bp and amounts that are not whole kopecks', () => {
    expect(() => shareOf(100, 10_001)).toThrow(RangeError)
    expect(() => shareOf(100, -1)).toThrow(RangeError)
    expect(() => computeEligibleAmount(input({ payments: [{ amountKopecks: 10.5, eligible: true }] }))).toThrow(RangeError)
  })
})

describe('rounding', () => {
  it('rounds the share down to the kopeck: 50 % of 1 000,01 ₽ is 500,00 ₽, not 500,01 ₽', () => {
    const result = computeEligibleAmount(input({ payments: [{ amountKopecks: 100_001, eligible: true }] }))
    expect(result.shareKopecks).toBe(50_000)
    expect(result.steps[1]).toMatchObject({ rule: 'share', exactKopecks: '50000.5' })
  })

  it('never rounds up, even at 99.99 % of a single kopeck', () => {
    expect(shareOf(1, 9_999)).toBe(0)
    expect(shareOf(3, 3_333)).toBe(0)
    expect(shareOf(rub(0.03), 3_333)).toBe(0) // 3 kopecks × 33.33 % = 0.9999 kopeck
  })

  it('stays exact far beyond float precision: 33.33 % of 90 trillion kopecks', () => {
    const amount = 90_071_992_547_409 // close to 2^53 / 100
    expect(shareOf(amount, 3_333)).toBe(Number((BigInt(amount) * 3_333n) / 10_000n))
  })
})

describe('caps', () => {
  const binding: Record<CapRule, Partial<EligibleAmountInput>> = {
    cap_per_claim: { capPerClaimKopecks: rub(120_000) },
    cap_per_company: { capPerCompanyKopecks: rub(1_000_000), companyCommittedKopecks: rub(900_000) },
    budget: { budgetRemainingKopecks: rub(50_000) },
  }

  it.each(Object.entries(binding))('applies the %s cap when it is the lowest', (rule, overrides) => {
    const result = computeEligibleAmount(input(overrides))
    const step = result.steps.find((s) => s.rule === rule)!
    expect(step).toMatchObject({ applied: true })
    expect(result.resultKopecks).toBe('limitKopecks' in step ? step.limitKopecks : -1)
  })

  it('gives the same amount whatever order the caps apply in (all 6 orders, several amounts)', () => {
    const cases: Partial<EligibleAmountInput>[] = [
      {},
      { capPerClaimKopecks: rub(300_000), budgetRemainingKopecks: rub(250_000) },
      { capPerClaimKopecks: rub(300_000), capPerCompanyKopecks: rub(1_000_000), companyCommittedKopecks: rub(800_000), budgetRemainingKopecks: rub(350_000) },
      { capPerClaimKopecks: rub(100), capPerCompanyKopecks: rub(50), budgetRemainingKopecks: rub(75) },
      { budgetRemainingKopecks: 0 },
    ]
    for (const overrides of cases) {
      const results = permutations(capOrder).map((order) => computeEligibleAmount(input(overrides), order).resultKopecks)
      expect(new Set(results).size, JSON.stringify(overrides)).toBe(1)
    }
  })

  it('applies the company cap to what is left of it after earlier approvals, never below zero', () => {
    const used = computeEligibleAmount(input({ capPerCompanyKopecks: rub(1_000_000), companyCommittedKopecks: rub(1_200_000) }))
    expect(used.resultKopecks).toBe(0)
    expect(used.steps.find((s) => s.rule === 'cap_per_company')).toMatchObject({ limitKopecks: 0, committedKopecks: rub(1_200_000), capKopecks: rub(1_000_000) })
  })

  it('gives nothing from a programme with no money left', () => {
    const result = computeEligibleAmount(input({ budgetRemainingKopecks: 0 }))
    expect(result.resultKopecks).toBe(0)
    expect(result.steps.at(-1)).toMatchObject({ rule: 'budget', limitKopecks: 0, applied: true })
  })
})

function facts(overrides: Partial<ClaimFacts> = {}): ClaimFacts {
  return {
    today: '2026-06-15',
    programme: {
      opensOn: '2026-02-01',
      closesOn: '2026-12-31',
      contractsFrom: '2025-07-01',
      contractsTo: '2026-06-30',
      paymentsFrom: '2025-07-01',
      paymentsTo: '2026-09-30',
      shareBp: 5_000,
      capPerClaimKopecks: rub(5_000_000),
      capPerCompanyKopecks: rub(8_000_000),
      eligibleContractorKinds: ['state_university', 'ras_institute', 'state_research_org'],
      requiredDocuments: ['contract', 'acceptance_act', 'payment_order'],
      budgetRemainingKopecks: rub(60_000_000),
    },
    resubmission: false,
    companyVerified: true,
    contract: { confirmed: true, number: 'Н-1', signedOn: '2026-02-10', hasDocument: true },
    contractor: { name: 'ТПУ', type: 'university', isState: true, verified: true },
    payments: [{ id: 1, orderNumber: '412', paidOn: '2026-03-02', amountKopecks: rub(1_000_000), confirmed: true, hasDocument: true, claimedBy: null }],
    acts: [{ number: '1', amountKopecks: rub(1_000_000), hasDocument: true }],
    claimedOnContractKopecks: 0,
    companyCommittedKopecks: 0,
    ...overrides,
  }
}

const rulesOf = (f: ClaimFacts) => assessClaim(f).violations.map((v) => v.rule)

describe('period edges (all periods are inclusive at both ends)', () => {
  it('accepts a claim that keeps every rule', () => {
    const assessment = assessClaim(facts())
    expect(assessment.violations).toEqual([])
    expect(assessment.computation.resultKopecks).toBe(rub(500_000))
  })

  it.each([
    ['on the first day of the payment period', '2025-07-01', []],
    ['on the last day of the payment period', '2026-09-30', []],
    ['the day before the payment period', '2025-06-30', ['payment_outside_period']],
    ['the day after the payment period', '2026-10-01', ['payment_outside_period']],
  ])('a payment made %s (%s) is judged %j', (_label, paidOn, expected) => {
    const f = facts({ payments: [{ ...facts().payments[0], paidOn }] })
    expect(rulesOf(f)).toEqual(expected)
  })

  it.each([
    ['2025-07-01', []],
    ['2026-06-30', []],
    ['2025-06-30', ['contract_date_outside']],
    ['2026-07-01', ['contract_date_outside']],
  ])('a contract dated %s is judged %j', (signedOn, expected) => {
    expect(rulesOf(facts({ contract: { ...facts().contract, signedOn } }))).toEqual(expected)
  })

  it.each([
    ['2026-02-01', []],
    ['2026-12-31', []],
    ['2026-01-31', ['programme_not_open']],
    ['2027-01-01', ['programme_closed']],
  ])('a claim submitted on %s is judged %j', (today, expected) => {
    expect(rulesOf(facts({ today }))).toEqual(expected)
  })

  it('lets a returned claim be resubmitted after the window has closed', () => {
    expect(rulesOf(facts({ today: '2027-01-15', resubmission: true }))).toEqual([])
  })

  it('leaves a payment outside the period out of the computation', () => {
    const assessment = assessClaim(
      facts({
        payments: [
          { ...facts().payments[0], id: 1 },
          { ...facts().payments[0], id: 2, orderNumber: '999', paidOn: '2026-10-01' },
        ],
        acts: [{ number: '1', amountKopecks: rub(2_000_000), hasDocument: true }],
      }),
    )
    expect(assessment.eligiblePaymentIds).toEqual([1])
    expect(assessment.computation.eligiblePaidKopecks).toBe(rub(1_000_000))
  })
})

describe('every broken rule is named', () => {
  it('names contractors the programme does not compensate', () => {
    expect(contractorKindOf('university', true)).toBe('state_university')
    expect(contractorKindOf('institute', true)).toBe('ras_institute')
    expect(contractorKindOf('research_org', true)).toBe('state_research_org')
    expect(contractorKindOf('university', false)).toBeNull()
    expect(contractorKindOf('company', true)).toBeNull()
    const privateUniversity = facts({ contractor: { name: 'Частный вуз', type: 'university', isState: false, verified: true } })
    expect(rulesOf(privateUniversity)).toEqual(['contractor_not_eligible'])
    expect(assessClaim(privateUniversity).computation.resultKopecks).toBe(0)
    const onlyUniversities = facts({ contractor: { name: 'ИФПМ', type: 'institute', isState: true, verified: true } })
    onlyUniversities.programme.eligibleContractorKinds = ['state_university']
    expect(rulesOf(onlyUniversities)).toEqual(['contractor_not_eligible'])
    const selfDeclared = facts({ contractor: { name: 'Вуз без проверки', type: 'university', isState: true, verified: false } })
    expect(rulesOf(selfDeclared)).toEqual(['contractor_not_verified'])
    expect(assessClaim(selfDeclared).computation.resultKopecks).toBe(0)
  })

  it('names each missing document, unconfirmed payment and payment claimed before', () => {
    const f = facts({
      contract: { ...facts().contract, hasDocument: false },
      payments: [
        { id: 1, orderNumber: '1', paidOn: '2026-03-01', amountKopecks: rub(100_000), confirmed: false, hasDocument: true, claimedBy: null },
        { id: 2, orderNumber: '2', paidOn: '2026-03-02', amountKopecks: rub(100_000), confirmed: true, hasDocument: false, claimedBy: null },
        { id: 3, orderNumber: '3', paidOn: '2026-03-03', amountKopecks: rub(100_000), confirmed: true, hasDocument: true, claimedBy: 7 },
      ],
      acts: [{ number: 'A', amountKopecks: rub(1_000_000), hasDocument: false }],
    })
    expect(rulesOf(f)).toEqual(['document_missing_contract', 'payment_not_confirmed', 'document_missing_payment_order', 'payment_claimed_elsewhere', 'document_missing_act'])
    expect(assessClaim(f).violations.find((v) => v.rule === 'payment_claimed_elsewhere')?.params).toMatchObject({ order: '3', claim: 7 })
  })

  it('asks for acts that cover everything claimed under the contract', () => {
    expect(rulesOf(facts({ acts: [] }))).toEqual(['no_acceptance_act'])
    expect(rulesOf(facts({ acts: [{ number: '1', amountKopecks: rub(1_500_000), hasDocument: true }], claimedOnContractKopecks: rub(600_000) }))).toEqual(['not_accepted'])
  })

  it('names a cap reached, a budget spent, an unverified company and an unconfirmed contract', () => {
    expect(rulesOf(facts({ companyCommittedKopecks: rub(8_000_000) }))).toEqual(['company_cap_reached'])
    const spent = facts()
    spent.programme.budgetRemainingKopecks = 0
    expect(rulesOf(spent)).toEqual(['budget_exhausted'])
    expect(rulesOf(facts({ companyVerified: false }))).toEqual(['company_not_verified'])
    expect(rulesOf(facts({ contract: { ...facts().contract, confirmed: false } }))).toEqual(['contract_not_confirmed'])
    expect(rulesOf(facts({ payments: [], acts: [] }))).toEqual(['no_payments'])
  })

  it('skips what the programme does not require', () => {
    const f = facts({ contract: { ...facts().contract, hasDocument: false }, acts: [] })
    f.programme.requiredDocuments = ['payment_order']
    expect(rulesOf(f)).toEqual([])
  })
})
