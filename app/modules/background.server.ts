import { DEMO_PASSWORD, demoSignIns } from '#db/seed/demo-cluster'
import type { IndexName } from '#search/engine'
import { indexRegistry } from '#search/registry'
import { pruneOutbox, reindex, startSyncWorker } from '#search/sync'
import { db } from '~/db.server'
import { env } from '~/env.server'
import { isDatabaseEmpty, seedDemoData } from './demo/seed.server'
import { removeOrphanFiles } from './documents/store.server'
import { sendAlertDigests } from './engagements/alerts.server'
import { logger } from './logger.server'
import { startMailWorker } from './mail/mail.server'
import { prepareMatching, syncMatching } from './matching/refresh.server'
import { searchEngine } from './search/engine.server'

const HOURLY_MS = 60 * 60 * 1000

/** What the server does besides answering requests: seed a fresh database, keep search in sync, send mail. */
export async function startBackgroundWork(): Promise<{ stop(): Promise<void> }> {
  if (env.SEED_DEMO && isDatabaseEmpty(db)) {
    const summary = await seedDemoData(db)
    logger.info({ event: 'demo.seeded', ...summary })
    printDemoSignIns()
  }
  await rebuildEmptyIndexes()
  await prepareProposals()
  const sync = startSyncWorker({
    db,
    engine: searchEngine,
    registry: indexRegistry,
    onDrained: (result) => logger.debug({ event: 'search.synced', ...result }),
    // A changed lab or request gets its proposals refreshed once search has its new document.
    onSynced: async (indexName, ids) => {
      const summary = await syncMatching(db, searchEngine, indexName, ids, { notify: true })
      if (summary.proposed + summary.withdrawn > 0) logger.debug({ event: 'matching.refreshed', index: indexName, ...summary })
    },
    onError: (error) => logger.warn({ event: 'search.sync_failed', error: String(error) }),
  })
  const mail = startMailWorker()
  const hourly = setInterval(() => {
    sendAlertDigests().catch((error: unknown) => logger.warn({ event: 'alerts.failed', error: String(error) }))
    pruneOutbox(db)
    try {
      const swept = removeOrphanFiles()
      if (swept.removed) logger.info({ event: 'uploads.orphans_removed', ...swept })
    } catch (error) {
      logger.warn({ event: 'uploads.sweep_failed', error: String(error) })
    }
  }, HOURLY_MS).unref()
  return {
    async stop() {
      clearInterval(hourly)
      mail.stop()
      await sync.stop()
    },
  }
}

/**
 * Matching profiles and proposals for a catalogue that has none yet (the demo seed, or a database
 * from before matching), once search can find candidates. A failure only delays proposals until the
 * next change of a lab or request.
 */
async function prepareProposals(): Promise<void> {
  try {
    const started = Date.now()
    const prepared = await prepareMatching(db, searchEngine)
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

export function printDemoSignIns(): void {
  const lines = demoSignIns.map((s) => `  ${s.role.padEnd(24)} ${s.email}`)
  console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n`)
}
