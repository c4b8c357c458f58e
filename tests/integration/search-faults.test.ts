import net from 'node:net'
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { Meilisearch } from 'meilisearch'
import { outbox, rdRequests } from '#db/schema'
import type { IndexName, SearchDocument, SearchEngine } from '#search/engine'
import { MeilisearchEngine } from '#search/meilisearch'
import { indexRegistry } from '#search/registry'
import { SqliteFtsEngine } from '#search/sqlite-fts'
import { drainOutbox, outboxLag, reindex } from '#search/sync'
import { meilisearchForTests } from '#search/testing/meilisearch-server'
import { database, db } from '~/db.server'
import { startBackgroundWork } from '~/modules/background.server'
import { healthReport } from '~/modules/health/report.server'
import { createLab } from '~/modules/labs/labs.server'
import type { Actor } from '~/modules/permissions/actor'
import { changeRequestStatus, createRequest, updateRequest } from '~/modules/requests/requests.server'
import { parseLabSearch, parseRequestSearch, runCatalogueQuery } from '~/modules/search/catalogue-search.server'
import { actorWithOrganisation } from '../factories/actors'
import { labInput, requestInput } from '../factories/catalogue'
import { outboxRows } from '../factories/outbox'

// The application's search engine is whichever engine a test plugs in: the same module every page,
// the health report and the background worker use, so each sees the outage the test stages.
const plugged = vi.hoisted(() => {
  class PluggedEngine implements SearchEngine {
    engine: SearchEngine | null = null
    private get current(): SearchEngine {
      if (!this.engine) throw new Error('no search engine plugged in')
      return this.engine
    }
    get kind() {
      return this.current.kind
    }
    ensureIndex: SearchEngine['ensureIndex'] = (...args) => this.current.ensureIndex(...args)
    upsert: SearchEngine['upsert'] = (...args) => this.current.upsert(...args)
    delete: SearchEngine['delete'] = (...args) => this.current.delete(...args)
    clear: SearchEngine['clear'] = (...args) => this.current.clear(...args)
    search: SearchEngine['search'] = (...args) => this.current.search(...args)
    multiSearch: SearchEngine['multiSearch'] = (...args) => this.current.multiSearch(...args)
    count: SearchEngine['count'] = (...args) => this.current.count(...args)
    health: SearchEngine['health'] = () => this.current.health()
  }
  return new PluggedEngine()
})
vi.mock('~/modules/search/engine.server', () => ({ searchEngine: plugged }))

const indexes = Object.keys(indexRegistry) as IndexName[]
const anHourLater = () => new Date(Date.now() + 3_600_000)

/** Every document of an index, page by page, with its fields as the engine returns them. */
async function indexedDocuments(engine: SearchEngine, index: IndexName): Promise<Record<string, SearchDocument>> {
  const documents: Record<string, SearchDocument> = {}
  for (let page = 1; ; page++) {
    const result = await engine.search(index, { q: '', page, perPage: 500 })
    for (const hit of result.hits) documents[hit.document.id] = hit.document
    if (page * 500 >= result.total) return documents
  }
}

/** What the index must hold: the current document of every record the registry lists, as JSON carries it. */
function databaseDocuments(index: IndexName): Record<string, SearchDocument> {
  const definition = indexRegistry[index]!
  return Object.fromEntries(definition.allIds(db).map((id) => [id, JSON.parse(JSON.stringify(definition.build(db, id)))]))
}

async function expectIndexesToMatchDatabase(engine: SearchEngine) {
  for (const index of indexes) {
    const expected = databaseDocuments(index)
    // An index without records may not exist at all (start-up creates only those with records).
    if (Object.keys(expected).length === 0) {
      expect(await engine.count(index).catch(() => 0), `documents in ${index}`).toBe(0)
      continue
    }
    const indexed = await indexedDocuments(engine, index)
    expect(Object.keys(indexed).sort(), `ids of ${index}`).toEqual(indexRegistry[index]!.allIds(db).sort())
    expect(indexed, `documents of ${index}`).toEqual(expected)
  }
}

function pendingRows(index: IndexName, id: number | string) {
  return outboxRows(db, 'search').filter((row) => row.payload.indexName === index && row.payload.documentId === String(id) && row.processedAt === null)
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`refused: ${result.error}`)
  return result.value
}

const company = () => actorWithOrganisation({ organisationType: 'company', size: 'small', alliance: 'robotics' })
const university = () => actorWithOrganisation({ organisationType: 'university', isState: true, size: undefined })

interface Catalogue {
  owner: Actor
  scientist: Actor
  editedRequestId: number
  archivedRequestId: number
}

/** Records that exist, published and indexed, before the engine goes away. */
async function catalogueBeforeOutage(): Promise<Catalogue> {
  const owner = await company()
  const scientist = await university()
  const edited = unwrap(createRequest(owner, requestInput({ title: 'Ультразвуковой контроль сварных швов' })))
  const archived = unwrap(createRequest(owner, requestInput({ title: 'Катализатор гидроочистки дизельного топлива' })))
  for (const id of [edited.id, archived.id]) unwrap(changeRequestStatus(owner, id, 'publish'))
  unwrap(createLab(scientist, labInput({ name: 'Лаборатория неразрушающего контроля' })))
  return { owner, scientist, editedRequestId: edited.id, archivedRequestId: archived.id }
}

/**
 * Domain writes of every kind while the engine is away: a new organisation, a new and published
 * request, an edit, a request leaving the catalogue, a new lab. All of them must succeed and wait
 * in the outbox; one drain attempt must fail and count its attempt.
 */
async function writeDuringOutage(catalogue: Catalogue, engine: SearchEngine) {
  const newcomer = await company()
  const published = unwrap(createRequest(newcomer, requestInput({ title: 'Термостойкий датчик давления для буровых установок' })))
  unwrap(changeRequestStatus(newcomer, published.id, 'publish'))
  unwrap(updateRequest(catalogue.owner, catalogue.editedRequestId, requestInput({ title: 'Лазерный контроль сварных швов трубопроводов' })))
  unwrap(changeRequestStatus(catalogue.owner, catalogue.archivedRequestId, 'archive'))
  const lab = unwrap(createLab(catalogue.scientist, labInput({ name: 'Лаборатория криогенных датчиков' })))

  expect(db.select().from(rdRequests).where(eq(rdRequests.id, published.id)).get()).toMatchObject({ status: 'published' })
  const waiting = [
    ...pendingRows('organisations', newcomer.organisationId!),
    ...pendingRows('requests', published.id),
    ...pendingRows('requests', catalogue.editedRequestId),
    ...pendingRows('requests', catalogue.archivedRequestId),
    ...pendingRows('labs', lab.id),
  ]
  expect(new Set(waiting.map((row) => `${row.payload.indexName}:${row.payload.documentId}`)).size).toBe(5)
  expect(waiting.every((row) => row.attempts === 0)).toBe(true)

  const drained = await drainOutbox(db, engine, indexRegistry)
  expect(drained.processed).toBe(0)
  expect(drained.failed).toBeGreaterThanOrEqual(waiting.length)
  for (const row of waiting) {
    const [after] = db.select().from(outbox).where(eq(outbox.id, row.id)).all()
    expect(after).toMatchObject({ attempts: 1, processedAt: null })
    expect(after.lastError).toBeTruthy()
  }
  return { newRequestId: published.id, newLabId: lab.id }
}

/** What a person and the operator see meanwhile: a catalogue that says it is degraded, a degraded /healthz. */
async function expectDegraded() {
  const requests = unwrap(parseRequestSearch(new URL('http://local/requests?q=датчик&alliance=robotics&field=2.3')))
  expect(await runCatalogueQuery(requests)).toEqual({ degraded: true, result: null })
  expect(await runCatalogueQuery(unwrap(parseLabSearch(new URL('http://local/labs?q=лаборатория'))))).toEqual({ degraded: true, result: null })
  const health = await healthReport()
  expect(health.status).toBe('degraded')
  expect(health.database.ok).toBe(true)
  expect(health.search).toMatchObject({ available: false, outbox: { pending: expect.any(Number), failing: expect.any(Number) } })
  expect((health.search as { outbox: { failing: number } }).outbox.failing).toBeGreaterThan(0)
}

async function expectFound(newRequestId: number) {
  const found = await runCatalogueQuery(unwrap(parseRequestSearch(new URL('http://local/requests?q=термостойкий датчик'))))
  expect(found.degraded).toBe(false)
  expect(found.result!.hits.map((hit) => hit.document.id)).toContain(String(newRequestId))
  expect((await healthReport()).status).toBe('ok')
}

/** A loopback port that nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const meilisearch = await meilisearchForTests()
const meilisearchPrefix = `faults_${randomBytes(4).toString('hex')}_`

afterAll(async () => {
  if (!meilisearch) return
  const client = new Meilisearch({ host: meilisearch.host, apiKey: meilisearch.apiKey })
  for (const index of indexes) await client.deleteIndexIfExists(meilisearchPrefix + index)
  await meilisearch.stop()
})

describe('with Meilisearch unreachable', () => {
  it('domain writes succeed and wait in the outbox with their attempts counted; the catalogue and /healthz say degraded', async () => {
    plugged.engine = new SqliteFtsEngine(database.sqlite)
    const catalogue = await catalogueBeforeOutage()

    plugged.engine = new MeilisearchEngine({ host: `http://127.0.0.1:${await closedPort()}`, taskTimeoutMs: 2000 })
    await writeDuringOutage(catalogue, plugged.engine)
    await expectDegraded()
    expect(outboxLag(db).pending).toBeGreaterThanOrEqual(5)
  })

  // Meilisearch applies settings and documents as queued tasks: slower than the embedded engine.
  it.skipIf(!meilisearch)('when it answers again, draining the outbox brings every index back to exactly the database (MEILI_HOST or MEILI_BIN)', { timeout: 180_000 }, async () => {
    const server = new MeilisearchEngine({ host: meilisearch!.host, apiKey: meilisearch!.apiKey, indexPrefix: meilisearchPrefix })
    plugged.engine = server
    const catalogue = await catalogueBeforeOutage()
    await reindex(db, server, indexRegistry)
    await expectIndexesToMatchDatabase(server)

    // The same server, unreachable for a while: its address points nowhere.
    plugged.engine = new MeilisearchEngine({ host: `http://127.0.0.1:${await closedPort()}`, taskTimeoutMs: 2000 })
    const { newRequestId } = await writeDuringOutage(catalogue, plugged.engine)
    await expectDegraded()

    plugged.engine = server
    // The failed rows are due again after their back-off; the worker would get there, the test jumps ahead.
    while ((await drainOutbox(db, server, indexRegistry, { now: anHourLater() })).processed > 0);
    expect(outboxLag(db)).toMatchObject({ pending: 0, failing: 0 })
    await expectIndexesToMatchDatabase(server)
    await expectFound(newRequestId)
  })
})

describe('with the embedded index dropped', () => {
  it('domain writes succeed, pages say degraded, and a restart rebuilds the index and drains the outbox to exactly the database', async () => {
    const embedded = new SqliteFtsEngine(database.sqlite)
    plugged.engine = embedded
    const catalogue = await catalogueBeforeOutage()
    await reindex(db, embedded, indexRegistry)
    await drainOutbox(db, embedded, indexRegistry, { now: anHourLater() })
    await expectIndexesToMatchDatabase(embedded)

    // Every table of the embedded engine, virtual ones first (their shadow tables go with them); the outbox stays.
    const searchTables = () =>
      database.sqlite
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'search\\_%' ESCAPE '\\' ORDER BY sql LIKE 'CREATE VIRTUAL%' DESC")
        .all() as Array<{ name: string }>
    for (const { name } of searchTables()) {
      if (searchTables().some((table) => table.name === name)) database.sqlite.exec(`DROP TABLE "${name}"`)
    }
    expect(searchTables()).toEqual([])

    const { newRequestId } = await writeDuringOutage(catalogue, embedded)
    await expectDegraded()

    // A restart: a new engine on the same file, then the server's own start-up work, which fills an
    // empty index from the database and starts the outbox worker.
    plugged.engine = new SqliteFtsEngine(database.sqlite)
    const background = await startBackgroundWork()
    await background.stop()
    while ((await drainOutbox(db, plugged.engine, indexRegistry, { now: anHourLater() })).processed > 0);
    expect(outboxLag(db)).toMatchObject({ pending: 0, failing: 0 })
    await expectIndexesToMatchDatabase(plugged.engine)
    await expectFound(newRequestId)
  })
})
