import type Database from 'better-sqlite3'
import type { IndexName, IndexSettings, SearchDocument } from '../engine'
import { DocumentColumns, fillColumns, mustReloadColumns, readLogPosition, refreshColumns } from './columns'
import { bodyRows, mustRebuildPostings, Postings, refreshPostings } from './postings'
import { tablesOf, type IndexTables } from './schema'
import { analyzeText, textOf } from './terms'
import { fieldValuesOf } from './values'
import { applyTermCounts, Vocabulary } from './vocabulary'

// The change log only has to reach back as far as a process that is behind by less than a full
// reload (see columns.ts); older entries are pruned on write.
const CHANGES_KEPT = 20_000
/** Documents loaded between two pauses of a first build: some tens of milliseconds of work. */
const BUILD_STEP = 500

/** One index with its settings as stored, its prepared statements, vocabulary and value columns. */
export class IndexStore {
  readonly tables: IndexTables
  readonly vocabulary: Vocabulary
  /** Fields held in memory for filters, facets and sorts. */
  readonly valueFields: string[]
  private readonly statements = new Map<string, Database.Statement>()
  private columns: DocumentColumns | null = null
  private postings: Postings | null = null
  private building: Promise<void> | null = null

  constructor(
    readonly sqlite: Database.Database,
    readonly name: IndexName,
    readonly settings: IndexSettings,
  ) {
    this.tables = tablesOf(name)
    this.vocabulary = new Vocabulary(sqlite, this.tables, name)
    this.valueFields = [...new Set([...settings.filterable, ...settings.sortable])]
  }

  /** Prepared once per SQL text. */
  statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql)
    if (!prepared) {
      if (this.statements.size > 200) this.statements.clear()
      prepared = this.sqlite.prepare(sql)
      this.statements.set(sql, prepared)
    }
    return prepared
  }

  /**
   * Resolves once the columns and postings are in memory and can be brought up to date from the
   * change log. A full build reads and analyses every document (seconds at 100k): it runs a step at a
   * time, pausing between steps, so that the server answers other requests meanwhile instead of
   * stopping for the first search after a start, a reindex or a bulk load. It starts from the change log's position before its
   * first read, so every write it might have missed is caught up on by the next search, as between
   * any two searches.
   */
  ready(): Promise<void> {
    const at = readLogPosition((sql) => this.statement(sql), this.name, this.tables)
    if (!mustReloadColumns(this.columns, at) && !mustRebuildPostings(this.postings, at)) return Promise.resolve()
    this.building ??= this.buildInSteps().finally(() => (this.building = null))
    return this.building
  }

  private async buildInSteps(): Promise<void> {
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve))
    const statement = (sql: string) => this.statement(sql)
    const { generation, latest: seq } = readLogPosition(statement, this.name, this.tables)
    const columns = new DocumentColumns(this.valueFields)
    for (const _step of fillColumns(columns, statement, this.tables, BUILD_STEP)) await pause()
    const postings = new Postings(this.settings.searchable)
    for (const _step of postings.build(bodyRows(statement, this.tables), BUILD_STEP)) await pause()
    columns.generation = postings.generation = generation
    columns.seq = postings.seq = seq
    this.columns = columns
    this.postings = postings
  }

  /** The documents' ids and values as of now; call inside the search's read transaction. */
  currentColumns(): DocumentColumns {
    this.columns = refreshColumns((sql) => this.statement(sql), this.name, this.tables, this.valueFields, this.columns)
    return this.columns
  }

  /** The postings of every document's text as of now; call inside the search's read transaction. */
  currentPostings(): Postings {
    this.postings = refreshPostings((sql) => this.statement(sql), this.name, this.tables, this.settings.searchable, this.postings)
    return this.postings
  }

  upsert(documents: SearchDocument[]): void {
    const { documents: docs, bodies, fts } = this.tables
    const columns = this.settings.searchable.map((_, i) => `c${i}`)
    const insertDocument = this.statement(`INSERT INTO ${docs} (id, field_values) VALUES (?, ?)`)
    const updateDocument = this.statement(`UPDATE ${docs} SET field_values = ? WHERE doc = ?`)
    const writeBody = this.statement(`INSERT OR REPLACE INTO ${bodies} (doc, body) VALUES (?, ?)`)
    const insertText = this.statement(
      `INSERT INTO ${fts} (rowid, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`,
    )
    for (const document of documents) {
      if (typeof document.id !== 'string' || document.id === '') throw new Error('a search document needs a string id')
    }
    this.sqlite.transaction(() => {
      const termCounts = new TermCounts()
      // One lookup for the whole batch: most documents of a large batch are new.
      const existing = this.existing(documents.map((document) => document.id))
      const written: number[] = []
      for (const document of documents) {
        const body = JSON.stringify(document)
        const fieldValues = JSON.stringify(fieldValuesOf(document, this.valueFields))
        const before = existing.get(document.id)
        let doc: number
        if (before) {
          doc = before.doc
          this.forgetText(doc, typeof before.body === 'string' ? JSON.parse(before.body) : before.body, termCounts)
          updateDocument.run(fieldValues, doc)
        } else {
          doc = Number(insertDocument.run(document.id, fieldValues).lastInsertRowid)
        }
        // A batch may name an id twice: the later one replaces the earlier.
        existing.set(document.id, { doc, body: document })
        writeBody.run(doc, body)
        const fieldTerms = this.termsOf(document)
        insertText.run(doc, ...fieldTerms.map((terms) => terms.join(' ')))
        termCounts.add(fieldTerms, +1)
        written.push(doc)
      }
      this.logChanges(written)
      this.afterWrite(termCounts.deltas)
    })()
  }

  delete(ids: string[]): void {
    const removeDocument = this.statement(`DELETE FROM ${this.tables.documents} WHERE doc = ?`)
    const removeBody = this.statement(`DELETE FROM ${this.tables.bodies} WHERE doc = ?`)
    this.sqlite.transaction(() => {
      const termCounts = new TermCounts()
      const removed: number[] = []
      for (const { doc, body } of this.existing(ids).values()) {
        this.forgetText(doc, JSON.parse(body as string), termCounts)
        removeDocument.run(doc)
        removeBody.run(doc)
        removed.push(doc)
      }
      this.logChanges(removed)
      this.afterWrite(termCounts.deltas)
    })()
  }

  clear(): void {
    const { documents, bodies, fts, terms, changes } = this.tables
    this.sqlite.transaction(() => {
      this.sqlite.exec(`
        DELETE FROM ${documents};
        DELETE FROM ${bodies};
        DELETE FROM ${terms};
        DELETE FROM ${changes};
        INSERT INTO ${fts} (${fts}) VALUES ('delete-all');
      `)
      this.statement(
        `UPDATE search_indexes SET generation = generation + 1, vocabulary_version = vocabulary_version + 1
         WHERE name = ?`,
      ).run(this.name)
    })()
  }

  count(): number {
    return this.statement(`SELECT count(*) FROM ${this.tables.documents}`).pluck().get() as number
  }

  /** The stored doc number and body of each of `ids` that the index holds. */
  private existing(ids: string[]): Map<string, { doc: number; body: string | SearchDocument }> {
    const { documents, bodies } = this.tables
    const rows = this.statement(
      `SELECT d.id, d.doc, b.body FROM ${documents} d JOIN ${bodies} b ON b.doc = d.doc
       WHERE d.id IN (SELECT value FROM json_each(?))`,
    )
      .raw()
      .all(JSON.stringify(ids)) as Array<[string, number, string]>
    return new Map(rows.map(([id, doc, body]) => [id, { doc, body }]))
  }

  /** Removes a document's text and takes its terms off the vocabulary counts. */
  private forgetText(doc: number, document: SearchDocument, termCounts: TermCounts): void {
    this.statement(`DELETE FROM ${this.tables.fts} WHERE rowid = ?`).run(doc)
    termCounts.add(this.termsOf(document), -1)
  }

  private termsOf(document: SearchDocument): string[][] {
    return this.settings.searchable.map((field) => analyzeText(textOf(document[field])))
  }

  private logChanges(docs: number[]): void {
    if (docs.length === 0) return
    this.statement(`INSERT INTO ${this.tables.changes} (doc) SELECT value FROM json_each(?)`).run(JSON.stringify(docs))
  }

  private afterWrite(termCounts: Map<string, number>): void {
    const { changes } = this.tables
    this.statement(`DELETE FROM ${changes} WHERE seq <= (SELECT max(seq) FROM ${changes}) - ?`).run(CHANGES_KEPT)
    if (applyTermCounts(this.sqlite, this.tables, termCounts)) {
      this.statement('UPDATE search_indexes SET vocabulary_version = vocabulary_version + 1 WHERE name = ?').run(this.name)
    }
  }
}

/** How many documents gain (or lose) each term; a term counts once per document, however often it repeats. */
class TermCounts {
  readonly deltas = new Map<string, number>()
  private readonly lastDocument = new Map<string, number>()
  private documents = 0

  add(fieldTerms: string[][], sign: 1 | -1): void {
    const document = ++this.documents
    for (const terms of fieldTerms) {
      for (const term of terms) {
        if (this.lastDocument.get(term) === document) continue
        this.lastDocument.set(term, document)
        this.deltas.set(term, (this.deltas.get(term) ?? 0) + sign)
      }
    }
  }
}
