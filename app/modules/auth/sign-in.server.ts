import { eq } from 'drizzle-orm'
import { users } from '#db/schema'
import { db } from '~/db.server'
import { ok, refuse, type Result } from '../result'
import { decoyPasswordHash, verifyPassword } from './password.server'
import { clearFailures, lockedFor, recordFailure, signInKeys } from './rate-limit.server'

export type SignInRefusal = 'invalid_credentials' | 'rate_limited'

/**
 * Checks an e-mail and password. A wrong password and an unknown e-mail get the same answer in the
 * same time; repeated failures lock the account and the address for a while.
 */
export async function signIn(input: { email: string; password: string; clientIp: string }): Promise<Result<{ userId: string }, SignInRefusal>> {
  const keys = signInKeys(input.email, input.clientIp)
  const wait = lockedFor(keys)
  if (wait > 0) return refuse('rate_limited', { params: { minutes: Math.ceil(wait / 60_000) } })

  const user = db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, input.email)).get()
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password)
  if (!user || !valid) {
    recordFailure(keys)
    return refuse('invalid_credentials')
  }
  clearFailures(keys.account)
  return ok({ userId: user.id })
}
