import type Database from 'better-sqlite3'
import { indexNames, type IndexName } from '../engine'

// Every index has its own tables, named from the fixed list of index names (never from input).
export interface IndexTables {
  /** doc (the integer rowid every table shares) ↔ id, and the document's filterable and sortable values. */
  documents: string
  /** doc → the document as given, read only for the page of hits (kept apart so that loading the
   * values never reads through the bodies). */
  bodies: string
  /** FTS5, contentless: one column of stemmed terms per searchable field. */
  fts: string
  /** term → number of documents containing it: the vocabulary that typo correction searches. */
  terms: string
  /** Every doc written since, so that each process can bring its in-memory columns up to date. */
  changes: string
}

export function tablesOf(index: IndexName): IndexTables {
  if (!indexNames.includes(index)) throw new Error(`unknown search index "${index}"`)
  const base = `search_${index}`
  return {
    documents: `${base}_documents`,
    bodies: `${base}_bodies`,
    fts: `${base}_fts`,
    terms: `${base}_terms`,
    changes: `${base}_changes`,
  }
}

/** One row per index: its settings, and counters that tell other processes their caches are stale. */
export function createRegistryTable(sqlite: Database.Database): void {
  sqlite.exec(`
    CREATE TABLE IF NOT EXISTS search_indexes (
      name TEXT PRIMARY KEY,
      settings TEXT NOT NULL,
      vocabulary_version INTEGER NOT NULL DEFAULT 0,
      generation INTEGER NOT NULL DEFAULT 0
    );
  `)
}

export function createIndexTables(sqlite: Database.Database, tables: IndexTables, searchableCount: number): void {
  const columns = Array.from({ length: searchableCount }, (_, i) => `c${i}`).join(', ')
  sqlite.exec(`
    CREATE TABLE IF NOT EXISTS ${tables.documents} (
      doc INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      field_values TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${tables.bodies} (
      doc INTEGER PRIMARY KEY,
      body TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${tables.terms} (
      term TEXT PRIMARY KEY,
      docs INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS ${tables.changes} (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      doc INTEGER NOT NULL
    );
    -- The analyzer has already split, folded and stemmed the text: 'ascii' only splits on spaces.
    CREATE VIRTUAL TABLE IF NOT EXISTS ${tables.fts} USING fts5(
      ${columns}, content='', contentless_delete=1, tokenize='ascii'
    );
  `)
}

/** Drops everything derived from the stored documents, which stay to be indexed again. */
export function dropDerivedTables(sqlite: Database.Database, tables: IndexTables): void {
  sqlite.exec(`
    DROP TABLE IF EXISTS ${tables.fts};
    DROP TABLE IF EXISTS ${tables.terms};
    DELETE FROM ${tables.changes};
  `)
}
