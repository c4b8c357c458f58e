import { eq } from 'drizzle-orm'
import { compensationClaims, contracts, contractVersions, engagements, matches, organisations, rdRequests, users } from '#db/schema'
import { alliances } from '#db/schema/values'
import { db } from '~/db.server'
import { loadActor } from '~/modules/auth/actor.server'
import { dashboardFigures } from '~/modules/dashboard/figures.server'
import { exportReport } from '~/modules/dashboard/export.server'
import { readReport, report } from '~/modules/dashboard/records.server'
import { seedDemoData } from '~/modules/demo/seed.server'
import { dashboardStory } from '~/modules/dashboard/story.server'
import { confirmVersion } from '~/modules/contracts/answer.server'
import { registerContract } from '~/modules/contracts/register.server'
import { daysFromToday, engagementBetween, pdf, stateLab, terms, verifiedCompany } from '../factories/contracts'

// The figures are computed with SQL in the app; here the same numbers are counted again in plain
// TypeScript over the rows, so that a wrong join or condition shows.

const year = new Date().getUTCFullYear()
const period = { from: `${year}-01-01`, to: new Date().toISOString().slice(0, 10) }
const inPeriod = (iso: string | null) => iso !== null && iso.slice(0, 10) >= period.from && iso.slice(0, 10) <= period.to

beforeAll(async () => {
  // The demo holds a year of the cluster's activity: contacts, agreements, contracts, claims.
  await seedDemoData(db)
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
    const before = dashboardStory({ from: daysFromToday(-60), to: period.to, alliance: null, orgType: null })
    const company = await verifiedCompany()
    const science = await stateLab()
    const engagementId = engagementBetween(company, science, 'agreed')
    // The request was published today; the contract says it was signed a month earlier.
    const registered = registerContract(company, { ...terms({ signedOn: daysFromToday(-30), startsOn: daysFromToday(-30) }), contractorId: science.organisationId!, engagementId, document: pdf() })
    if (!registered.ok) throw new Error(registered.error)
    const pending = db.select().from(contracts).where(eq(contracts.id, registered.value.contractId)).get()!
    expect(confirmVersion(science, registered.value.contractId, pending.pendingVersionId!).ok).toBe(true)

    const story = dashboardStory({ from: daysFromToday(-60), to: period.to, alliance: null, orgType: null })
    expect(story.toContract.registeredOutside).toBe(before.toContract.registeredOutside + 1)
    expect(story.toContract.median === null || story.toContract.median >= 0).toBe(true)
    expect(story.toFirstContact.median === null || story.toFirstContact.median >= 0).toBe(true)
  })
})

describe('the story of the demo year', () => {
  const lastYear = { from: daysFromToday(-364), to: period.to, orgType: null }

  it('the funnel counts, step by step, the requests that reached it, as counted straight from the rows, and never widens', () => {
    for (const alliance of [null, ...alliances]) {
      const { funnel } = dashboardStory({ ...lastYear, alliance })
      const from = `${lastYear.from}T00:00:00.000Z`
      const posted = db.select().from(rdRequests).all().filter((r) => r.publishedAt !== null && r.publishedAt >= from && (!alliance || r.alliance === alliance))
      const all = { engagements: db.select().from(engagements).all(), contracts: db.select().from(contracts).all(), claims: db.select().from(compensationClaims).all(), matches: db.select().from(matches).all() }
      const engagementsOf = (id: number) => all.engagements.filter((e) => e.requestId === id)
      const contractsOf = (id: number) => all.contracts.filter((c) => c.status === 'confirmed' && engagementsOf(id).some((e) => e.id === c.engagementId))
      const claimsOf = (id: number) => all.claims.filter((cl) => cl.status !== 'draft' && contractsOf(id).some((c) => c.id === cl.contractId))
      const expected = {
        requests: posted.length,
        proposals: posted.filter((r) => all.matches.some((m) => m.requestId === r.id) || engagementsOf(r.id).length > 0).length,
        engagements: posted.filter((r) => engagementsOf(r.id).length > 0).length,
        agreements: posted.filter((r) => engagementsOf(r.id).some((e) => e.stage === 'agreed') || contractsOf(r.id).length > 0).length,
        contracts: posted.filter((r) => contractsOf(r.id).length > 0).length,
        claims: posted.filter((r) => claimsOf(r.id).length > 0).length,
        paid: posted.filter((r) => claimsOf(r.id).some((cl) => cl.status === 'paid')).length,
      }
      expect(Object.fromEntries(funnel.map((s) => [s.step, s.count])), alliance ?? 'all').toEqual(expected)
      for (let i = 1; i < funnel.length; i++) {
        expect(funnel[i].count, `${alliance} ${funnel[i].step}`).toBeLessThanOrEqual(funnel[i - 1].count)
        expect(funnel[i].fromPreviousBp).toBe(funnel[i - 1].count ? Math.round((funnel[i].count * 10_000) / funnel[i - 1].count) : null)
      }
      // Each alliance has a year of activity that reaches a contract.
      expect(expected.contracts, alliance ?? 'all').toBeGreaterThan(0)
    }
  })

  it('lists behind each step of the funnel exactly the requests it counts', () => {
    const filter = { ...lastYear, alliance: 'vision' as const }
    const { funnel } = dashboardStory(filter)
    for (const stage of funnel) {
      const rows = report('requests', filter, stage.step === 'requests' ? {} : { reached: stage.step }).rows
      expect(rows, stage.step).toHaveLength(stage.count)
    }
  })

  it('draws every month of the year with activity, and times to contact and to contract as distributions that are never negative', () => {
    const story = dashboardStory({ ...lastYear, alliance: null })
    expect(story.months.length).toBeGreaterThanOrEqual(12)
    expect(story.months.filter((m) => m.requests > 0).length).toBeGreaterThanOrEqual(11)
    expect(story.months.filter((m) => m.contracts > 0).length).toBeGreaterThanOrEqual(6)
    for (const times of [story.toFirstContact, story.toContract]) {
      expect(times.buckets.every((b) => b.from >= 0 && b.count >= 0)).toBe(true)
      expect(times.buckets.filter((b) => b.count > 0).length).toBeGreaterThan(1)
      expect(times.median).toBeGreaterThanOrEqual(0)
    }
    // The demo's one contract signed before its request stands apart, not as a negative time.
    expect(story.toContract.registeredOutside).toBeGreaterThanOrEqual(1)
    const contracted = story.funnel.find((s) => s.step === 'contracts')!.count
    expect(story.toContract.buckets.reduce((n, b) => n + b.count, 0) + story.toContract.registeredOutside).toBe(contracted)
  })

  it('shows RAS institutes taking a growing share of the contracts over the year', () => {
    const { contractors } = dashboardStory({ ...lastYear, alliance: null })
    const counted = contractors.quarters.reduce((n, q) => n + q.university + q.institute + q.researchOrg, 0)
    expect(counted).toBe(dashboardFigures({ ...lastYear, alliance: null }).contractsSigned)
    expect(contractors.trend).toBe('grows')
  })
})
