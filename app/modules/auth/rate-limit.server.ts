import { and, eq, inArray } from 'drizzle-orm'
import { loginAttempts, signInAddresses } from '#db/schema'
import { db } from '~/db.server'

// Attempts that cost a password hash (sign-in, sign-up, password change) are counted per key. Each
// key allows a few attempts freely; after that every further attempt must wait, twice as long each
// time, up to a ceiling: a back-off, never a lock that someone else can hold on an account forever.
// An attempt counts before its password is checked, in one synchronous transaction, so parallel
// attempts cannot all slip through before the first failure is written.

export const FIRST_DELAY_MS = 30 * 1000
export const MAX_DELAY_MS = 15 * 60 * 1000
/** A key left alone this long after its back-off ends starts afresh. */
export const QUIET_RESET_MS = 15 * 60 * 1000

/** Sign-in: failures one account and one address may have before the back-off starts. */
export const FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5
/** Failures an address may have over all accounts, and an account from addresses it never signed in from. */
export const FREE_FAILURES_PER_ADDRESS = 20
export const FREE_FAILURES_PER_ACCOUNT_ELSEWHERE = 20
/** Sign-ups from one address, and password changes by one person, before the back-off starts. */
export const FREE_SIGN_UPS_PER_ADDRESS = 10
export const FREE_PASSWORD_CHANGES = 5

export interface Limit {
  key: string
  free: number
}

export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0
  return Math.min(FIRST_DELAY_MS * 2 ** Math.min(failures - free, 20), MAX_DELAY_MS)
}

type Row = typeof loginAttempts.$inferSelect

function current(row: Row | undefined, now: number): Row | undefined {
  if (!row) return undefined
  const allowedFrom = row.nextAttemptAt ? Date.parse(row.nextAttemptAt) : Date.parse(row.windowStart)
  return allowedFrom + QUIET_RESET_MS <= now ? undefined : row
}

/**
 * Counts an attempt against every key, unless one of them is still backing off: then nothing is
 * counted and the caller learns how long to wait.
 */
export function reserveAttempt(limits: Limit[], now = Date.now()): { ok: true } | { ok: false; waitMs: number } {
  return db.transaction(
    (tx) => {
      const rows = new Map(
        tx
          .select()
          .from(loginAttempts)
          .where(inArray(loginAttempts.key, limits.map((l) => l.key)))
          .all()
          .map((r) => [r.key, r]),
      )
      let waitMs = 0
      for (const { key } of limits) {
        const row = current(rows.get(key), now)
        if (row?.nextAttemptAt) waitMs = Math.max(waitMs, Date.parse(row.nextAttemptAt) - now)
      }
      if (waitMs > 0) return { ok: false as const, waitMs }
      for (const { key, free } of limits) {
        const row = current(rows.get(key), now)
        const failures = (row?.failures ?? 0) + 1
        const values = { key, windowStart: row?.windowStart ?? new Date(now).toISOString(), failures, nextAttemptAt: new Date(now + delayAfter(failures, free)).toISOString() }
        tx.insert(loginAttempts).values(values).onConflictDoUpdate({ target: loginAttempts.key, set: values }).run()
      }
      return { ok: true as const }
    },
    { behavior: 'immediate' },
  )
}

/** The attempt succeeded: the keys named in `clear` start afresh, the others take the attempt back. */
export function forgiveAttempt(limits: Limit[], clear: readonly string[], now = Date.now()): void {
  db.transaction((tx) => {
    for (const { key, free } of limits) {
      if (clear.includes(key)) {
        tx.delete(loginAttempts).where(eq(loginAttempts.key, key)).run()
        continue
      }
      const row = tx.select().from(loginAttempts).where(eq(loginAttempts.key, key)).get()
      if (!row) continue
      const failures = Math.max(0, row.failures - 1)
      tx.update(loginAttempts)
        .set({ failures, nextAttemptAt: new Date(now + delayAfter(failures, free)).toISOString() })
        .where(eq(loginAttempts.key, key))
        .run()
    }
  })
}

/**
 * What a sign-in counts against: the account from this address; the address over all accounts; and
 * the account as a whole only from places its owner never signed in from, so that an attack from
 * elsewhere never keeps the owner out of their usual place.
 */
export function signInLimits(email: string, clientIp: string, usualAddress: boolean): Limit[] {
  return [
    { key: `pair:${email}|${clientIp}`, free: FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS },
    { key: `address:${clientIp}`, free: FREE_FAILURES_PER_ADDRESS },
    ...(usualAddress ? [] : [{ key: `account:${email}`, free: FREE_FAILURES_PER_ACCOUNT_ELSEWHERE }]),
  ]
}

export function isUsualAddress(userId: string | undefined, clientIp: string): boolean {
  if (!userId) return false
  return Boolean(db.select({ userId: signInAddresses.userId }).from(signInAddresses).where(and(eq(signInAddresses.userId, userId), eq(signInAddresses.address, clientIp))).get())
}

export function rememberAddress(userId: string, clientIp: string, now = new Date()): void {
  const values = { userId, address: clientIp, lastSeenAt: now.toISOString() }
  db.insert(signInAddresses)
    .values(values)
    .onConflictDoUpdate({ target: [signInAddresses.userId, signInAddresses.address], set: { lastSeenAt: values.lastSeenAt } })
    .run()
}

export const signUpLimits = (clientIp: string): Limit[] => [{ key: `signup:${clientIp}`, free: FREE_SIGN_UPS_PER_ADDRESS }]
export const passwordChangeLimits = (userId: string): Limit[] => [{ key: `password:${userId}`, free: FREE_PASSWORD_CHANGES }]

/** Whole minutes to tell a person to wait. */
export const minutesOf = (waitMs: number) => Math.max(1, Math.ceil(waitMs / 60_000))
