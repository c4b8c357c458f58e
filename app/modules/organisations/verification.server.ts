import { asc, count, desc, eq } from 'drizzle-orm'
import { memberships, organisations, users } from '#db/schema'
import type { VerificationStatus } from '#db/schema'
import { db } from '~/db.server'
import { translator } from '~/i18n/translator.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { enqueueMail } from '../mail/mail.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { enqueueOrganisation } from './search-sync.server'

export const VERIFICATION_PAGE_SIZE = 20

export function listOrganisationsForVerification(actor: Actor, status: VerificationStatus, page: number) {
  if (!can(actor, 'organisation:verify')) return refuse('forbidden')
  const where = eq(organisations.verificationStatus, status)
  const total = db.select({ n: count() }).from(organisations).where(where).get()?.n ?? 0
  const rows = db
    .select()
    .from(organisations)
    .where(where)
    .orderBy(status === 'unverified' ? asc(organisations.createdAt) : desc(organisations.verifiedAt))
    .limit(VERIFICATION_PAGE_SIZE)
    .offset((page - 1) * VERIFICATION_PAGE_SIZE)
    .all()
  const counts = Object.fromEntries(
    db
      .select({ status: organisations.verificationStatus, n: count() })
      .from(organisations)
      .groupBy(organisations.verificationStatus)
      .all()
      .map((r) => [r.status, r.n]),
  ) as Partial<Record<VerificationStatus, number>>
  return ok({ rows, total, counts })
}

/** The administration verifies an organisation or rejects it with a reason; its owners are told. */
export function decideVerification(
  actor: Actor,
  input: { organisationId: number; decision: 'verify' | 'reject'; note?: string },
): Result<null, 'forbidden' | 'not_found' | 'reason_required'> {
  if (!can(actor, 'organisation:verify')) return refuse('forbidden')
  if (input.decision === 'reject' && !input.note) return refuse('reason_required', { field: 'note' })
  return db.transaction((tx) => {
    const before = tx.select().from(organisations).where(eq(organisations.id, input.organisationId)).get()
    if (!before) return refuse('not_found')
    const after = tx
      .update(organisations)
      .set({
        verificationStatus: input.decision === 'verify' ? 'verified' : 'rejected',
        verificationNote: input.note ?? null,
        verifiedAt: new Date().toISOString(),
        verifiedBy: actor.userId,
        identityChangedAt: null,
      })
      .where(eq(organisations.id, input.organisationId))
      .returning()
      .get()
    audit(tx, auditActor(actor), `organisation.${input.decision === 'verify' ? 'verified' : 'rejected'}`, { type: 'organisation', id: before.id }, before, after)
    enqueueOrganisation(tx, before.id)
    const owners = tx
      .select({ email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organisationId, before.id))
      .all()
    for (const owner of owners) {
      const t = translator(owner.locale ?? 'ru')
      enqueueMail(tx, {
        to: owner.email,
        subject: t(`mail.verification.${input.decision}.subject`, { organisation: before.name }),
        text: t(`mail.verification.${input.decision}.text`, { organisation: before.name, note: input.note ?? '' }),
      })
    }
    return ok(null)
  })
}
