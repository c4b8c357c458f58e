import { applicantTypes, measureStages, oecdAreas } from '#db/schema/measure-values'
import { alliances, companySizes } from '#db/schema/values'
import { demoMeasures } from '#db/seed/demo-measures'
import { resources } from '~/i18n'
import { openMeasureRules } from '../factories/measures'
import { demoMeasureRow } from '~/modules/measures/demo-seed.server'
import { assessMeasure, emptyProfile, rankMeasures, stageOfTrl, type EligibilityProfile, type MeasureRules, type Reason } from '~/modules/measures/eligibility'
import { answersFromOrganisation, answersQuery, profileOf, readAnswers } from '~/modules/measures/questionnaire'
import { regionCodes } from '~/modules/organisations/regions'

const TODAY = '2026-11-23'
const rub = (roubles: number) => roubles * 100

/** A measure open to anyone, any time: override the rule a test is about. */
function measure(overrides: Partial<MeasureRules> = {}): MeasureRules {
  return { ...openMeasureRules(), ...overrides }
}

/** A small pharma company in Tomsk, at R&D with TRL 4, needing 3 M₽. */
function company(overrides: Partial<EligibilityProfile> = {}): EligibilityProfile {
  return {
    organisationType: 'company',
    size: 'small',
    region: '70',
    alliance: 'pharma',
    field: '3.1',
    stage: 'rnd',
    trl: 4,
    amountKopecks: rub(3_000_000),
    date: TODAY,
    ...overrides,
  }
}

function reasonOf(rules: Partial<MeasureRules>, profile: EligibilityProfile, check: Reason['check']): Reason | undefined {
  return assessMeasure(measure(rules), profile).reasons.find((r) => r.check === check)
}

describe('eligibility rules, each with its reason', () => {
  it('a measure without conditions fits anyone, and says only that it has no deadline', () => {
    const result = assessMeasure(measure(), emptyProfile(TODAY))
    expect(result.verdict).toBe('fits')
    expect(result.reasons).toEqual([{ check: 'deadline', outcome: 'pass', key: 'measures.reason.deadline.open', params: {} }])
  })

  it('organisation type: a university may not apply for a companies-only measure', () => {
    expect(reasonOf({ organisationTypes: ['company'] }, company({ organisationType: 'university', size: null }), 'organisationType')).toEqual({
      check: 'organisationType',
      outcome: 'fail',
      key: 'measures.reason.organisationType.fail',
      params: { allowed: ['company'], yours: 'university' },
    })
    expect(reasonOf({ organisationTypes: ['company'] }, company(), 'organisationType')).toMatchObject({ outcome: 'pass', key: 'measures.reason.organisationType.pass' })
  })

  it('size: small enterprises only, and a medium one is told so', () => {
    const rules = { companySizes: ['micro', 'small'] }
    expect(reasonOf(rules, company({ size: 'medium' }), 'size')).toEqual({
      check: 'size',
      outcome: 'fail',
      key: 'measures.reason.size.fail',
      params: { allowed: ['micro', 'small'], yours: 'medium' },
    })
    expect(assessMeasure(measure(rules), company({ size: 'medium' })).verdict).toBe('does_not_fit')
    expect(reasonOf(rules, company({ size: 'small' }), 'size')).toMatchObject({ outcome: 'pass' })
  })

  it('size is not asked of a university when the measure is open to universities too', () => {
    const rules = { organisationTypes: ['company', 'university'], companySizes: ['small'] }
    const result = assessMeasure(measure(rules), company({ organisationType: 'university', size: null }))
    expect(result.reasons.map((r) => r.check)).not.toContain('size')
    expect(result.verdict).toBe('fits')
  })

  it('region: a Tomsk programme does not fit a Novosibirsk company', () => {
    expect(reasonOf({ regions: ['70'] }, company({ region: '54' }), 'region')).toEqual({
      check: 'region',
      outcome: 'fail',
      key: 'measures.reason.region.fail',
      params: { allowed: ['70'], yours: '54' },
    })
    expect(reasonOf({ regions: [] }, company({ region: '54' }), 'region')).toBeUndefined()
  })

  it('sector: either the alliance or the field of science may match; nothing matching is a failure', () => {
    expect(reasonOf({ sectors: ['pharma', '2'] }, company(), 'sector')).toMatchObject({ outcome: 'pass', params: { yours: 'pharma' } })
    expect(reasonOf({ sectors: ['3'] }, company({ alliance: null }), 'sector')).toMatchObject({ outcome: 'pass', params: { yours: '3' } })
    expect(reasonOf({ sectors: ['2', 'robotics'] }, company(), 'sector')).toEqual({
      check: 'sector',
      outcome: 'fail',
      key: 'measures.reason.sector.fail',
      params: { allowed: ['2', 'robotics'], yours: ['3', 'pharma'] },
    })
  })

  it('sector: an alliance that does not match leaves it open while the field of science is unknown', () => {
    expect(reasonOf({ sectors: ['2', 'robotics'] }, company({ field: null }), 'sector')).toMatchObject({ outcome: 'unknown', key: 'measures.reason.sector.unknown' })
  })

  it('stage: an idea does not fit a measure for scaling up production', () => {
    expect(reasonOf({ stages: ['scale'] }, company({ stage: 'idea' }), 'stage')).toEqual({
      check: 'stage',
      outcome: 'fail',
      key: 'measures.reason.stage.fail',
      params: { allowed: ['scale'], yours: 'idea' },
    })
  })

  it('TRL 5 is within 4–7; TRL 3 is not; a one-sided range reads as up to 9 or from 1', () => {
    expect(reasonOf({ trlMin: 4, trlMax: 7 }, company({ trl: 5 }), 'trl')).toEqual({
      check: 'trl',
      outcome: 'pass',
      key: 'measures.reason.trl.pass',
      params: { trl: 5, min: 4, max: 7 },
    })
    expect(reasonOf({ trlMin: 4, trlMax: 7 }, company({ trl: 3 }), 'trl')).toMatchObject({ outcome: 'fail', key: 'measures.reason.trl.fail' })
    expect(reasonOf({ trlMin: 6 }, company({ trl: 9 }), 'trl')).toMatchObject({ outcome: 'pass', params: { trl: 9, min: 6, max: 9 } })
  })

  it('amount: within the range fits, above the maximum fits in part, below the minimum does not fit', () => {
    const loan = { amountMinKopecks: rub(5_000_000), amountMaxKopecks: rub(100_000_000) }
    expect(reasonOf(loan, company({ amountKopecks: rub(20_000_000) }), 'amount')).toEqual({
      check: 'amount',
      outcome: 'pass',
      key: 'measures.reason.amount.within',
      params: { min: rub(5_000_000), max: rub(100_000_000), needed: rub(20_000_000) },
    })
    expect(reasonOf(loan, company({ amountKopecks: rub(150_000_000) }), 'amount')).toMatchObject({ outcome: 'pass', key: 'measures.reason.amount.partial' })
    expect(reasonOf(loan, company({ amountKopecks: rub(3_000_000) }), 'amount')).toMatchObject({ outcome: 'fail', key: 'measures.reason.amount.below_min' })
    // The minimum itself is enough, to the kopeck.
    expect(reasonOf(loan, company({ amountKopecks: rub(5_000_000) }), 'amount')).toMatchObject({ outcome: 'pass' })
    expect(reasonOf(loan, company({ amountKopecks: rub(5_000_000) - 1 }), 'amount')).toMatchObject({ outcome: 'fail' })
  })

  it('deadline: the last day still fits, the day after does not, and says when it closed', () => {
    expect(reasonOf({ deadline: '2026-11-23' }, company(), 'deadline')).toEqual({
      check: 'deadline',
      outcome: 'pass',
      key: 'measures.reason.deadline.last_day',
      params: { deadline: '2026-11-23' },
    })
    expect(reasonOf({ deadline: '2026-11-22' }, company(), 'deadline')).toEqual({
      check: 'deadline',
      outcome: 'fail',
      key: 'measures.reason.deadline.passed',
      params: { deadline: '2026-11-22' },
    })
    expect(reasonOf({ deadline: '2027-03-01' }, company(), 'deadline')).toMatchObject({ outcome: 'pass', key: 'measures.reason.deadline.until' })
    expect(reasonOf({ deadline: '2026-11-22' }, company({ date: '2026-11-01' }), 'deadline')).toMatchObject({ outcome: 'pass' })
  })

  it('an archived measure never fits', () => {
    const result = assessMeasure(measure({ status: 'archived' }), company())
    expect(result.verdict).toBe('does_not_fit')
    expect(result.reasons[0]).toMatchObject({ check: 'status', outcome: 'fail', key: 'measures.reason.status.archived' })
  })
})

describe('unknown answers make a measure "may fit", never "does not fit"', () => {
  const strict = measure({
    organisationTypes: ['company'],
    companySizes: ['micro', 'small'],
    regions: ['70'],
    sectors: ['pharma'],
    stages: ['rnd'],
    trlMin: 3,
    trlMax: 6,
    amountMaxKopecks: rub(5_000_000),
    deadline: '2027-01-31',
  })

  it('an empty profile may fit every rule, each reason asking for the missing answer', () => {
    const result = assessMeasure(strict, emptyProfile(TODAY))
    expect(result.verdict).toBe('may_fit')
    expect(result.reasons.filter((r) => r.outcome === 'unknown').map((r) => r.key)).toEqual([
      'measures.reason.organisationType.unknown',
      'measures.reason.size.unknown',
      'measures.reason.region.unknown',
      'measures.reason.sector.unknown',
      'measures.reason.stage.unknown',
      'measures.reason.trl.unknown',
      'measures.reason.amount.unknown',
    ])
  })

  it('one unknown among passes is "may fit"; one failure among unknowns is "does not fit"', () => {
    expect(assessMeasure(strict, company({ trl: null })).verdict).toBe('may_fit')
    expect(assessMeasure(strict, company()).verdict).toBe('fits')
    expect(assessMeasure(strict, { ...emptyProfile(TODAY), region: '54' }).verdict).toBe('does_not_fit')
  })
})

describe('ranking', () => {
  it('puts measures that fit first, then those that may fit, then the rest, keeping the order within each', () => {
    const measures = [
      { name: 'closed', ...measure({ deadline: '2026-01-01' }) },
      { name: 'unknown-trl', ...measure({ trlMin: 2, trlMax: 5 }) },
      { name: 'open-a', ...measure() },
      { name: 'wrong-region', ...measure({ regions: ['77'] }) },
      { name: 'open-b', ...measure({ regions: ['70'] }) },
    ]
    const ranked = rankMeasures(measures, company({ trl: null }))
    expect(ranked.map((r) => [r.measure.name, r.eligibility.verdict])).toEqual([
      ['open-a', 'fits'],
      ['open-b', 'fits'],
      ['unknown-trl', 'may_fit'],
      ['closed', 'does_not_fit'],
      ['wrong-region', 'does_not_fit'],
    ])
  })

  it('reads a project stage from its TRL', () => {
    expect([1, 2, 3, 5, 6, 7, 8, 9].map(stageOfTrl)).toEqual(['idea', 'idea', 'rnd', 'rnd', 'pilot', 'pilot', 'scale', 'scale'])
  })
})

describe('the questionnaire', () => {
  it('reads answers from the URL, leaving out malformed ones and pointing at them', () => {
    const { answered, answers } = readAnswers(new URLSearchParams('answered=1&type=company&size=huge&region=70&trl=12&amount=3 000 000&stage=rnd'))
    expect(answered).toBe(true)
    const { profile, invalid } = profileOf(answers, TODAY)
    expect(profile).toMatchObject({ organisationType: 'company', size: null, region: '70', trl: null, amountKopecks: rub(3_000_000), stage: 'rnd', date: TODAY })
    expect(invalid).toEqual(['size', 'trl'])
  })

  it('takes a company’s type, size, region and alliance from its profile, and round-trips through a link', () => {
    const answers = answersFromOrganisation({ type: 'company', size: 'medium', region: '70', alliance: 'vision' })
    expect(answers).toMatchObject({ type: 'company', size: 'medium', region: '70', alliance: 'vision', trl: '' })
    expect(readAnswers(new URLSearchParams(answersQuery(answers)))).toEqual({ answered: true, answers })
    // The administration applies for nothing.
    expect(answersFromOrganisation({ type: 'administration', size: null, region: '70', alliance: null }).type).toBe('')
  })
})

describe('reasons speak both languages', () => {
  function keys(obj: object, prefix = ''): string[] {
    return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`)))
  }
  const ru = new Set(keys(resources.ru.translation))
  const en = new Set(keys(resources.en.translation))

  it('has a sentence for every reason any rule can give', () => {
    const profiles = [emptyProfile(TODAY), company(), company({ organisationType: 'university', region: '54', field: '2.1', alliance: 'arctic', stage: 'scale', trl: 9, amountKopecks: 1, date: '2030-01-01' }), company({ amountKopecks: rub(1_000_000_000) })]
    const produced = new Set<string>()
    for (const m of demoMeasures) {
      const rules = measure(demoMeasureRow(m))
      for (const p of profiles) for (const r of assessMeasure(rules, p).reasons) produced.add(r.key)
    }
    expect(produced.size).toBeGreaterThan(20)
    expect([...produced].filter((key) => !ru.has(key) || !en.has(key))).toEqual([])
  })

  it('names every code a reason may carry', () => {
    const named = [
      ...applicantTypes.flatMap((v) => [`measures.who.${v}`, `measures.you.${v}`]),
      ...companySizes.flatMap((v) => [`measures.sizes.${v}`, `measures.yourSize.${v}`]),
      ...[...oecdAreas, ...alliances].map((v) => `measures.sector.${v}`),
      ...measureStages.map((v) => `measures.stageName.${v}`),
    ]
    expect(named.filter((key) => !ru.has(key) || !en.has(key))).toEqual([])
  })
})

describe('the demo catalogue', () => {
  it('holds 15 to 25 measures, the region’s own compensation programme among them, each marked as demo data', () => {
    const active = demoMeasures.filter((m) => !m.archived)
    expect(demoMeasures.length).toBeGreaterThanOrEqual(15)
    expect(demoMeasures.length).toBeLessThanOrEqual(25)
    expect(active.find((m) => m.key === 'tomsk-rd-compensation')).toMatchObject({ level: 'regional', kind: 'compensation', regions: ['70'] })
    expect(demoMeasures.every((m) => m.isDemo)).toBe(true)
  })

  it('uses only known codes, sensible ranges and encrypted links', () => {
    const keys = demoMeasures.map((m) => m.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const m of demoMeasures) {
      expect(m.regions.every((r) => (regionCodes as readonly string[]).includes(r)), m.key).toBe(true)
      expect(m.sectors.every((s) => (oecdAreas as readonly string[]).includes(s) || (alliances as readonly string[]).includes(s)), m.key).toBe(true)
      if (m.trlMin !== undefined && m.trlMax !== undefined) expect(m.trlMin, m.key).toBeLessThanOrEqual(m.trlMax)
      if (m.amountMinRoubles !== undefined && m.amountMaxRoubles !== undefined) expect(m.amountMinRoubles, m.key).toBeLessThanOrEqual(m.amountMaxRoubles)
      if (m.deadline) expect(m.deadline, m.key).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(m.link, m.key).toMatch(/^https:\/\//)
    }
  })
})
