import { eq, or } from 'drizzle-orm'
import { generateIdFromEntropySize } from 'lucia'
import type { DbOrTx } from '#db/client'
import { memberships, organisations, users } from '#db/schema'
import { db } from '~/db.server'
import type { SignUpInput } from '../organisations/schemas'
import { enqueueOrganisation } from '../organisations/search-sync.server'
import { audit } from '../audit/audit.server'
import { ok, refuse, type Result } from '../result'
import { hashPassword } from './password.server'
import { minutesOf, reserveAttempt, signUpLimits } from './rate-limit.server'

function takenBy(tx: DbOrTx, input: SignUpInput) {
  if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) return refuse('email_taken', { field: 'email' })
  const clash = tx
    .select({ inn: organisations.inn, ogrn: organisations.ogrn })
    .from(organisations)
    .where(or(eq(organisations.inn, input.inn), eq(organisations.ogrn, input.ogrn)))
    .get()
  if (clash?.inn === input.inn) return refuse('inn_taken', { field: 'inn' })
  if (clash) return refuse('ogrn_taken', { field: 'ogrn' })
  return null
}

export type SignUpRefusal = 'email_taken' | 'inn_taken' | 'ogrn_taken' | 'too_many_attempts'

/**
 * Creates a person together with the organisation they register; they become its owner. The new
 * organisation stays unverified until the administration checks it.
 *
 * A sign-up from the web names its address (`clientIp`) and is rate-limited by it. A taken e-mail,
 * INN or OGRN is refused before the password is hashed, and checked again in the transaction.
 */
export async function signUp(input: SignUpInput, from: { clientIp?: string } = {}): Promise<Result<{ userId: string; organisationId: number }, SignUpRefusal>> {
  // Counted first: the answer "e-mail taken" is no free oracle either.
  if (from.clientIp !== undefined) {
    const reserved = reserveAttempt(signUpLimits(from.clientIp))
    if (!reserved.ok) return refuse('too_many_attempts', { params: { minutes: minutesOf(reserved.waitMs) } })
  }
  const taken = takenBy(db, input)
  if (taken) return taken
  const passwordHash = await hashPassword(input.password)
  return db.transaction((tx) => {
    const takenMeanwhile = takenBy(tx, input)
    if (takenMeanwhile) return takenMeanwhile

    const userId = generateIdFromEntropySize(10)
    tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash }).run()
    const isCompany = input.organisationType === 'company'
    const organisation = tx
      .insert(organisations)
      .values({
        type: input.organisationType,
        name: input.organisationName,
        shortName: input.shortName || null,
        inn: input.inn,
        ogrn: input.ogrn,
        region: input.region,
        city: input.city || null,
        alliance: input.alliance ?? null,
        size: isCompany ? (input.size ?? null) : null,
        isState: isCompany ? false : input.isState,
        website: input.website || null,
      })
      .returning()
      .get()
    const membership = tx
      .insert(memberships)
      .values({ userId, organisationId: organisation.id, role: 'owner' })
      .returning()
      .get()
    const actor = { userId, organisationId: organisation.id }
    audit(tx, actor, 'organisation.created', { type: 'organisation', id: organisation.id }, null, organisation)
    audit(tx, actor, 'membership.created', { type: 'membership', id: membership.id }, null, membership)
    enqueueOrganisation(tx, organisation.id)
    return ok({ userId, organisationId: organisation.id })
  })
}
