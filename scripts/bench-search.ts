import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase, type Database_ } from '../db/client'
import type { SearchDocument, SearchQuery } from '../search/engine'
import { filterExpression, MeilisearchEngine, stemmedQuery } from '../search/meilisearch'
import { SqliteFtsEngine } from '../search/sqlite-fts'
import { analyzeText, textOf } from '../search/sqlite-fts/terms'
import { meilisearchForTests, type MeilisearchServer } from '../search/testing/meilisearch-server'
import { RawMeilisearch } from './bench/raw-meilisearch'
import { searchQuerySets, type BenchQuery, type QueryKind } from './bench/search-queries'
import { ALLIANCES, requestDocument, requestIndexSettings, seededRandom, syntheticRequests } from './bench/synthetic'

// npm run -s bench:search [-- --sizes 10000,100000 --samples 200 --batch 5000]
// Indexes a synthetic request catalogue into the embedded engine and, when MEILI_HOST or MEILI_BIN is
// set, into Meilisearch through the project's adapter and through plain HTTP, with the same batches;
// then runs the same query sets, drawn from the catalogue's own words, against each. Every kind is
// run twice: cold (each query seen for the first time) and warm (the same queries again). Last, the
// adapter and the raw client in alternation, query by query (`adapterAgainstRaw`).
// Progress goes to stderr, the JSON report to stdout. `--sizes 10000 --samples 50` is a quick check.

const INDEX = 'requests'
const FACETS = ['alliance', 'region', 'fieldsOfScience', 'trl', 'budgetBand', 'status']
const REGIONS = ['tomsk', 'novosibirsk', 'kemerovo', 'omsk', 'moscow']
const PER_PAGE = 20

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    samples: { type: 'string', default: '200' },
    batch: { type: 'string', default: '5000' },
  },
})
const sizes = args.sizes.split(',').map((size) => Number(size.trim()))
const samples = Number(args.samples)
const batchSize = Number(args.batch)
if (sizes.some((size) => !Number.isInteger(size) || size <= 0) || !(samples > 0) || !(batchSize > 0)) {
  console.error('usage: bench-search [--sizes 10000,100000] [--samples 200] [--batch 5000]')
  process.exit(2)
}

const progress = (line: string) => console.error(`[bench:search] ${line}`)
const round = (ms: number) => Math.round(ms * 100) / 100
const loadAverage = () => os.loadavg().map(round)

/** What the report needs of one search, whichever way it was asked. */
interface Answer {
  total: number
  ids: string[]
  serverMs?: number
}

interface Runner {
  name: string
  /** Indexes the documents in batches of `batchSize`; resolves when they are all searchable. */
  index(documents: SearchDocument[]): Promise<void>
  search(query: SearchQuery): Promise<Answer>
  /** The first search of a fresh instance (a new process would pay it): ms, where it means something. */
  coldStart?(query: SearchQuery): Promise<number>
  close(): Promise<void>
}

type Workload = Record<string, Array<{ query: SearchQuery; target?: string }>>

/** The report's query kinds: the catalogue's query sets alone, and the text kinds with two filters and six facets. */
function workload(documents: SearchDocument[]): Workload {
  const sets = searchQuerySets(documents, requestIndexSettings.searchable, samples)
  const random = seededRandom(42)
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
  const plain = (queries: BenchQuery[]) => queries.map(({ q, target }) => ({ query: { q, perPage: PER_PAGE }, target }))
  const filtered = (queries: BenchQuery[]) =>
    queries.map(({ q }) => ({
      query: {
        q,
        perPage: PER_PAGE,
        filters: [
          { field: 'region', op: 'eq' as const, value: pick(REGIONS) },
          { field: 'alliance', op: 'in' as const, values: [pick(ALLIANCES), pick(ALLIANCES)] },
        ],
        facets: FACETS,
      },
    }))
  const kinds = Object.fromEntries(Object.entries(sets).map(([kind, queries]) => [kind, plain(queries)])) as Record<QueryKind, ReturnType<typeof plain>>
  return {
    ...kinds,
    twoWordsTwoFiltersFacets: filtered(sets.twoWords),
    prefixTwoFiltersFacets: filtered(sets.prefix),
    emptyFacets: [{ query: { q: '', perPage: PER_PAGE, facets: FACETS } }],
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) }
}

async function measure(runner: Runner, documents: SearchDocument[], queries: Workload) {
  const size = documents.length
  const load = { before: loadAverage() }
  const started = performance.now()
  const cpu = process.cpuUsage()
  await runner.index(documents)
  const seconds = (performance.now() - started) / 1000
  const { user, system } = process.cpuUsage(cpu)
  // This process's CPU seconds: the embedded engine's whole cost, and the adapter's share of Meilisearch's.
  const indexing = {
    documents: size,
    batchSize,
    seconds: round(seconds),
    docsPerSecond: Math.round(size / seconds),
    cpuSeconds: round((user + system) / 1e6),
    loadAverage: loadAverage(),
  }
  progress(`${runner.name} ${size}: indexed at ${indexing.docsPerSecond} docs/s`)

  const report: Record<string, unknown> = { indexing }
  if (runner.coldStart) report.coldStartMs = round(await runner.coldStart(queries.twoWords[0].query))

  const kinds: Record<string, unknown> = {}
  for (const [kind, list] of Object.entries(queries)) {
    const passes: Record<string, unknown> = {}
    let totals = 0
    let found = 0
    let errors = 0
    for (const pass of ['cold', 'warm'] as const) {
      const times: number[] = []
      const cpuTimes: number[] = []
      const serverTimes: number[] = []
      for (const { query, target } of list) {
        const begin = performance.now()
        const cpu = process.cpuUsage()
        try {
          const answer = await runner.search(query)
          const { user, system } = process.cpuUsage(cpu)
          times.push(performance.now() - begin)
          cpuTimes.push((user + system) / 1000)
          if (answer.serverMs !== undefined) serverTimes.push(answer.serverMs)
          if (pass === 'warm') {
            totals += answer.total
            if (target && answer.ids.includes(target)) found++
          }
        } catch (error) {
          if (pass === 'warm') errors++
          if (errors === 1) progress(`${runner.name} ${kind}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      // Wall time is what a user waits; this process's CPU time stays meaningful on a busy machine.
      passes[pass] = {
        ...summary(times),
        cpuP95: summary(cpuTimes).p95,
        ...(serverTimes.length ? { serverP50: summary(serverTimes).p50, serverP95: summary(serverTimes).p95 } : {}),
      }
    }
    const targets = list.filter(({ target }) => target).length
    kinds[kind] = {
      queries: list.length,
      ...passes,
      meanTotal: Math.round(totals / list.length),
      ...(targets ? { targetFoundOnFirstPage: round(found / targets) } : {}),
      ...(errors ? { errors } : {}),
    }
    const warm = passes.warm as { p50: number; p95: number }
    progress(`${runner.name} ${size}: ${kind} warm p50 ${warm.p50} ms, p95 ${warm.p95} ms`)
  }
  report.queries = kinds
  report.loadAverage = { ...load, after: loadAverage() }
  return report
}

function sqliteRunner(file: string): Runner {
  let database: Database_ = openDatabase(file, { migrate: false })
  let engine = new SqliteFtsEngine(database.sqlite)
  const answer = (result: Awaited<ReturnType<SqliteFtsEngine['search']>>): Answer => ({
    total: result.total,
    ids: result.hits.map((hit) => hit.document.id),
  })
  return {
    name: 'sqlite-fts',
    async index(documents) {
      await engine.ensureIndex(INDEX, requestIndexSettings)
      await engine.clear(INDEX)
      for (let start = 0; start < documents.length; start += batchSize) {
        await engine.upsert(INDEX, documents.slice(start, start + batchSize))
      }
      const indexed = await engine.count(INDEX)
      if (indexed !== documents.length) throw new Error(`sqlite-fts holds ${indexed} documents after indexing ${documents.length}`)
    },
    search: async (query) => answer(await engine.search(INDEX, query)),
    async coldStart(query) {
      // A new connection and engine, as a freshly started server has: its caches load on first use.
      database.close()
      database = openDatabase(file, { migrate: false })
      engine = new SqliteFtsEngine(database.sqlite)
      const begin = performance.now()
      await engine.search(INDEX, query)
      return performance.now() - begin
    },
    close: async () => database.close(),
  }
}

function adapterRunner(server: MeilisearchServer, prefix: string): Runner {
  let lastServerMs: number | undefined
  const engine = new MeilisearchEngine({
    host: server.host,
    apiKey: server.apiKey,
    indexPrefix: prefix,
    onSearchTiming: (ms) => (lastServerMs = ms),
  })
  return {
    name: 'meilisearch',
    async index(documents) {
      await engine.ensureIndex(INDEX, requestIndexSettings)
      await engine.clear(INDEX)
      // As the app's reindex does (search/sync.ts): batches enqueued one after another, the last one waited for.
      for (let start = 0; start < documents.length; start += batchSize) {
        await engine.upsert(INDEX, documents.slice(start, start + batchSize), { wait: start + batchSize >= documents.length })
      }
      const indexed = await engine.count(INDEX)
      if (indexed !== documents.length) throw new Error(`meilisearch holds ${indexed} documents after indexing ${documents.length}`)
    },
    async search(query) {
      lastServerMs = undefined
      const result = await engine.search(INDEX, query)
      return { total: result.total, ids: result.hits.map((hit) => hit.document.id), serverMs: lastServerMs }
    },
    close: async () => {},
  }
}

/**
 * The same server asked directly. It indexes the adapter's payload (stems included, computed before
 * the clock starts) into its own index with the adapter's settings, and searches the adapter's index
 * with the request the adapter would send, so that only the client differs.
 */
function rawRunner(server: MeilisearchServer, prefix: string): Runner {
  const raw = new RawMeilisearch(server.host, server.apiKey)
  const adapterIndex = `${prefix}${INDEX}`
  const rawIndex = `${prefix}raw_${INDEX}`
  return {
    name: 'meilisearch-raw',
    async index(documents) {
      const settings = await raw.request<{ searchableAttributes: string[] }>('GET', `/indexes/${adapterIndex}/settings`)
      // The adapter searches a stemmed twin of each text field: `_stems_title` beside `title`.
      const twins = requestIndexSettings.searchable.map((field) => ({
        field,
        twin: settings.searchableAttributes.find((attribute) => attribute !== field && attribute.endsWith(`_${field}`)),
      }))
      const payload = documents.map((document) => {
        const copy: Record<string, unknown> = { ...document }
        for (const { field, twin } of twins) if (twin) copy[twin] = analyzeText(textOf(document[field])).join(' ')
        return copy
      })
      const begin = performance.now()
      await raw.request('DELETE', `/indexes/${rawIndex}`).catch(() => null)
      const created = await raw.request<{ taskUid: number }>('POST', '/indexes', { uid: rawIndex, primaryKey: 'id' })
      await raw.waitTask(created.taskUid)
      const configured = await raw.request<{ taskUid: number }>('PATCH', `/indexes/${rawIndex}/settings`, settings)
      await raw.waitTask(configured.taskUid)
      // Batches are queued back to back; only the last one is waited for.
      let last = 0
      for (let start = 0; start < payload.length; start += batchSize) {
        last = (await raw.request<{ taskUid: number }>('POST', `/indexes/${rawIndex}/documents?primaryKey=id`, payload.slice(start, start + batchSize))).taskUid
      }
      await raw.waitTask(last)
      progress(`meilisearch-raw: payload ready, server indexed in ${round((performance.now() - begin) / 1000)} s`)
      const stats = await raw.request<{ numberOfDocuments: number }>('GET', `/indexes/${rawIndex}/stats`)
      if (stats.numberOfDocuments !== documents.length) throw new Error(`raw index holds ${stats.numberOfDocuments} documents`)
    },
    async search(query) {
      const body = {
        q: stemmedQuery(query.q),
        filter: (query.filters ?? []).map(filterExpression),
        facets: query.facets,
        sort: query.q.trim() === '' ? ['id:asc'] : [],
        page: 1,
        hitsPerPage: query.perPage ?? PER_PAGE,
        showRankingScore: true,
        matchingStrategy: 'all',
      }
      const response = await raw.request<{ hits: Array<{ id: string }>; totalHits: number; processingTimeMs: number }>(
        'POST',
        `/indexes/${adapterIndex}/search`,
        body,
      )
      return { total: response.totalHits, ids: response.hits.map((hit) => hit.id), serverMs: response.processingTimeMs }
    },
    async close() {
      await raw.request('DELETE', `/indexes/${rawIndex}`).catch(() => null)
      await raw.request('DELETE', `/indexes/${adapterIndex}`).catch(() => null)
      raw.close()
    },
  }
}

/** A Meilisearch that goes away mid-run is reported, and the rest of the run goes on. */
async function measureOrReport(runner: Runner, documents: SearchDocument[], queries: Workload) {
  try {
    return await measure(runner, documents, queries)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    progress(`${runner.name}: stopped: ${message}`)
    return { error: `${runner.name} stopped answering: ${message}` }
  }
}

/**
 * The adapter against the raw client, query by query in alternation (which goes first alternates too),
 * on the same index: both see the same moments of a shared machine, so their ratio is the client's
 * cost and not the neighbours'. Each query is asked of each once beforehand, so both passes are warm.
 */
async function headToHead(adapter: Runner, raw: Runner, queries: Workload) {
  const kinds: Record<string, unknown> = {}
  for (const [kind, list] of Object.entries(queries)) {
    const times = { adapter: [] as number[], raw: [] as number[] }
    for (const { query } of list) await Promise.all([adapter.search(query), raw.search(query)])
    for (const [index, { query }] of list.entries()) {
      const order = index % 2 === 0 ? (['adapter', 'raw'] as const) : (['raw', 'adapter'] as const)
      for (const side of order) {
        const begin = performance.now()
        await (side === 'adapter' ? adapter : raw).search(query)
        times[side].push(performance.now() - begin)
      }
    }
    const adapterTimes = summary(times.adapter)
    const rawTimes = summary(times.raw)
    kinds[kind] = { adapter: adapterTimes, raw: rawTimes, p50Ratio: round(adapterTimes.p50 / rawTimes.p50), p95Ratio: round(adapterTimes.p95 / rawTimes.p95) }
    progress(`adapter against raw, ${kind}: p95 ${adapterTimes.p95} ms against ${rawTimes.p95} ms`)
  }
  return { loadAverage: loadAverage(), kinds }
}

async function headToHeadOrReport(adapter: Runner, raw: Runner, queries: Workload) {
  try {
    return await headToHead(adapter, raw, queries)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    progress(`adapter against raw: stopped: ${message}`)
    return { error: `Meilisearch stopped answering: ${message}` }
  }
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'))
  let server: MeilisearchServer | null = null
  try {
    server = await meilisearchForTests()
    progress(server ? `meilisearch at ${server.host}` : 'meilisearch skipped (set MEILI_HOST or MEILI_BIN)')
    const results = []
    for (const size of sizes) {
      const documents = syntheticRequests(size, 1).map(requestDocument)
      const queries = workload(documents)
      const runners = [sqliteRunner(path.join(workDir, `catalogue-${size}.db`))]
      if (server) runners.push(adapterRunner(server, `bench_${size}_`), rawRunner(server, `bench_${size}_`))
      const engines: Record<string, unknown> = {}
      for (const runner of runners) {
        engines[runner.name] = await measureOrReport(runner, documents, queries)
      }
      const [, adapter, raw] = runners
      const adapterAgainstRaw = adapter && raw ? await headToHeadOrReport(adapter, raw, queries) : undefined
      for (const runner of runners) await runner.close().catch(() => null)
      results.push({ documents: size, engines, ...(adapterAgainstRaw ? { adapterAgainstRaw } : {}) })
    }
    const report = {
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: loadAverage() },
      samplesPerKind: samples,
      batchSize,
      perPage: PER_PAGE,
      sizes: results,
    }
    console.log(JSON.stringify(report, null, 2))
    progress(`done: ${sizes.join(', ')} documents, ${server ? 'embedded, adapter and raw Meilisearch' : 'embedded engine only'}`)
  } finally {
    await server?.stop()
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
