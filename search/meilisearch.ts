import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type Hit,
  type SearchParams,
  type SearchResponse,
  type Settings,
  type Task,
} from 'meilisearch'
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  SearchUnavailableError,
  type EngineHealth,
  type FieldValue,
  type Filter,
  type IndexName,
  type IndexSettings,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
} from './engine'
import { keepAliveHttpClient } from './meilisearch-http'
import { analyzeText, textOf } from './sqlite-fts/terms'

export interface MeilisearchEngineOptions {
  host: string
  apiKey?: string
  /** Prepended to every index uid, so that tests and several environments can share a server. */
  indexPrefix?: string
  /** How long to wait for one indexing task. */
  taskTimeoutMs?: number
  /** How long to wait for the server's answer to one request: past it, the server counts as unavailable. */
  requestTimeoutMs?: number
  /** Told the server's own time for each search, to tell engine time from network time. */
  onSearchTiming?: (processingTimeMs: number) => void
}

// Meilisearch does not stem Russian. Each searchable field therefore travels with a twin holding its
// analysed terms (the embedded engine's stems), and the query is sent as stems too: "робототехнике"
// and "робототехника" both arrive as "робототехник". The twins are searched, never returned.
const STEMS_PREFIX = '_stems_'
const stemsField = (field: string) => STEMS_PREFIX + field

const DEFAULT_PER_PAGE = 20
// Sort first, so that an explicit sort orders all hits, as in the embedded engine.
const RANKING_RULES = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness']

export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const
  private readonly client: Meilisearch
  private readonly indexPrefix: string
  private readonly taskTimeoutMs: number
  private readonly onSearchTiming: MeilisearchEngineOptions['onSearchTiming']
  private readonly searchableFields = new Map<IndexName, string[]>()
  // Tasks of each index enqueued without waiting (a bulk load's batches), not yet seen through.
  private readonly unconfirmed = new Map<IndexName, Array<{ what: string; taskUid: number }>>()

  constructor(options: MeilisearchEngineOptions) {
    this.client = new Meilisearch({
      host: options.host,
      apiKey: options.apiKey,
      timeout: options.requestTimeoutMs ?? 30_000,
      httpClient: keepAliveHttpClient().httpClient,
    })
    this.indexPrefix = options.indexPrefix ?? ''
    this.taskTimeoutMs = options.taskTimeoutMs ?? 300_000
    this.onSearchTiming = options.onSearchTiming
  }

  async ensureIndex(index: IndexName, settings: IndexSettings): Promise<void> {
    const uid = this.uid(index)
    await this.run(`create index ${uid}`, () => this.client.createIndex(uid, { primaryKey: 'id' }), 'index_already_exists')
    await this.run(`update settings of ${uid}`, () => this.client.index(uid).updateSettings(meilisearchSettings(settings)))
    this.searchableFields.set(index, settings.searchable)
  }

  async upsert(index: IndexName, documents: SearchDocument[], options: { wait?: boolean } = {}): Promise<void> {
    if (documents.length > 0) {
      const fields = await this.searchableOf(index)
      const withStems = documents.map((document) => {
        const stems = Object.fromEntries(fields.map((field) => [stemsField(field), analyzeText(textOf(document[field])).join(' ')]))
        return { ...document, ...stems }
      })
      const what = `add documents to ${this.uid(index)}`
      const enqueued = await this.call(what, () => this.client.index(this.uid(index)).addDocuments(withStems, { primaryKey: 'id' }))
      const tasks = this.unconfirmed.get(index) ?? []
      tasks.push({ what, taskUid: enqueued.taskUid })
      this.unconfirmed.set(index, tasks)
    }
    if (options.wait ?? true) await this.settled(index)
  }

  async delete(index: IndexName, ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await this.run(`delete documents from ${this.uid(index)}`, () => this.client.index(this.uid(index)).deleteDocuments(ids))
  }

  async clear(index: IndexName): Promise<void> {
    await this.run(`clear ${this.uid(index)}`, () => this.client.index(this.uid(index)).deleteAllDocuments())
  }

  async search<D extends SearchDocument = SearchDocument>(index: IndexName, query: SearchQuery): Promise<SearchResult<D>> {
    await this.settled(index)
    const request = searchRequest(query)
    const response = await this.call(`search ${this.uid(index)}`, () =>
      this.client.index(this.uid(index)).search<Record<string, unknown>, SearchParams>(request.q, request.params),
    )
    return this.resultOf<D>(response, query, request)
  }

  /** One multi-search request, however many queries: the matcher's several queries cost one round trip. */
  async multiSearch<D extends SearchDocument = SearchDocument>(index: IndexName, queries: SearchQuery[]): Promise<SearchResult<D>[]> {
    if (queries.length === 0) return []
    await this.settled(index)
    const uid = this.uid(index)
    const requests = queries.map(searchRequest)
    const response = await this.call(`multi-search ${uid}`, () =>
      this.client.multiSearch<{ queries: Array<SearchParams & { indexUid: string }> }, Record<string, unknown>>({
        queries: requests.map((request) => ({ indexUid: uid, q: request.q, ...request.params })),
      }),
    )
    return response.results.map((result, i) => this.resultOf<D>(result, queries[i], requests[i]))
  }

  private resultOf<D extends SearchDocument>(response: SearchResponse<Record<string, unknown>>, query: SearchQuery, request: SearchRequest): SearchResult<D> {
    if (response.processingTimeMs !== undefined) this.onSearchTiming?.(response.processingTimeMs)
    const facets: SearchResult['facets'] = {}
    for (const field of query.facets ?? []) facets[field] = response.facetDistribution?.[field] ?? {}
    return {
      hits: response.hits.map((hit) => ({
        document: documentOf<D>(hit),
        highlights: highlightsOf(hit, query.highlight ?? []),
        relevance: hit._rankingScore ?? 0,
      })),
      total: response.totalHits ?? response.hits.length,
      page: request.page,
      perPage: request.perPage,
      facets,
    }
  }

  async count(index: IndexName): Promise<number> {
    await this.settled(index)
    const stats = await this.call(`stats of ${this.uid(index)}`, () => this.client.index(this.uid(index)).getStats())
    return stats.numberOfDocuments
  }

  async health(): Promise<EngineHealth> {
    try {
      const { status } = await this.client.health()
      return { engine: 'meilisearch', available: status === 'available', detail: status }
    } catch (error) {
      return { engine: 'meilisearch', available: false, detail: error instanceof Error ? error.message : String(error) }
    }
  }

  private uid(index: IndexName): string {
    return this.indexPrefix + index
  }

  /** The searchable fields, from this process's ensureIndex or else from the server's settings. */
  private async searchableOf(index: IndexName): Promise<string[]> {
    let fields = this.searchableFields.get(index)
    if (!fields) {
      const searchable = await this.call(`settings of ${this.uid(index)}`, () =>
        this.client.index(this.uid(index)).getSearchableAttributes(),
      )
      fields = searchable.filter((field) => !field.startsWith(STEMS_PREFIX))
      this.searchableFields.set(index, fields)
    }
    return fields
  }

  /** Enqueues a task and waits for it; a failed task is an error, unless its code is `tolerated`. */
  private async run(what: string, enqueue: () => EnqueuedTaskPromise, tolerated?: string): Promise<void> {
    const task = await this.call(what, () => enqueue().waitTask({ timeout: this.taskTimeoutMs }))
    checkTask(what, task, tolerated)
  }

  /**
   * Sees the index's tasks enqueued without waiting through (the server runs an index's tasks in
   * order); one it refused is an error here.
   */
  private async settled(index: IndexName): Promise<void> {
    const tasks = this.unconfirmed.get(index)
    if (!tasks) return
    this.unconfirmed.delete(index)
    for (const { what, taskUid } of tasks) {
      const task = await this.call(what, () => this.client.tasks.waitForTask(taskUid, { timeout: this.taskTimeoutMs }))
      checkTask(what, task)
    }
  }

  /** An unreachable or failing server becomes SearchUnavailableError; a refused request stays as it is. */
  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request()
    } catch (thrown) {
      // The server's refusal reaches here wrapped by the client, as its custom HTTP client's error.
      const error = thrown instanceof MeilisearchRequestError && thrown.cause instanceof MeilisearchApiError ? thrown.cause : thrown
      const unreachable =
        error instanceof MeilisearchRequestError ||
        error instanceof MeilisearchRequestTimeOutError ||
        error instanceof MeilisearchTaskTimeOutError ||
        (error instanceof MeilisearchApiError && error.response.status >= 500)
      // The client's "request … has failed" says why in its cause (refused connection, timeout).
      const reason = error instanceof MeilisearchRequestError && error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : (error as Error).message
      if (unreachable) throw new SearchUnavailableError(`Meilisearch could not ${what}: ${reason}`, { cause: error })
      throw error
    }
  }
}

function checkTask(what: string, task: Task, tolerated?: string): void {
  if (task.status === 'succeeded' || (task.error && task.error.code === tolerated)) return
  const reason = task.error ? `${task.error.code}: ${task.error.message}` : task.status
  throw new SearchUnavailableError(`Meilisearch refused to ${what} (task ${task.uid}): ${reason}`)
}

interface SearchRequest {
  q: string
  page: number
  perPage: number
  params: SearchParams
}

/** A contract query as Meilisearch's: stemmed text, quoted filters, a page of hits with their scores. */
function searchRequest(query: SearchQuery): SearchRequest {
  const q = stemmedQuery(query.q ?? '')
  const page = Math.max(1, Math.floor(query.page ?? 1))
  const perPage = Math.max(1, Math.floor(query.perPage ?? DEFAULT_PER_PAGE))
  const sort = (query.sort ?? []).map(({ field, direction }) => `${attribute(field)}:${direction}`)
  // Without text, hits come by id, as in the embedded engine.
  if (q === '') sort.push('id:asc')
  return {
    q,
    page,
    perPage,
    params: {
      filter: (query.filters ?? []).map(filterExpression),
      facets: query.facets,
      sort,
      page,
      hitsPerPage: perPage,
      attributesToHighlight: query.highlight,
      highlightPreTag: HIGHLIGHT_START,
      highlightPostTag: HIGHLIGHT_END,
      showRankingScore: true,
      matchingStrategy: 'all',
    },
  }
}

function meilisearchSettings(settings: IndexSettings): Settings {
  return {
    searchableAttributes: settings.searchable.flatMap((field) => [field, stemsField(field)]),
    filterableAttributes: settings.filterable,
    sortableAttributes: [...new Set([...settings.sortable, 'id'])],
    rankingRules: RANKING_RULES,
    synonyms: synonymMap(settings.synonyms ?? []),
    // The embedded engine's rule: one typo from 4 letters, two from 8.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    // Exact totals and every facet value, as the embedded engine gives them.
    pagination: { maxTotalHits: 1_000_000 },
    faceting: { maxValuesPerFacet: 1000 },
  }
}

/** Two-way groups as Meilisearch's one-way map, in stems, since queries arrive as stems. */
export function synonymMap(groups: string[][]): Record<string, string[]> {
  const map: Record<string, string[]> = {}
  for (const group of groups) {
    const members = [...new Set(group.map((member) => analyzeText(member).join(' ')).filter(Boolean))]
    for (const member of members) {
      map[member] = [...new Set([...(map[member] ?? []), ...members.filter((other) => other !== member)])]
    }
  }
  return map
}

/** The query's words as stems, stopwords dropped; a trailing space still marks the last word complete. */
export function stemmedQuery(q: string): string {
  const stems = analyzeText(q)
  if (stems.length === 0) return ''
  return stems.join(' ') + (/\s$/u.test(q) ? ' ' : '')
}

/** A structured filter as a Meilisearch filter string; values are always quoted literals. */
export function filterExpression(filter: Filter): string {
  const field = attribute(filter.field)
  const noValue = `(${field} IS NULL OR ${field} IS EMPTY OR ${field} NOT EXISTS)`
  switch (filter.op) {
    case 'eq':
      return filter.value === null ? noValue : `${field} = ${literal(filter.value)}`
    case 'in': {
      const values = filter.values.filter((value) => value !== null)
      const listed = `${field} IN [${values.map(literal).join(', ')}]`
      return filter.values.includes(null) ? `(${listed} OR ${noValue})` : listed
    }
    case 'range': {
      const { gte, lte } = filter
      if (gte !== undefined && lte !== undefined) return `${field} ${number(gte)} TO ${number(lte)}`
      if (gte !== undefined) return `${field} >= ${number(gte)}`
      if (lte !== undefined) return `${field} <= ${number(lte)}`
      return `${field} EXISTS`
    }
  }
}

// Field names come from code, not from people; anything unusual is refused rather than escaped.
function attribute(field: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/.test(field)) throw new Error(`invalid field name "${field}"`)
  return field
}

function literal(value: Exclude<FieldValue, null>): string {
  if (typeof value === 'number') return number(value)
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

function number(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`filter value ${value} is not a finite number`)
  return String(value)
}

const RESPONSE_FIELDS = new Set(['_formatted', '_rankingScore', '_rankingScoreDetails', '_matchesPosition'])

function documentOf<D extends SearchDocument>(hit: Hit<Record<string, unknown>>): D {
  const document: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(hit)) {
    if (!RESPONSE_FIELDS.has(key) && !key.startsWith(STEMS_PREFIX)) document[key] = value
  }
  return document as D
}

// Meilisearch marks only the matched part of a word ("[робототехник]е"); the contract marks whole words.
const MARK_TO_WORD_END = new RegExp(`${HIGHLIGHT_END}([\\p{L}\\p{N}]+)`, 'gu')

function highlightsOf(hit: Hit<Record<string, unknown>>, fields: string[]): Record<string, string> {
  const highlights: Record<string, string> = {}
  for (const field of fields) {
    const text = textOf(hit._formatted?.[field] as SearchDocument[string])
    if (text.includes(HIGHLIGHT_START)) highlights[field] = text.replace(MARK_TO_WORD_END, `$1${HIGHLIGHT_END}`)
  }
  return highlights
}
