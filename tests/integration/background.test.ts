import os from 'node:os'
import { and, count, eq } from 'drizzle-orm'
import { labs, matches, matchProfiles, matchRefreshQueue, rdRequests } from '#db/schema'
import { SearchUnavailableError, type SearchEngine } from '#search/engine'
import { indexRegistry } from '#search/registry'
import { SqliteFtsEngine } from '#search/sqlite-fts'
import { drainOutbox, outboxLag } from '#search/sync'
import { db, database } from '~/db.server'
import { reindexOutdatedTexts } from '~/modules/background.server'
import { startBackgroundProcess } from '~/modules/background/process.server'
import { backgroundStatus, wakeBackground } from '~/modules/background/status.server'
import { healthReport } from '~/modules/health/report.server'
import { createLab } from '~/modules/labs/labs.server'
import { proposalsState } from '~/modules/matching/matches.server'
import { CATALOGUE, CHANGE, prepareMatching, queueRefresh, queueRefreshOfSynced, refreshQueueProgress, workRefreshQueue } from '~/modules/matching/refresh-queue.server'
import { profilesOutdated } from '~/modules/matching/profiles.server'
import { syncProfiles } from '~/modules/matching/refresh.server'
import { textAnalysis } from '~/modules/matching/text-terms'
import type { Actor } from '~/modules/permissions/actor'
import { changeRequestStatus, createRequest } from '~/modules/requests/requests.server'
import { actorWithOrganisation } from '../factories/actors'
import { labInput, requestInput } from '../factories/catalogue'

// Proposals off the request path: the refresh queue that changes fill, and the background process
// that the server starts to work it down while it keeps answering.

const embedded = new SqliteFtsEngine(database.sqlite)
const anHourLater = () => new Date(Date.now() + 3_600_000)

let company: Actor
let scientist: Actor

beforeAll(async () => {
  company = await actorWithOrganisation({ organisationType: 'company', region: '70' })
  scientist = await actorWithOrganisation({ organisationType: 'university', isState: true, size: undefined, region: '70' })
})

function addLab(name: string, description: string): number {
  const lab = createLab(scientist, labInput({ name, description }))
  if (!lab.ok) throw new Error(lab.error)
  return lab.value.id
}

function publishRequest(title: string, problem: string): number {
  const request = createRequest(company, requestInput({ title, problem }))
  if (!request.ok) throw new Error(request.error)
  expect(changeRequestStatus(company, request.value.id, 'publish')).toMatchObject({ ok: true })
  return request.value.id
}

/** Search takes the outbox in, the matcher's queue and profiles follow: the background process's drain. */
async function drain(engine: SearchEngine = embedded) {
  while ((await drainOutbox(db, engine, indexRegistry, { onAccepted: queueRefreshOfSynced, onSynced: (index, ids) => syncProfiles(db, index, ids) })).processed > 0);
}

function queued(entityType: 'request' | 'lab', entityId: number) {
  return db
    .select()
    .from(matchRefreshQueue)
    .where(and(eq(matchRefreshQueue.entityType, entityType), eq(matchRefreshQueue.entityId, entityId)))
    .get()
}

function proposalCount(requestId: number): number {
  return db.select({ n: count() }).from(matches).where(eq(matches.requestId, requestId)).get()!.n
}

async function eventually<T>(what: string, probe: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    if (done(value)) return value
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('the refresh queue', () => {
  it('a published request is pending until search has it and its refresh has run, then has its proposals', async () => {
    addLab('Лаборатория лазерной наплавки', 'Лазерная наплавка и восстановление лопаток турбин, порошковые материалы для наплавки.')
    const requestId = publishRequest('Восстановление лопаток турбин лазерной наплавкой', 'Нужна технология лазерной наплавки для восстановления изношенных лопаток турбин.')
    expect(proposalsState(company, 'request', requestId)).toEqual({ ok: true, value: { pending: true } })

    await drain()
    // Search has it; the refresh is queued in the same transaction, so the request never looks done early.
    expect(outboxLag(db).pending).toBe(0)
    expect(queued('request', requestId)).toMatchObject({ priority: CHANGE.priority, announce: true })
    expect(proposalsState(company, 'request', requestId)).toEqual({ ok: true, value: { pending: true } })

    expect(await workRefreshQueue(db, embedded, { budgetMs: 60_000 })).toMatchObject({ failed: 0, more: false })
    expect(proposalsState(company, 'request', requestId)).toEqual({ ok: true, value: { pending: false } })
    expect(proposalCount(requestId)).toBeGreaterThan(0)
    // Whether it is pending is the company's to know, like the proposals themselves.
    expect(proposalsState(scientist, 'request', requestId)).toMatchObject({ ok: false, error: 'forbidden' })
    expect(proposalsState(null, 'request', requestId)).toMatchObject({ ok: false, error: 'forbidden' })
  })

  it('a record queued again while its refresh runs is refreshed once more, not cleared by the refresh that was under way', async () => {
    const requestId = publishRequest('Порошки для лазерной наплавки', 'Нужны порошковые материалы для лазерной наплавки лопаток.')
    await drain()
    let requeued = false
    // The change arrives while the matcher searches for the request's candidates (one multi-search).
    const changingMeanwhile: SearchEngine = Object.assign(Object.create(embedded) as SearchEngine, {
      multiSearch: (...args: Parameters<SearchEngine['multiSearch']>) => {
        if (!requeued) {
          requeued = true
          queueRefresh(db, 'request', [requestId], CHANGE)
        }
        return embedded.multiSearch(...args)
      },
    })
    expect(await workRefreshQueue(db, changingMeanwhile, { budgetMs: 60_000 })).toMatchObject({ refreshed: 2, failed: 0 })
    expect(requeued).toBe(true)
    expect(queued('request', requestId)).toBeUndefined()
  })

  it('a refresh that fails is kept with its error and retried later, not at once', async () => {
    const requestId = publishRequest('Контроль пористости наплавленного слоя', 'Нужен неразрушающий контроль пористости слоя после лазерной наплавки.')
    await drain()
    const down: SearchEngine = Object.assign(Object.create(embedded) as SearchEngine, {
      search: () => Promise.reject(new SearchUnavailableError('engine down for the test')),
      multiSearch: () => Promise.reject(new SearchUnavailableError('engine down for the test')),
    })
    expect(await workRefreshQueue(db, down)).toMatchObject({ refreshed: 0, failed: 1 })
    expect(queued('request', requestId)).toMatchObject({ attempts: 1, lastError: expect.stringContaining('engine down for the test') })
    expect(refreshQueueProgress(db)).toMatchObject({ pending: 1, failing: 1 })

    // Not due yet: nothing is tried again straight away.
    expect(await workRefreshQueue(db, embedded)).toEqual({ refreshed: 0, failed: 0, more: false })
    expect(await workRefreshQueue(db, embedded, { now: anHourLater })).toMatchObject({ refreshed: 1, failed: 0 })
    expect(queued('request', requestId)).toBeUndefined()
    expect(proposalCount(requestId)).toBeGreaterThan(0)
  })

  it('a record of a catalogue’s first build stays marked unannounced when a change of its own comes meanwhile, and goes first', async () => {
    const requestId = publishRequest('Наплавка износостойких покрытий', 'Нужна лазерная наплавка износостойких покрытий на детали насосов.')
    queueRefresh(db, 'request', [requestId], CATALOGUE)
    await drain()
    expect(queued('request', requestId)).toMatchObject({ priority: CHANGE.priority, announce: false })
    await workRefreshQueue(db, embedded, { budgetMs: 60_000 })
    expect(proposalCount(requestId)).toBeGreaterThan(0)
  })
})

describe('an upgrade of the text analysis', () => {
  it('rebuilds the search documents and profiles another analysis made, so an English query finds a Russian lab, and queues every record', async () => {
    const labId = addLab('Лаборатория мерзлотоведения', 'Изучаем вечную мерзлоту и талики под фундаментами зданий.')
    await drain()
    await workRefreshQueue(db, embedded, { budgetMs: 60_000 })
    // As an older version left it: profiles of another analysis, a search document without the other language.
    db.update(matchProfiles).set({ analysis: '' }).run()
    const { otherLanguage: _, ...older } = indexRegistry.labs!.build(db, String(labId))!
    await embedded.upsert('labs', [older])
    const findsByEnglish = async () => (await embedded.search('labs', { q: 'permafrost', perPage: 50 })).hits.some((hit) => hit.document.id === String(labId))
    expect(await findsByEnglish()).toBe(false)
    expect(profilesOutdated(db)).toBe(true)

    await reindexOutdatedTexts(embedded)
    const progress: { done: number; total: number }[] = []
    const prepared = await prepareMatching(db, ({ overall }) => progress.push(overall))
    expect(await findsByEnglish()).toBe(true)
    // Progress for /healthz and the administration's page, labs and requests together, up to all of them.
    const total = db.select().from(labs).where(eq(labs.status, 'active')).all().length + db.select().from(rdRequests).where(eq(rdRequests.status, 'published')).all().length
    expect(progress.at(-1)).toEqual({ done: total, total })
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b))
    expect(profilesOutdated(db)).toBe(false)
    expect(prepared?.profiles).toBeGreaterThan(0)
    expect(db.select().from(matchProfiles).where(and(eq(matchProfiles.entityType, 'lab'), eq(matchProfiles.entityId, labId))).get()).toMatchObject({ analysis: textAnalysis() })
    expect(queued('lab', labId)).toMatchObject({ priority: CATALOGUE.priority, announce: false })
    await workRefreshQueue(db, embedded, { budgetMs: 60_000 })
  })
})

describe('the background process', () => {
  it('prepares a catalogue without proposals in a child process while the server answers, reports progress, takes a new request at once and survives a crash', { timeout: 180_000 }, async () => {
    // A database as a restore or a bulk load leaves it: records indexed, no profiles, no proposals.
    const requestIds = [
      publishRequest('Ремонт лопаток компрессора наплавкой', 'Лазерная наплавка для ремонта лопаток компрессора.'),
      publishRequest('Наплавка кромок лопаток', 'Восстановление кромок лопаток турбин лазерной наплавкой порошком.'),
    ]
    while ((await drainOutbox(db, embedded, indexRegistry)).processed > 0);
    db.delete(matchRefreshQueue).run()
    db.delete(matches).run()
    db.delete(matchProfiles).run()

    const background = startBackgroundProcess()
    try {
      const startedAs = backgroundStatus().pid
      expect(startedAs).not.toBeNull()
      expect(startedAs).not.toBe(process.pid)
      // It yields the CPU to the pages: it runs at a lower priority than the server.
      expect(os.getPriority(startedAs!)).toBeGreaterThan(os.getPriority())

      // The server's health report meanwhile: the count of pending records falls to none.
      const health = await eventually(
        'the catalogue’s preparation',
        async () => (await healthReport()) as unknown as { matching: { pending: number; background: { state: string; refreshed: number } } },
        (report) => report.matching.background.state === 'running' && report.matching.pending === 0 && report.matching.background.refreshed > 0,
      )
      expect(health.matching.background.refreshed).toBeGreaterThanOrEqual(requestIds.length)
      // The profiles' progress is shown while they are built, and no longer once the process runs.
      expect(backgroundStatus().profiles).toBeNull()
      for (const id of requestIds) expect(proposalCount(id)).toBeGreaterThan(0)

      // A request published now is pending, and its page's poll wakes the process.
      const fresh = publishRequest('Наплавка лопаток из никелевых сплавов', 'Лазерная наплавка лопаток турбин из никелевых сплавов.')
      expect(proposalsState(company, 'request', fresh)).toEqual({ ok: true, value: { pending: true } })
      wakeBackground()
      await eventually('the new request’s proposals', () => proposalsState(company, 'request', fresh), (state) => state.ok && !state.value.pending)
      expect(proposalCount(fresh)).toBeGreaterThan(0)

      // A background process that dies is started again, and /healthz says so meanwhile.
      process.kill(startedAs!, 'SIGKILL')
      await eventually('the restart', () => backgroundStatus(), (status) => status.restarts === 1)
      expect(((await healthReport()) as { status: string }).status).toBe('degraded')
      const restarted = await eventually('the restarted process', () => backgroundStatus(), (status) => status.state === 'running')
      expect(restarted.pid).not.toBe(startedAs)
    } finally {
      await background.stop()
    }
    expect(backgroundStatus()).toMatchObject({ state: 'stopped', pid: null })
  })
})
