import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { Meilisearch } from 'meilisearch'
import { matches, matchProfiles, notifications, organisations } from '#db/schema'
import { demoScience } from '#db/seed/demo-cluster'
import type { IndexName, SearchEngine } from '#search/engine'
import { MeilisearchEngine } from '#search/meilisearch'
import { indexRegistry } from '#search/registry'
import { SqliteFtsEngine } from '#search/sqlite-fts'
import { drainOutbox, enqueue, reindex } from '#search/sync'
import { meilisearchForTests } from '#search/testing/meilisearch-server'
import { database, db } from '~/db.server'
import { createLab, updateLab } from '~/modules/labs/labs.server'
import { insertDemoLab } from '~/modules/demo/catalogue-seed.server'
import { proposeLabsForRequest } from '~/modules/matching/matcher.server'
import { expressInterest, inviteLab } from '~/modules/engagements/engagements.server'
import { listMatches, openMatch, proposedLabsForRequest, proposedRequestsForLab, setMatchStatus } from '~/modules/matching/matches.server'
import { queueRefreshOfSynced, workRefreshQueue } from '~/modules/matching/refresh-queue.server'
import { refreshRequestMatches, syncProfiles } from '~/modules/matching/refresh.server'
import { completeInn10, completeOgrn13 } from '~/modules/organisations/inn-ogrn'
import type { Actor } from '~/modules/permissions/actor'
import { changeRequestStatus, createRequest, updateRequest } from '~/modules/requests/requests.server'
import { actorWithOrganisation } from '../factories/actors'
import { labInput, requestInput } from '../factories/catalogue'
import { fixtureLabs } from '../fixtures/matching/labs'
import { fixtureRequests } from '../fixtures/matching/requests'

// The matcher on a real SQLite file: the hand-labelled fixture ranked on each search engine, and
// proposals as the two organisations see and handle them.

const embedded = new SqliteFtsEngine(database.sqlite)
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)

/** Drains the outbox into the engine, then the refresh queue it fills, as the background process does. */
async function sync(engine: SearchEngine = embedded) {
  await drainOutbox(db, engine, indexRegistry, {
    onAccepted: queueRefreshOfSynced,
    onSynced: (index, ids) => syncProfiles(db, index, ids),
    onError: (error) => {
      throw error
    },
  })
  const slice = await workRefreshQueue(db, engine, { budgetMs: 60_000 })
  if (slice.failed > 0) throw new Error(`${slice.failed} proposal refreshes failed`)
}

/** The fixture's labs under the demo cluster's science organisations, inserted as the demo seed does. */
function insertFixtureLabs(): Map<string, number> {
  const ids = new Map<string, number>()
  db.transaction((tx) => {
    const organisationIds = new Map<string, number>()
    demoScience.forEach((org, i) => {
      const serial = String(900 + i).padStart(7, '0')
      const created = tx
        .insert(organisations)
        .values({ type: org.type, name: org.name, shortName: org.shortName, inn: completeInn10(`70${serial}`), ogrn: completeOgrn13(`1027${serial}0`), region: '70', alliance: org.alliance ?? null })
        .returning()
        .get()
      organisationIds.set(org.key, created.id)
    })
    for (const lab of fixtureLabs) {
      const created = insertDemoLab(tx, lab, organisationIds.get(lab.organisationKey)!)
      enqueue(tx, 'labs', String(created.id))
      ids.set(lab.key, created.id)
    }
  })
  return ids
}

let fixtureCompany: Actor
let labIdsByKey: Map<string, number>
const requestIdsByKey = new Map<string, number>()

beforeAll(async () => {
  labIdsByKey = insertFixtureLabs()
  fixtureCompany = await actorWithOrganisation({ organisationType: 'company', region: '70' })
  for (const r of fixtureRequests) {
    const created = createRequest(
      fixtureCompany,
      requestInput({
        title: r.title,
        summary: r.title,
        problem: r.problem,
        expectedResult: r.expectedResult,
        confidentialDetails: `Внутренний код проекта ${r.key}`,
        keywords: r.keywords,
        oecdField: r.oecdField,
        grnti: undefined,
        alliance: r.alliance,
        trlNow: r.trlNow,
        trlWanted: r.trlWanted,
        budgetMin: r.budgetMinRoubles * 100,
        budgetMax: r.budgetMaxRoubles * 100,
        deadline: inAYear(),
        region: '70',
      }),
    )
    if (!created.ok) throw new Error(`fixture request ${r.key}: ${created.error}`)
    expect(changeRequestStatus(fixtureCompany, created.value.id, 'publish')).toMatchObject({ ok: true })
    requestIdsByKey.set(r.key, created.value.id)
  }
  await sync()
}, 120_000)

/** How many fixture requests have an expected lab among the matcher's first three. */
async function topThreeRate(engine: SearchEngine) {
  const keyOf = new Map([...labIdsByKey].map(([key, id]) => [id, key]))
  const misses: string[] = []
  for (const r of fixtureRequests) {
    const ranking = await proposeLabsForRequest(db, engine, requestIdsByKey.get(r.key)!)
    const top = (ranking?.proposals ?? []).slice(0, 3).map((p) => keyOf.get(p.labId))
    if (!top.some((key) => key && r.expectedLabKeys.includes(key))) misses.push(`${r.key}: got ${top.join(', ')}`)
  }
  return { rate: (fixtureRequests.length - misses.length) / fixtureRequests.length, misses }
}

describe('the hand-labelled fixture', () => {
  it('has at least 30 requests against at least 60 labs', () => {
    expect(fixtureRequests.length).toBeGreaterThanOrEqual(30)
    expect(fixtureLabs.length).toBeGreaterThanOrEqual(60)
  })

  it('gets an expected lab into the top 3 for at least 80 % of the requests on the embedded engine', async () => {
    const { rate, misses } = await topThreeRate(embedded)
    console.info(`matching fixture, sqlite-fts: top-3 rate ${(rate * 100).toFixed(1)} %`, misses)
    expect(rate).toBeGreaterThanOrEqual(0.8)
  })

  it('keeps proposals for nearly every fixture request, and explains each one that rests on text by the words it shares', () => {
    let withProposals = 0
    for (const id of requestIdsByKey.values()) {
      const rows = db.select().from(matches).where(eq(matches.requestId, id)).all()
      if (rows.length > 0) withProposals++
      for (const row of rows) {
        const components = row.components as { text: number }
        const explanation = row.explanation as { words: string[]; criteria: { criterion: string }[] }
        if (components.text > 0) expect(explanation.words.length).toBeGreaterThan(0)
        expect(explanation.criteria.map((c) => c.criterion)).toContain('field')
      }
    }
    expect(withProposals / requestIdsByKey.size).toBeGreaterThanOrEqual(0.9)
  })
})

const server = await meilisearchForTests()
const meilisearchPrefix = `matching_${randomBytes(4).toString('hex')}_`

afterAll(async () => {
  if (!server) return
  const client = new Meilisearch({ host: server.host, apiKey: server.apiKey })
  for (const index of ['labs', 'requests']) await client.deleteIndexIfExists(meilisearchPrefix + index)
  await server.stop()
})

describe.skipIf(!server)('the hand-labelled fixture on meilisearch (set MEILI_HOST or MEILI_BIN)', () => {
  it('gets an expected lab into the top 3 for at least 80 % of the requests', async () => {
    const engine = new MeilisearchEngine({ host: server!.host, apiKey: server!.apiKey, indexPrefix: meilisearchPrefix })
    for (const index of ['labs', 'requests'] as IndexName[]) await reindex(db, engine, indexRegistry, index)
    const { rate, misses } = await topThreeRate(engine)
    console.info(`matching fixture, meilisearch: top-3 rate ${(rate * 100).toFixed(1)} %`, misses)
    expect(rate).toBeGreaterThanOrEqual(0.8)
  }, 120_000)
})

// Each pair also shares a product name of its own, so that the pairs of different tests do not compete.
const PRODUCT_NAMES = ['Зернотрон', 'Виброскан', 'Криомаш', 'Турбоглаз', 'Ледокрут', 'Насосфон', 'Термогаз', 'Глубомер', 'Шумоскоп', 'Бурозонд', 'Мерзлотех', 'Льдомер']
let pairs = 0

/** A lab and a request that fit each other in words nothing else in the catalogue uses. */
async function pairInWords(words: { lab: string; request: string; confidential?: string }) {
  const product = PRODUCT_NAMES[pairs++ % PRODUCT_NAMES.length]
  const company = await actorWithOrganisation({ organisationType: 'company', region: '70' })
  const scientist = await actorWithOrganisation({ organisationType: 'university', isState: true, size: undefined, region: '70' })
  const lab = createLab(
    scientist,
    labInput({ name: `Лаборатория криогенной вибродиагностики ${product}`, description: `${words.lab} Разработчик системы ${product}.`, keywords: ['вибродиагностика', 'криогенные насосы', product] }),
  )
  if (!lab.ok) throw new Error(lab.error)
  const request = createRequest(
    company,
    requestInput({
      title: `Вибродиагностика криогенных насосов ${product}`,
      problem: `${words.request} Нужна система уровня ${product}.`,
      keywords: ['вибродиагностика', 'криогенные насосы', product],
      confidentialDetails: words.confidential,
    }),
  )
  if (!request.ok) throw new Error(request.error)
  changeRequestStatus(company, request.value.id, 'publish')
  await sync()
  const match = db
    .select()
    .from(matches)
    .where(and(eq(matches.requestId, request.value.id), eq(matches.labId, lab.value.id)))
    .get()
  if (!match) throw new Error('the pair was not proposed')
  return { company, scientist, labId: lab.value.id, requestId: request.value.id, match }
}

const LAB_TEXT =
  'Вибродиагностика криогенных насосов сжиженного природного газа: спектральный анализ вибрации подшипников, ' +
  'датчики для температур до минус 196 градусов, прогноз остаточного ресурса насосов.'
const REQUEST_TEXT =
  'На терминале сжиженного природного газа отказывают криогенные насосы. Нужна вибродиагностика подшипников ' +
  'с датчиками, работающими при минус 196 градусах, и прогноз остаточного ресурса.'

describe('proposals', () => {
  it('are announced to both organisations when new and above the threshold', async () => {
    const { company, scientist, match } = await pairInWords({ lab: LAB_TEXT, request: REQUEST_TEXT })
    expect(match.score).toBeGreaterThanOrEqual(0.7)
    const kindsFor = (actor: Actor) => db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, actor.userId)).all().map((n) => n.kind)
    expect(kindsFor(company)).toContain('newLabsForRequest')
    expect(kindsFor(scientist)).toEqual(expect.arrayContaining([expect.stringMatching(/^newRequest/)]))
  })

  it('are shown to the request’s company and the lab’s organisation only, each with its own status', async () => {
    const { company, scientist, labId, requestId, match } = await pairInWords({ lab: LAB_TEXT, request: REQUEST_TEXT })
    const stranger = await actorWithOrganisation({ organisationType: 'company' })
    const otherLab = await actorWithOrganisation({ organisationType: 'institute', isState: true, size: undefined })
    expect(proposedLabsForRequest(company, requestId, 'ru')).toMatchObject({ ok: true })
    expect(proposedLabsForRequest(stranger, requestId, 'ru')).toMatchObject({ ok: false, error: 'forbidden' })
    expect(proposedLabsForRequest(scientist, requestId, 'ru')).toMatchObject({ ok: false, error: 'forbidden' })
    expect(proposedLabsForRequest(null, requestId, 'ru')).toMatchObject({ ok: false, error: 'forbidden' })
    expect(proposedRequestsForLab(scientist, labId, 'ru')).toMatchObject({ ok: true })
    expect(proposedRequestsForLab(otherLab, labId, 'ru')).toMatchObject({ ok: false, error: 'forbidden' })
    expect(proposedRequestsForLab(company, labId, 'ru')).toMatchObject({ ok: false, error: 'forbidden' })

    // Opening it as the lab marks it viewed for the lab, and it is still new to the company.
    expect(openMatch(scientist, match.id)).toEqual({ ok: true, value: { href: `/requests/${requestId}` } })
    const asLab = listMatches(scientist, { page: 1 }, 'ru')
    const asCompany = listMatches(company, { page: 1 }, 'ru')
    if (!asLab.ok || !asCompany.ok) throw new Error('lists refused')
    expect(asLab.value.rows.find((r) => r.id === match.id)?.status).toBe('viewed')
    expect(asCompany.value.rows.find((r) => r.id === match.id)?.status).toBe('new')
    expect(listMatches(stranger, { page: 1 }, 'ru')).toMatchObject({ ok: true, value: { total: 0 } })
  })

  it('stay dismissed, with their reason, after the request changes and they are refreshed', async () => {
    const { company, scientist, requestId, match } = await pairInWords({ lab: LAB_TEXT, request: REQUEST_TEXT })
    expect(setMatchStatus(scientist, match.id, 'dismissed', 'no_capacity', 'Загружены до осени')).toMatchObject({ ok: true, value: { side: 'lab', status: 'dismissed' } })

    expect(updateRequest(company, requestId, requestInput({ title: 'Вибродиагностика криогенных насосов СПГ', problem: REQUEST_TEXT, keywords: ['вибродиагностика'] }))).toMatchObject({ ok: true })
    await sync()
    await refreshRequestMatches(db, embedded, requestId, { notify: true })

    const after = db.select().from(matches).where(eq(matches.id, match.id)).get()!
    expect(after).toMatchObject({ labStatus: 'dismissed', labDismissedReason: 'no_capacity', labDismissedNote: 'Загружены до осени', companyStatus: 'new' })
    const asLab = listMatches(scientist, { status: 'dismissed', page: 1 }, 'ru')
    expect(asLab.ok && asLab.value.rows.map((r) => r.id)).toContain(match.id)
    // Nor does the section on the lab's page bring it back.
    const section = proposedRequestsForLab(scientist, match.labId, 'ru')
    expect(section.ok && section.value.rows.map((r) => r.id)).not.toContain(match.id)
    expect(section.ok && section.value.dismissed).toBe(1)

    expect(setMatchStatus(scientist, match.id, 'viewed')).toMatchObject({ ok: true })
    expect(db.select().from(matches).where(eq(matches.id, match.id)).get()).toMatchObject({ labStatus: 'viewed', labDismissedReason: null })
  })

  it('become "interested" on the side that starts an engagement, and the card leads to it', async () => {
    const { company, scientist, labId, requestId, match } = await pairInWords({ lab: LAB_TEXT, request: REQUEST_TEXT })
    expect(setMatchStatus(scientist, match.id, 'dismissed', 'not_relevant')).toMatchObject({ ok: true })
    const interest = expressInterest(scientist, requestId, { labId, approach: 'Спектральный анализ вибрации подшипников.', timeline: '3 месяца', priceEstimate: 900_000_00 })
    expect(interest).toMatchObject({ ok: true })
    expect(db.select().from(matches).where(eq(matches.id, match.id)).get()).toMatchObject({ labStatus: 'interested', labDismissedReason: null, companyStatus: 'new' })
    const card = listMatches(company, { requestId, page: 1 }, 'ru')
    expect(card.ok && card.value.rows.find((r) => r.id === match.id)?.engagementId).toBe(interest.ok ? interest.value.id : -1)

    const invited = await pairInWords({ lab: LAB_TEXT, request: REQUEST_TEXT })
    expect(inviteLab(invited.company, { requestId: invited.requestId, labId: invited.labId })).toMatchObject({ ok: true })
    expect(db.select().from(matches).where(eq(matches.id, invited.match.id)).get()).toMatchObject({ companyStatus: 'interested', labStatus: 'new' })
  })

  it('are withdrawn when the request closes, unless a side has acted on them', async () => {
    const { company, scientist, requestId, match } = await pairInWords({ lab: LAB_TEXT, request: REQUEST_TEXT })
    expect(setMatchStatus(scientist, match.id, 'interested')).toMatchObject({ ok: true })
    expect(changeRequestStatus(company, requestId, 'close')).toMatchObject({ ok: true })
    await sync()
    const left = db.select().from(matches).where(eq(matches.requestId, requestId)).all()
    expect(left.map((m) => m.id)).toEqual([match.id])
    expect(left[0]).toMatchObject({ labStatus: 'interested', requestRank: null })
    expect(db.select().from(matchProfiles).where(and(eq(matchProfiles.entityType, 'request'), eq(matchProfiles.entityId, requestId))).get()).toBeUndefined()
  })

  it('carry only the request’s public text: its confidential details reach neither the profile nor the lab', async () => {
    const marker = 'Криотронмаш'
    const { scientist, labId, requestId, match } = await pairInWords({
      lab: `${LAB_TEXT} Партнёр по испытаниям — завод ${marker}.`,
      request: REQUEST_TEXT,
      confidential: `Испытания на заводе ${marker}, годовой объём 40 насосов.`,
    })
    const profile = db.select().from(matchProfiles).where(and(eq(matchProfiles.entityType, 'request'), eq(matchProfiles.entityId, requestId))).get()!
    expect(profile.terms.toLowerCase()).not.toContain('криотронмаш')
    expect(JSON.stringify(match).toLowerCase()).not.toContain('криотронмаш')
    expect(JSON.stringify(match).toLowerCase()).not.toContain('насосов.')
    const seen = [listMatches(scientist, { page: 1 }, 'ru'), proposedRequestsForLab(scientist, labId, 'ru')]
    for (const view of seen) {
      expect(view.ok).toBe(true)
      expect(JSON.stringify(view).toLowerCase()).not.toContain('криотронмаш')
      expect(JSON.stringify(view)).not.toContain('40 насосов')
    }
  })

  it('refuse tampered ids: another organisation’s proposal gets 403, a missing one 404, and nothing changes', async () => {
    const { match } = await pairInWords({ lab: LAB_TEXT, request: REQUEST_TEXT })
    const stranger = await actorWithOrganisation({ organisationType: 'company' })
    const otherLab = await actorWithOrganisation({ organisationType: 'university', isState: true, size: undefined })
    const before = db.select().from(matches).where(eq(matches.id, match.id)).get()
    expect(setMatchStatus(stranger, match.id, 'dismissed', 'not_relevant')).toMatchObject({ ok: false, error: 'forbidden' })
    expect(setMatchStatus(otherLab, match.id, 'interested')).toMatchObject({ ok: false, error: 'forbidden' })
    expect(openMatch(otherLab, match.id)).toMatchObject({ ok: false, error: 'forbidden' })
    expect(setMatchStatus(stranger, 987_654_321, 'viewed')).toMatchObject({ ok: false, error: 'not_found' })
    expect(db.select().from(matches).where(eq(matches.id, match.id)).get()).toEqual(before)
  })

  it('follow the lab: rewritten away from the subject, its proposal falls out of the top and stays only because the company opened it', async () => {
    const { company, scientist, labId, requestId, match } = await pairInWords({ lab: LAB_TEXT, request: REQUEST_TEXT })
    expect(match.requestRank).toBe(1)
    expect(openMatch(company, match.id)).toMatchObject({ ok: true })
    const rewrite = () =>
      labInput({
        name: 'Лаборатория селекции овса',
        description: 'Селекция овса и ячменя для таёжной зоны, оценка засухоустойчивости сортов.',
        keywords: ['селекция'],
        oecdFields: ['4.1'],
        grnti: ['68.35'],
        alliance: undefined,
      })
    expect(updateLab(scientist, labId, rewrite())).toMatchObject({ ok: true })
    await sync()
    const kept = db.select().from(matches).where(eq(matches.id, match.id)).get()!
    expect(kept).toMatchObject({ requestRank: null, companyStatus: 'viewed', labStatus: 'new' })
    expect(kept.score).toBeLessThan(match.score)

    // The same fall for a proposal nobody acted on withdraws it.
    const untouched = await pairInWords({ lab: LAB_TEXT, request: REQUEST_TEXT })
    expect(updateLab(untouched.scientist, untouched.labId, rewrite())).toMatchObject({ ok: true })
    await sync()
    expect(db.select().from(matches).where(eq(matches.id, untouched.match.id)).get()).toBeUndefined()
    // The request keeps its other proposals.
    expect(db.select().from(matches).where(eq(matches.requestId, requestId)).all().length).toBeGreaterThan(0)
  })
})
