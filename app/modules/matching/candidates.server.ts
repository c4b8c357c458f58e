import type { Filter, IndexName, SearchEngine } from '#search/engine'

// Candidates come from the search engine, whichever adapter runs: the matcher ranks what search
// finds, so a record that search cannot see (a draft, an archived lab) is never proposed.

/** Enough candidates to rank: fewer than this from all the queries, and a browse fills the pool. */
export const ENOUGH_CANDIDATES = 120
// Whether an index is small changes slowly: its size is asked at most this often per engine.
const SIZE_TTL_MS = 60_000
const sizes = new WeakMap<SearchEngine, Map<IndexName, { size: number; at: number }>>()

async function indexSize(engine: SearchEngine, index: IndexName): Promise<number> {
  let known = sizes.get(engine)
  if (!known) sizes.set(engine, (known = new Map()))
  const cached = known.get(index)
  if (cached && Date.now() - cached.at < SIZE_TTL_MS) return cached.size
  const size = await engine.count(index)
  known.set(index, { size, at: Date.now() })
  return size
}

/**
 * Runs every query (key phrases, each language, publications: they complement each other) in one
 * multi-search, and pools all their hits: recall needs them all, so none is skipped because others
 * found "enough". An index that small is simply browsed whole. When even all the queries find fewer
 * than ENOUGH_CANDIDATES, the pool is filled from a browse that travels in the same request: then
 * the ranking, not the search, decides.
 */
export async function searchCandidates(engine: SearchEngine, index: IndexName, queries: readonly string[], filters: Filter[] = []): Promise<number[]> {
  const small = (await indexSize(engine, index)) <= ENOUGH_CANDIDATES
  const texts = small ? [] : [...new Set(queries.filter((q) => q.trim() !== ''))]
  const results = await engine.multiSearch(index, [...texts, ''].map((q) => ({ q, filters, perPage: ENOUGH_CANDIDATES })))
  const browse = results.pop()!
  const pooled = new Set(results.flatMap((result) => result.hits.map((hit) => hit.document.id)))
  for (const hit of browse.hits) {
    if (pooled.size >= ENOUGH_CANDIDATES) break
    pooled.add(hit.document.id)
  }
  return [...pooled].map(Number)
}
