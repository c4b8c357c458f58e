import type { Filter, IndexName, SearchEngine } from '#search/engine'

// Candidates come from the search engine, whichever adapter runs: the matcher ranks what search
// finds, so a record that search cannot see (a draft, an archived lab) is never proposed.

/** Enough candidates to rank: on a large catalogue the specific queries usually find them alone. */
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
 * Runs the queries in order, pooling their hits, until enough candidates are found. An index that
 * small is simply browsed whole, and when even the broad queries find too few (texts in another
 * language), the rest of the pool is filled by browsing: then the ranking, not the search, decides.
 */
export async function searchCandidates(engine: SearchEngine, index: IndexName, queries: readonly string[], filters: Filter[] = []): Promise<number[]> {
  const pooled = new Set<string>()
  const small = (await indexSize(engine, index)) <= ENOUGH_CANDIDATES
  for (const q of small ? [''] : [...queries, '']) {
    const result = await engine.search(index, { q, filters, perPage: ENOUGH_CANDIDATES })
    for (const hit of result.hits) pooled.add(hit.document.id)
    if (pooled.size >= ENOUGH_CANDIDATES) break
  }
  return [...pooled].map(Number)
}
