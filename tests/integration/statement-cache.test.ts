import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { openDatabase } from '../../db/client'
import { users } from '../../db/schema'
import { cachingClient } from '../../db/statement-cache'

// Pages run the same queries on every request: drizzle's statements are compiled once and reused,
// and a reused statement behaves as a freshly compiled one would.

describe('prepared statements are kept between queries', () => {
  test('a query run again reuses its compiled statement', () => {
    const sqlite = new Database(':memory:')
    sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)')
    const prepare = vi.spyOn(sqlite, 'prepare')
    const db = drizzle({ client: cachingClient(sqlite) as unknown as Database.Database })
    for (let id = 1; id <= 3; id++) db.run(sql`INSERT INTO t (id, name) VALUES (${id}, ${`n${id}`})`)
    for (let id = 1; id <= 3; id++) expect(db.get(sql`SELECT name FROM t WHERE id = ${id}`)).toEqual({ name: `n${id}` })
    expect(prepare).toHaveBeenCalledTimes(2)
  })

  test('a statement drizzle switched to rows as arrays gives objects again to a query that wants objects', () => {
    const { db, sqlite, close } = openDatabase(':memory:')
    sqlite.exec(`INSERT INTO users (id, email, name, password_hash) VALUES ('u1', 'a@example.test', 'A', '!')`)
    // A select with named fields reads its rows as arrays (raw mode) and maps them itself…
    const query = db.select({ id: users.id, email: users.email }).from(users)
    expect(query.get()).toEqual({ id: 'u1', email: 'a@example.test' })
    // …and the same SQL text run as a plain query gets the same compiled statement, and objects.
    const sameText = sql.raw(query.toSQL().sql)
    expect(db.get(sameText)).toEqual({ id: 'u1', email: 'a@example.test' })
    expect(query.all()).toEqual([{ id: 'u1', email: 'a@example.test' }])
    expect(db.all(sameText)).toEqual([{ id: 'u1', email: 'a@example.test' }])
    close()
  })

  test('a cache at capacity drops its least recently used statement and still answers', () => {
    const sqlite = new Database(':memory:')
    const prepare = vi.spyOn(sqlite, 'prepare')
    const db = drizzle({ client: cachingClient(sqlite, 2) as unknown as Database.Database })
    const one = () => db.get(sql`SELECT 1 AS n`)
    const two = () => db.get(sql`SELECT 2 AS n`)
    const three = () => db.get(sql`SELECT 3 AS n`)
    one(); two(); one(); three()
    expect(prepare).toHaveBeenCalledTimes(3)
    // "two" was the least recently used when "three" came: "one" is still kept, "two" is compiled again.
    expect(one()).toEqual({ n: 1 })
    expect(prepare).toHaveBeenCalledTimes(3)
    expect(two()).toEqual({ n: 2 })
    expect(prepare).toHaveBeenCalledTimes(4)
  })
})
