import { eq } from 'drizzle-orm'
import { sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { openDatabase } from '../../db/client'
import { outbox } from '../../db/schema/outbox'
import { SearchUnavailableError, type IndexName, type SearchEngine } from '../../search/engine'
import { SqliteFtsEngine } from '../../search/sqlite-fts'
import { drainOutbox, enqueue, outboxLag, reindex, startSyncWorker, type IndexRegistry } from '../../search/sync'
import { outboxRows } from '../factories/outbox'

// A stand-in searchable record, so that these promises do not depend on any domain's schema.
const notes = sqliteTable('sync_test_notes', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  region: text('region').notNull(),
})

const { db, sqlite } = openDatabase(process.env.DATABASE_PATH!)
sqlite.exec('CREATE TABLE IF NOT EXISTS sync_test_notes (id TEXT PRIMARY KEY, title TEXT NOT NULL, region TEXT NOT NULL)')

const INDEX: IndexName = 'requests'
const registry: IndexRegistry = {
  requests: {
    settings: { searchable: ['title'], filterable: ['region'], sortable: [] },
    build: (db, id) => db.select().from(notes).where(eq(notes.id, id)).get() ?? null,
    allIds: (db) => db.select({ id: notes.id }).from(notes).all().map((row) => row.id),
  },
}

/** The embedded engine behind a switch: an outage of the engine, not a part under test. */
class SwitchableEngine implements SearchEngine {
  readonly kind = 'sqlite-fts' as const
  down = false
  constructor(private readonly inner: SearchEngine) {}
  private check() {
    if (this.down) throw new SearchUnavailableError('search engine is down')
  }
  ensureIndex: SearchEngine['ensureIndex'] = async (...args) => (this.check(), this.inner.ensureIndex(...args))
  upsert: SearchEngine['upsert'] = async (...args) => (this.check(), this.inner.upsert(...args))
  delete: SearchEngine['delete'] = async (...args) => (this.check(), this.inner.delete(...args))
  clear: SearchEngine['clear'] = async (...args) => (this.check(), this.inner.clear(...args))
  search: SearchEngine['search'] = async (...args) => (this.check(), this.inner.search(...args))
  multiSearch: SearchEngine['multiSearch'] = async (...args) => (this.check(), this.inner.multiSearch(...args))
  count: SearchEngine['count'] = async (...args) => (this.check(), this.inner.count(...args))
  health: SearchEngine['health'] = () => this.inner.health()
}

const embedded = new SqliteFtsEngine(sqlite)
let engine: SwitchableEngine

/** A domain write: the record and its outbox row in one transaction. */
function save(id: string, title: string, region = 'tomsk') {
  db.transaction((tx) => {
    tx.insert(notes).values({ id, title, region }).onConflictDoUpdate({ target: notes.id, set: { title, region } }).run()
    enqueue(tx, INDEX, id)
  })
}

function remove(id: string) {
  db.transaction((tx) => {
    tx.delete(notes).where(eq(notes.id, id)).run()
    enqueue(tx, INDEX, id)
  })
}

async function indexedTitles() {
  const result = await embedded.search(INDEX, { q: '', perPage: 1000 })
  return Object.fromEntries(result.hits.map((hit) => [hit.document.id, hit.document.title]))
}

function databaseTitles() {
  return Object.fromEntries(db.select().from(notes).all().map((note) => [note.id, note.title]))
}

const later = (ms: number) => new Date(Date.now() + ms)
const idsOf = (result: { hits: Array<{ document: { id: string } }> }) => result.hits.map((hit) => hit.document.id)

beforeEach(async () => {
  db.delete(notes).run()
  db.delete(outbox).run()
  await embedded.ensureIndex(INDEX, registry.requests!.settings)
  await embedded.clear(INDEX)
  // A fresh wrapper per test, so that "settings already pushed" is not carried between tests.
  engine = new SwitchableEngine(embedded)
})

test('writes made while the engine is down stay pending with attempts counted, and arrive once it is back', async () => {
  save('a', 'Спектрометр')
  save('b', 'Лазерная резка')
  engine.down = true

  const failed = await drainOutbox(db, engine, registry)
  expect(failed).toEqual({ processed: 0, failed: 2, upserted: 0, deleted: 0 })
  expect(outboxLag(db)).toMatchObject({ pending: 2, failing: 2 })
  const rows = outboxRows(db, 'search')
  for (const row of rows) {
    expect(row.attempts).toBe(1)
    expect(row.processedAt).toBeNull()
    expect(row.lastError).toContain('search engine is down')
    expect(Date.parse(row.nextAttemptAt!)).toBeGreaterThan(Date.now())
  }

  // Not due yet: nothing is retried, nothing is counted.
  expect((await drainOutbox(db, engine, registry)).failed).toBe(0)
  // Due, still down: the next attempt moves further away.
  await drainOutbox(db, engine, registry, { now: later(60_000) })
  const retried = outboxRows(db, 'search')
  expect(retried.map((row) => row.attempts)).toEqual([2, 2])
  const firstDelay = Date.parse(rows[0].nextAttemptAt!) - Date.now()
  const secondDelay = Date.parse(retried[0].nextAttemptAt!) - later(60_000).getTime()
  expect(secondDelay).toBeGreaterThan(firstDelay)

  engine.down = false
  const drained = await drainOutbox(db, engine, registry, { now: later(3_600_000) })
  expect(drained).toEqual({ processed: 2, failed: 0, upserted: 2, deleted: 0 })
  expect(await indexedTitles()).toEqual(databaseTitles())
  expect(outboxLag(db)).toMatchObject({ pending: 0, failing: 0, oldestPendingAt: null })
})

test('draining again changes nothing, and several writes to one record are pushed once as its latest state', async () => {
  save('a', 'Катализатор')
  await drainOutbox(db, engine, registry)
  expect(await drainOutbox(db, engine, registry)).toEqual({ processed: 0, failed: 0, upserted: 0, deleted: 0 })

  save('a', 'Катализатор гидроочистки')
  save('a', 'Мембранные фильтры')
  const drained = await drainOutbox(db, engine, registry)
  expect(drained).toEqual({ processed: 2, failed: 0, upserted: 1, deleted: 0 })
  expect(await indexedTitles()).toEqual({ a: 'Мембранные фильтры' })
  expect((await embedded.search(INDEX, { q: 'катализатор' })).total).toBe(0)

  // Replaying processed rows (as a crash between push and mark would) gives the same index.
  db.update(outbox).set({ processedAt: null }).run()
  await drainOutbox(db, engine, registry)
  expect(await indexedTitles()).toEqual({ a: 'Мембранные фильтры' })
})

test('a deleted record leaves the index', async () => {
  save('a', 'Вакцина')
  save('b', 'Биосенсор')
  await drainOutbox(db, engine, registry)
  remove('a')
  expect(await drainOutbox(db, engine, registry)).toMatchObject({ processed: 1, deleted: 1 })
  expect(await indexedTitles()).toEqual({ b: 'Биосенсор' })
  expect((await embedded.search(INDEX, { q: 'вакцина' })).total).toBe(0)
})

test('batches are taken oldest first and the lag reports what is left', async () => {
  for (const id of ['a', 'b', 'c', 'd', 'e']) save(id, `Датчик ${id}`)
  expect(await drainOutbox(db, engine, registry, { batchSize: 2 })).toMatchObject({ processed: 2 })
  expect(Object.keys(await indexedTitles()).sort()).toEqual(['a', 'b'])
  const lag = outboxLag(db, later(5_000))
  expect(lag.pending).toBe(3)
  expect(lag.oldestPendingAgeMs).toBeGreaterThanOrEqual(5_000)
})

test('reindex rebuilds the index from the database, dropping what the database no longer has', async () => {
  await embedded.upsert(INDEX, [{ id: 'stale', title: 'Удалённая заявка', region: 'omsk' }])
  db.insert(notes).values([
    { id: 'a', title: 'Робототехника', region: 'tomsk' },
    { id: 'b', title: 'Композиты', region: 'omsk' },
  ]).run()
  const progress: number[] = []
  const indexed = await reindex(db, engine, registry, INDEX, ({ done }) => progress.push(done))
  expect(indexed).toEqual({ requests: 2 })
  expect(progress.at(-1)).toBe(2)
  expect(await indexedTitles()).toEqual(databaseTitles())
})

test('the sync worker drains the outbox in the background until stopped', async () => {
  save('a', 'Радиолокация')
  save('b', 'Мерзлота')
  const worker = startSyncWorker({ db, engine, registry, intervalMs: 10 })
  await vi.waitFor(() => expect(outboxLag(db).pending).toBe(0), { timeout: 5_000 })
  await worker.stop()
  expect(await indexedTitles()).toEqual(databaseTitles())
  save('c', 'После остановки')
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(outboxLag(db).pending).toBe(1)
})

test('a woken sync worker drains at once rather than at its next turn, and comes straight back while its follower has more to do', async () => {
  const slices: number[] = []
  const worker = startSyncWorker({
    db,
    engine,
    registry,
    intervalMs: 3_600_000,
    // Three slices of follower work, the first two saying more is left.
    afterDrain: async () => {
      slices.push(slices.length)
      return { more: slices.length < 3 }
    },
  })
  await vi.waitFor(() => expect(slices).toHaveLength(3), { timeout: 5_000 })
  save('a', 'Разбуженный')
  worker.wake()
  await vi.waitFor(() => expect(outboxLag(db).pending).toBe(0), { timeout: 5_000 })
  expect(slices).toHaveLength(4)
  await worker.stop()
  expect(await indexedTitles()).toEqual(databaseTitles())
})

test('followers hear of accepted records inside the transaction that marks their rows processed', async () => {
  save('a', 'Масс-спектрометр')
  const seen: Array<{ index: string; ids: string[]; pendingInside: number }> = []
  const drained = await drainOutbox(db, engine, registry, {
    onAccepted: (tx, index, ids) => {
      seen.push({ index, ids, pendingInside: outboxRows(tx, 'search').filter((row) => row.payload.documentId === 'a' && row.processedAt === null).length })
      throw new Error('the follower fails')
    },
  })
  // The follower's failure rolls the marking back with it: the row stays pending, to be pushed again.
  expect(seen).toEqual([{ index: INDEX, ids: ['a'], pendingInside: 0 }])
  expect(drained).toMatchObject({ processed: 0, failed: 1 })
  expect(outboxLag(db)).toMatchObject({ pending: 1, failing: 1 })
})

test('an engine on another connection (the web process) sees what the worker pushed, removed and cleared', async () => {
  const web = new SqliteFtsEngine(openDatabase(process.env.DATABASE_PATH!).sqlite)
  const inTomsk = () => web.search(INDEX, { q: '', filters: [{ field: 'region', op: 'eq', value: 'tomsk' }], facets: ['region'] })
  save('a', 'Биореактор', 'tomsk')
  save('b', 'Хроматограф', 'omsk')
  await drainOutbox(db, engine, registry)
  expect((await inTomsk()).facets).toEqual({ region: { tomsk: 1 } })

  save('b', 'Хроматограф', 'tomsk')
  remove('a')
  save('c', 'Дифрактометр', 'tomsk')
  await drainOutbox(db, engine, registry)
  const result = await inTomsk()
  expect(idsOf(result)).toEqual(['b', 'c'])
  expect((await web.search(INDEX, { q: 'биореактор' })).total).toBe(0)

  await embedded.clear(INDEX)
  expect((await inTomsk()).total).toBe(0)
})

test('followers hear which records the engine accepted, after the rows are processed, and never of a refused batch', async () => {
  save('a', 'Спектрометр')
  save('a', 'Спектрометр ИК')
  remove('b')
  const heard: Array<{ index: string; ids: string[]; pending: number }> = []
  const onSynced = (index: IndexName, ids: string[]) => {
    heard.push({ index, ids: [...ids].sort(), pending: outboxLag(db).pending })
  }

  engine.down = true
  await drainOutbox(db, engine, registry, { onSynced })
  expect(heard).toEqual([])

  engine.down = false
  await drainOutbox(db, engine, registry, { now: later(3_600_000), onSynced })
  expect(heard).toEqual([{ index: INDEX, ids: ['a', 'b'], pending: 0 }])
})

test('a follower that fails is reported and does not put the search rows back', async () => {
  save('a', 'Мембраны')
  const errors: unknown[] = []
  const result = await drainOutbox(db, engine, registry, {
    onSynced: () => {
      throw new Error('matcher broke')
    },
    onError: (error) => errors.push(error),
  })
  expect(result).toMatchObject({ processed: 1, failed: 0 })
  expect(String(errors[0])).toContain('matcher broke')
  expect(outboxLag(db).pending).toBe(0)
  expect(await indexedTitles()).toEqual({ a: 'Мембраны' })
})

describe('outbox pruning', () => {
  it('removes processed search rows older than a day and keeps pending ones and sent mail', async () => {
    const { pruneOutbox } = await import('#search/sync')
    const { db } = await import('~/db.server')
    const { enqueueMail } = await import('~/modules/mail/mail.server')
    const old = new Date(Date.now() - 2 * 86_400_000).toISOString()
    const row = (documentId: string, columns: Partial<typeof outbox.$inferInsert>) => {
      enqueue(db, 'requests', documentId)
      db.update(outbox).set(columns).where(eq(outbox.id, outboxRows(db, 'search').at(-1)!.id)).run()
    }
    row('old-done', { processedAt: old })
    row('old-pending', { createdAt: old })
    row('fresh-done', { processedAt: new Date().toISOString() })
    // Sent mail is not the search sync's to prune.
    enqueueMail(db, { to: 'old@test.example', subject: 'Давнее письмо', text: 'Текст.' })
    db.update(outbox).set({ processedAt: old }).where(eq(outbox.id, outboxRows(db, 'mail').at(-1)!.id)).run()
    expect(pruneOutbox(db)).toBeGreaterThanOrEqual(1)
    const left = outboxRows(db, 'search').map((r) => r.payload.documentId)
    expect(left).toEqual(expect.arrayContaining(['old-pending', 'fresh-done']))
    expect(left).not.toContain('old-done')
    expect(outboxRows(db, 'mail').map((r) => r.payload.subject)).toContain('Давнее письмо')
  })
})
