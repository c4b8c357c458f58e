import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { claimPayments, compensationClaims, contractPayments, contracts, organisations, programmes, selectionRounds } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { regionToday } from '../calendar/calendar'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { assess, claimsHoldingPayments } from './assess.server'
import { notifyAdministration } from './notices.server'

export type ClaimRow = typeof compensationClaims.$inferSelect

export function loadClaim(tx: DbOrTx, claimId: number): ClaimRow | null {
  if (!Number.isSafeInteger(claimId) || claimId <= 0) return null
  return tx.select().from(compensationClaims).where(eq(compensationClaims.id, claimId)).get() ?? null
}

export function activePaymentIds(tx: DbOrTx, claimId: number): number[] {
  return tx
    .select({ paymentId: claimPayments.paymentId })
    .from(claimPayments)
    .where(and(eq(claimPayments.claimId, claimId), isNull(claimPayments.releasedAt)))
    .all()
    .map((r) => r.paymentId)
}

/** A payment already held by another claim: refused here in words, and by the unique index below it. */
class PaymentAlreadyClaimed extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT_UNIQUE')
}

type PaymentRefusal = 'no_payments' | 'payment_not_in_contract' | 'payment_already_claimed'

/** The payments a form names must be distinct payments of the claim's contract, free of other claims. */
function checkPayments(tx: DbOrTx, contractId: number, paymentIds: number[], claimId: number | null) {
  const ids = [...new Set(paymentIds)]
  if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) return refuse('no_payments' as const, { field: 'paymentIds' })
  const found = tx
    .select({ id: contractPayments.id, orderNumber: contractPayments.orderNumber })
    .from(contractPayments)
    .where(and(inArray(contractPayments.id, ids), eq(contractPayments.contractId, contractId)))
    .all()
  if (found.length !== ids.length) return refuse('payment_not_in_contract' as const, { field: 'paymentIds' })
  const held = claimsHoldingPayments(tx, ids, claimId)
  if (held.size > 0) {
    const [paymentId, otherClaim] = [...held][0]
    const order = found.find((p) => p.id === paymentId)?.orderNumber ?? ''
    return refuse('payment_already_claimed' as const, { field: 'paymentIds', params: { order, claim: otherClaim } })
  }
  return ok(ids)
}

function attachPayments(tx: DbOrTx, claimId: number, paymentIds: number[]) {
  try {
    for (const paymentId of paymentIds) tx.insert(claimPayments).values({ claimId, paymentId }).run()
  } catch (error) {
    if (isUniqueViolation(error)) throw new PaymentAlreadyClaimed()
    throw error
  }
}

export interface CreateClaimInput {
  programmeId: number
  contractId: number
  paymentIds: number[]
}

/** A company starts a claim: a draft naming a programme, one of its confirmed contracts and payments under it. */
export function createClaim(
  actor: Actor,
  input: CreateClaimInput,
): Result<{ claimId: number }, 'forbidden' | 'not_found' | 'contract_not_confirmed' | PaymentRefusal> {
  if (!can(actor, 'claim:file') || !actor.organisationId) return refuse('forbidden')
  const programme = Number.isSafeInteger(input.programmeId) ? db.select().from(programmes).where(eq(programmes.id, input.programmeId)).get() : undefined
  if (!programme) return refuse('not_found')
  const contract = Number.isSafeInteger(input.contractId) ? db.select().from(contracts).where(eq(contracts.id, input.contractId)).get() : undefined
  // Another company's contract does not exist for this one.
  if (!contract || !can(actor, 'claim:edit', { companyId: contract.companyId })) return refuse('not_found', { field: 'contractId' })
  if (!contract.confirmedVersionId) return refuse('contract_not_confirmed', { field: 'contractId' })
  try {
    return db.transaction((tx) => {
      const checked = checkPayments(tx, contract.id, input.paymentIds, null)
      if (!checked.ok) return checked
      const claim = tx
        .insert(compensationClaims)
        .values({ programmeId: programme.id, companyId: contract.companyId, contractId: contract.id, status: 'draft', createdBy: actor.userId })
        .returning()
        .get()
      attachPayments(tx, claim.id, checked.value)
      audit(tx, auditActor(actor), 'claim.created', { type: 'claim', id: claim.id }, null, { claim, paymentIds: checked.value })
      return ok({ claimId: claim.id })
    })
  } catch (error) {
    if (error instanceof PaymentAlreadyClaimed) return refuse('payment_already_claimed', { field: 'paymentIds' })
    throw error
  }
}

export type EditRefusal = 'forbidden' | 'not_found' | 'claim_not_editable' | 'claim_changed'

function editable(actor: Actor, claimId: number, revision: number | undefined): Result<ClaimRow, EditRefusal> {
  const claim = loadClaim(db, claimId)
  if (!claim || !can(actor, 'claim:view', { companyId: claim.companyId })) return refuse('not_found')
  if (!can(actor, 'claim:edit', { companyId: claim.companyId })) return refuse('forbidden')
  if (claim.status !== 'draft' && claim.status !== 'returned') return refuse('claim_not_editable')
  if (revision !== undefined && revision !== claim.revision) return refuse('claim_changed')
  return ok(claim)
}

/** The company changes which payments a draft or returned claim names; dropped payments are released. */
export function updateClaimPayments(actor: Actor, claimId: number, input: { paymentIds: number[]; revision?: number }): Result<null, EditRefusal | PaymentRefusal> {
  const found = editable(actor, claimId, input.revision)
  if (!found.ok) return found
  try {
    return db.transaction((tx) => {
      const claim = loadClaim(tx, claimId)!
      if (claim.status !== 'draft' && claim.status !== 'returned') return refuse('claim_not_editable')
      const checked = checkPayments(tx, claim.contractId, input.paymentIds, claim.id)
      if (!checked.ok) return checked
      const before = activePaymentIds(tx, claim.id)
      const dropped = before.filter((id) => !checked.value.includes(id))
      const added = checked.value.filter((id) => !before.includes(id))
      if (dropped.length) {
        tx.update(claimPayments)
          .set({ releasedAt: new Date().toISOString() })
          .where(and(eq(claimPayments.claimId, claim.id), inArray(claimPayments.paymentId, dropped), isNull(claimPayments.releasedAt)))
          .run()
      }
      attachPayments(tx, claim.id, added)
      tx.update(compensationClaims)
        .set({ revision: claim.revision + 1, updatedAt: new Date().toISOString() })
        .where(eq(compensationClaims.id, claim.id))
        .run()
      audit(tx, auditActor(actor), 'claim.payments_changed', { type: 'claim', id: claim.id }, { paymentIds: before }, { paymentIds: checked.value })
      return ok(null)
    })
  } catch (error) {
    if (error instanceof PaymentAlreadyClaimed) return refuse('payment_already_claimed', { field: 'paymentIds' })
    throw error
  }
}

/**
 * The company submits a draft, or resubmits a returned claim after correcting it. The eligible
 * amount is computed here from the rules and stored with its computation; a claim that breaks any
 * rule is refused with the count of broken rules (the page lists them in words).
 */
export function submitClaim(
  actor: Actor,
  claimId: number,
  input: { revision?: number } = {},
): Result<{ requestedKopecks: number }, EditRefusal | 'claim_has_violations' | 'round_deadline_passed'> {
  const found = editable(actor, claimId, input.revision)
  if (!found.ok) return found
  return db.transaction(
    (tx) => {
      const claim = loadClaim(tx, claimId)!
      if (claim.status !== 'draft' && claim.status !== 'returned') return refuse('claim_not_editable')
      const programme = tx.select().from(programmes).where(eq(programmes.id, claim.programmeId)).get()!
      if (programme.selectionMode === 'competitive') {
        // A competitive round takes applications until its deadline (the region's day, inclusive) and no later.
        const round = tx.select({ deadline: selectionRounds.deadline, status: selectionRounds.status }).from(selectionRounds).where(eq(selectionRounds.programmeId, programme.id)).get()
        if (round && (round.status === 'closed' || regionToday() > round.deadline)) return refuse('round_deadline_passed')
      }
      const resubmission = claim.status === 'returned'
      const { assessment } = assess(tx, {
        programme,
        contractId: claim.contractId,
        companyId: claim.companyId,
        paymentIds: activePaymentIds(tx, claim.id),
        claimId: claim.id,
        resubmission,
      })
      if (assessment.violations.length > 0) return refuse('claim_has_violations', { params: { count: assessment.violations.length } })
      const { computation } = assessment
      const after = tx
        .update(compensationClaims)
        .set({
          status: 'submitted',
          requestedKopecks: computation.resultKopecks,
          computation: { eligiblePaidKopecks: computation.eligiblePaidKopecks, steps: computation.steps, resultKopecks: computation.resultKopecks },
          submittedAt: new Date().toISOString(),
          decisionReason: null,
          decidedAt: null,
          decidedBy: null,
          revision: claim.revision + 1,
          updatedAt: new Date().toISOString(),
        })
        .where(eq(compensationClaims.id, claim.id))
        .returning()
        .get()
      audit(tx, auditActor(actor), resubmission ? 'claim.resubmitted' : 'claim.submitted', { type: 'claim', id: claim.id }, claim, after)
      const company = tx.select({ name: organisations.name, shortName: organisations.shortName }).from(organisations).where(eq(organisations.id, claim.companyId)).get()
      notifyAdministration(
        tx,
        claim.id,
        {
          kind: resubmission ? 'claimResubmitted' : 'claimSubmitted',
          params: { claim: claim.id, company: company?.shortName ?? company?.name ?? '', amount: kopecksToDecimal(computation.resultKopecks as Kopecks) },
        }
      )
      return ok({ requestedKopecks: computation.resultKopecks })
    },
    { behavior: 'immediate' },
  )
}

/** The company takes a claim back before a decision; its payments are released for another claim. */
export function withdrawClaim(actor: Actor, claimId: number): Result<null, 'forbidden' | 'not_found' | 'claim_not_withdrawable'> {
  const claim = loadClaim(db, claimId)
  if (!claim || !can(actor, 'claim:view', { companyId: claim.companyId })) return refuse('not_found')
  if (!can(actor, 'claim:edit', { companyId: claim.companyId })) return refuse('forbidden')
  return db.transaction((tx) => {
    const before = loadClaim(tx, claimId)!
    if (!['draft', 'submitted', 'returned'].includes(before.status)) return refuse('claim_not_withdrawable')
    const now = new Date().toISOString()
    const after = tx
      .update(compensationClaims)
      .set({ status: 'withdrawn', revision: before.revision + 1, updatedAt: now })
      .where(eq(compensationClaims.id, claimId))
      .returning()
      .get()
    tx.update(claimPayments).set({ releasedAt: now }).where(and(eq(claimPayments.claimId, claimId), isNull(claimPayments.releasedAt))).run()
    audit(tx, auditActor(actor), 'claim.withdrawn', { type: 'claim', id: claimId }, before, after)
    if (before.status !== 'draft') notifyAdministration(tx, claimId, { kind: 'claimWithdrawn', params: { claim: claimId } })
    return ok(null)
  })
}
