import { eq } from 'drizzle-orm'
import { compensationClaims, contracts, contractVersions, engagements, labs, organisations, rdRequests, users } from '#db/schema'
import { db } from '~/db.server'
import { loadActor } from '~/modules/auth/actor.server'
import { dashboardFigures } from '~/modules/dashboard/figures.server'
import { exportReport } from '~/modules/dashboard/export.server'
import { readReport, report } from '~/modules/dashboard/records.server'
import { seedDemoData } from '~/modules/demo/seed.server'
import { expressInterest } from '~/modules/engagements/engagements.server'
import { confirmVersion } from '~/modules/contracts/answer.server'
import { registerContract } from '~/modules/contracts/register.server'
import { daysFromToday, engagementBetween, pdf, stateLab, terms, verifiedCompany } from '../factories/contracts'

// The figures are computed with SQL in the app; here the same numbers are counted again in plain
// TypeScript over the rows, so that a wrong join or condition shows.

const year = new Date().getUTCFullYear()
const period = { from: `${year}-01-01`, to: new Date().toISOString().slice(0, 10) }
const inPeriod = (iso: string | null) => iso !== null && iso.slice(0, 10) >= period.from && iso.slice(0, 10) <= period.to

beforeAll(async () => {
  await seedDemoData(db)
  // A few engagements, so that the engagement figures have something to count.
  const lab = db.select().from(users).where(eq(users.email, 'tsu@demo.test')).get()!
  const scientist = loadActor(lab.id)!
  const tsuLabs = db.select().from(labs).where(eq(labs.organisationId, scientist.organisationId!)).all()
  const published = db.select().from(rdRequests).where(eq(rdRequests.status, 'published')).all().slice(0, 3)
  for (const [i, request] of published.entries()) {
    const result = expressInterest(scientist, request.id, { labId: tsuLabs[i % tsuLabs.length].id, approach: 'Подход к работе по запросу, подробно.', timeline: '3 месяца', priceEstimate: 100_000_00 })
    if (!result.ok) throw new Error(result.error)
  }
}, 120_000)

describe('the dashboard figures equal counts made straight from the data', () => {
  const organisationsById = () => new Map(db.select().from(organisations).all().map((o) => [o.id, o]))

  for (const alliance of [null, 'pharma', 'arctic'] as const) {
    it(`for the period${alliance ? ` and the ${alliance} alliance` : ''}`, () => {
      const filter = { ...period, alliance, orgType: null }
      const figures = dashboardFigures(filter)
      const requests = db.select().from(rdRequests).all().filter((r) => inPeriod(r.publishedAt) && (!alliance || r.alliance === alliance))
      expect(figures.requestsPosted).toBe(requests.length)
      expect(figures.requestsOpen).toBe(requests.filter((r) => r.status === 'published').length)
      expect(figures.requestsPosted).toBeGreaterThan(0)

      const requestById = new Map(db.select().from(rdRequests).all().map((r) => [r.id, r]))
      const started = db.select().from(engagements).all().filter((e) => inPeriod(e.createdAt) && (!alliance || requestById.get(e.requestId)?.alliance === alliance))
      expect(figures.engagementsStarted).toBe(started.length)

      const orgs = organisationsById()
      const versions = new Map(db.select().from(contractVersions).all().map((v) => [v.id, v]))
      const signed = db
        .select()
        .from(contracts)
        .all()
        .filter((c) => c.status === 'confirmed' && c.confirmedVersionId && inPeriod(versions.get(c.confirmedVersionId)!.signedOn))
        .filter((c) => !alliance || orgs.get(c.companyId)?.alliance === alliance)
      expect(figures.contractsSigned).toBe(signed.length)
      const volume = (type: string) => signed.filter((c) => orgs.get(c.contractorId)?.type === type).reduce((sum, c) => sum + versions.get(c.confirmedVersionId!)!.priceKopecks, 0)
      expect(figures.contractVolume.university).toBe(volume('university'))
      expect(figures.contractVolume.institute).toBe(volume('institute'))

      const claims = db
        .select()
        .from(compensationClaims)
        .all()
        .filter((c) => inPeriod(c.submittedAt ?? c.createdAt) && (!alliance || orgs.get(c.companyId)?.alliance === alliance))
      const byStatus: Record<string, number> = {}
      for (const c of claims) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1
      expect(figures.claimsByStatus).toEqual(byStatus)
    })
  }

  it('with a contractor type: only contracts, claims and engagements with such contractors count', () => {
    const filter = { ...period, alliance: null, orgType: 'university' as const }
    const figures = dashboardFigures(filter)
    const orgs = organisationsById()
    const versions = new Map(db.select().from(contractVersions).all().map((v) => [v.id, v]))
    const signed = db
      .select()
      .from(contracts)
      .all()
      .filter((c) => c.status === 'confirmed' && c.confirmedVersionId && inPeriod(versions.get(c.confirmedVersionId)!.signedOn) && orgs.get(c.contractorId)?.type === 'university')
    expect(figures.contractsSigned).toBe(signed.length)
    expect(figures.contractVolume.institute).toBe(0)
    const started = db.select().from(engagements).all().filter((e) => inPeriod(e.createdAt) && orgs.get(e.labOrganisationId)?.type === 'university')
    expect(figures.engagementsStarted).toBe(started.length)
    expect(figures.engagementsStarted).toBeGreaterThan(0)
  })

  it('lists exactly the records behind each figure', () => {
    const filter = { ...period, alliance: 'pharma' as const, orgType: null }
    const figures = dashboardFigures(filter)
    expect(report('requests', filter, {}).rows).toHaveLength(figures.requestsPosted)
    expect(report('requests', filter, { open: '1' }).rows).toHaveLength(figures.requestsOpen)
    expect(report('engagements', filter, {}).rows).toHaveLength(figures.engagementsStarted)
    expect(report('contracts', filter, {}).rows).toHaveLength(figures.contractsSigned)
    for (const [status, n] of Object.entries(figures.claimsByStatus)) {
      expect(report('claims', filter, { status: status as 'approved' }).rows).toHaveLength(n)
    }
  })
})


describe('reports follow the rule of the pages they list', () => {
  it('refuse the platform admin the lists and files of contracts and claims, which its pages refuse, and give the administration all', async () => {
    const actorOf = (email: string) => loadActor(db.select().from(users).where(eq(users.email, email)).get()!.id)!
    const platform = actorOf('platform@demo.test')
    const reviewer = actorOf('reviewer@demo.test')
    const filter = { ...period, alliance: null, orgType: null }
    for (const kind of ['contracts', 'claims'] as const) {
      expect(readReport(platform, kind, filter, {}), kind).toMatchObject({ ok: false, error: 'forbidden' })
      expect(await exportReport(platform, kind, filter, {}, 'csv', 'ru'), kind).toMatchObject({ ok: false, error: 'forbidden' })
      expect(readReport(reviewer, kind, filter, {}).ok, kind).toBe(true)
    }
    for (const kind of ['requests', 'matches', 'engagements'] as const) expect(readReport(platform, kind, filter, {}).ok, kind).toBe(true)
    const file = await exportReport(reviewer, 'claims', filter, {}, 'csv', 'ru')
    expect(file.ok && file.value.status).toBe(200)
  })
})

describe('the times from request to contract', () => {
  it('are never negative: a contract dated before its request counts as registered from outside the platform', async () => {
    const before = dashboardFigures({ ...period, alliance: null, orgType: null })
    const company = await verifiedCompany()
    const science = await stateLab()
    const engagementId = engagementBetween(company, science, 'agreed')
    // The request was published today; the contract says it was signed a month earlier.
    const registered = registerContract(company, { ...terms({ signedOn: daysFromToday(-30), startsOn: daysFromToday(-30) }), contractorId: science.organisationId!, engagementId, document: pdf() })
    if (!registered.ok) throw new Error(registered.error)
    const pending = db.select().from(contracts).where(eq(contracts.id, registered.value.contractId)).get()!
    expect(confirmVersion(science, registered.value.contractId, pending.pendingVersionId!).ok).toBe(true)

    const figures = dashboardFigures({ from: daysFromToday(-60), to: period.to, alliance: null, orgType: null })
    expect(figures.contractsRegisteredOutside).toBe(before.contractsRegisteredOutside + 1)
    expect(figures.daysToContract === null || figures.daysToContract >= 0).toBe(true)
    expect(figures.daysToFirstContact === null || figures.daysToFirstContact >= 0).toBe(true)
  })
})
