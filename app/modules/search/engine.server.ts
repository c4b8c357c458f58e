import type { SearchEngine } from '#search/engine'
import { MeilisearchEngine } from '#search/meilisearch'
import { SqliteFtsEngine } from '#search/sqlite-fts'
import { database } from '~/db.server'
import { env } from '~/env.server'
import { singleton } from '../singleton.server'

/** Meilisearch when MEILI_HOST is set; otherwise the embedded engine in the app's own SQLite file. */
export const searchEngine: SearchEngine = singleton('search-engine', () =>
  env.MEILI_HOST ? new MeilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY }) : new SqliteFtsEngine(database.sqlite),
)
