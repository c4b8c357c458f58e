import type Database from 'better-sqlite3'
import type {
  EngineHealth,
  IndexName,
  IndexSettings,
  SearchDocument,
  SearchEngine,
  SearchQuery,
  SearchResult,
} from './engine'
import { IndexStore } from './sqlite-fts/index-store'
import { createIndexTables, createRegistryTable, dropDerivedTables, tablesOf } from './sqlite-fts/schema'
import { runSearch } from './sqlite-fts/search'

/**
 * The embedded engine: SQLite FTS5 in the application's own database file. Text is analysed by
 * search/analyzer (case, ё/е, Russian and English stems, stopwords) before FTS5 sees it; typos are
 * corrected against the index's vocabulary; filters, facets and sorts run on in-memory columns
 * kept in step with the database through a change log.
 * Its tables are search_indexes and search_<index>_{documents,fts,terms,changes}.
 */
export class SqliteFtsEngine implements SearchEngine {
  readonly kind = 'sqlite-fts' as const
  private readonly stores = new Map<IndexName, { json: string; store: IndexStore }>()
  private readonly readSettings: Database.Statement

  constructor(private readonly sqlite: Database.Database) {
    createRegistryTable(sqlite)
    this.readSettings = sqlite.prepare('SELECT settings FROM search_indexes WHERE name = ?').pluck()
  }

  async ensureIndex(index: IndexName, settings: IndexSettings): Promise<void> {
    const json = JSON.stringify(settings)
    const tables = tablesOf(index)
    this.sqlite.transaction(() => {
      const stored = this.storedSettings(index)
      if (stored === undefined) {
        this.sqlite.prepare('INSERT INTO search_indexes (name, settings) VALUES (?, ?)').run(index, json)
      } else if (stored !== json) {
        this.sqlite.prepare('UPDATE search_indexes SET settings = ? WHERE name = ?').run(json, index)
        if (changesStoredFields(JSON.parse(stored), settings)) {
          // The stored documents are the source: index them again under the new fields.
          const bodies = this.sqlite.prepare(`SELECT body FROM ${tables.bodies}`).pluck().all() as string[]
          dropDerivedTables(this.sqlite, tables)
          this.sqlite.exec(`DELETE FROM ${tables.documents}; DELETE FROM ${tables.bodies};`)
          this.sqlite
            .prepare('UPDATE search_indexes SET generation = generation + 1, vocabulary_version = vocabulary_version + 1 WHERE name = ?')
            .run(index)
          createIndexTables(this.sqlite, tables, settings.searchable.length)
          this.storeOf(index).upsert(bodies.map((body) => JSON.parse(body)))
        }
      }
      createIndexTables(this.sqlite, tables, settings.searchable.length)
    })()
  }

  async upsert(index: IndexName, documents: SearchDocument[]): Promise<void> {
    if (documents.length > 0) this.storeOf(index).upsert(documents)
  }

  async delete(index: IndexName, ids: string[]): Promise<void> {
    if (ids.length > 0) this.storeOf(index).delete(ids)
  }

  async clear(index: IndexName): Promise<void> {
    this.storeOf(index).clear()
  }

  async search<D extends SearchDocument = SearchDocument>(index: IndexName, query: SearchQuery): Promise<SearchResult<D>> {
    const store = this.storeOf(index)
    await store.ready()
    return runSearch<D>(store, query)
  }

  // In-process, one query after another costs nothing more than one request.
  async multiSearch<D extends SearchDocument = SearchDocument>(index: IndexName, queries: SearchQuery[]): Promise<SearchResult<D>[]> {
    const store = this.storeOf(index)
    await store.ready()
    return queries.map((query) => runSearch<D>(store, query))
  }

  /** Loads an index into memory ahead of its first search, a step at a time (see IndexStore.ready). */
  async warm(index: IndexName): Promise<void> {
    if (this.storedSettings(index) !== undefined) await this.storeOf(index).ready()
  }

  async count(index: IndexName): Promise<number> {
    return this.storeOf(index).count()
  }

  async health(): Promise<EngineHealth> {
    try {
      this.sqlite.prepare('SELECT count(*) FROM search_indexes').get()
      return { engine: 'sqlite-fts', available: true }
    } catch (error) {
      return { engine: 'sqlite-fts', available: false, detail: String(error) }
    }
  }

  private storedSettings(index: IndexName): string | undefined {
    return this.readSettings.get(index) as string | undefined
  }

  /** Read on every call (a primary-key lookup), so settings changed by another process take effect. */
  private storeOf(index: IndexName): IndexStore {
    const json = this.storedSettings(index)
    if (json === undefined) throw new Error(`search index "${index}" does not exist: call ensureIndex first`)
    const open = this.stores.get(index)
    if (open?.json === json) return open.store
    const store = new IndexStore(this.sqlite, index, JSON.parse(json))
    this.stores.set(index, { json, store })
    return store
  }
}

function changesStoredFields(before: IndexSettings, after: IndexSettings): boolean {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((field, i) => field === b[i])
  return (
    !same(before.searchable, after.searchable) ||
    !same([...before.filterable].sort(), [...after.filterable].sort()) ||
    !same([...before.sortable].sort(), [...after.sortable].sort())
  )
}
