import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'
import { cachingClient } from './statement-cache'

export type Db = BetterSQLite3Database<typeof schema>
// A transaction handle has the same query API as the database itself.
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export interface Database_ {
  db: Db
  sqlite: Database.Database
  file: string
  close(): void
}

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'db/migrations')

export function openDatabase(file: string, options: { migrate?: boolean } = {}): Database_ {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = NORMAL')
  // Writers queue behind each other instead of failing at once with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000')
  // drizzle's client only: direct users of `sqlite` keep their own prepared statements.
  const db = drizzle({ client: cachingClient(sqlite) as unknown as Database.Database, schema })
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  return { db, sqlite, file, close: () => sqlite.close() }
}

export { schema }
