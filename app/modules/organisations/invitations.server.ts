import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { generateIdFromEntropySize } from 'lucia'
import { invitations, memberships, organisations, users } from '#db/schema'
import { db } from '~/db.server'
import { translator } from '~/i18n/translator.server'
import { auditActor } from '../auth/actor.server'
import { hashPassword } from '../auth/password.server'
import { audit } from '../audit/audit.server'
import { enqueueMail, publicLink } from '../mail/mail.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'

const INVITATION_DAYS = 7

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * The owner invites a person by e-mail; the link carries a one-time token (only its hash is kept).
 * A new invitation to the same address replaces the one still pending.
 */
export function inviteMember(
  actor: Actor,
  organisationId: number,
  input: { email: string },
): Result<{ link: string }, 'forbidden' | 'email_has_account'> {
  if (!can(actor, 'organisation:invite', { organisationId })) return refuse('forbidden')
  const token = randomBytes(24).toString('base64url')
  const link = publicLink(`/join/${token}`)
  return db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
      return refuse('email_has_account', { field: 'email' })
    }
    const now = new Date()
    tx.update(invitations)
      .set({ revokedAt: now.toISOString() })
      .where(
        and(
          eq(invitations.organisationId, organisationId),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .run()
    const invitation = tx
      .insert(invitations)
      .values({
        organisationId,
        email: input.email,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      })
      .returning()
      .get()
    const t = translator(actor.locale ?? 'ru')
    enqueueMail(tx, {
      to: input.email,
      subject: t('mail.invitation.subject', { organisation: actor.organisationName }),
      text: t('mail.invitation.text', { inviter: actor.name, organisation: actor.organisationName, link, days: INVITATION_DAYS }),
    })
    const { tokenHash: _secret, ...trace } = invitation
    audit(tx, auditActor(actor), 'invitation.created', { type: 'invitation', id: invitation.id }, null, trace)
    return ok({ link })
  })
}

export function revokeInvitation(actor: Actor, invitationId: number): Result<null, 'forbidden' | 'not_found'> {
  return db.transaction((tx) => {
    const invitation = tx.select().from(invitations).where(eq(invitations.id, invitationId)).get()
    if (!invitation) return refuse('not_found')
    if (!can(actor, 'organisation:invite', { organisationId: invitation.organisationId })) return refuse('forbidden')
    if (invitation.acceptedAt || invitation.revokedAt) return ok(null)
    const revokedAt = new Date().toISOString()
    tx.update(invitations).set({ revokedAt }).where(eq(invitations.id, invitationId)).run()
    audit(tx, auditActor(actor), 'invitation.revoked', { type: 'invitation', id: invitationId }, { revokedAt: null }, { revokedAt })
    return ok(null)
  })
}

export type InvitationView = { email: string; organisationName: string; organisationType: string }

/** A pending, unexpired invitation by its token, or a refusal that says why it cannot be used. */
export function findInvitation(token: string): Result<InvitationView & { id: number; organisationId: number }, 'invitation_invalid'> {
  const row = db
    .select({
      id: invitations.id,
      email: invitations.email,
      organisationId: invitations.organisationId,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      organisationName: organisations.name,
      organisationType: organisations.type,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .get()
  if (!row || row.acceptedAt || row.revokedAt || Date.parse(row.expiresAt) < Date.now()) return refuse('invitation_invalid')
  return ok(row)
}

/** Creates the invited person's account and makes them a member of the inviting organisation. */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
): Promise<Result<{ userId: string }, 'invitation_invalid' | 'email_taken'>> {
  const found = findInvitation(token)
  if (!found.ok) return found
  const passwordHash = await hashPassword(input.password)
  return db.transaction((tx) => {
    // Checked again inside the transaction: the same link may be used twice at once.
    const invitation = tx.select().from(invitations).where(eq(invitations.id, found.value.id)).get()
    if (!invitation || invitation.acceptedAt || invitation.revokedAt) return refuse('invitation_invalid')
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)).get()) {
      return refuse('email_taken')
    }
    const userId = generateIdFromEntropySize(10)
    tx.insert(users).values({ id: userId, email: invitation.email, name: input.name, passwordHash }).run()
    const membership = tx
      .insert(memberships)
      .values({ userId, organisationId: invitation.organisationId, role: 'member' })
      .returning()
      .get()
    const acceptedAt = new Date().toISOString()
    tx.update(invitations).set({ acceptedAt, acceptedBy: userId }).where(eq(invitations.id, invitation.id)).run()
    const actor = { userId, organisationId: invitation.organisationId }
    audit(tx, actor, 'invitation.accepted', { type: 'invitation', id: invitation.id }, { acceptedAt: null }, { acceptedAt, acceptedBy: userId })
    audit(tx, actor, 'membership.created', { type: 'membership', id: membership.id }, null, membership)
    return ok({ userId })
  })
}

export function listInvitations(organisationId: number) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .where(eq(invitations.organisationId, organisationId))
    .orderBy(desc(invitations.id))
    .limit(50)
    .all()
}
