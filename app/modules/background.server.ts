import { DEMO_PASSWORD, demoSignIns } from '#db/seed/demo-cluster'
import type { IndexName, SearchEngine } from '#search/engine'
import { indexRegistry } from '#search/registry'
import { pruneOutbox, reindex, startSyncWorker } from '#search/sync'
import { db } from '~/db.server'
import { env } from '~/env.server'
import { sendReportReminders } from './agreements/agreements.server'
import { isDatabaseEmpty, seedDemoData } from './demo/seed.server'
import { removeOrphanFiles } from './documents/store.server'
import { sendAlertDigests } from './engagements/alerts.server'
import { logger } from './logger.server'
import { startMailWorker } from './mail/mail.server'
import type { BackgroundReport } from './background/status.server'
import { prepareMatching, queueRefreshOfSynced, workRefreshQueue } from './matching/refresh-queue.server'
import { profilesOutdated } from './matching/profiles.server'
import { syncProfiles } from './matching/refresh.server'
import { searchEngine } from './search/engine.server'

const HOURLY_MS = 60 * 60 * 1000
// How often the outbox is looked at when nobody wakes the worker; a page waiting for proposals does.
const SYNC_INTERVAL_MS = 500
// One slice of proposal refreshes between two looks at the outbox.
const REFRESH_SLICE_MS = 500

/** A fresh database gets the demo cluster, before the server listens: it is small. */
export async function seedDemoIfEmpty(): Promise<void> {
  if (!env.SEED_DEMO || !isDatabaseEmpty(db)) return
  const summary = await seedDemoData(db)
  logger.info({ event: 'demo.seeded', ...summary })
  printDemoSignIns()
}

/**
 * What runs besides answering requests, in the background process (background/worker.ts): fill an
 * empty search index, prepare proposals for a catalogue without any, keep search and proposals in
 * step with the outbox, send mail. `report` tells the server how far it is.
 */
export async function startBackgroundWork(options: { report?: (report: BackgroundReport) => void } = {}): Promise<{ stop(): Promise<void>; wake(): void }> {
  const report = options.report ?? (() => {})
  report({ type: 'state', state: 'starting' })
  await rebuildEmptyIndexes()
  report({ type: 'state', state: 'preparing' })
  await reindexOutdatedTexts()
  await prepareProposals(report)
  report({ type: 'state', state: 'running' })
  const sync = startSyncWorker({
    db,
    engine: searchEngine,
    registry: indexRegistry,
    intervalMs: SYNC_INTERVAL_MS,
    onDrained: (result) => logger.debug({ event: 'search.synced', ...result }),
    // A changed lab or request gets its refresh queued as its search document is accepted, and its
    // profile brought up to date straight after; the refresh itself comes from the queue.
    onAccepted: queueRefreshOfSynced,
    onSynced: (indexName, ids) => syncProfiles(db, indexName, ids),
    afterDrain: async () => {
      const slice = await workRefreshQueue(db, searchEngine, { budgetMs: REFRESH_SLICE_MS })
      if (slice.refreshed > 0) report({ type: 'refreshed', count: slice.refreshed })
      if (slice.failed > 0) logger.warn({ event: 'matching.refresh_failed', failed: slice.failed })
      return slice
    },
    onError: (error) => {
      logger.warn({ event: 'search.sync_failed', error: String(error) })
      report({ type: 'error', error: String(error) })
    },
  })
  const mail = startMailWorker()
  const hourly = setInterval(() => {
    sendAlertDigests().catch((error: unknown) => logger.warn({ event: 'alerts.failed', error: String(error) }))
    pruneOutbox(db)
    try {
      const reports = sendReportReminders()
      if (reports.reminded || reports.overdue) logger.info({ event: 'reports.reminded', ...reports })
    } catch (error) {
      logger.warn({ event: 'reports.reminders_failed', error: String(error) })
    }
    try {
      const swept = removeOrphanFiles()
      if (swept.removed) logger.info({ event: 'uploads.orphans_removed', ...swept })
    } catch (error) {
      logger.warn({ event: 'uploads.sweep_failed', error: String(error) })
    }
  }, HOURLY_MS).unref()
  return {
    wake: () => sync.wake(),
    async stop() {
      clearInterval(hourly)
      mail.stop()
      await sync.stop()
    },
  }
}

/**
 * Matching profiles for a catalogue that has none yet (the demo seed, a restored or bulk-loaded
 * database), and every record's refresh queued: the worker then works the queue down. A failure
 * only delays proposals until the next change of a lab or request.
 */
async function prepareProposals(report: (report: BackgroundReport) => void): Promise<void> {
  try {
    const started = Date.now()
    const prepared = await prepareMatching(db, ({ overall }) => report({ type: 'profiles', built: overall.done, total: overall.total }))
    if (prepared) logger.info({ event: 'matching.prepared', ...prepared, ms: Date.now() - started })
  } catch (error) {
    logger.warn({ event: 'matching.prepare_failed', error: String(error) })
  }
}

/**
 * An engine that starts empty (a new Meilisearch, a dropped embedded index) is filled from the
 * database at once rather than waiting for the next write. A down engine only delays this.
 */
async function rebuildEmptyIndexes(): Promise<void> {
  for (const name of Object.keys(indexRegistry) as IndexName[]) {
    try {
      const definition = indexRegistry[name]!
      if (definition.allIds(db).length === 0) continue
      await searchEngine.ensureIndex(name, definition.settings)
      if ((await searchEngine.count(name)) > 0) continue
      const indexed = await reindex(db, searchEngine, indexRegistry, name)
      logger.info({ event: 'search.rebuilt', index: name, documents: indexed[name] })
    } catch (error) {
      logger.warn({ event: 'search.rebuild_failed', index: name, error: String(error) })
    }
  }
}

/**
 * Texts analysed by another analysis (an upgrade, a changed glossary) have search documents without
 * today's cross-language words: those indexes are built again before the profiles are (prepareMatching).
 */
export async function reindexOutdatedTexts(engine: SearchEngine = searchEngine): Promise<void> {
  if (!profilesOutdated(db)) return
  for (const name of ['labs', 'requests'] as const) {
    try {
      const indexed = await reindex(db, engine, indexRegistry, name)
      logger.info({ event: 'search.reindexed_for_analysis', index: name, documents: indexed[name] })
    } catch (error) {
      logger.warn({ event: 'search.rebuild_failed', index: name, error: String(error) })
    }
  }
}

export function printDemoSignIns(): void {
  const lines = demoSignIns.map((s) => `  ${s.role.padEnd(24)} ${s.email}`)
  console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n`)
}
