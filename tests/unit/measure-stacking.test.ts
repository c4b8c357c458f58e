import type { StackingRule } from '#db/schema/measure-values'
import { demoMeasures } from '#db/seed/demo-measures'
import { openMeasureRules } from '../factories/measures'
import { demoMeasureRow } from '~/modules/measures/demo-seed.server'
import { assessMeasure, type EligibilityProfile } from '~/modules/measures/eligibility'
import { conflictBetween, stackingConflicts, suggestForContract, type ContractFacts, type StackableMeasure } from '~/modules/measures/for-contract'

const TODAY = '2026-11-23'
const rub = (roubles: number) => roubles * 100
let ids = 0

/** A funding measure open to anyone, any time: override the rule a test is about. */
function measure(overrides: Partial<StackableMeasure> = {}): StackableMeasure {
  ids += 1
  return {
    id: ids,
    title: `Мера ${ids}`,
    kind: 'subsidy',
    stacking: 'pays_costs',
    ...openMeasureRules(),
    ...overrides,
  }
}

/** A small pharma company in Tomsk that ordered 2 M₽ of R&D from a university. */
function contract(overrides: Partial<ContractFacts> = {}): ContractFacts {
  return {
    company: { type: 'company', size: 'small', region: '70', alliance: 'pharma' },
    contractorType: 'university',
    priceKopecks: rub(2_000_000),
    date: TODAY,
    ...overrides,
  }
}

describe('which two measures cannot pay for the same costs', () => {
  const cases: [StackingRule | null, StackingRule | null, ReturnType<typeof conflictBetween>][] = [
    ['pays_costs', 'pays_costs', 'same_costs'],
    ['pays_costs', 'own_costs_only', 'relief_excluded'],
    ['own_costs_only', 'pays_costs', 'reimbursed_costs'],
    ['own_costs_only', 'own_costs_only', null],
    ['pays_costs', null, null],
    [null, 'own_costs_only', null],
    [null, null, null],
  ]
  it.each(cases)('%s with %s: %s', (a, b, expected) => {
    expect(conflictBetween({ stacking: a }, { stacking: b })).toBe(expected)
  })

  it('names each measure’s conflicts with the others, never with itself', () => {
    const compensation = measure({ title: 'Компенсация', stacking: 'pays_costs' })
    const pp218 = measure({ title: 'ПП 218', stacking: 'pays_costs' })
    const tax = measure({ title: 'НК 262', stacking: 'own_costs_only', kind: 'tax_relief' })
    const service = measure({ title: 'Услуга', stacking: null, kind: 'service' })
    const conflicts = stackingConflicts([compensation, pp218, tax, service])
    expect(conflicts.get(compensation.id)).toEqual([
      { measureId: pp218.id, title: 'ПП 218', rule: 'same_costs' },
      { measureId: tax.id, title: 'НК 262', rule: 'relief_excluded' },
    ])
    expect(conflicts.get(tax.id)!.map((c) => [c.measureId, c.rule])).toEqual([
      [compensation.id, 'reimbursed_costs'],
      [pp218.id, 'reimbursed_costs'],
    ])
    expect(conflicts.get(service.id)).toEqual([])
  })
})

describe('measures suggested for a contract', () => {
  const cases: { name: string; measure: Partial<StackableMeasure>; facts?: Partial<ContractFacts>; shown: boolean }[] = [
    { name: 'a measure for the company’s region is shown', measure: { regions: ['70'] }, shown: true },
    { name: 'a measure for another region is not', measure: { regions: ['54'] }, shown: false },
    { name: 'a measure for large companies is not', measure: { companySizes: ['large'] }, shown: false },
    { name: 'a measure for universities as applicants is not', measure: { organisationTypes: ['university'] }, shown: false },
    { name: 'a measure whose contractor must be a university is, for a university', measure: { contractorTypes: ['university', 'institute'] }, shown: true },
    { name: 'it is not, for a research organisation', measure: { contractorTypes: ['university', 'institute'] }, facts: { contractorType: 'research_org' }, shown: false },
    { name: 'a measure for scaling up production is not: a contract is R&D', measure: { stages: ['scale'] }, shown: false },
    { name: 'a measure whose minimum is above the price is not', measure: { amountMinKopecks: rub(5_000_000) }, shown: false },
    { name: 'a measure that closed yesterday is not', measure: { deadline: '2026-11-22' }, shown: false },
    { name: 'a loan pays no costs and is not', measure: { kind: 'loan', stacking: null }, shown: false },
    { name: 'a service is not', measure: { kind: 'service', stacking: null }, shown: false },
    { name: 'a tax relief is', measure: { kind: 'tax_relief', stacking: 'own_costs_only' }, shown: true },
  ]
  it.each(cases)('$name', ({ measure: overrides, facts, shown }) => {
    const m = measure(overrides)
    expect(suggestForContract([m], contract(facts)).map((s) => s.measure.id)).toEqual(shown ? [m.id] : [])
  })

  it('a multi-year measure covers a price up to its yearly limit times its years', () => {
    const m = measure({ amountMaxKopecks: rub(100_000_000), maxYears: 3 })
    const [suggestion] = suggestForContract([m], contract({ priceKopecks: rub(250_000_000) }))
    expect(suggestion.eligibility.reasons.find((r) => r.check === 'amount')).toMatchObject({ key: 'measures.reason.amount.within', params: { max: rub(300_000_000) } })
  })

  it('warns on the regional compensation and ПП 218 together, and on the tax coefficient with either', () => {
    const compensation = measure({ title: 'Компенсация', regions: ['70'], kind: 'compensation' })
    const pp218 = measure({ title: 'ПП 218', contractorTypes: ['university', 'institute', 'research_org'] })
    const tax = measure({ title: 'НК 262', kind: 'tax_relief', stacking: 'own_costs_only' })
    const suggestions = suggestForContract([compensation, pp218, tax], contract())
    const byTitle = Object.fromEntries(suggestions.map((s) => [s.measure.title, s.conflicts.map((c) => `${c.title}:${c.rule}`)]))
    expect(byTitle).toEqual({
      Компенсация: ['ПП 218:same_costs', 'НК 262:relief_excluded'],
      'ПП 218': ['Компенсация:same_costs', 'НК 262:relief_excluded'],
      'НК 262': ['Компенсация:reimbursed_costs', 'ПП 218:reimbursed_costs'],
    })
  })

  it('warns only among the measures it shows', () => {
    const shown = measure({ title: 'Показана' })
    const elsewhere = measure({ title: 'Другой регион', regions: ['54'] })
    expect(suggestForContract([shown, elsewhere], contract())).toEqual([expect.objectContaining({ conflicts: [] })])
  })
})

describe('the contractor rule outside a contract', () => {
  it('says nothing when nobody asked who performs the work, as in the navigator', () => {
    const profile: EligibilityProfile = { organisationType: 'company', size: 'small', region: '70', alliance: null, field: null, stage: 'rnd', trl: 4, amountKopecks: null, date: TODAY }
    const verdict = assessMeasure({ ...measure({ contractorTypes: ['university'] }) }, profile)
    expect(verdict.reasons.map((r) => r.check)).not.toContain('contractor')
    expect(assessMeasure(measure({ contractorTypes: ['university'] }), { ...profile, contractorType: null }).verdict).toBe('may_fit')
  })
})

describe('the corrected demo catalogue', () => {
  const byKey = (key: string) => demoMeasureRow(demoMeasures.find((m) => m.key === key)!)

  it('every measure names an https source and a checked date', () => {
    for (const m of demoMeasures) {
      const row = demoMeasureRow(m)
      expect(row.sourceUrl, m.key).toMatch(/^https:\/\//)
      expect(row.sourceTitle, m.key).toBeTruthy()
      expect(row.sourceCheckedOn, m.key).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('ПП 1649 pays in advance, ПП 218 is 100 M₽ a year for 3 years matched 1:1 from a university, НК 262 is coefficient 2', () => {
    expect(byKey('minpromtorg-1649').title).toMatch(/финансовое обеспечение/)
    expect(byKey('minpromtorg-1649').description).toMatch(/авансом/)
    expect(byKey('minpromtorg-1649').description).not.toMatch(/возмещение части затрат/)
    expect(byKey('minobrnauki-218')).toMatchObject({ amountMaxKopecks: rub(100_000_000), maxYears: 3, coFinancingBp: 10_000, coFinancingBase: 'grant', stacking: 'pays_costs' })
    expect(byKey('minobrnauki-218').contractorTypes).toEqual(['university', 'institute', 'research_org'])
    expect(byKey('tax-rd-coefficient').description).toMatch(/коэффициентом 2/)
    expect(byKey('tax-rd-coefficient').description).toMatch(/МТК/)
    expect(byKey('tax-rd-coefficient').stacking).toBe('own_costs_only')
    expect(byKey('fasie-development').coFinancingBase).toBe('grant')
  })
})
