import type { IndexName, SearchEngine } from '#search/engine'
import { MeilisearchEngine } from '#search/meilisearch'
import { indexRegistry } from '#search/registry'
import { SqliteFtsEngine } from '#search/sqlite-fts'
import { database } from '~/db.server'
import { env } from '~/env.server'
import { logger } from '../logger.server'
import { singleton } from '../singleton.server'

/** Meilisearch when MEILI_HOST is set; otherwise the embedded engine in the app's own SQLite file. */
export const searchEngine: SearchEngine = singleton('search-engine', () =>
  env.MEILI_HOST ? new MeilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY }) : new SqliteFtsEngine(database.sqlite),
)

/**
 * The embedded engine's indexes loaded into memory once the server listens, a step at a time, so that
 * the first search after a start does not wait for them (seconds at 100k documents). Meilisearch keeps
 * its own.
 */
export async function warmSearchIndexes(): Promise<void> {
  // By kind, not instanceof: the server entry and the app's build each load their own copy of the class.
  if (searchEngine.kind !== 'sqlite-fts') return
  const engine = searchEngine as SqliteFtsEngine
  for (const index of Object.keys(indexRegistry) as IndexName[]) {
    try {
      await engine.warm(index)
    } catch (error) {
      logger.warn({ event: 'search.warm_failed', index, error: error instanceof Error ? error.message : String(error) })
    }
  }
}
