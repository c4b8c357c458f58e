import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Meilisearch } from 'meilisearch'
import { openDatabase } from '../db/client'
import type { SearchEngine, SearchQuery } from '../search/engine'
import { MeilisearchEngine } from '../search/meilisearch'
import { SqliteFtsEngine } from '../search/sqlite-fts'
import { meilisearchForTests, type MeilisearchServer } from '../search/testing/meilisearch-server'
import {
  ALLIANCES,
  requestDocument,
  requestIndexSettings,
  seededRandom,
  syntheticRequests,
  TEXT_QUERIES,
  TYPO_QUERIES,
} from './bench/synthetic'

// npm run -s bench:search [-- --sizes 1000,5000 --samples 200]
// Indexes synthetic request catalogues into each available engine (Meilisearch when MEILI_HOST or
// MEILI_BIN is set) and times typical queries as the application sees them; for Meilisearch also
// the server's own processing time. Progress goes to stderr, the JSON report to stdout.

const INDEX = 'requests'
const FACETS = ['alliance', 'region', 'fieldsOfScience', 'trl', 'budgetBand', 'status']
const REGIONS = ['tomsk', 'novosibirsk', 'kemerovo', 'omsk', 'moscow']

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    samples: { type: 'string', default: '200' },
  },
})
const sizes = args.sizes.split(',').map((size) => Number(size.trim()))
const samples = Number(args.samples)
if (sizes.some((size) => !Number.isInteger(size) || size <= 0) || !(samples > 0)) {
  console.error('usage: bench-search [--sizes 10000,100000] [--samples 200]')
  process.exit(2)
}

const progress = (line: string) => console.error(`[bench:search] ${line}`)

/** The query kinds of the report, each a function of the sample number so queries vary. */
function queryKinds(): Record<string, (i: number) => SearchQuery> {
  const random = seededRandom(42)
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
  return {
    text: (i) => ({ q: TEXT_QUERIES[i % TEXT_QUERIES.length] }),
    textTwoFiltersFacets: (i) => ({
      q: TEXT_QUERIES[i % TEXT_QUERIES.length],
      filters: [
        { field: 'region', op: 'eq', value: pick(REGIONS) },
        { field: 'alliance', op: 'in', values: [pick(ALLIANCES), pick(ALLIANCES)] },
      ],
      facets: FACETS,
    }),
    emptyFacets: () => ({ q: '', facets: FACETS }),
    typo: (i) => ({ q: TYPO_QUERIES[i % TYPO_QUERIES.length] }),
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const round = (ms: number) => Math.round(ms * 100) / 100

/** `serverTimes`, when given, is filled by the engine with its own time per search (Meilisearch). */
async function measure(name: string, engine: SearchEngine, size: number, batchSize: number, serverTimes?: number[]) {
  const documents = syntheticRequests(size, 1).map(requestDocument)
  await engine.ensureIndex(INDEX, requestIndexSettings)
  await engine.clear(INDEX)
  const started = performance.now()
  for (let start = 0; start < documents.length; start += batchSize) {
    await engine.upsert(INDEX, documents.slice(start, start + batchSize))
    progress(`${name} ${size}: indexed ${Math.min(start + batchSize, size)}/${size}`)
  }
  const seconds = (performance.now() - started) / 1000
  const indexed = await engine.count(INDEX)
  if (indexed !== size) throw new Error(`${name} holds ${indexed} documents after indexing ${size}`)

  const queries: Record<string, Record<string, number>> = {}
  for (const [kind, queryFor] of Object.entries(queryKinds())) {
    for (let i = 0; i < 20; i++) await engine.search(INDEX, queryFor(i))
    serverTimes?.splice(0)
    const times: number[] = []
    const cpuTimes: number[] = []
    let totals = 0
    for (let i = 0; i < samples; i++) {
      const query = queryFor(i)
      const begin = performance.now()
      const cpu = process.cpuUsage()
      const result = await engine.search(INDEX, query)
      const { user, system } = process.cpuUsage(cpu)
      times.push(performance.now() - begin)
      cpuTimes.push((user + system) / 1000)
      totals += result.total
    }
    times.sort((a, b) => a - b)
    cpuTimes.sort((a, b) => a - b)
    // Wall time is what a user waits; this process's CPU time stays meaningful on a busy machine.
    queries[kind] = {
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      p99: round(percentile(times, 99)),
      cpuP50: round(percentile(cpuTimes, 50)),
      cpuP95: round(percentile(cpuTimes, 95)),
      meanTotal: Math.round(totals / samples),
    }
    if (serverTimes?.length) {
      serverTimes.sort((a, b) => a - b)
      queries[kind].serverP50 = percentile(serverTimes, 50)
      queries[kind].serverP95 = percentile(serverTimes, 95)
    }
    progress(`${name} ${size}: ${kind} p50 ${queries[kind].p50} ms, p95 ${queries[kind].p95} ms`)
  }
  return { indexing: { documents: size, seconds: round(seconds), docsPerSecond: Math.round(size / seconds) }, queries }
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'))
  let server: MeilisearchServer | null = null
  try {
    server = await meilisearchForTests()
    progress(server ? `meilisearch at ${server.host}` : 'meilisearch skipped (set MEILI_HOST or MEILI_BIN)')
    const results = []
    for (const size of sizes) {
      const database = openDatabase(path.join(workDir, `catalogue-${size}.db`), { migrate: false })
      const engines: Record<string, unknown> = {}
      try {
        engines['sqlite-fts'] = await measure('sqlite-fts', new SqliteFtsEngine(database.sqlite), size, 1000)
      } finally {
        database.close()
      }
      if (server) {
        const serverTimes: number[] = []
        const meilisearch = new MeilisearchEngine({
          host: server.host,
          apiKey: server.apiKey,
          indexPrefix: `bench_${size}_`,
          onSearchTiming: (ms) => serverTimes.push(ms),
        })
        engines.meilisearch = await measure('meilisearch', meilisearch, size, 10_000, serverTimes)
        await new Meilisearch({ host: server.host, apiKey: server.apiKey }).deleteIndexIfExists(`bench_${size}_${INDEX}`)
      }
      results.push({ documents: size, engines })
    }
    const report = {
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map(round) },
      samplesPerQuery: samples,
      sizes: results,
    }
    console.log(JSON.stringify(report, null, 2))
    progress(`done: ${sizes.join(', ')} documents, ${server ? 'both engines' : 'embedded engine only'}`)
  } finally {
    await server?.stop()
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
