import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { matchCorpus, matchTermStats } from '#db/schema'

// The matcher's corpus statistics: each term's id and its occurrences over every profile, and the
// totals, changed only together with the profiles they count (profiles.server.ts).

export const LOOKUP_CHUNK = 5000

export interface CorpusTotals {
  totalTerms: number
  distinctTerms: number
}

/** Splits a list into slices of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** The ids of terms, creating the ones the corpus has never seen. */
export function termIds(tx: DbOrTx, terms: Iterable<string>): Map<string, number> {
  const wanted = [...new Set(terms)]
  const ids = new Map<string, number>()
  for (const chunk of chunks(wanted, LOOKUP_CHUNK)) {
    const found = tx
      .select({ id: matchTermStats.id, term: matchTermStats.term })
      .from(matchTermStats)
      .where(sql`${matchTermStats.term} IN (SELECT value FROM json_each(${JSON.stringify(chunk)}))`)
      .all()
    for (const row of found) ids.set(row.term, row.id)
  }
  const missing = wanted.filter((term) => !ids.has(term))
  for (const chunk of chunks(missing, 1000)) {
    const created = tx.insert(matchTermStats).values(chunk.map((term) => ({ term, count: 0 }))).returning({ id: matchTermStats.id, term: matchTermStats.term }).all()
    for (const row of created) ids.set(row.term, row.id)
  }
  return ids
}

/** Adds the changes of term occurrences to the statistics and the corpus totals. */
export function applyTermDeltas(tx: DbOrTx, deltas: Map<number, number>): void {
  const changed = [...deltas].filter(([, delta]) => delta !== 0)
  if (changed.length === 0) return
  let totalDelta = 0
  let distinctDelta = 0
  for (const chunk of chunks(changed, LOOKUP_CHUNK)) {
    const current = termCountsById(tx, chunk.map(([id]) => id))
    const next: Record<number, number> = {}
    for (const [id, delta] of chunk) {
      const before = current.get(id) ?? 0
      const after = Math.max(0, before + delta)
      next[id] = after
      totalDelta += after - before
      if (before === 0 && after > 0) distinctDelta++
      if (before > 0 && after === 0) distinctDelta--
    }
    tx.run(sql`UPDATE match_term_stats SET count = j.value FROM json_each(${JSON.stringify(next)}) AS j WHERE match_term_stats.id = CAST(j.key AS INTEGER)`)
  }
  tx.insert(matchCorpus)
    .values({ id: 1, totalTerms: totalDelta, distinctTerms: distinctDelta })
    .onConflictDoUpdate({
      target: matchCorpus.id,
      set: { totalTerms: sql`${matchCorpus.totalTerms} + ${totalDelta}`, distinctTerms: sql`${matchCorpus.distinctTerms} + ${distinctDelta}` },
    })
    .run()
}

export function addCounts(deltas: Map<number, number>, counts: Iterable<[number, number]>, sign: 1 | -1): void {
  for (const [id, count] of counts) deltas.set(id, (deltas.get(id) ?? 0) + sign * count)
}

/** The occurrences each term id has over the corpus. */
export function termCountsById(db: DbOrTx, ids: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>()
  for (const chunk of chunks(ids, LOOKUP_CHUNK)) {
    const rows = db
      .select({ id: matchTermStats.id, count: matchTermStats.count })
      .from(matchTermStats)
      .where(sql`${matchTermStats.id} IN (SELECT value FROM json_each(${JSON.stringify(chunk)}))`)
      .all()
    for (const row of rows) counts.set(row.id, row.count)
  }
  return counts
}

export function corpusTotals(db: DbOrTx): CorpusTotals {
  const row = db.select().from(matchCorpus).where(eq(matchCorpus.id, 1)).get()
  return { totalTerms: row?.totalTerms ?? 0, distinctTerms: row?.distinctTerms ?? 0 }
}

/** Every count back to nothing, for a rebuild of all profiles; term ids stay as they are. */
export function resetCorpus(tx: DbOrTx): void {
  tx.update(matchTermStats).set({ count: 0 }).run()
  tx.delete(matchCorpus).run()
}
