import { and, asc, count, eq } from 'drizzle-orm'
import { memberships, organisations, users } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { enqueueOrganisation } from './search-sync.server'

export type Organisation = typeof organisations.$inferSelect

export function getOrganisation(organisationId: number): Organisation | null {
  return db.select().from(organisations).where(eq(organisations.id, organisationId)).get() ?? null
}

export function listMembers(organisationId: number) {
  return db
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(memberships.id))
    .all()
}

export function updateOrganisationProfile(
  actor: Actor,
  organisationId: number,
  input: Partial<Pick<Organisation, 'name' | 'shortName' | 'region' | 'city' | 'alliance' | 'size' | 'website' | 'description'>>,
): Result<Organisation, 'forbidden' | 'not_found'> {
  if (!can(actor, 'organisation:edit', { organisationId })) return refuse('forbidden')
  return db.transaction((tx) => {
    const before = tx.select().from(organisations).where(eq(organisations.id, organisationId)).get()
    if (!before) return refuse('not_found')
    const changes = before.type === 'company' ? input : { ...input, size: null }
    const after = tx.update(organisations).set(changes).where(eq(organisations.id, organisationId)).returning().get()
    audit(tx, auditActor(actor), 'organisation.updated', { type: 'organisation', id: organisationId }, before, after)
    enqueueOrganisation(tx, organisationId)
    return ok(after)
  })
}

/** The owner removes a member; an organisation always keeps at least one owner. */
export function removeMember(actor: Actor, membershipId: number): Result<null, 'forbidden' | 'not_found' | 'last_owner'> {
  return db.transaction((tx) => {
    const membership = tx.select().from(memberships).where(eq(memberships.id, membershipId)).get()
    if (!membership) return refuse('not_found')
    if (!can(actor, 'organisation:manage_members', { organisationId: membership.organisationId })) return refuse('forbidden')
    if (membership.role === 'owner') {
      const owners = tx
        .select({ n: count() })
        .from(memberships)
        .where(and(eq(memberships.organisationId, membership.organisationId), eq(memberships.role, 'owner')))
        .get()
      if ((owners?.n ?? 0) <= 1) return refuse('last_owner')
    }
    tx.delete(memberships).where(eq(memberships.id, membershipId)).run()
    audit(tx, auditActor(actor), 'membership.removed', { type: 'membership', id: membershipId }, membership, null)
    return ok(null)
  })
}

export function setMemberRole(
  actor: Actor,
  membershipId: number,
  role: 'owner' | 'member',
): Result<null, 'forbidden' | 'not_found' | 'last_owner'> {
  return db.transaction((tx) => {
    const membership = tx.select().from(memberships).where(eq(memberships.id, membershipId)).get()
    if (!membership) return refuse('not_found')
    if (!can(actor, 'organisation:manage_members', { organisationId: membership.organisationId })) return refuse('forbidden')
    if (membership.role === role) return ok(null)
    if (role === 'member') {
      const owners = tx
        .select({ n: count() })
        .from(memberships)
        .where(and(eq(memberships.organisationId, membership.organisationId), eq(memberships.role, 'owner')))
        .get()
      if ((owners?.n ?? 0) <= 1) return refuse('last_owner')
    }
    tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId)).run()
    audit(tx, auditActor(actor), 'membership.role_changed', { type: 'membership', id: membershipId }, { role: membership.role }, { role })
    return ok(null)
  })
}
