import { eq } from 'drizzle-orm'
import { memberships, organisations, users } from '#db/schema'
import { db } from '~/db.server'
import type { Actor } from '../permissions/actor'

export function loadActor(userId: string): Actor | null {
  const row = db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      isPlatformAdmin: users.isPlatformAdmin,
      organisationId: organisations.id,
      organisationType: organisations.type,
      organisationName: organisations.name,
      organisationShortName: organisations.shortName,
      verificationStatus: organisations.verificationStatus,
      membershipRole: memberships.role,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(users.id, userId))
    .get()
  if (!row) return null
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    locale: row.locale,
    isPlatformAdmin: row.isPlatformAdmin,
    organisationId: row.organisationId,
    organisationType: row.organisationType,
    organisationName: row.organisationName,
    organisationLabel: row.organisationShortName ?? row.organisationName,
    organisationVerified: row.verificationStatus === 'verified',
    membershipRole: row.membershipRole,
  }
}

/** The reference the audit trail keeps of an actor. */
export function auditActor(actor: Actor | null) {
  return actor ? { userId: actor.userId, organisationId: actor.organisationId } : null
}
