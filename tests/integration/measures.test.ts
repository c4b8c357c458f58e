import { and, count, eq } from 'drizzle-orm'
import { searchRowsFor } from '#db/outbox'
import { auditEvents, outbox, supportMeasures, users } from '#db/schema'
import { indexRegistry } from '#search/registry'
import { drainOutbox } from '#search/sync'
import { db } from '~/db.server'
import { loadActor } from '~/modules/auth/actor.server'
import { basisPoints } from '~/modules/format/money'
import { seedMeasures } from '~/modules/measures/demo-seed.server'
import { measuresForContract } from '~/modules/measures/for-contract.server'
import { measuresForRequest } from '~/modules/measures/for-request.server'
import { changeMeasureStatus, createMeasure, updateMeasure } from '~/modules/measures/measures.server'
import { navigateMeasures, viewMeasure } from '~/modules/measures/navigator.server'
import type { MeasureInput } from '~/modules/measures/schemas'
import type { Actor } from '~/modules/permissions/actor'
import { changeRequestStatus, createRequest } from '~/modules/requests/requests.server'
import { searchEngine } from '~/modules/search/engine.server'
import { actorWithOrganisation } from '../factories/actors'
import { requestInput } from '../factories/catalogue'
import { confirmedContract, reviewer, stateLab } from '../factories/contracts'

const sync = () => drainOutbox(db, searchEngine, indexRegistry)
const rub = (roubles: number) => roubles * 100
const search = (q: string) => searchEngine.search('measures', { q, filters: [{ field: 'status', op: 'eq', value: 'active' }] })
const ids = async (q: string) => (await search(q)).hits.map((h) => h.document.id)

beforeAll(() => searchEngine.ensureIndex('measures', indexRegistry.measures!.settings))

/** A measure that passes the form's rules; override what the test is about. */
function measureInput(overrides: Partial<MeasureInput> = {}): MeasureInput {
  return {
    title: 'Гранты на разработку робототехнических комплексов',
    provider: 'Фонд технологического развития (тест)',
    level: 'federal',
    kind: 'grant',
    description: 'Грант на НИОКР по созданию промышленных роботов и манипуляторов для малых предприятий.',
    organisationTypes: ['company'],
    companySizes: ['micro', 'small'],
    regions: [],
    sectors: ['2', 'robotics'],
    stages: ['rnd', 'pilot'],
    trlMin: 3,
    trlMax: 6,
    amountMin: undefined,
    amountMax: rub(5_000_000),
    coFinancing: basisPoints(2_000),
    coFinancingBase: 'project',
    maxYears: undefined,
    contractorTypes: [],
    stacking: 'pays_costs',
    deadline: '2099-12-31',
    requiredDocuments: ['Заявка', 'Календарный план'],
    link: 'https://example.ru/robots',
    sourceUrl: 'https://example.ru/robots/rules',
    sourceTitle: 'Правила предоставления грантов (тест)',
    sourceCheckedOn: '2026-01-15',
    isDemo: false,
    ...overrides,
  }
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`refused: ${result.error}`)
  return result.value
}

async function company(overrides: Parameters<typeof actorWithOrganisation>[0] = {}) {
  return actorWithOrganisation({ organisationType: 'company', size: 'small', region: '54', ...overrides })
}

async function platformAdmin(): Promise<Actor> {
  const actor = await actorWithOrganisation({ organisationType: 'company' })
  db.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, actor.userId)).run()
  return loadActor(actor.userId)!
}

const trail = (id: number) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'measure'), eq(auditEvents.entityId, String(id))))
    .all()
    .map((e) => e.action)

describe('the administration edits the catalogue', () => {
  it('creates, corrects and archives a measure, each change audited and queued for search in its transaction', async () => {
    const admin = await reviewer()
    const created = unwrap(createMeasure(admin, measureInput()))
    expect(created).toMatchObject({ status: 'active', amountMaxKopecks: rub(5_000_000), coFinancingBp: 2_000, trlMin: 3, isDemo: false })
    const queued = () => db.select({ n: count() }).from(outbox).where(searchRowsFor('measures', String(created.id))).get()!.n
    expect(queued()).toBe(1)

    const updated = unwrap(updateMeasure(admin, created.id, measureInput({ title: 'Гранты на роботизацию сварочных производств', amountMax: rub(7_500_000) })))
    expect(updated).toMatchObject({ title: 'Гранты на роботизацию сварочных производств', amountMaxKopecks: rub(7_500_000) })
    expect(unwrap(changeMeasureStatus(admin, created.id, 'archive')).status).toBe('archived')
    expect(changeMeasureStatus(admin, created.id, 'archive')).toMatchObject({ ok: false, error: 'transition_not_allowed' })
    expect(unwrap(changeMeasureStatus(admin, created.id, 'restore')).status).toBe('active')

    expect(trail(created.id)).toEqual(['measure.created', 'measure.updated', 'measure.archived', 'measure.restored'])
    expect(queued()).toBe(4)
  })

  it('lets the platform admin stand in for the administration', async () => {
    expect(createMeasure(await platformAdmin(), measureInput())).toMatchObject({ ok: true })
  })

  it('refuses a company, a lab and a visitor with no organisation, and changes nothing', async () => {
    const admin = await reviewer()
    const created = unwrap(createMeasure(admin, measureInput()))
    const before = db.select().from(supportMeasures).where(eq(supportMeasures.id, created.id)).get()
    const outsiders = [await company(), await actorWithOrganisation({ organisationType: 'university', isState: true, size: undefined })]
    for (const actor of outsiders) {
      expect(createMeasure(actor, measureInput())).toMatchObject({ ok: false, error: 'forbidden' })
      expect(updateMeasure(actor, created.id, measureInput({ title: 'Захвачено' }))).toMatchObject({ ok: false, error: 'forbidden' })
      expect(changeMeasureStatus(actor, created.id, 'archive')).toMatchObject({ ok: false, error: 'forbidden' })
    }
    expect(db.select().from(supportMeasures).where(eq(supportMeasures.id, created.id)).get()).toEqual(before)
    expect(trail(created.id)).toEqual(['measure.created'])
  })

  it('refuses a plain-http link and reversed ranges, writing neither the measure nor an outbox row', async () => {
    const admin = await reviewer()
    const rows = () => [db.select({ n: count() }).from(supportMeasures).get()!.n, db.select({ n: count() }).from(outbox).get()!.n]
    const before = rows()
    expect(createMeasure(admin, measureInput({ link: 'http://example.ru' }))).toMatchObject({ ok: false, error: 'invalid', field: 'link' })
    expect(createMeasure(admin, measureInput({ trlMin: 7, trlMax: 3 }))).toMatchObject({ ok: false, error: 'invalid', field: 'trlMax' })
    expect(createMeasure(admin, measureInput({ amountMin: rub(10), amountMax: rub(5) }))).toMatchObject({ ok: false, error: 'invalid', field: 'amountMax' })
    expect(createMeasure(admin, measureInput({ regions: ['99' as never] }))).toMatchObject({ ok: false, error: 'invalid', field: 'regions' })
    expect(updateMeasure(admin, 999_999, measureInput())).toMatchObject({ ok: false, error: 'not_found' })
    expect(rows()).toEqual(before)
  })
})

describe('the measures index', () => {
  it('finds measures by Russian word forms once the outbox drains, and loses them when archived', async () => {
    const admin = await reviewer()
    const created = unwrap(createMeasure(admin, measureInput({ title: 'Субсидии на сертификацию медицинских изделий', description: 'Возмещение затрат на испытания и регистрацию медицинских изделий.' })))
    expect(await ids('сертификации медицинского изделия')).not.toContain(String(created.id))
    await sync()
    expect(await ids('сертификации медицинского изделия')).toContain(String(created.id))
    expect(await ids('субсидию')).toContain(String(created.id))
    // The kind is searchable in words, in both languages.
    expect(await ids('grant')).toContain(String(created.id))

    unwrap(changeMeasureStatus(admin, created.id, 'archive'))
    await sync()
    expect(await ids('сертификации медицинского изделия')).not.toContain(String(created.id))
    unwrap(changeMeasureStatus(admin, created.id, 'restore'))
    await sync()
    expect(await ids('сертификации медицинского изделия')).toContain(String(created.id))
  })
})

describe('the navigator', () => {
  it('answers from the company’s own profile, puts fitting measures first and gives the reasons', async () => {
    const admin = await reviewer()
    const tag = `навигатор${Date.now()}`
    const fitting = unwrap(createMeasure(admin, measureInput({ title: `Микрогранты ${tag}`, regions: ['54'], companySizes: ['small'], trlMin: undefined, trlMax: undefined })))
    const tooBig = unwrap(createMeasure(admin, measureInput({ title: `Займы крупным ${tag}`, companySizes: ['large'] })))
    const elsewhere = unwrap(createMeasure(admin, measureInput({ title: `Гранты Москвы ${tag}`, regions: ['77'] })))
    await sync()
    const visitor = await company({ alliance: 'robotics' })
    const page = await navigateMeasures(visitor, new URL(`http://test/measures?q=${encodeURIComponent(tag)}`))
    if (!page.ok) throw new Error(page.error)
    expect(page.value.fromProfile).toBe(true)
    expect(page.value.answers).toMatchObject({ type: 'company', size: 'small', region: '54', alliance: 'robotics' })
    const order = page.value.items.map((i) => [i.measure.id, i.eligibility.verdict])
    expect(order[0]).toEqual([fitting.id, 'may_fit'])
    expect(order.slice(1)).toEqual(expect.arrayContaining([[tooBig.id, 'does_not_fit'], [elsewhere.id, 'does_not_fit']]))
    const why = page.value.items.find((i) => i.measure.id === elsewhere.id)!.eligibility.reasons.find((r) => r.outcome === 'fail')
    expect(why).toMatchObject({ key: 'measures.reason.region.fail', params: { allowed: ['77'], yours: '54' } })

    // Answered: the stage, TRL and amount settle "may fit" into "fits"; a verdict filter narrows the list.
    const answered = await navigateMeasures(visitor, new URL(`http://test/measures?q=${encodeURIComponent(tag)}&answered=1&type=company&size=small&region=54&alliance=robotics&stage=rnd&trl=4&amount=1000000&verdict=fits`))
    if (!answered.ok) throw new Error(answered.error)
    expect(answered.value.items.map((i) => [i.measure.id, i.eligibility.verdict])).toEqual([[fitting.id, 'fits']])
    expect(answered.value.verdictCounts).toEqual({ fits: 1, may_fit: 0, does_not_fit: 2 })

    const view = viewMeasure(visitor, fitting.id, new URLSearchParams('answered=1&type=university'))
    expect(view.ok && view.value.eligibility.verdict).toBe('does_not_fit')
  })

  it('refuses malformed filters in the URL', async () => {
    expect(await navigateMeasures(null, new URL('http://test/measures?kind=bribe'))).toMatchObject({ ok: false, error: 'invalid' })
  })
})

describe('measures for a request', () => {
  it('judges the request’s TRL, budget and alliance with its company’s profile, leaving out what does not fit', async () => {
    const admin = await reviewer()
    const owner = await company({ alliance: 'robotics' })
    const request = unwrap(createRequest(owner, requestInput({ trlNow: 4, trlWanted: 6, budgetMin: rub(1_000_000), budgetMax: rub(4_000_000), alliance: 'robotics', region: '54' })))
    unwrap(changeRequestStatus(owner, request.id, 'publish'))
    const fits = unwrap(createMeasure(admin, measureInput({ title: 'Подходит запросу' })))
    const wrongTrl = unwrap(createMeasure(admin, measureInput({ title: 'Только для УГТ 7–9', trlMin: 7, trlMax: 9 })))
    const tooSmall = unwrap(createMeasure(admin, measureInput({ title: 'Займы от 100 млн', kind: 'loan', amountMin: rub(100_000_000), amountMax: rub(1_000_000_000) })))

    const found = measuresForRequest(request.id, { limit: 50 })
    if (!found) throw new Error('no request')
    const shown = found.items.map((i) => i.measure.id)
    expect(shown).toContain(fits.id)
    expect(shown).not.toContain(wrongTrl.id)
    expect(shown).not.toContain(tooSmall.id)
    const mine = found.items.find((i) => i.measure.id === fits.id)!
    expect(mine.eligibility.verdict).toBe('fits')
    expect(mine.eligibility.reasons.map((r) => r.key)).toEqual(expect.arrayContaining(['measures.reason.trl.pass', 'measures.reason.amount.within', 'measures.reason.sector.pass', 'measures.reason.stage.pass']))
    expect(found.navigatorQuery).toContain('trl=4')
    expect(found.counts.fits).toBeGreaterThanOrEqual(1)
    expect(measuresForRequest(999_999)).toBeNull()

    // The active measures are kept between pages: a change to one shows on the next view at once.
    unwrap(changeMeasureStatus(admin, fits.id, 'archive'))
    unwrap(updateMeasure(admin, wrongTrl.id, measureInput({ title: 'Теперь и для УГТ 4', trlMin: 3, trlMax: 9 })))
    const after = measuresForRequest(request.id, { limit: 50 })!.items.map((i) => i.measure.id)
    expect(after).not.toContain(fits.id)
    expect(after).toContain(wrongTrl.id)
  })
})

describe('measures that can be trusted', () => {
  const seeded = (title: RegExp) => db.select().from(supportMeasures).all().find((m) => m.isDemo && title.test(m.title))!

  beforeAll(() => {
    db.transaction((tx) => seedMeasures(tx))
  })

  it('the seeded catalogue is corrected: ПП 1649 pays in advance, the НК 262 coefficient is 2, and every measure cites its source and the day it was checked', () => {
    const pp1649 = seeded(/№ 1649/)
    expect(pp1649.title).toMatch(/финансовое обеспечение затрат/)
    expect(pp1649.description).toMatch(/авансом/)
    expect(pp1649.sourceTitle).toMatch(/№ 1649/)
    const nk262 = seeded(/ст\. 262 НК РФ/)
    expect(nk262.description).toMatch(/коэффициентом 2 /)
    expect(nk262.description).toMatch(/реестра МТК/)
    expect(nk262.stacking).toBe('own_costs_only')
    expect(seeded(/№ 218/)).toMatchObject({ amountMaxKopecks: rub(100_000_000), maxYears: 3, coFinancingBp: 10_000, coFinancingBase: 'grant' })
    expect(seeded(/«Развитие»/).coFinancingBase).toBe('grant')
    expect(seeded(/реального сектора экономики/).organisationTypes).toEqual(['university', 'institute', 'research_org'])
    for (const m of db.select().from(supportMeasures).all().filter((m) => m.isDemo)) {
      expect(m.sourceUrl, m.title).toMatch(/^https:\/\//)
      expect(m.sourceTitle, m.title).toBeTruthy()
      expect(m.sourceCheckedOn, m.title).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('refuses a new measure whose source is not https or whose checked date is in the future', async () => {
    const admin = await reviewer()
    expect(createMeasure(admin, measureInput({ sourceUrl: 'http://example.ru/act' }))).toMatchObject({ ok: false, error: 'invalid', field: 'sourceUrl' })
    expect(createMeasure(admin, measureInput({ sourceCheckedOn: '2999-01-01' }))).toMatchObject({ ok: false, error: 'invalid', field: 'sourceCheckedOn' })
    expect(createMeasure(admin, measureInput({ sourceTitle: '  ' }))).toMatchObject({ ok: false, error: 'invalid', field: 'sourceTitle' })
  })

  it('suggests the measures that could fund a contract to its parties, warning where two cannot pay for the same costs', async () => {
    const admin = await reviewer()
    const buyer = await actorWithOrganisation({ organisationType: 'company', size: 'small', region: '70', alliance: 'pharma' })
    const lab = await stateLab('university')
    const { contractId } = confirmedContract(buyer, lab, { stageAmounts: [rub(2_000_000)] })
    const onlyInstitutes = unwrap(createMeasure(admin, measureInput({ title: 'Только с институтами РАН', contractorTypes: ['institute'], sectors: [] })))

    const found = measuresForContract(buyer, contractId, { today: '2026-12-05', limit: 100 })
    if (!found.ok || !found.value) throw new Error('no suggestions')
    const byTitle = (title: RegExp) => found.value!.items.find((i) => title.test(i.measure.title))
    const compensation = byTitle(/^Компенсация части затрат на НИОКР, выполненных вузами/)!
    const pp218 = byTitle(/№ 218/)!
    const nk262 = byTitle(/ст\. 262 НК РФ/)!
    expect(compensation.eligibility.reasons.map((r) => r.key)).toEqual(expect.arrayContaining(['measures.reason.region.pass', 'measures.reason.contractor.pass', 'measures.reason.stage.pass']))
    expect(pp218.conflicts).toEqual(expect.arrayContaining([{ measureId: compensation.measure.id, title: compensation.measure.title, rule: 'same_costs' }]))
    expect(nk262.conflicts).toEqual(expect.arrayContaining([{ measureId: pp218.measure.id, title: pp218.measure.title, rule: 'reimbursed_costs' }]))
    expect(nk262.eligibility.verdict).toBe('fits')
    // What does not fit a Tomsk company's university contract is left out: another contractor, a university applicant, a loan.
    const shown = found.value.items.map((i) => i.measure.id)
    expect(shown).not.toContain(onlyInstitutes.id)
    expect(byTitle(/^Гранты РНФ/)).toBeUndefined()
    expect(byTitle(/займы/i)).toBeUndefined()
    expect(found.value.conflicted).toBeGreaterThanOrEqual(3)

    // The contractor sees what its customer may ask for; the administration sees none; an outsider sees no contract.
    const forLab = measuresForContract(lab, contractId, { today: '2026-12-05', limit: 100 })
    expect(forLab.ok && forLab.value?.items.map((i) => i.measure.id)).toEqual(shown)
    expect(measuresForContract(admin, contractId)).toEqual({ ok: true, value: null })
    expect(measuresForContract(await company(), contractId)).toMatchObject({ ok: false, error: 'not_found' })
  })
})
