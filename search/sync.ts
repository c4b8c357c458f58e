import { and, count, eq, gt, isNotNull, lt, min } from 'drizzle-orm'
import type { Db, DbOrTx } from '../db/client'
import { dueOutbox, enqueueOutbox, markOutboxProcessed, pendingIn, recordOutboxFailure, type OutboxRow } from '../db/outbox'
import { outbox } from '../db/schema/outbox'
import type { IndexName, IndexSettings, SearchDocument, SearchEngine } from './engine'

// The database is the source of truth; the search index follows it through the outbox. Domain code
// enqueues (index, id) in the transaction that changes the record; the worker later builds the
// record's current document and pushes it, so replaying a row any number of times gives the same index.

export interface IndexDefinition {
  settings: IndexSettings
  /** The record's current document, or null when it must leave the index (deleted, archived, hidden). */
  build(db: Db, id: string): SearchDocument | null
  allIds(db: Db): string[]
}

export type IndexRegistry = Partial<Record<IndexName, IndexDefinition>>

/** Told which records of an index the engine has just accepted (upserted or deleted). */
export type SyncedHook = (indexName: IndexName, documentIds: string[]) => void | Promise<void>

/**
 * Told the same inside the transaction that marks their outbox rows processed: what it writes
 * (a follower's own queue) is there exactly when the rows are done, never a moment later.
 */
export type AcceptedHook = (tx: DbOrTx, indexName: IndexName, documentIds: string[]) => void

export interface DrainResult {
  /** Outbox rows now marked processed. */
  processed: number
  /** Outbox rows left pending for a later attempt. */
  failed: number
  upserted: number
  deleted: number
}

const REINDEX_BATCH = 500

/** Called by domain code inside its own transaction, next to the change it describes. */
export function enqueue(tx: DbOrTx, indexName: IndexName, documentId: string): void {
  enqueueOutbox(tx, 'search', { indexName, documentId })
}

/**
 * Pushes due outbox rows into the engine, one batch per index. A failure (engine down, document
 * that cannot be built) leaves that index's rows pending with the error and an exponentially later
 * next attempt, until they become dead letters for the administration (db/outbox.ts); nothing is
 * ever dropped.
 */
export async function drainOutbox(
  db: Db,
  engine: SearchEngine,
  registry: IndexRegistry,
  options: { batchSize?: number; now?: Date; onAccepted?: AcceptedHook; onSynced?: SyncedHook; onError?: (error: unknown) => void } = {},
): Promise<DrainResult> {
  const now = options.now ?? new Date()
  const rows = dueOutbox(db, 'search', now, options.batchSize ?? 500)
  const result: DrainResult = { processed: 0, failed: 0, upserted: 0, deleted: 0 }

  const byIndex = new Map<IndexName, typeof rows>()
  for (const row of rows) {
    const indexName = row.payload.indexName as IndexName
    const group = byIndex.get(indexName)
    if (group) group.push(row)
    else byIndex.set(indexName, [row])
  }

  for (const [indexName, group] of byIndex) {
    const rowIds = group.map((row) => row.id)
    const ids = [...new Set(group.map((row) => row.payload.documentId))]
    try {
      const definition = registry[indexName]
      if (!definition) throw new Error(`no search index definition for "${indexName}"`)
      await ensureIndexOnce(engine, indexName, definition.settings)
      const documents: SearchDocument[] = []
      const deletions: string[] = []
      // Several rows for one record need one push: the document is built from its current state.
      for (const id of ids) {
        const document = definition.build(db, id)
        if (document) documents.push(document)
        else deletions.push(id)
      }
      await engine.upsert(indexName, documents)
      await engine.delete(indexName, deletions)
      db.transaction((tx) => {
        markOutboxProcessed(tx, rowIds, now)
        options.onAccepted?.(tx, indexName, ids)
      })
      result.processed += rowIds.length
      result.upserted += documents.length
      result.deleted += deletions.length
    } catch (error) {
      recordFailure(db, group, error, now)
      result.failed += rowIds.length
      continue
    }
    // Followers of an index (the matcher) hear of its records once the engine has them. Their failure
    // is theirs to report: it never puts the search rows back, so search stays in step regardless.
    try {
      await options.onSynced?.(indexName, ids)
    } catch (error) {
      options.onError?.(error)
    }
  }
  return result
}

function recordFailure(db: Db, rows: OutboxRow<'search'>[], error: unknown, now: Date): void {
  db.transaction((tx) => {
    for (const row of rows) recordOutboxFailure(tx, row, error, now)
  })
}

/**
 * Processed search rows are only history; after a day they go, so the outbox stays small. Sent mail
 * is not pruned here: it stays as the record of what was sent to whom.
 */
export function pruneOutbox(db: Db, olderThanMs = 86_400_000, now: Date = new Date()): number {
  const before = new Date(now.getTime() - olderThanMs).toISOString()
  return db
    .delete(outbox)
    .where(and(eq(outbox.topic, 'search'), isNotNull(outbox.processedAt), lt(outbox.processedAt, before)))
    .run().changes
}

export interface OutboxLag {
  pending: number
  /** Pending rows that have failed at least once. */
  failing: number
  oldestPendingAt: string | null
  oldestPendingAgeMs: number
}

export function outboxLag(db: Db, now: Date = new Date()): OutboxLag {
  const pending = pendingIn('search')
  const [summary] = db
    .select({ pending: count(), oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(pending)
    .all()
  const [failing] = db
    .select({ n: count() })
    .from(outbox)
    .where(and(pending, gt(outbox.attempts, 0)))
    .all()
  return {
    pending: summary.pending,
    failing: failing.n,
    oldestPendingAt: summary.oldest,
    oldestPendingAgeMs: summary.oldest ? Math.max(0, now.getTime() - Date.parse(summary.oldest)) : 0,
  }
}

export interface ReindexProgress {
  index: IndexName
  done: number
  total: number
}

/** Rebuilds indexes from the database: settings, then an empty index, then every document in batches. */
export async function reindex(
  db: Db,
  engine: SearchEngine,
  registry: IndexRegistry,
  indexName?: IndexName,
  onProgress?: (progress: ReindexProgress) => void,
): Promise<Partial<Record<IndexName, number>>> {
  const names = indexName ? [indexName] : (Object.keys(registry) as IndexName[])
  const indexed: Partial<Record<IndexName, number>> = {}
  for (const name of names) {
    const definition = registry[name]
    if (!definition) throw new Error(`no search index definition for "${name}"`)
    await engine.ensureIndex(name, definition.settings)
    ensuredIndexes(engine).add(name)
    await engine.clear(name)
    const ids = definition.allIds(db)
    let count = 0
    onProgress?.({ index: name, done: 0, total: ids.length })
    for (let start = 0; start < ids.length; start += REINDEX_BATCH) {
      const batch = ids.slice(start, start + REINDEX_BATCH)
      const documents = batch.map((id) => definition.build(db, id)).filter((document) => document !== null)
      // Batches go one after another without waiting for the engine to take each in; the last waits for all.
      await engine.upsert(name, documents, { wait: start + REINDEX_BATCH >= ids.length })
      count += documents.length
      onProgress?.({ index: name, done: start + batch.length, total: ids.length })
    }
    indexed[name] = count
  }
  return indexed
}

export interface SyncWorker {
  /** Drains at once rather than at the next interval: someone is waiting for a change. */
  wake(): void
  /** Stops the loop after the drain under way, if any, has finished. */
  stop(): Promise<void>
}

/**
 * Drains the outbox every `intervalMs`, and straight again while full batches keep coming. After
 * each drain `afterDrain` does a slice of its followers' own work (proposal refresh); while it says
 * there is more, the loop comes back at once, draining first, so that a new change never waits
 * behind a long queue.
 */
export function startSyncWorker(options: {
  db: Db
  engine: SearchEngine
  registry: IndexRegistry
  intervalMs?: number
  batchSize?: number
  onDrained?: (result: DrainResult) => void
  onAccepted?: AcceptedHook
  onSynced?: SyncedHook
  afterDrain?: () => Promise<{ more: boolean }>
  onError?: (error: unknown) => void
}): SyncWorker {
  const { db, engine, registry, intervalMs = 1000, batchSize = 500, onDrained, onAccepted, onSynced, afterDrain, onError } = options
  let stopped = false
  let ticking = false
  // Woken during a drain: the change may have come after that drain read the outbox.
  let woken = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const schedule = (delayMs: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      running = tick()
    }, delayMs)
    // The worker serves the process; it is no reason to keep the process alive.
    timer.unref()
  }

  const tick = async () => {
    ticking = true
    woken = false
    let more = false
    try {
      let result: DrainResult
      do {
        result = await drainOutbox(db, engine, registry, { batchSize, onAccepted, onSynced, onError })
        if (result.processed + result.failed > 0) onDrained?.(result)
      } while (!stopped && result.failed === 0 && result.processed === batchSize)
      if (!stopped && afterDrain) more = (await afterDrain()).more
    } catch (error) {
      onError?.(error)
    } finally {
      ticking = false
    }
    if (!stopped) schedule(more || woken ? 0 : intervalMs)
  }

  running = tick()
  return {
    wake() {
      if (stopped) return
      if (ticking) woken = true
      else schedule(0)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}

const ensured = new WeakMap<SearchEngine, Set<IndexName>>()

function ensuredIndexes(engine: SearchEngine): Set<IndexName> {
  let names = ensured.get(engine)
  if (!names) ensured.set(engine, (names = new Set()))
  return names
}

/** Settings are pushed once per engine and process, not on every drain. */
async function ensureIndexOnce(engine: SearchEngine, name: IndexName, settings: IndexSettings): Promise<void> {
  const names = ensuredIndexes(engine)
  if (names.has(name)) return
  await engine.ensureIndex(name, settings)
  names.add(name)
}
