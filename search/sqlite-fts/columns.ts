import type Database from 'better-sqlite3'
import type { IndexName } from '../engine'
import type { IndexTables } from './schema'
import type { SqlValue } from './values'

// Filters, facets and sorts read each document's values from memory: counting six facets over
// thousands of hits through SQL index lookups costs ~20 ms a facet on this hardware, from typed
// arrays well under a millisecond. SQLite stays the source: every write appends the doc to the
// index's change log, and each search first applies what changed since it last looked.

const NONE = -1
const MANY = -2
// Beyond this many changed documents, reading everything again is cheaper than one by one.
const FULL_RELOAD_AFTER = 5000

/** One field's values: dictionary ids per doc (arrays of several values kept aside), and totals. */
export class Column {
  readonly dictionary: SqlValue[] = []
  /** Documents holding each dictionary value, across the whole index. */
  totals = new Int32Array(16)
  private readonly ids = new Map<SqlValue, number>()
  private single = new Int32Array(0)
  private readonly many: Array<Int32Array | undefined> = []

  idOf(value: SqlValue): number | undefined {
    return this.ids.get(value)
  }

  set(doc: number, values: SqlValue[]): void {
    this.reserve(doc)
    this.count(doc, -1)
    this.many[doc] = undefined
    if (values.length === 0) this.single[doc] = NONE
    else if (values.length === 1) this.single[doc] = this.intern(values[0])
    else {
      this.single[doc] = MANY
      this.many[doc] = Int32Array.from(values, (value) => this.intern(value))
    }
    this.count(doc, +1)
  }

  /** Calls `visit` with the dictionary id of each of doc's values. */
  forEachValue(doc: number, visit: (id: number) => void): void {
    const id = doc < this.single.length ? this.single[doc] : NONE
    if (id >= 0) visit(id)
    else if (id === MANY) this.many[doc]!.forEach(visit)
  }

  /** Adds each doc's values to `counts` (indexed by dictionary id): the hot loop of facet counting. */
  countInto(docs: number[], counts: Int32Array): void {
    const single = this.single
    for (const doc of docs) {
      const id = doc < single.length ? single[doc] : NONE
      if (id >= 0) counts[id]++
      else if (id === MANY) for (const value of this.many[doc]!) counts[value]++
    }
  }

  /** True when any of doc's values is accepted; `missing` decides for a document without values. */
  some(doc: number, accepted: Uint8Array, missing: boolean): boolean {
    const id = doc < this.single.length ? this.single[doc] : NONE
    if (id >= 0) return accepted[id] === 1
    if (id === NONE) return missing
    return this.many[doc]!.some((value) => accepted[value] === 1)
  }

  private count(doc: number, delta: 1 | -1): void {
    const id = this.single[doc]
    if (id >= 0) this.totals[id] += delta
    else if (id === MANY) for (const value of this.many[doc]!) this.totals[value] += delta
  }

  private intern(value: SqlValue): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.dictionary.push(value) - 1
      this.ids.set(value, id)
      if (id >= this.totals.length) {
        const grown = new Int32Array(this.totals.length * 2)
        grown.set(this.totals)
        this.totals = grown
      }
    }
    return id
  }

  private reserve(doc: number): void {
    if (doc < this.single.length) return
    const grown = new Int32Array(Math.max(1024, (doc + 1) * 2)).fill(NONE)
    grown.set(this.single)
    this.single = grown
  }
}

/** The ids and values of every live document of one index, as of change `seq`. */
export class DocumentColumns {
  readonly ids: Array<string | undefined> = []
  readonly columns = new Map<string, Column>()
  generation = -1
  seq = 0

  constructor(fields: string[]) {
    for (const field of fields) this.columns.set(field, new Column())
  }

  column(field: string): Column {
    const column = this.columns.get(field)
    if (!column) throw new Error(`field "${field}" is not filterable or sortable`)
    return column
  }

  /** How many documents are live. */
  live = 0

  set(doc: number, id: string, fieldValues: Record<string, SqlValue[]>): void {
    if (this.ids[doc] === undefined) this.live++
    this.ids[doc] = id
    for (const [field, column] of this.columns) column.set(doc, fieldValues[field] ?? [])
  }

  remove(doc: number): void {
    if (this.ids[doc] === undefined) return
    this.ids[doc] = undefined
    this.live--
    for (const column of this.columns.values()) column.set(doc, [])
  }
}

/** Where an index's change log stands: its generation (moved by a clear) and its newest and oldest entries. */
export interface LogPosition {
  generation: number
  latest: number
  oldest: number
}

export function readLogPosition(statement: (sql: string) => Database.Statement, index: IndexName, tables: IndexTables): LogPosition {
  const generation = statement('SELECT generation FROM search_indexes WHERE name = ?').pluck().get(index) as number
  const { latest, oldest } = statement(
    `SELECT coalesce(max(seq), 0) AS latest, coalesce(min(seq), 0) AS oldest FROM ${tables.changes}`,
  ).get() as { latest: number; oldest: number }
  return { generation, latest, oldest }
}

/** Whether `current` must be loaded anew rather than brought up to date from the change log. */
export function mustReloadColumns(current: DocumentColumns | null, at: LogPosition): boolean {
  if (!current || current.generation !== at.generation) return true
  if (at.latest === current.seq) return false
  return at.oldest > current.seq + 1 || at.latest - current.seq > FULL_RELOAD_AFTER
}

/** Brings `current` up to date with the database (or builds it anew); call inside a read transaction. */
export function refreshColumns(
  statement: (sql: string) => Database.Statement,
  index: IndexName,
  tables: IndexTables,
  fields: string[],
  current: DocumentColumns | null,
): DocumentColumns {
  const at = readLogPosition(statement, index, tables)
  if (current && !mustReloadColumns(current, at)) {
    if (at.latest === current.seq) return current
    const changed = statement(`SELECT DISTINCT doc FROM ${tables.changes} WHERE seq > ?`).pluck().all(current.seq) as number[]
    const read = statement(`SELECT id, field_values FROM ${tables.documents} WHERE doc = ?`)
    for (const doc of changed) {
      const row = read.get(doc) as { id: string; field_values: string } | undefined
      if (row) current.set(doc, row.id, JSON.parse(row.field_values))
      else current.remove(doc)
    }
    current.seq = at.latest
    return current
  }
  const fresh = new DocumentColumns(fields)
  for (const _step of fillColumns(fresh, statement, tables, Infinity));
  fresh.generation = at.generation
  fresh.seq = at.latest
  return fresh
}

/**
 * Loads every document's values into `columns`, pausing (yielding) after each `step` documents. The
 * documents are read a page at a time, so that no statement stays open across a pause.
 */
export function* fillColumns(columns: DocumentColumns, statement: (sql: string) => Database.Statement, tables: IndexTables, step: number): Generator<void> {
  const read = statement(`SELECT doc, id, field_values FROM ${tables.documents} WHERE doc > ? ORDER BY doc LIMIT ${READ_PAGE}`).raw()
  let done = 0
  for (const [doc, id, fieldValues] of pagedRows<[number, string, string]>(read)) {
    columns.set(doc, id, JSON.parse(fieldValues))
    if (++done % step === 0) yield
  }
}

/** How many rows one read of a full build takes. */
export const READ_PAGE = 1000

/** A table's rows in ascending `doc`, a page per read: `read` takes the last doc seen. */
export function* pagedRows<Row extends [number, ...unknown[]]>(read: Database.Statement): Generator<Row> {
  let after = -1
  for (;;) {
    const rows = read.all(after) as Row[]
    yield* rows
    if (rows.length < READ_PAGE) return
    after = rows[rows.length - 1][0]
  }
}
