import { eq } from 'drizzle-orm'
import { users } from '#db/schema'
import { db } from '~/db.server'
import type { Actor } from '../permissions/actor'
import { audit } from '../audit/audit.server'
import { ok, refuse, type Result } from '../result'
import { auditActor } from './actor.server'
import { lucia } from './lucia.server'
import { hashPassword, verifyPassword } from './password.server'
import { forgiveAttempt, minutesOf, passwordChangeLimits, reserveAttempt } from './rate-limit.server'

/**
 * Changes the actor's password and ends every session of theirs, on every device; the caller opens
 * a fresh one for the device that made the change.
 */
export async function changePassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<Result<{ sessionId: string }, 'wrong_password' | 'too_many_attempts'>> {
  // Counted before hashing, like a sign-in: a stolen session must not become a free password oracle.
  const limits = passwordChangeLimits(actor.userId)
  const reserved = reserveAttempt(limits)
  if (!reserved.ok) return refuse('too_many_attempts', { params: { minutes: minutesOf(reserved.waitMs) } })
  const user = db.select().from(users).where(eq(users.id, actor.userId)).get()
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return refuse('wrong_password', { field: 'currentPassword' })
  }
  forgiveAttempt(limits, [limits[0].key])
  const passwordHash = await hashPassword(input.newPassword)
  const changedAt = new Date().toISOString()
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, passwordChangedAt: changedAt }).where(eq(users.id, actor.userId)).run()
    audit(tx, auditActor(actor), 'user.password_changed', { type: 'user', id: actor.userId }, null, { changedAt })
  })
  await lucia.invalidateUserSessions(actor.userId)
  const session = await lucia.createSession(actor.userId, {})
  return ok({ sessionId: session.id })
}

export function updateProfile(actor: Actor, input: { name: string }): Result<null> {
  db.transaction((tx) => {
    const before = tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).get()
    tx.update(users).set({ name: input.name }).where(eq(users.id, actor.userId)).run()
    audit(tx, auditActor(actor), 'user.profile_updated', { type: 'user', id: actor.userId }, before, { name: input.name })
  })
  return ok(null)
}

/** The language a person chose sticks to their account. */
export function setLocale(actor: Actor, locale: 'ru' | 'en'): void {
  db.update(users).set({ locale }).where(eq(users.id, actor.userId)).run()
}

export async function openSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {})
  return session.id
}

export async function closeSession(sessionId: string): Promise<void> {
  await lucia.invalidateSession(sessionId)
}
