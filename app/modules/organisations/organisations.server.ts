import { and, asc, count, eq, ne, or } from 'drizzle-orm'
import { memberships, organisations, users } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import type { Actor } from '../permissions/actor'
import { scienceOrganisationTypes } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { enqueueOrganisation } from './search-sync.server'

export type Organisation = typeof organisations.$inferSelect

export function getOrganisation(organisationId: number): Organisation | null {
  return db.select().from(organisations).where(eq(organisations.id, organisationId)).get() ?? null
}

/**
 * The organisation's people as one of them sees them: everyone's name and role, but e-mail addresses
 * only for whoever manages the members (the owner). Colleagues reach each other inside the platform.
 */
export function listMembers(actor: Actor, organisationId: number) {
  const showEmail = can(actor, 'organisation:manage_members', { organisationId })
  return db
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(memberships.id))
    .all()
    .map((member) => ({ ...member, email: showEmail ? member.email : null }))
}

/**
 * An organisation's public card: the registration facts a partner may check, nothing about its
 * people, its contacts or its internal notes. Null for one that does not exist or was archived.
 */
export function publicOrganisationCard(organisationId: number) {
  const organisation = getOrganisation(organisationId)
  if (!organisation || organisation.archivedAt) return null
  const { id, type, name, shortName, inn, ogrn, region, city, alliance, website, description, verificationStatus, identityChangedAt } = organisation
  return { id, type, name, shortName, inn, ogrn, region, city, alliance, website, description, verificationStatus, identityChangedAt }
}

/** What the administration checked when it verified an organisation: changing any of it undoes the check. */
export const identityFields = ['name', 'shortName', 'inn', 'ogrn', 'type', 'isState'] as const
export type IdentityField = (typeof identityFields)[number]

export function changedIdentityFields(before: Pick<Organisation, IdentityField>, after: Partial<Pick<Organisation, IdentityField>>): IdentityField[] {
  return identityFields.filter((field) => after[field] !== undefined && after[field] !== before[field])
}

export type ProfileInput = Partial<
  Pick<Organisation, 'name' | 'shortName' | 'inn' | 'ogrn' | 'type' | 'isState' | 'region' | 'city' | 'alliance' | 'size' | 'website' | 'description'>
>

/**
 * The organisation edits its profile. A change of who it is (legal name, INN/OGRN, type, state
 * status) makes a verified organisation unverified until the administration checks it again: a
 * badge earned under one name must not carry over to another (issue 12, item 7).
 */
export function updateOrganisationProfile(
  actor: Actor,
  organisationId: number,
  input: ProfileInput,
): Result<Organisation, 'forbidden' | 'not_found' | 'inn_taken' | 'ogrn_taken' | 'type_not_changeable'> {
  if (!can(actor, 'organisation:edit', { organisationId })) return refuse('forbidden')
  return db.transaction((tx) => {
    const before = tx.select().from(organisations).where(eq(organisations.id, organisationId)).get()
    if (!before) return refuse('not_found')
    // A company and a science organisation see different pages and own different records, so the
    // type may change only within science (university, institute, research organisation).
    if (input.type !== undefined && input.type !== before.type) {
      if (!scienceOrganisationTypes.includes(before.type) || !scienceOrganisationTypes.includes(input.type)) return refuse('type_not_changeable', { field: 'type' })
    }
    const inn = input.inn ?? before.inn
    const ogrn = input.ogrn ?? before.ogrn
    const clash = tx
      .select({ inn: organisations.inn })
      .from(organisations)
      .where(and(ne(organisations.id, organisationId), or(eq(organisations.inn, inn), eq(organisations.ogrn, ogrn))))
      .get()
    if (clash?.inn === inn) return refuse('inn_taken', { field: 'inn' })
    if (clash) return refuse('ogrn_taken', { field: 'ogrn' })

    const changes: ProfileInput = before.type === 'company' ? { ...input, isState: false } : { ...input, size: null }
    const identityChanged = changedIdentityFields(before, changes)
    const resetVerification = identityChanged.length > 0 && before.verificationStatus === 'verified'
    const after = tx
      .update(organisations)
      .set(resetVerification ? { ...changes, verificationStatus: 'unverified', verificationNote: null, identityChangedAt: new Date().toISOString() } : changes)
      .where(eq(organisations.id, organisationId))
      .returning()
      .get()
    audit(tx, auditActor(actor), 'organisation.updated', { type: 'organisation', id: organisationId }, before, after)
    if (resetVerification) {
      const fields = Object.fromEntries(identityChanged.map((f) => [f, before[f]]))
      const now = Object.fromEntries(identityChanged.map((f) => [f, after[f]]))
      audit(tx, auditActor(actor), 'organisation.verification_reset', { type: 'organisation', id: organisationId }, { verificationStatus: before.verificationStatus, ...fields }, { verificationStatus: after.verificationStatus, ...now })
    }
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
