import type Database from 'better-sqlite3'
import type { IndexName, IndexSettings, SearchDocument } from '../engine'
import { refreshColumns, type DocumentColumns } from './columns'
import { refreshPostings, type Postings } from './postings'
import { tablesOf, type IndexTables } from './schema'
import { analyzeText, textOf } from './terms'
import { fieldValuesOf } from './values'
import { applyTermCounts, Vocabulary } from './vocabulary'

// The change log only has to reach back as far as a process that is behind by less than a full
// reload (see columns.ts); older entries are pruned on write.
const CHANGES_KEPT = 20_000

/** One index with its settings as stored, its prepared statements, vocabulary and value columns. */
export class IndexStore {
  readonly tables: IndexTables
  readonly vocabulary: Vocabulary
  /** Fields held in memory for filters, facets and sorts. */
  readonly valueFields: string[]
  private readonly statements = new Map<string, Database.Statement>()
  private columns: DocumentColumns | null = null
  private postings: Postings | null = null

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
    const find = this.findStatement()
    const insertDocument = this.statement(`INSERT INTO ${docs} (id, field_values) VALUES (?, ?)`)
    const updateDocument = this.statement(`UPDATE ${docs} SET field_values = ? WHERE doc = ?`)
    const writeBody = this.statement(`INSERT OR REPLACE INTO ${bodies} (doc, body) VALUES (?, ?)`)
    const insertText = this.statement(
      `INSERT INTO ${fts} (rowid, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`,
    )
    this.sqlite.transaction(() => {
      const termCounts = new Map<string, number>()
      for (const document of documents) {
        if (typeof document.id !== 'string' || document.id === '') throw new Error('a search document needs a string id')
        const body = JSON.stringify(document)
        const fieldValues = JSON.stringify(fieldValuesOf(document, this.valueFields))
        const existing = find.get(document.id) as { doc: number; body: string } | undefined
        let doc: number
        if (existing) {
          doc = existing.doc
          this.forgetText(doc, JSON.parse(existing.body), termCounts)
          updateDocument.run(fieldValues, doc)
        } else {
          doc = Number(insertDocument.run(document.id, fieldValues).lastInsertRowid)
        }
        writeBody.run(doc, body)
        const fieldTerms = this.termsOf(document)
        insertText.run(doc, ...fieldTerms.map((terms) => terms.join(' ')))
        count(termCounts, fieldTerms, +1)
        this.logChange(doc)
      }
      this.afterWrite(termCounts)
    })()
  }

  delete(ids: string[]): void {
    const find = this.findStatement()
    const removeDocument = this.statement(`DELETE FROM ${this.tables.documents} WHERE doc = ?`)
    const removeBody = this.statement(`DELETE FROM ${this.tables.bodies} WHERE doc = ?`)
    this.sqlite.transaction(() => {
      const termCounts = new Map<string, number>()
      for (const id of ids) {
        const existing = find.get(id) as { doc: number; body: string } | undefined
        if (!existing) continue
        this.forgetText(existing.doc, JSON.parse(existing.body), termCounts)
        removeDocument.run(existing.doc)
        removeBody.run(existing.doc)
        this.logChange(existing.doc)
      }
      this.afterWrite(termCounts)
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

  private findStatement(): Database.Statement {
    const { documents, bodies } = this.tables
    return this.statement(`SELECT d.doc, b.body FROM ${documents} d JOIN ${bodies} b ON b.doc = d.doc WHERE d.id = ?`)
  }

  /** Removes a document's text and takes its terms off the vocabulary counts. */
  private forgetText(doc: number, document: SearchDocument, termCounts: Map<string, number>): void {
    this.statement(`DELETE FROM ${this.tables.fts} WHERE rowid = ?`).run(doc)
    count(termCounts, this.termsOf(document), -1)
  }

  private termsOf(document: SearchDocument): string[][] {
    return this.settings.searchable.map((field) => analyzeText(textOf(document[field])))
  }

  private logChange(doc: number): void {
    this.statement(`INSERT INTO ${this.tables.changes} (doc) VALUES (?)`).run(doc)
  }

  private afterWrite(termCounts: Map<string, number>): void {
    const { changes } = this.tables
    this.statement(`DELETE FROM ${changes} WHERE seq <= (SELECT max(seq) FROM ${changes}) - ?`).run(CHANGES_KEPT)
    if (applyTermCounts(this.sqlite, this.tables, termCounts)) {
      this.statement('UPDATE search_indexes SET vocabulary_version = vocabulary_version + 1 WHERE name = ?').run(this.name)
    }
  }
}

/** A term counts once per document, however often the document repeats it. */
function count(termCounts: Map<string, number>, fieldTerms: string[][], sign: 1 | -1): void {
  for (const term of new Set(fieldTerms.flat())) termCounts.set(term, (termCounts.get(term) ?? 0) + sign)
}
