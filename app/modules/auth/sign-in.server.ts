import { eq } from 'drizzle-orm'
import { users } from '#db/schema'
import { db } from '~/db.server'
import { ok, refuse, type Result } from '../result'
import { decoyPasswordHash, verifyPassword } from './password.server'
import { forgiveAttempt, isUsualAddress, minutesOf, rememberAddress, reserveAttempt, signInLimits } from './rate-limit.server'

export type SignInRefusal = 'invalid_credentials' | 'rate_limited'

/**
 * Checks an e-mail and password. A wrong password and an unknown e-mail get the same answer in the
 * same time. The attempt is counted before the password is hashed; repeated failures make the next
 * attempt wait (rate-limit.server.ts), never from the owner's usual place because of others' failures.
 */
export async function signIn(input: { email: string; password: string; clientIp: string }): Promise<Result<{ userId: string }, SignInRefusal>> {
  const user = db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, input.email)).get()
  const limits = signInLimits(input.email, input.clientIp, isUsualAddress(user?.id, input.clientIp))
  const reserved = reserveAttempt(limits)
  if (!reserved.ok) return refuse('rate_limited', { params: { minutes: minutesOf(reserved.waitMs) } })

  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password)
  if (!user || !valid) return refuse('invalid_credentials')
  // Success: this place's failures are forgiven, the others' counts take this attempt back.
  forgiveAttempt(limits, [limits[0].key])
  rememberAddress(user.id, input.clientIp)
  return ok({ userId: user.id })
}
