import type { CostCategory } from '#db/schema/claim-values'
import { capOrder, computeEligibleAmount, shareOf, vatIncluded, type CapRule, type EligibleAmountInput } from '~/modules/claims/eligible-amount'
import { addMonths, assessClaim, contractorKindOf, type ClaimFacts, type ContractFacts, type PaymentFacts } from '~/modules/claims/rules'

const rub = (roubles: number) => Math.round(roubles * 100)

/** Contractor R&D alone at one share, as most tests need: payments become VAT-free contractor lines. */
function input(overrides: Partial<EligibleAmountInput> & { shareBp?: number; payments?: { amountKopecks: number; eligible: boolean }[] } = {}): EligibleAmountInput {
  const { shareBp = 5_000, payments = [{ amountKopecks: rub(1_000_000), eligible: true }], ...rest } = overrides
  return {
    vatBase: 'with_vat',
    categories: [{ category: 'contractor_rd', shareBp, capKopecks: null }],
    lines: payments.map((p) => ({ category: 'contractor_rd', grossKopecks: p.amountKopecks, vatKopecks: 0, vatExempt: false, eligible: p.eligible })),
    capPerClaimKopecks: rub(5_000_000),
    capPerCompanyKopecks: rub(8_000_000),
    companyCommittedKopecks: 0,
    budgetRemainingKopecks: rub(60_000_000),
    ...rest,
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

const baseContract: ContractFacts['contract'] = { id: 1, confirmed: true, number: 'Н-1', signedOn: '2026-02-10', hasDocument: true, priceKopecks: rub(1_000_000), vatKopecks: 0, vatExempt: true }
const basePayment: PaymentFacts = { id: 1, orderNumber: '412', paidOn: '2026-03-02', amountKopecks: rub(1_000_000), confirmed: true, hasDocument: true, claimedBy: null }

/** Facts of a claim on one contract; the contract's parts may be overridden as if they were the claim's. */
function facts(overrides: Partial<ClaimFacts> & Partial<ContractFacts> = {}): ClaimFacts {
  const { contract = baseContract, contractor, payments = [basePayment], acts, claimedOnContractKopecks = 0, ...rest } = overrides
  return {
    today: '2026-06-15',
    programme: {
      year: 2026,
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
      documentMaxAgeDays: {},
      budgetRemainingKopecks: rub(60_000_000),
      vatBase: 'with_vat',
      costCategories: [],
      costWindow: null,
    },
    resubmission: false,
    companyVerified: true,
    contracts: [
      {
        contract,
        contractor: contractor ?? { name: 'ТПУ', type: 'university', isState: true, verified: true },
        payments,
        acts: (acts ?? [{ number: '1', signedOn: '2026-02-20', amountKopecks: rub(1_000_000), hasDocument: true }]),
        claimedOnContractKopecks,
      },
    ],
    costs: [],
    companyCommittedKopecks: 0,
    filedOn: '2026-06-15',
    claimDocuments: [],
    affiliation: { declared: true, grounds: [] },
    ...rest,
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
    const f = facts({ payments: [{ ...basePayment, paidOn }] })
    expect(rulesOf(f)).toEqual(expected)
  })

  it.each([
    ['2025-07-01', []],
    ['2026-06-30', []],
    ['2025-06-30', ['contract_date_outside']],
    ['2026-07-01', ['contract_date_outside']],
  ])('a contract dated %s is judged %j', (signedOn, expected) => {
    expect(rulesOf(facts({ contract: { ...baseContract, signedOn } }))).toEqual(expected)
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
          { ...basePayment, id: 1 },
          { ...basePayment, id: 2, orderNumber: '999', paidOn: '2026-10-01' },
        ],
        acts: [{ number: '1', signedOn: '2026-02-20', amountKopecks: rub(2_000_000), hasDocument: true }],
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
      contract: { ...baseContract, hasDocument: false },
      payments: [
        { id: 1, orderNumber: '1', paidOn: '2026-03-01', amountKopecks: rub(100_000), confirmed: false, hasDocument: true, claimedBy: null },
        { id: 2, orderNumber: '2', paidOn: '2026-03-02', amountKopecks: rub(100_000), confirmed: true, hasDocument: false, claimedBy: null },
        { id: 3, orderNumber: '3', paidOn: '2026-03-03', amountKopecks: rub(100_000), confirmed: true, hasDocument: true, claimedBy: 7 },
      ],
      acts: [{ number: 'A', signedOn: '2026-02-20', amountKopecks: rub(1_000_000), hasDocument: false }],
    })
    expect(rulesOf(f)).toEqual(['document_missing_contract', 'payment_not_confirmed', 'document_missing_payment_order', 'payment_claimed_elsewhere', 'document_missing_act'])
    expect(assessClaim(f).violations.find((v) => v.rule === 'payment_claimed_elsewhere')?.params).toMatchObject({ order: '3', claim: 7 })
  })

  it('asks for acts that cover everything claimed under the contract', () => {
    expect(rulesOf(facts({ acts: [] }))).toEqual(['no_acceptance_act'])
    expect(rulesOf(facts({ acts: [{ number: '1', signedOn: '2026-02-20', amountKopecks: rub(1_500_000), hasDocument: true }], claimedOnContractKopecks: rub(600_000) }))).toEqual(['not_accepted'])
  })

  it('names a cap reached, a budget spent, an unverified company and an unconfirmed contract', () => {
    expect(rulesOf(facts({ companyCommittedKopecks: rub(8_000_000) }))).toEqual(['company_cap_reached'])
    const spent = facts()
    spent.programme.budgetRemainingKopecks = 0
    expect(rulesOf(spent)).toEqual(['budget_exhausted'])
    expect(rulesOf(facts({ companyVerified: false }))).toEqual(['company_not_verified'])
    expect(rulesOf(facts({ contract: { ...baseContract, confirmed: false } }))).toEqual(['contract_not_confirmed'])
    expect(rulesOf(facts({ payments: [], acts: [] }))).toEqual(['no_payments'])
  })

  it('skips what the programme does not require', () => {
    const f = facts({ contract: { ...baseContract, hasDocument: false }, acts: [] })
    f.programme.requiredDocuments = ['payment_order']
    expect(rulesOf(f)).toEqual([])
  })
})

describe('the VAT in the base', () => {
  it.each([
    // payment, contract price, contract VAT, VAT included in the payment (half up to the kopeck)
    [rub(1_200_000), rub(1_200_000), rub(200_000), rub(200_000)],
    [rub(600_000), rub(1_200_000), rub(200_000), rub(100_000)],
    [100, 1_200, 200, 17], // 16.67 kopecks → 17
    [3, 1_200, 200, 1], // 0.5 kopeck → 1
    [rub(1_000_000), rub(1_000_000), 0, 0], // VAT-exempt R&D
  ])('a payment of %i kopecks under a contract of %i with %i VAT includes %i VAT', (payment, price, vat, expected) => {
    expect(vatIncluded(payment, price, vat)).toBe(expected)
  })

  it.each([
    ['with_vat', rub(500_000 * 1.2)],
    ['without_vat', rub(500_000)],
  ] as const)('a programme taking the base %s pays 50 %% of 1 200 000 ₽ with 200 000 ₽ VAT as %i', (vatBase, expected) => {
    const result = computeEligibleAmount(
      input({ vatBase, lines: [{ category: 'contractor_rd', grossKopecks: rub(1_200_000), vatKopecks: rub(200_000), vatExempt: false, eligible: true }] }),
    )
    expect(result.resultKopecks).toBe(expected)
    expect(result.steps[0]).toMatchObject({ rule: 'eligible_paid', grossKopecks: rub(1_200_000), vatKopecks: rub(200_000), vatBase })
  })

  it('shows VAT-exempt R&D as such and takes nothing off it', () => {
    const result = computeEligibleAmount(
      input({ vatBase: 'without_vat', lines: [{ category: 'contractor_rd', grossKopecks: rub(1_000_000), vatKopecks: 0, vatExempt: true, eligible: true }] }),
    )
    expect(result.steps[0]).toMatchObject({ amountKopecks: rub(1_000_000), exemptKopecks: rub(1_000_000), vatKopecks: 0 })
    expect(result.resultKopecks).toBe(rub(500_000))
  })

  it('refuses a line whose VAT is more than the line', () => {
    expect(() => computeEligibleAmount(input({ lines: [{ category: 'contractor_rd', grossKopecks: 100, vatKopecks: 101, vatExempt: false, eligible: true }] }))).toThrow(RangeError)
  })
})

describe('cost categories, each with its own share and cap', () => {
  const categories: EligibleAmountInput['categories'] = [
    { category: 'contractor_rd', shareBp: 5_000, capKopecks: null },
    { category: 'own_staff', shareBp: 3_000, capKopecks: rub(100_000) },
    { category: 'equipment', shareBp: 2_000, capKopecks: null },
  ]
  const line = (category: CostCategory, roubles: number, eligible = true) => ({ category, grossKopecks: rub(roubles), vatKopecks: 0, vatExempt: false, eligible })

  it.each([
    ['contractor R&D alone', [line('contractor_rd', 1_000_000)], rub(500_000)],
    ['staff under its cap', [line('contractor_rd', 1_000_000), line('own_staff', 200_000)], rub(500_000 + 60_000)],
    ['staff over its cap', [line('contractor_rd', 1_000_000), line('own_staff', 1_000_000)], rub(500_000 + 100_000)],
    ['equipment at 20 %', [line('contractor_rd', 1_000_000), line('equipment', 300_000)], rub(500_000 + 60_000)],
    ['an ineligible staff line', [line('contractor_rd', 1_000_000), line('own_staff', 200_000, false)], rub(500_000)],
    ['a category the programme does not pay for', [line('contractor_rd', 1_000_000), line('ip', 500_000)], rub(500_000)],
  ] as const)('%s', (_label, lines, expected) => {
    const result = computeEligibleAmount(input({ categories, lines: [...lines] }))
    expect(result.resultKopecks).toBe(expected)
  })

  it('shows each category’s base, share and cap, then their total, then the claim caps', () => {
    const result = computeEligibleAmount(input({ categories, lines: [line('contractor_rd', 1_000_000), line('own_staff', 1_000_000), line('ip', 10)] }))
    expect(result.steps.map((s) => ('category' in s && s.category ? `${s.rule}:${s.category}` : s.rule))).toEqual([
      'eligible_paid:contractor_rd',
      'share:contractor_rd',
      'eligible_paid:own_staff',
      'share:own_staff',
      'category_cap:own_staff',
      'category_not_compensated:ip',
      'categories_total',
      'cap_per_claim',
      'cap_per_company',
      'budget',
    ])
    expect(result.steps.find((s) => s.rule === 'category_cap')).toMatchObject({ applied: true, limitKopecks: rub(100_000), amountKopecks: rub(100_000) })
  })

  it('rounds each category down to the kopeck before adding them', () => {
    const result = computeEligibleAmount(
      input({
        categories: [
          { category: 'contractor_rd', shareBp: 5_000, capKopecks: null },
          { category: 'materials', shareBp: 5_000, capKopecks: null },
        ],
        lines: [
          { category: 'contractor_rd', grossKopecks: 1, vatKopecks: 0, vatExempt: false, eligible: true },
          { category: 'materials', grossKopecks: 1, vatKopecks: 0, vatExempt: false, eligible: true },
        ],
      }),
    )
    expect(result.resultKopecks).toBe(0)
  })
})

describe('several contracts and rolling windows', () => {
  it('adds the payments of two contracts and names the rules of each', () => {
    const one = facts()
    const second: ContractFacts = {
      ...one.contracts[0],
      contract: { ...baseContract, id: 2, number: 'Н-2', hasDocument: false, vatExempt: false, priceKopecks: rub(1_200_000), vatKopecks: rub(200_000) },
      payments: [{ ...basePayment, id: 2, orderNumber: '500', amountKopecks: rub(1_200_000) }],
      acts: [{ number: '2-1', signedOn: '2026-03-10', amountKopecks: rub(1_200_000), hasDocument: true }],
    }
    const f = { ...one, contracts: [one.contracts[0], { ...second, contract: { ...second.contract, hasDocument: true } }] }
    f.programme.vatBase = 'without_vat'
    const assessment = assessClaim(f)
    expect(assessment.violations).toEqual([])
    expect(assessment.eligiblePaymentIds).toEqual([1, 2])
    expect(assessment.computation.eligiblePaidKopecks).toBe(rub(1_000_000 + 1_000_000))
    expect(assessment.computation.resultKopecks).toBe(rub(1_000_000))
    expect(rulesOf({ ...one, contracts: [one.contracts[0], second] })).toEqual(['document_missing_contract'])
  })

  it.each([
    ['2026-02-28', '2026-01-31', 1],
    ['2026-03-31', '2025-12-31', 3],
    ['2027-02-28', '2026-02-28', 12],
    ['2024-02-29', '2023-03-31', 11],
  ])('%s is the last day of a window opened %s for %i months', (expected, from, months) => {
    expect(addMonths(from, months)).toBe(expected)
  })

  it.each([
    ['a payment within 6 months of filing', { kind: 'months_after', months: 6, from: 'payment' }, '2026-03-02', '2026-09-02', []],
    ['a payment filed a day too late', { kind: 'months_after', months: 6, from: 'payment' }, '2026-03-02', '2026-09-03', ['payment_outside_window']],
    ['a payment counted from its later act', { kind: 'months_after', months: 6, from: 'act' }, '2026-03-02', '2026-08-20', []],
    ['costs of this and the previous year', { kind: 'this_and_previous_year' }, '2025-07-01', '2026-06-15', []],
  ] as const)('%s', (_label, costWindow, paidOn, today, expected) => {
    const f = facts({ today, payments: [{ ...basePayment, paidOn }] })
    f.programme.costWindow = costWindow
    f.programme.closesOn = '2026-12-31'
    expect(rulesOf(f)).toEqual(expected)
  })

  it('names a cost outside "this and the previous year" with the window’s dates', () => {
    const f = facts({ payments: [], acts: [] })
    f.programme.year = 2027
    f.programme.costWindow = { kind: 'this_and_previous_year' }
    f.programme.costCategories = [{ category: 'materials', shareBp: 5_000, capKopecks: null }]
    f.costs = [{ id: 9, category: 'materials', description: 'Реактивы', incurredOn: '2025-12-31', amountKopecks: rub(10_000), vatKopecks: 0, hasDocument: true }]
    const assessment = assessClaim(f)
    expect(assessment.violations).toEqual([{ rule: 'cost_outside_window', params: expect.objectContaining({ description: 'Реактивы', date: '2025-12-31', from: '2026-01-01', to: '2027-12-31' }) }])
    expect(assessment.computation.resultKopecks).toBe(0)
  })
})

describe('eligibility of both parties and the document checklist', () => {
  const withChecklist = (claimDocuments: ClaimFacts['claimDocuments'], maxAges: ClaimFacts['programme']['documentMaxAgeDays'] = {}) => {
    const base = facts({ claimDocuments })
    return { ...base, programme: { ...base.programme, requiredDocuments: [...base.programme.requiredDocuments, 'tax_debt_certificate', 'invoice'], documentMaxAgeDays: maxAges } } satisfies ClaimFacts
  }

  it.each([
    ['the company has not declared its contractor unaffiliated', { affiliation: { declared: false, grounds: null } }, ['affiliation_not_declared']],
    ['the administration found the same founders', { affiliation: { declared: true, grounds: ['same_founders' as const] } }, ['contractor_affiliated']],
    ['declared and checked clean', { affiliation: { declared: true, grounds: [] } }, []],
    ['declared, not yet checked: submission is not stopped', { affiliation: { declared: true, grounds: null } }, []],
  ])('%s', (_, overrides, expected) => {
    expect(rulesOf(facts(overrides))).toEqual(expected)
  })

  it('leaves the affiliation check to the administration until it is made', () => {
    expect(assessClaim(facts({ affiliation: { declared: true, grounds: null } })).reviewChecks).toEqual(['affiliation_not_checked'])
    expect(assessClaim(facts({ affiliation: { declared: true, grounds: [] } })).reviewChecks).toEqual([])
  })

  it('names each required kind the claim lacks', () => {
    const assessment = assessClaim(withChecklist([{ kind: 'invoice', name: 'счёт.pdf', issuedOn: '2026-03-01' }]))
    expect(assessment.violations).toEqual([{ rule: 'document_missing', params: { kind: 'tax_debt_certificate' } }])
    expect(assessment.checklist.map((i) => [i.kind, i.status])).toEqual([
      ['contract', 'complete'],
      ['acceptance_act', 'complete'],
      ['payment_order', 'complete'],
      ['tax_debt_certificate', 'missing'],
      ['invoice', 'complete'],
    ])
  })

  it.each([
    // issued on, with a 30-day limit counted back from the day of filing (2026-06-15)
    ['2026-05-16', []],
    ['2026-05-15', [{ rule: 'document_too_old', params: { kind: 'tax_debt_certificate', name: 'справка.pdf', date: '2026-05-15', days: 30, oldest: '2026-05-16' } }]],
  ])('a tax-debt certificate issued on %s, 30 days allowed', (issuedOn, expected) => {
    const documents = [
      { kind: 'invoice' as const, name: 'счёт.pdf', issuedOn: '2026-03-01' },
      { kind: 'tax_debt_certificate' as const, name: 'справка.pdf', issuedOn },
    ]
    expect(assessClaim(withChecklist(documents, { tax_debt_certificate: 30 })).violations).toEqual(expected)
  })

  it('names a contract record older than its kind allows, with its date', () => {
    const base = facts()
    const aged = { ...base, programme: { ...base.programme, documentMaxAgeDays: { payment_order: 90 } } }
    expect(assessClaim(aged).violations).toEqual([{ rule: 'document_too_old', params: { kind: 'payment_order', name: '412', date: '2026-03-02', days: 90, oldest: '2026-03-17' } }])
  })
})
