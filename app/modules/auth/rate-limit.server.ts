import { eq, inArray } from 'drizzle-orm'
import { loginAttempts } from '#db/schema'
import { db } from '~/db.server'

// Sign-in attempts: at most 5 failures per account and 20 per address in a 15-minute window.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_ADDRESS = 20

export function signInKeys(email: string, clientIp: string) {
  return { account: `account:${email}`, address: `address:${clientIp}` }
}

/** Milliseconds until another attempt is allowed, or 0 when neither key is locked. */
export function lockedFor(keys: { account: string; address: string }, now = Date.now()): number {
  const rows = db
    .select()
    .from(loginAttempts)
    .where(inArray(loginAttempts.key, [keys.account, keys.address]))
    .all()
  let wait = 0
  for (const row of rows) {
    const limit = row.key === keys.account ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_ADDRESS
    const endsAt = Date.parse(row.windowStart) + SIGN_IN_WINDOW_MS
    if (row.failures >= limit && endsAt > now) wait = Math.max(wait, endsAt - now)
  }
  return wait
}

export function recordFailure(keys: { account: string; address: string }, now = Date.now()): void {
  db.transaction((tx) => {
    for (const key of [keys.account, keys.address]) {
      const row = tx.select().from(loginAttempts).where(eq(loginAttempts.key, key)).get()
      const windowOver = !row || Date.parse(row.windowStart) + SIGN_IN_WINDOW_MS <= now
      const values = windowOver
        ? { key, windowStart: new Date(now).toISOString(), failures: 1 }
        : { key, windowStart: row.windowStart, failures: row.failures + 1 }
      tx.insert(loginAttempts)
        .values(values)
        .onConflictDoUpdate({ target: loginAttempts.key, set: values })
        .run()
    }
  })
}

export function clearFailures(key: string): void {
  db.delete(loginAttempts).where(eq(loginAttempts.key, key)).run()
}
