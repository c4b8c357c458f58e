// The one search interface of the product. Two adapters implement it: Meilisearch (the engine of
// record, when MEILI_HOST is set) and an embedded engine on SQLite FTS5 (the default).

export const indexNames = ['requests', 'labs', 'organisations', 'measures'] as const
export type IndexName = (typeof indexNames)[number]

export type FieldValue = string | number | boolean | null
/** A document is flat: scalar fields, or arrays of scalars (a lab has several fields of science). */
export interface SearchDocument {
  id: string
  [field: string]: FieldValue | FieldValue[] | undefined
}

export interface IndexSettings {
  /** Text fields, most important first: a match in an earlier one ranks higher. */
  searchable: string[]
  /** Fields that filters and facets may use. */
  filterable: string[]
  sortable: string[]
  /** Two-way synonyms, each group one meaning: [['робот', 'robot'], ['тзв', 'техническое зрение']]. */
  synonyms?: string[][]
}

/**
 * Filters are structured, never strings, so that values taken from a URL cannot change the query.
 * All conditions must hold; `in` holds when the field (or any element of an array field) is one of
 * the values.
 */
export type Filter =
  | { field: string; op: 'eq'; value: FieldValue }
  | { field: string; op: 'in'; values: FieldValue[] }
  | { field: string; op: 'range'; gte?: number; lte?: number }

export interface Sort {
  field: string
  direction: 'asc' | 'desc'
}

export interface SearchQuery {
  /** Free text; empty means "all documents that pass the filters". */
  q: string
  filters?: Filter[]
  /** Fields to count values of, among the documents that match `q` and `filters`. */
  facets?: string[]
  /** Without a sort, hits come by relevance (or by id for an empty `q`). */
  sort?: Sort[]
  /** 1-based. */
  page?: number
  perPage?: number
  /** Fields to return with matched words wrapped in HIGHLIGHT_START / HIGHLIGHT_END. */
  highlight?: string[]
}

export interface SearchHit<D extends SearchDocument = SearchDocument> {
  document: D
  /** Field name → its text with matches marked; absent where nothing matched. */
  highlights: Record<string, string>
  /** Relevance in [0, 1] where the engine can tell it, for the matcher to combine with other fit. */
  relevance: number
}

export interface SearchResult<D extends SearchDocument = SearchDocument> {
  hits: SearchHit<D>[]
  total: number
  page: number
  perPage: number
  facets: Record<string, Record<string, number>>
}

// Private-use characters: they never occur in real text, and the page renders them as <mark>
// elements, so a document's own markup can never become HTML.
export const HIGHLIGHT_START = '\uE000'
export const HIGHLIGHT_END = '\uE001'

export interface EngineHealth {
  engine: 'meilisearch' | 'sqlite-fts'
  available: boolean
  detail?: string
}

export interface SearchEngine {
  readonly kind: 'meilisearch' | 'sqlite-fts'
  /** Creates the index or brings its settings up to date; safe to call again. */
  ensureIndex(index: IndexName, settings: IndexSettings): Promise<void>
  /**
   * Adds or replaces documents by id. With `wait: false` the engine may take them in later (a bulk
   * load sends its next batch meanwhile); the next upsert that waits, and any search or count, sees
   * them, and a batch the engine refused fails that upsert.
   */
  upsert(index: IndexName, documents: SearchDocument[], options?: { wait?: boolean }): Promise<void>
  delete(index: IndexName, ids: string[]): Promise<void>
  /** Removes every document of the index (its settings stay). */
  clear(index: IndexName): Promise<void>
  search<D extends SearchDocument = SearchDocument>(index: IndexName, query: SearchQuery): Promise<SearchResult<D>>
  /** Several searches of one index at once (one request to a remote engine); results in query order. */
  multiSearch<D extends SearchDocument = SearchDocument>(index: IndexName, queries: SearchQuery[]): Promise<SearchResult<D>[]>
  count(index: IndexName): Promise<number>
  health(): Promise<EngineHealth>
}

/** Raised by an adapter when the engine cannot be reached or refuses a task; the caller degrades. */
export class SearchUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SearchUnavailableError'
  }
}
