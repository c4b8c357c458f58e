import { and, eq, isNull, sql } from 'drizzle-orm'
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core'
import type { Tx } from '#db/client'
import type { ClaimDecision } from '#db/schema/claim-values'
import { claimPayments, compensationClaims, programmes } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { isIsoDate, regionToday } from '../calendar/calendar'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { recordMovement } from '../agreements/ledger.server'
import { assess } from './assess.server'
import { activePaymentIds, loadClaim, type ClaimRow } from './claims.server'
import { notifyClaimant } from './notices.server'

export interface DecisionInput {
  decision: ClaimDecision
  /** For a partial approval: the smaller amount, in kopecks. Ignored otherwise. */
  amount?: number
  reason: string
  /** The claim's revision the reviewer saw: a claim changed since is not decided blind. */
  revision: number
}

export type DecisionRefusal =
  | 'forbidden'
  | 'not_found'
  | 'reason_required'
  | 'claim_not_submitted'
  | 'claim_changed'
  | 'amount_positive'
  | 'amount_not_below_requested'
  | 'amount_above_eligible'
  | 'budget_exhausted'
  | 'contractor_not_verified'
  | 'contractor_affiliated'
  | 'affiliation_not_checked'
  | 'decided_by_selection'

const money = (k: number) => kopecksToDecimal(k as Kopecks)

/** Thrown inside a transaction to undo it when a conditional write finds the row changed under it. */
export class ConcurrentChange extends Error {}

/**
 * The administration decides a submitted claim: approve (the requested amount), approve a smaller
 * amount, return it for correction, or reject it; always with a written reason.
 *
 * An approval reserves its amount against the programme's budget in the same transaction, by a
 * conditional UPDATE that only succeeds while enough remains. The transaction takes SQLite's write
 * lock at BEGIN (IMMEDIATE), so reviewers approving at the same moment, in any number of processes,
 * are serialised and each sees what the others reserved; the CHECK on the programmes table is the
 * last line: the budget cannot go below zero even if this code were wrong.
 */
export function decideClaim(actor: Actor, claimId: number, input: DecisionInput): Result<{ status: ClaimRow['status'] }, DecisionRefusal> {
  if (!can(actor, 'claim:review')) return refuse('forbidden')
  const seen = loadClaim(db, claimId)
  if (!seen) return refuse('not_found')
  if (!can(actor, 'claim:decide', { companyId: seen.companyId })) return refuse('forbidden')
  const reason = input.reason?.trim() ?? ''
  if (!reason) return refuse('reason_required', { field: 'reason' })
  if (input.decision === 'approve_partial' && !(Number.isSafeInteger(input.amount) && input.amount! > 0)) return refuse('amount_positive', { field: 'amount' })
  try {
    return db.transaction(
      (tx) => {
        // A competitive programme's claims are decided together, by the close of its round.
        const programme = tx.select({ selectionMode: programmes.selectionMode }).from(programmes).where(eq(programmes.id, seen.programmeId)).get()!
        if (programme.selectionMode === 'competitive') return refuse('decided_by_selection')
        return decideWithin(tx, actor, claimId, { ...input, reason })
      },
      { behavior: 'immediate' },
    )
  } catch (error) {
    if (error instanceof ConcurrentChange) return refuse('claim_changed')
    throw error
  }
}

/**
 * The decision itself, inside the caller's write transaction: decideClaim's for one claim, and a
 * competitive round's close for all its applications at once (selection/round.server.ts), so both
 * reserve budget by the same conditional UPDATE. Throws ConcurrentChange when a row changed under it.
 */
export function decideWithin(tx: Tx, actor: Actor, claimId: number, input: DecisionInput): Result<{ status: ClaimRow['status'] }, DecisionRefusal> {
  const reason = input.reason
  const claim = loadClaim(tx, claimId)!
  if (claim.status !== 'submitted') return refuse('claim_not_submitted')
  if (claim.revision !== input.revision) return refuse('claim_changed')
  const now = new Date().toISOString()
  const decided = { decisionReason: reason, decidedAt: now, decidedBy: actor.userId, revision: claim.revision + 1, updatedAt: now }
  const unchanged = and(eq(compensationClaims.id, claim.id), eq(compensationClaims.status, 'submitted'), eq(compensationClaims.revision, claim.revision))

  if (input.decision === 'return' || input.decision === 'reject') {
    const status = input.decision === 'return' ? ('returned' as const) : ('rejected' as const)
    const after = tx.update(compensationClaims).set({ ...decided, status }).where(unchanged).returning().get()
    if (!after) throw new ConcurrentChange()
    // A rejection is final for this claim: its payments are released. A returned claim keeps
    // them while the company corrects it.
    if (status === 'rejected') tx.update(claimPayments).set({ releasedAt: now }).where(and(eq(claimPayments.claimId, claim.id), isNull(claimPayments.releasedAt))).run()
    audit(tx, auditActor(actor), `claim.${status}`, { type: 'claim', id: claim.id }, claim, after)
    notifyClaimant(tx, claim.companyId, claim.id, { kind: status === 'returned' ? 'claimReturned' : 'claimRejected', params: { claim: claim.id, reason } })
    return ok({ status })
  }

  const requested = claim.requestedKopecks ?? 0
  const amount = input.decision === 'approve' ? requested : input.amount!
  if (amount <= 0) return refuse('amount_positive', { field: 'amount' })
  if (input.decision === 'approve_partial' && amount >= requested) return refuse('amount_not_below_requested', { field: 'amount', params: { requested: money(requested) } })
  // The rules again, with today's budget and today's approvals of the company's other claims.
  const programme = tx.select().from(programmes).where(eq(programmes.id, claim.programmeId)).get()!
  const { assessment } = assess(tx, {
    programme,
    contractId: claim.contractId,
    companyId: claim.companyId,
    paymentIds: activePaymentIds(tx, claim.id),
    claimId: claim.id,
    resubmission: true,
  })
  // Said by name rather than as "at most 0 ₽": the reviewer must see why nothing can be approved.
  if (assessment.violations.some((v) => v.rule === 'contractor_not_verified')) return refuse('contractor_not_verified')
  if (assessment.violations.some((v) => v.rule === 'contractor_affiliated')) return refuse('contractor_affiliated')
  if (assessment.reviewChecks.includes('affiliation_not_checked')) return refuse('affiliation_not_checked')
  const eligible = assessment.computation.resultKopecks
  const remaining = programme.totalBudgetKopecks - programme.reservedKopecks - programme.paidKopecks
  if (amount > remaining) return refuse('budget_exhausted', { field: 'amount', params: { remaining: money(Math.max(0, remaining)) } })
  if (amount > eligible) return refuse('amount_above_eligible', { field: 'amount', params: { eligible: money(eligible) } })

  const reserved = tx
    .update(programmes)
    .set({ reservedKopecks: sql`${programmes.reservedKopecks} + ${amount}`, updatedAt: now })
    .where(and(eq(programmes.id, programme.id), sql`${programmes.totalBudgetKopecks} - ${programmes.reservedKopecks} - ${programmes.paidKopecks} >= ${amount}`))
    .returning()
    .get()
  if (!reserved) return refuse('budget_exhausted', { field: 'amount', params: { remaining: money(Math.max(0, remaining)) } })
  const after = tx.update(compensationClaims).set({ ...decided, status: 'approved', approvedKopecks: amount }).where(unchanged).returning().get()
  if (!after) throw new ConcurrentChange()
  recordMovement(tx, actor, { programmeId: programme.id, kind: 'reserved', amountKopecks: amount, claimId: claim.id })
  const action = input.decision === 'approve' ? 'claim.approved' : 'claim.approved_partially'
  audit(tx, auditActor(actor), action, { type: 'claim', id: claim.id }, claim, after)
  audit(
    tx,
    auditActor(actor),
    'programme.budget_reserved',
    { type: 'programme', id: programme.id },
    { reservedKopecks: programme.reservedKopecks },
    { reservedKopecks: reserved.reservedKopecks, claimId: claim.id, amountKopecks: amount },
  )
  notifyClaimant(
    tx,
    claim.companyId,
    claim.id,
    {
      kind: input.decision === 'approve' ? 'claimApproved' : 'claimApprovedPartially',
      params: { claim: claim.id, amount: money(amount), requested: money(requested), reason },
    }
  )
  return ok({ status: 'approved' as const })
}

export interface PaidInput {
  paidOn: string
  orderNumber: string
  revision: number
}

export type PaidRefusal = 'forbidden' | 'not_found' | 'invalid' | 'date_in_future' | 'claim_not_approved' | 'claim_changed'

/** The administration records that an approved claim was paid out: its reservation becomes spending. */
export function markClaimPaid(actor: Actor, claimId: number, input: PaidInput): Result<null, PaidRefusal> {
  if (!can(actor, 'claim:review')) return refuse('forbidden')
  const seen = loadClaim(db, claimId)
  if (!seen) return refuse('not_found')
  if (!can(actor, 'claim:decide', { companyId: seen.companyId })) return refuse('forbidden')
  if (!isIsoDate(input.paidOn)) return refuse('invalid', { field: 'paidOn' })
  if (input.paidOn > regionToday()) return refuse('date_in_future', { field: 'paidOn' })
  const orderNumber = input.orderNumber?.trim() ?? ''
  if (!orderNumber) return refuse('invalid', { field: 'orderNumber' })
  try {
    return db.transaction(
      (tx) => {
        const claim = loadClaim(tx, claimId)!
        if (claim.status !== 'approved' || !claim.approvedKopecks) return refuse('claim_not_approved')
        if (claim.revision !== input.revision) return refuse('claim_changed')
        const amount = claim.approvedKopecks
        const now = new Date().toISOString()
        const { programme, after } = leaveApproval(tx, claim, amount, {
          programme: { paidKopecks: sql`${programmes.paidKopecks} + ${amount}`, updatedAt: now },
          claim: { status: 'paid', paidOn: input.paidOn, paymentOrderNumber: orderNumber, updatedAt: now },
        })
        recordMovement(tx, actor, { programmeId: programme.id, kind: 'paid', amountKopecks: amount, claimId: claim.id })
        audit(tx, auditActor(actor), 'claim.paid', { type: 'claim', id: claim.id }, claim, after)
        audit(tx, auditActor(actor), 'programme.budget_paid', { type: 'programme', id: programme.id }, null, { claimId: claim.id, amountKopecks: amount, paidKopecks: programme.paidKopecks })
        notifyClaimant(tx, claim.companyId, claim.id, { kind: 'claimPaid', params: { claim: claim.id, amount: money(amount), date: input.paidOn, order: orderNumber } })
        return ok(null)
      },
      { behavior: 'immediate' },
    )
  } catch (error) {
    if (error instanceof ConcurrentChange) return refuse('claim_changed')
    throw error
  }
}

/**
 * An approved claim leaves its approval (paid out, or cancelled): its reservation is taken off the
 * programme and the claim moves on, both only if nobody changed them meanwhile (ConcurrentChange).
 */
function leaveApproval(
  tx: Tx,
  claim: { id: number; programmeId: number; revision: number },
  amount: number,
  changes: { programme: SQLiteUpdateSetSource<typeof programmes>; claim: SQLiteUpdateSetSource<typeof compensationClaims> },
) {
  const programme = tx
    .update(programmes)
    .set({ ...changes.programme, reservedKopecks: sql`${programmes.reservedKopecks} - ${amount}` })
    .where(and(eq(programmes.id, claim.programmeId), sql`${programmes.reservedKopecks} >= ${amount}`))
    .returning()
    .get()
  if (!programme) throw new ConcurrentChange()
  const after = tx
    .update(compensationClaims)
    .set({ ...changes.claim, revision: claim.revision + 1 })
    .where(and(eq(compensationClaims.id, claim.id), eq(compensationClaims.status, 'approved'), eq(compensationClaims.revision, claim.revision)))
    .returning()
    .get()
  if (!after) throw new ConcurrentChange()
  return { programme, after }
}

export type CancelRefusal = 'forbidden' | 'not_found' | 'reason_required' | 'approval_not_cancellable' | 'claim_changed'

/**
 * The administration cancels an approval before the payment, e.g. when the recipient does not sign
 * the agreement: the claim is rejected with the reason, its payments and its reservation released.
 */
export function cancelApproval(actor: Actor, claimId: number, input: { reason: string; revision: number }): Result<null, CancelRefusal> {
  if (!can(actor, 'claim:review')) return refuse('forbidden')
  const seen = loadClaim(db, claimId)
  if (!seen) return refuse('not_found')
  if (!can(actor, 'claim:decide', { companyId: seen.companyId })) return refuse('forbidden')
  const reason = input.reason?.trim() ?? ''
  if (!reason) return refuse('reason_required', { field: 'reason' })
  try {
    return db.transaction(
      (tx) => {
        const claim = loadClaim(tx, claimId)!
        if (claim.status !== 'approved' || !claim.approvedKopecks) return refuse('approval_not_cancellable')
        if (claim.revision !== input.revision) return refuse('claim_changed')
        const amount = claim.approvedKopecks
        const now = new Date().toISOString()
        const { programme, after } = leaveApproval(tx, claim, amount, {
          programme: { updatedAt: now },
          claim: { status: 'rejected', decisionReason: reason, decidedAt: now, decidedBy: actor.userId, updatedAt: now },
        })
        tx.update(claimPayments).set({ releasedAt: now }).where(and(eq(claimPayments.claimId, claim.id), isNull(claimPayments.releasedAt))).run()
        recordMovement(tx, actor, { programmeId: programme.id, kind: 'released', amountKopecks: amount, claimId: claim.id })
        audit(tx, auditActor(actor), 'claim.approval_cancelled', { type: 'claim', id: claim.id }, claim, after)
        audit(tx, auditActor(actor), 'programme.budget_released', { type: 'programme', id: programme.id }, null, { claimId: claim.id, amountKopecks: amount, reservedKopecks: programme.reservedKopecks })
        notifyClaimant(tx, claim.companyId, claim.id, { kind: 'claimRejected', params: { claim: claim.id, reason } })
        return ok(null)
      },
      { behavior: 'immediate' },
    )
  } catch (error) {
    if (error instanceof ConcurrentChange) return refuse('claim_changed')
    throw error
  }
}
