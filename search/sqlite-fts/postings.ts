import type Database from 'better-sqlite3'
import type { IndexName, SearchDocument } from '../engine'
import { pagedRows, readLogPosition, READ_PAGE, type LogPosition } from './columns'
import type { IndexTables } from './schema'
import { analyzeText, textOf } from './terms'
import type { Alternative, TextQuery } from './text-query'

// Matching and ranking read postings from memory. FTS5's bm25() reads each hit's position lists
// and its row in the docsize table: ~1.3 µs a hit, 57 ms for a frequent word at 100k documents,
// where summing precomputed impacts over typed arrays costs well under a millisecond. The
// postings are derived from the stored documents (the analyzer is deterministic), FTS5 stays the
// index of record and answers phrases (multi-word synonyms), and every write reaches this copy
// through the index's change log, as it reaches the value columns (columns.ts).

// BM25 as FTS5 computes it, per field, each field weighted: a title match outweighs a description match.
const K1 = 1.2
const B = 0.75
// Changed documents are kept aside until there are this many; then the postings are rebuilt.
const OVERLAY_LIMIT = 2000

class TermPostings {
  docs: Int32Array
  impacts: Float32Array
  length = 0

  /** `main` lists may hold stale docs; overlay lists never do. */
  constructor(readonly main: boolean, capacity = 4) {
    this.docs = new Int32Array(capacity)
    this.impacts = new Float32Array(capacity)
  }

  push(doc: number, impact: number): void {
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.length * 2)
      docs.set(this.docs)
      this.docs = docs
      const impacts = new Float32Array(this.length * 2)
      impacts.set(this.impacts)
      this.impacts = impacts
    }
    this.docs[this.length] = doc
    this.impacts[this.length++] = impact
  }
}

/** A document's impact for each of its terms: its weighted per-field BM25 term-frequency part. */
export function termImpacts(fieldTerms: string[][], averageLengths: number[]): Map<string, number> {
  const impacts = new Map<string, number>()
  fieldTerms.forEach((terms, field) => {
    if (terms.length === 0) return
    const weight = 2 ** (fieldTerms.length - 1 - field)
    const norm = K1 * (1 - B + (B * terms.length) / (averageLengths[field] || 1))
    const frequencies = new Map<string, number>()
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1)
    for (const [term, tf] of frequencies) {
      impacts.set(term, (impacts.get(term) ?? 0) + (weight * tf * (K1 + 1)) / (tf + norm))
    }
  })
  return impacts
}

interface ClauseList {
  groups: TermPostings[][]
  phrase?: Set<number>
}

export class Postings {
  generation = -1
  seq = 0
  private readonly main = new Map<string, TermPostings>()
  private sortedTerms: string[] = []
  /** Docs whose postings in `main` no longer hold: changed (see `overlay`) or deleted. */
  private stale = new Uint8Array(0)
  private readonly overlay = new Map<number, Map<string, number>>()
  private overlayPostings: Map<string, TermPostings> | null = null
  private averageLengths: number[] = []
  /** Whether any doc of the main postings is stale. */
  private anyStale = false
  private scratch = new Float32Array(0)
  private touched = new Int32Array(0)

  constructor(private readonly searchable: string[]) {}

  get overlaySize(): number {
    return this.overlay.size
  }

  /**
   * Builds the postings of every document (`rows` yields doc and body), pausing (yielding) after each
   * `step` documents of each pass; run to the end, it builds them in one go.
   */
  *build(rows: Iterable<[number, string]>, step = Infinity): Generator<void> {
    const analysed: Array<[number, string[][]]> = []
    const totals = this.searchable.map(() => 0)
    let maxDoc = 0
    for (const [doc, body] of rows) {
      const fieldTerms = this.fieldTermsOf(JSON.parse(body))
      fieldTerms.forEach((terms, field) => (totals[field] += terms.length))
      analysed.push([doc, fieldTerms])
      if (doc > maxDoc) maxDoc = doc
      if (analysed.length % step === 0) yield
    }
    this.averageLengths = totals.map((total) => total / Math.max(1, analysed.length))
    this.main.clear()
    // Ascending docs, so that every term's postings are sorted.
    analysed.sort((a, b) => a[0] - b[0])
    let indexed = 0
    for (const [doc, fieldTerms] of analysed) {
      for (const [term, impact] of termImpacts(fieldTerms, this.averageLengths)) {
        let postings = this.main.get(term)
        if (!postings) this.main.set(term, (postings = new TermPostings(true)))
        postings.push(doc, impact)
      }
      if (++indexed % step === 0) yield
    }
    this.sortedTerms = [...this.main.keys()].sort()
    this.stale = new Uint8Array(maxDoc + 1)
    this.anyStale = false
    this.overlay.clear()
    this.overlayPostings = null
  }

  /** Records a document's new text (or, with no body, its removal). */
  change(doc: number, body: string | undefined): void {
    if (doc < this.stale.length) {
      this.stale[doc] = 1
      this.anyStale = true
    }
    if (body === undefined) this.overlay.delete(doc)
    else this.overlay.set(doc, termImpacts(this.fieldTermsOf(JSON.parse(body)), this.averageLengths))
    this.overlayPostings = null
  }

  /**
   * Docs matching every clause, with their scores: for each clause the best of its alternatives'
   * idf × impact, summed over clauses. `phraseDocs` answers multi-term phrases (from FTS5).
   */
  match(query: TextQuery, liveDocuments: number, phraseDocs: (terms: string[]) => number[]): { docs: number[]; scores: number[] } {
    const capacity = Math.max(this.stale.length, this.maxOverlayDoc() + 1)
    if (this.scratch.length < capacity) {
      this.scratch = new Float32Array(capacity)
      this.touched = new Int32Array(capacity)
    }
    const clauses = query.clauses.map((alternatives) => this.expand(alternatives, phraseDocs))
    // The rarest clause first: later clauses only filter its docs.
    clauses.sort((a, b) => a.size - b.size)
    let docs: number[] = []
    let scores: number[] = []
    for (let c = 0; c < clauses.length; c++) {
      const count = this.scoreClause(clauses[c].lists, liveDocuments)
      const clauseScores = this.scratch
      if (c === 0) {
        for (let i = 0; i < count; i++) {
          const doc = this.touched[i]
          docs.push(doc)
          scores.push(clauseScores[doc])
        }
      } else {
        const keptDocs: number[] = []
        const keptScores: number[] = []
        for (let i = 0; i < docs.length; i++) {
          const score = clauseScores[docs[i]]
          if (score > 0) {
            keptDocs.push(docs[i])
            keptScores.push(scores[i] + score)
          }
        }
        docs = keptDocs
        scores = keptScores
      }
      for (let i = 0; i < count; i++) clauseScores[this.touched[i]] = 0
      if (docs.length === 0) break
    }
    return { docs, scores }
  }

  /** Each alternative of a clause as the postings of its terms, one group of lists per term. */
  private expand(alternatives: Alternative[], phraseDocs: (terms: string[]) => number[]) {
    const lists: ClauseList[] = []
    let size = 0
    for (const { terms, prefix } of alternatives) {
      const matching = prefix ? this.termsStartingWith(terms[0]) : terms
      const groups = matching.map((term) => this.postingsOf(term))
      // A phrase's terms count only where the phrase itself occurs (FTS5 knows the positions).
      lists.push({ groups, phrase: terms.length > 1 ? new Set(phraseDocs(terms)) : undefined })
      for (const group of groups) for (const list of group) size += list.length
    }
    return { lists, size }
  }

  /** Fills `scratch` with each doc's clause score; returns how many docs (listed in `touched`). */
  private scoreClause(lists: ClauseList[], liveDocuments: number): number {
    const scores = this.scratch
    const touched = this.touched
    const stale = this.stale
    let count = 0
    const phraseScores = new Map<number, number>()
    for (const { groups, phrase } of lists) {
      for (const group of groups) {
        const df = this.documentFrequency(group)
        const idf = Math.log(1 + (liveDocuments - df + 0.5) / (df + 0.5))
        for (const list of group) {
          const { docs, impacts, main } = list
          for (let i = 0; i < list.length; i++) {
            const doc = docs[i]
            if (main && stale[doc] === 1) continue
            const score = idf * impacts[i]
            if (phrase) {
              if (phrase.has(doc)) phraseScores.set(doc, (phraseScores.get(doc) ?? 0) + score)
            } else {
              if (scores[doc] === 0) touched[count++] = doc
              if (score > scores[doc]) scores[doc] = score
            }
          }
        }
      }
      for (const [doc, score] of phraseScores) {
        if (scores[doc] === 0) touched[count++] = doc
        if (score > scores[doc]) scores[doc] = score
      }
      phraseScores.clear()
    }
    return count
  }

  /** How many live documents hold the term: stale entries of the main postings do not count. */
  private documentFrequency(group: TermPostings[]): number {
    let df = 0
    for (const list of group) {
      df += list.length
      if (!list.main || !this.anyStale) continue
      for (let i = 0; i < list.length; i++) df -= this.stale[list.docs[i]]
    }
    return df
  }

  private postingsOf(term: string): TermPostings[] {
    const lists: TermPostings[] = []
    const main = this.main.get(term)
    if (main) lists.push(main)
    const overlay = this.overlayTerms().get(term)
    if (overlay) lists.push(overlay)
    return lists
  }

  private termsStartingWith(prefix: string): string[] {
    const terms = this.sortedTerms
    let low = 0
    let high = terms.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (terms[middle] < prefix) low = middle + 1
      else high = middle
    }
    const found: string[] = []
    for (let i = low; i < terms.length && terms[i].startsWith(prefix); i++) found.push(terms[i])
    for (const term of this.overlayTerms().keys()) if (term.startsWith(prefix) && !this.main.has(term)) found.push(term)
    return found
  }

  private overlayTerms(): Map<string, TermPostings> {
    if (this.overlayPostings) return this.overlayPostings
    const byTerm = new Map<string, TermPostings>()
    for (const doc of [...this.overlay.keys()].sort((a, b) => a - b)) {
      for (const [term, impact] of this.overlay.get(doc)!) {
        let postings = byTerm.get(term)
        if (!postings) byTerm.set(term, (postings = new TermPostings(false)))
        postings.push(doc, impact)
      }
    }
    this.overlayPostings = byTerm
    return byTerm
  }

  private maxOverlayDoc(): number {
    let max = 0
    for (const doc of this.overlay.keys()) if (doc > max) max = doc
    return max
  }

  private fieldTermsOf(document: SearchDocument): string[][] {
    return this.searchable.map((field) => analyzeText(textOf(document[field])))
  }
}

/** Whether `current` must be built anew rather than brought up to date from the change log. */
export function mustRebuildPostings(current: Postings | null, at: LogPosition): boolean {
  if (!current || current.generation !== at.generation) return true
  if (at.latest === current.seq) return false
  return at.oldest > current.seq + 1 || current.overlaySize + (at.latest - current.seq) > OVERLAY_LIMIT
}

/** Brings `current` up to date with the database (or builds it anew); call inside a read transaction. */
export function refreshPostings(
  statement: (sql: string) => Database.Statement,
  index: IndexName,
  tables: IndexTables,
  searchable: string[],
  current: Postings | null,
): Postings {
  const at = readLogPosition(statement, index, tables)
  if (current && !mustRebuildPostings(current, at)) {
    if (at.latest === current.seq) return current
    const changed = statement(`SELECT DISTINCT doc FROM ${tables.changes} WHERE seq > ?`).pluck().all(current.seq) as number[]
    const read = statement(`SELECT body FROM ${tables.bodies} WHERE doc = ?`).pluck()
    for (const doc of changed) current.change(doc, read.get(doc) as string | undefined)
    current.seq = at.latest
    return current
  }
  const fresh = new Postings(searchable)
  for (const _step of fresh.build(bodyRows(statement, tables)));
  fresh.generation = at.generation
  fresh.seq = at.latest
  return fresh
}

/** Every stored document's doc and body, in ascending doc, read a page at a time. */
export function bodyRows(statement: (sql: string) => Database.Statement, tables: IndexTables): Iterable<[number, string]> {
  return pagedRows<[number, string]>(statement(`SELECT doc, body FROM ${tables.bodies} WHERE doc > ? ORDER BY doc LIMIT ${READ_PAGE}`).raw())
}
