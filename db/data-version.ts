import type Database from 'better-sqlite3'

// Figures that every page shows and that change far less often than pages are read (a workspace's
// counts in the menu, the cluster's figures on the home page) are computed once per state of the
// database and then reused. SQLite says when that state may have moved: `data_version` changes when any
// other connection commits (the background process, a restore), and `total_changes()` counts this
// connection's own writes. A value is also recomputed after MAX_AGE_MS, because the figures read the
// clock too (a claim's days under review, a deadline that passes).

const MAX_AGE_MS = 60_000
/** Kept per state of the database; a busier one starts afresh rather than grow without bound. */
const MAX_ENTRIES = 5_000

const versionStatements = new WeakMap<Database.Database, Database.Statement>()

/** Changes whenever the database may have changed, for this connection or any other. */
export function dataVersion(sqlite: Database.Database): string {
  let statement = versionStatements.get(sqlite)
  if (!statement) {
    statement = sqlite.prepare("SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version)").pluck()
    versionStatements.set(sqlite, statement)
  }
  return statement.get() as string
}

/**
 * `compute` for a key, reused while the database stays as it was when the value was computed and for
 * at most a minute. Values must not depend on anything but the key, the database and the clock.
 */
export function memoUntilDataChanges<K, V>(sqlite: () => Database.Database, keyOf: (key: K) => string, compute: (key: K) => V): (key: K) => V {
  let version: string | null = null
  const entries = new Map<string, { value: V; at: number }>()
  return (key) => {
    const current = dataVersion(sqlite())
    if (current !== version || entries.size >= MAX_ENTRIES) {
      entries.clear()
      version = current
    }
    const id = keyOf(key)
    const now = Date.now()
    const entry = entries.get(id)
    if (entry && now - entry.at < MAX_AGE_MS) return entry.value
    const value = compute(key)
    entries.set(id, { value, at: now })
    return value
  }
}
