import type Database from 'better-sqlite3'
import type { IndexName } from '../engine'
import type { IndexTables } from './schema'

// The vocabulary of an index (its stemmed terms with document counts) lives in SQL, kept exact on
// every write, so that any process sharing the file sees the same words. Typo correction needs to
// compare a word against all terms of similar length, which is done in memory on a copy reloaded
// only when the set of terms changes (search_indexes.vocabulary_version).

interface Bucket {
  terms: string[]
  docs: number[]
  letters: number[]
}

export class Vocabulary {
  private cached: { version: number; byLength: Map<number, Bucket> } | null = null
  private readonly hasTerm: Database.Statement
  private readonly hasTermWithPrefix: Database.Statement
  private readonly version: Database.Statement
  private readonly allTerms: Database.Statement

  constructor(
    sqlite: Database.Database,
    tables: IndexTables,
    private readonly index: IndexName,
  ) {
    this.hasTerm = sqlite.prepare(`SELECT 1 FROM ${tables.terms} WHERE term = ?`).pluck()
    this.hasTermWithPrefix = sqlite
      .prepare(`SELECT 1 FROM ${tables.terms} WHERE term >= ? AND term < ? LIMIT 1`)
      .pluck()
    this.version = sqlite.prepare('SELECT vocabulary_version FROM search_indexes WHERE name = ?').pluck()
    this.allTerms = sqlite.prepare(`SELECT term, docs FROM ${tables.terms}`).raw()
  }

  has(term: string): boolean {
    return this.hasTerm.get(term) !== undefined
  }

  hasPrefix(prefix: string): boolean {
    return this.hasTermWithPrefix.get(prefix, prefix + '\uffff') !== undefined
  }

  /** Terms within `maxDistance` edits of `word`, closest and most common first. */
  closest(word: string, maxDistance: number, limit = 8): string[] {
    const byLength = this.termsByLength()
    const wordLetters = lettersOf(word)
    const found: Array<{ term: string; distance: number; docs: number }> = []
    for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
      const bucket = byLength.get(length)
      if (!bucket) continue
      for (let i = 0; i < bucket.terms.length; i++) {
        // One edit changes at most two letters of the set: a cheap bound that skips most terms.
        if (popcount(bucket.letters[i] ^ wordLetters) > 2 * maxDistance) continue
        const distance = editDistance(word, bucket.terms[i], maxDistance)
        if (distance <= maxDistance) found.push({ term: bucket.terms[i], distance, docs: bucket.docs[i] })
      }
    }
    return found
      .sort((a, b) => a.distance - b.distance || b.docs - a.docs)
      .slice(0, limit)
      .map(({ term }) => term)
  }

  private termsByLength(): Map<number, Bucket> {
    const version = this.version.get(this.index) as number
    if (this.cached?.version === version) return this.cached.byLength
    const byLength = new Map<number, Bucket>()
    for (const [term, docs] of this.allTerms.all() as Array<[string, number]>) {
      let bucket = byLength.get(term.length)
      if (!bucket) byLength.set(term.length, (bucket = { terms: [], docs: [], letters: [] }))
      bucket.terms.push(term)
      bucket.docs.push(docs)
      bucket.letters.push(lettersOf(term))
    }
    this.cached = { version, byLength }
    return byLength
  }
}

/** The set of a word's letters as 32 bits (the low five bits of a code point: exact for а–я and a–z). */
function lettersOf(word: string): number {
  let set = 0
  for (let i = 0; i < word.length; i++) set |= 1 << (word.charCodeAt(i) & 31)
  return set
}

function popcount(bits: number): number {
  bits -= (bits >>> 1) & 0x55555555
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333)
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

// Three rows of the distance table, reused: typo correction compares a word with thousands of terms.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]

/**
 * Optimal string alignment distance (Levenshtein plus a swap of two neighbours counting as one edit,
 * the commonest typing slip: "visoin"), giving up as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  if (b.length + 1 > rows[0].length) rows = rows.map(() => new Int32Array(b.length * 2 + 1))
  let [beforePrevious, previous, current] = rows
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1)
    current[0] = i
    let rowMinimum = i
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1)
      let cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        cost = Math.min(cost, beforePrevious[j - 2] + 1)
      }
      current[j] = cost
      if (cost < rowMinimum) rowMinimum = cost
    }
    if (rowMinimum > max) return max + 1
    ;[beforePrevious, previous, current] = [previous, current, beforePrevious]
  }
  return previous[b.length]
}

/** Adds and removes one batch's term counts; says whether the set of terms changed. */
export function applyTermCounts(
  sqlite: Database.Database,
  tables: IndexTables,
  deltas: Map<string, number>,
): boolean {
  const add = sqlite
    .prepare(
      `INSERT INTO ${tables.terms} (term, docs) VALUES (?, ?)
       ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs RETURNING docs`,
    )
    .pluck()
  const remove = sqlite.prepare(`UPDATE ${tables.terms} SET docs = docs + ? WHERE term = ? RETURNING docs`).pluck()
  const drop = sqlite.prepare(`DELETE FROM ${tables.terms} WHERE term = ?`)
  let changed = false
  for (const [term, delta] of deltas) {
    if (delta > 0) {
      if ((add.get(term, delta) as number) === delta) changed = true
    } else if (delta < 0) {
      const docs = remove.get(delta, term) as number | undefined
      if (docs !== undefined && docs <= 0) {
        drop.run(term)
        changed = true
      }
    }
  }
  return changed
}
