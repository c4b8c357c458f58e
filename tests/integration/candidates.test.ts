import { randomBytes } from 'node:crypto'
import type { SearchDocument, SearchEngine, SearchQuery } from '#search/engine'
import { MeilisearchEngine } from '#search/meilisearch'
import { indexRegistry } from '#search/registry'
import { SqliteFtsEngine } from '#search/sqlite-fts'
import { meilisearchForTests } from '#search/testing/meilisearch-server'
import { database } from '~/db.server'
import { ENOUGH_CANDIDATES, searchCandidates } from '~/modules/matching/candidates.server'

// The matcher's candidates: every query of a proposal list in one multi-search, all of their hits pooled.

/** The engine as it is, with a count of the requests it was sent. */
function counted(engine: SearchEngine) {
  const calls = { search: 0, multiSearch: [] as SearchQuery[][] }
  const wrapped: SearchEngine = Object.assign(Object.create(engine) as SearchEngine, {
    search: (...args: Parameters<SearchEngine['search']>) => {
      calls.search++
      return engine.search(...args)
    },
    multiSearch: (...args: Parameters<SearchEngine['multiSearch']>) => {
      calls.multiSearch.push(args[1])
      return engine.multiSearch(...args)
    },
  })
  return { engine: wrapped, calls }
}

function lab(id: number, topic: string): SearchDocument {
  return { id: String(id), name: `Лаборатория ${id}`, keywords: [topic], description: `Работаем над темой: ${topic}.`, services: [], equipment: [], publications: [], projects: [], fieldNames: [], organisationName: 'НИИ' }
}

// More labs on the first topic than ENOUGH_CANDIDATES, a few on each of two others.
const catalogue = [
  ...Array.from({ length: ENOUGH_CANDIDATES + 10 }, (_, i) => lab(i + 1, 'спектрометрия')),
  ...[501, 502, 503].map((id) => lab(id, 'катализаторы гидроочистки')),
  ...[601, 602].map((id) => lab(id, 'мерзлотоведение')),
]

async function candidatesOn(engine: SearchEngine) {
  await engine.ensureIndex('labs', indexRegistry.labs!.settings)
  await engine.clear('labs')
  await engine.upsert('labs', catalogue)
  const probe = counted(engine)
  const found = await searchCandidates(probe.engine, 'labs', ['спектрометрия', 'катализаторы гидроочистки', 'мерзлотоведение', '  '])
  return { found, calls: probe.calls }
}

function expectAllQueriesPooled({ found, calls }: Awaited<ReturnType<typeof candidatesOn>>) {
  // Each query's own labs are there, although the first query alone already found "enough".
  expect(found).toEqual(expect.arrayContaining([501, 502, 503, 601, 602]))
  expect(found.filter((id) => id <= ENOUGH_CANDIDATES + 10)).toHaveLength(ENOUGH_CANDIDATES)
  // One request for the whole list: the three queries and the browse that fills a short pool.
  expect(calls.search).toBe(0)
  expect(calls.multiSearch.map((queries) => queries.map((query) => query.q))).toEqual([['спектрометрия', 'катализаторы гидроочистки', 'мерзлотоведение', '']])
}

test('on the embedded engine, every query of a proposal list goes in one multi-search and all their hits are pooled', async () => {
  expectAllQueriesPooled(await candidatesOn(new SqliteFtsEngine(database.sqlite)))
})

const server = await meilisearchForTests()
afterAll(() => server?.stop())

test.skipIf(!server)('on Meilisearch, every query of a proposal list goes in one multi-search request and all their hits are pooled', { timeout: 120_000 }, async () => {
  const engine = new MeilisearchEngine({ host: server!.host, apiKey: server!.apiKey, indexPrefix: `candidates_${randomBytes(4).toString('hex')}_` })
  expectAllQueriesPooled(await candidatesOn(engine))
})
