import { and, asc, count, desc, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '#db/client'
import { DEAD_LETTER_ATTEMPTS, failureMessage, nextAttemptAt, pendingIn, searchRowsFor } from '#db/outbox'
import { labs, matches, matchRefreshQueue, outbox, rdRequests } from '#db/schema'
import type { MatchEntityType } from '#db/schema/match-values'
import type { IndexName, SearchEngine } from '#search/engine'
import { profileCount, profilesOutdated, rebuildProfiles, type RebuildProgress } from './profiles.server'
import { refreshLabMatches, refreshRequestMatches } from './refresh.server'

// Proposals are computed off the request path: a change to a lab or a request queues its refresh
// (in the transaction that marks its search document synced), and the background process works
// the queue down. A record is pending while its search document or its refresh is still to come.

/**
 * A change someone is waiting to see goes before the preparation of a whole catalogue, and its new
 * proposals are announced. A catalogue's first build is not news: a record queued for it stays
 * quiet even when a change of its own comes meanwhile (a demo seed, a bulk load).
 */
export const CHANGE = { priority: 1, announce: true } as const
export const CATALOGUE = { priority: 0, announce: false } as const
type QueueReason = typeof CHANGE | typeof CATALOGUE

// After this many failures a record is no longer shown as about to get its proposals: the page
// stops waiting, while the retries go on and the administration sees the failure.
const PENDING_ATTEMPTS = 3

export function queueRefresh(tx: DbOrTx, entityType: MatchEntityType, ids: readonly number[], reason: QueueReason): void {
  for (const entityId of ids) {
    tx.insert(matchRefreshQueue)
      .values({ entityType, entityId, ...reason })
      .onConflictDoUpdate({
        target: [matchRefreshQueue.entityType, matchRefreshQueue.entityId],
        set: {
          generation: sql`${matchRefreshQueue.generation} + 1`,
          priority: sql`max(${matchRefreshQueue.priority}, excluded.priority)`,
          announce: sql`${matchRefreshQueue.announce} and excluded.announce`,
          // A new change is new work: its attempts start afresh, even for a record that had given up.
          attempts: 0,
          nextAttemptAt: null,
        },
      })
      .run()
  }
}

/** The search outbox's follower: labs and requests the engine has accepted get their refresh queued. */
export function queueRefreshOfSynced(tx: DbOrTx, indexName: IndexName, documentIds: readonly string[]): void {
  const entityType = entityTypeOf(indexName)
  if (!entityType) return
  queueRefresh(tx, entityType, documentIds.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0), CHANGE)
}

/**
 * Every published request and active lab, at catalogue priority: requests first, since each sets
 * the reference that its pairs are scaled by.
 */
export function queueWholeCatalogue(db: Db): number {
  return db.transaction((tx) => {
    const requestIds = tx.select({ id: rdRequests.id }).from(rdRequests).where(eq(rdRequests.status, 'published')).all().map((r) => r.id)
    const labIds = tx.select({ id: labs.id }).from(labs).where(eq(labs.status, 'active')).all().map((l) => l.id)
    queueRefresh(tx, 'request', requestIds, CATALOGUE)
    queueRefresh(tx, 'lab', labIds, CATALOGUE)
    return requestIds.length + labIds.length
  })
}

/**
 * At start-up: profiles for a catalogue that has none yet (a new installation, or one from before
 * matching) or whose profiles another analysis made (an upgrade, a changed glossary), then every
 * record's refresh queued if no proposals are kept or the profiles were rebuilt. The queue does the
 * rest in the background; existing catalogues are not news, so nothing of it is announced.
 */
export async function prepareMatching(db: Db, onProgress?: (progress: RebuildProgress) => void): Promise<{ profiles: number; queued: number } | null> {
  const hasCatalogue = db.select({ id: labs.id }).from(labs).where(eq(labs.status, 'active')).limit(1).get() !== undefined
  if (!hasCatalogue) return null
  let profiles = 0
  if (profileCount(db) === 0 || profilesOutdated(db)) {
    const built = await rebuildProfiles(db, onProgress)
    profiles = built.labs + built.requests
  }
  const hasMatches = db.select({ id: matches.id }).from(matches).limit(1).get() !== undefined
  if (hasMatches && profiles === 0) return null
  return { profiles, queued: queueWholeCatalogue(db) }
}

export interface QueueSlice {
  refreshed: number
  failed: number
  /** Due refreshes are left for the next slice. */
  more: boolean
}

/**
 * Refreshes due records for up to `budgetMs` (at least one), most waited-for first. A refresh is
 * idempotent: a record queued again meanwhile stays queued (its generation moved on), and a failure
 * is retried later with the backoff and dead letters every outbox shares (db/outbox.ts).
 */
export async function workRefreshQueue(db: Db, engine: SearchEngine, options: { budgetMs?: number; now?: () => Date } = {}): Promise<QueueSlice> {
  const budgetMs = options.budgetMs ?? 500
  const now = options.now ?? (() => new Date())
  const started = Date.now()
  const slice: QueueSlice = { refreshed: 0, failed: 0, more: false }
  for (;;) {
    const job = nextDue(db, now().toISOString())
    if (!job) return slice
    if (slice.refreshed + slice.failed > 0 && Date.now() - started >= budgetMs) return { ...slice, more: true }
    const key = and(eq(matchRefreshQueue.entityType, job.entityType), eq(matchRefreshQueue.entityId, job.entityId))
    const options = { notify: job.announce }
    try {
      if (job.entityType === 'request') await refreshRequestMatches(db, engine, job.entityId, options)
      else await refreshLabMatches(db, engine, job.entityId, options)
      db.delete(matchRefreshQueue).where(and(key, eq(matchRefreshQueue.generation, job.generation))).run()
      slice.refreshed++
    } catch (error) {
      const attempts = job.attempts + 1
      db.update(matchRefreshQueue)
        .set({ attempts, lastError: failureMessage(error), nextAttemptAt: nextAttemptAt(attempts, now()) })
        .where(and(key, eq(matchRefreshQueue.generation, job.generation)))
        .run()
      slice.failed++
    }
  }
}

function nextDue(db: Db, now: string) {
  return db
    .select()
    .from(matchRefreshQueue)
    .where(and(lt(matchRefreshQueue.attempts, DEAD_LETTER_ATTEMPTS), or(isNull(matchRefreshQueue.nextAttemptAt), lte(matchRefreshQueue.nextAttemptAt, now))))
    .orderBy(desc(matchRefreshQueue.priority), desc(matchRefreshQueue.entityType), asc(matchRefreshQueue.queuedAt))
    .limit(1)
    .get()
}

export interface RefreshQueueProgress {
  /** Records whose proposals are still to be computed. */
  pending: number
  requests: number
  labs: number
  /** Pending records whose refresh has failed at least once. */
  failing: number
  lastError: string | null
}

export function refreshQueueProgress(db: DbOrTx): RefreshQueueProgress {
  const byType = db
    .select({ entityType: matchRefreshQueue.entityType, n: count() })
    .from(matchRefreshQueue)
    .groupBy(matchRefreshQueue.entityType)
    .all()
  const failing = db
    .select({ n: count(), lastError: sql<string | null>`max(${matchRefreshQueue.lastError})` })
    .from(matchRefreshQueue)
    .where(gt(matchRefreshQueue.attempts, 0))
    .get()!
  const of = (type: MatchEntityType) => byType.find((row) => row.entityType === type)?.n ?? 0
  return { pending: of('request') + of('lab'), requests: of('request'), labs: of('lab'), failing: failing.n, lastError: failing.lastError }
}

/** Whether the record's proposals are about to come: its search document, or its refresh, is pending. */
export function proposalsPending(db: DbOrTx, entityType: MatchEntityType, entityId: number): boolean {
  const queued = db
    .select({ id: matchRefreshQueue.entityId })
    .from(matchRefreshQueue)
    .where(and(eq(matchRefreshQueue.entityType, entityType), eq(matchRefreshQueue.entityId, entityId), lt(matchRefreshQueue.attempts, PENDING_ATTEMPTS)))
    .get()
  if (queued) return true
  const unsynced = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(pendingIn('search'), lt(outbox.attempts, PENDING_ATTEMPTS), searchRowsFor(entityType === 'request' ? 'requests' : 'labs', String(entityId))))
    .limit(1)
    .get()
  return unsynced !== undefined
}

function entityTypeOf(indexName: IndexName): MatchEntityType | null {
  if (indexName === 'labs') return 'lab'
  if (indexName === 'requests') return 'request'
  return null
}
