import type Database from 'better-sqlite3'

// drizzle's better-sqlite3 session calls `client.prepare(sql)` for every query it runs, and SQLite
// compiles the statement anew each time: on a page of a dozen queries that compiling is a large share
// of the loader's time. The queries a page runs have the same SQL text each time (values are bound
// parameters), so the compiled statements are kept and reused. Bounded, because some SQL varies with
// its input (an IN list's length).
const DEFAULT_CAPACITY = 500

/** The part of a better-sqlite3 connection drizzle uses, with `prepare` answered from a cache. */
export interface CachingClient {
  prepare(sql: string): Database.Statement
  transaction: Database.Database['transaction']
}

export function cachingClient(sqlite: Database.Database, capacity = DEFAULT_CAPACITY): CachingClient {
  const statements = new Map<string, Database.Statement>()
  return {
    prepare(sql) {
      let statement = statements.get(sql)
      if (statement) {
        // Most recently used last, so the first entry is the one to drop when full.
        statements.delete(sql)
        // drizzle switches a statement to raw (array) rows for some calls and never back: a reused
        // statement starts from objects, as a fresh one would.
        if (statement.reader) statement.raw(false)
      } else {
        statement = sqlite.prepare(sql)
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!)
      }
      statements.set(sql, statement)
      return statement
    },
    transaction: (fn) => sqlite.transaction(fn),
  }
}
