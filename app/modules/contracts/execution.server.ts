import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { acceptanceActs, claimPayments, compensationClaims, contractPayments, contractVersions } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { insertDocument, prepareDocument, type DocumentRefusal, type IncomingDocument } from '../documents/store.server'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { isIsoDate, regionToday } from '../calendar/calendar'
import { executionTotals, loadContract, loadVersion, notifyOtherParty, partiesOf, stagesOf, type ContractRow } from './records.server'

// The execution of a confirmed contract: acceptance acts and payments. Each is recorded by one party
// and confirmed (or disputed, with a reason) by the other; only confirmed records count for claims.

export interface ActInput {
  stageNumber: number
  number: string
  signedOn: string
  amount: number
  document?: IncomingDocument
}

export interface PaymentRecordInput {
  paidOn: string
  amount: number
  orderNumber: string
  document?: IncomingDocument
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
}

function confirmedTerms(tx: DbOrTx, contract: ContractRow) {
  const version = loadVersion(tx, contract.confirmedVersionId)
  return version ? { version, stages: stagesOf(tx, version.id) } : null
}

export type ActRefusal =
  | 'forbidden'
  | 'not_found'
  | 'invalid'
  | 'amount_positive'
  | 'contract_not_confirmed'
  | 'stage_unknown'
  | 'act_exceeds_stage'
  | 'date_before_contract'
  | 'date_in_future'
  | DocumentRefusal

/** Either party records an acceptance act for a stage of the confirmed terms; the other confirms it. */
export function recordAct(actor: Actor, contractId: number, input: ActInput): Result<{ actId: number }, ActRefusal> {
  const found = loadContract(db, contractId)
  if (!found || !can(actor, 'contract:view', partiesOf(found))) return refuse('not_found')
  if (!can(actor, 'contract:record_act', partiesOf(found))) return refuse('forbidden')
  if (!input.number?.trim()) return refuse('invalid', { field: 'number' })
  if (!isIsoDate(input.signedOn)) return refuse('invalid', { field: 'signedOn' })
  if (!isAmount(input.amount)) return refuse('amount_positive', { field: 'amount' })
  if (input.signedOn > regionToday()) return refuse('date_in_future', { field: 'signedOn' })
  const prepared = input.document ? prepareDocument(input.document, 'document', actor) : ok(null)
  if (!prepared.ok) return prepared
  return db.transaction((tx) => {
    const contract = loadContract(tx, contractId)!
    const terms = confirmedTerms(tx, contract)
    if (!terms) return refuse('contract_not_confirmed')
    const stage = terms.stages.find((s) => s.number === input.stageNumber)
    if (!stage) return refuse('stage_unknown', { field: 'stageNumber' })
    if (input.signedOn < terms.version.signedOn) return refuse('date_before_contract', { field: 'signedOn', params: { date: terms.version.signedOn } })
    const accepted = executionTotals(tx, contract.id).acceptedByStage.get(stage.number) ?? 0
    const left = stage.amountKopecks - accepted
    if (input.amount > left) {
      return refuse('act_exceeds_stage', { field: 'amount', params: { left: kopecksToDecimal(Math.max(0, left) as Kopecks), stage: stage.number } })
    }
    const documentId = prepared.value ? insertDocument(tx, actor, prepared.value) : null
    const act = tx
      .insert(acceptanceActs)
      .values({
        contractId: contract.id,
        stageNumber: stage.number,
        number: input.number.trim(),
        signedOn: input.signedOn,
        amountKopecks: input.amount,
        documentId,
        status: 'proposed',
        recordedByOrganisationId: actor.organisationId!,
        recordedBy: actor.userId,
      })
      .returning()
      .get()
    audit(tx, auditActor(actor), 'contract.act_recorded', { type: 'contract', id: contract.id }, null, act)
    notifyOtherParty(tx, contract, actor.organisationId, { kind: 'contractActRecorded', params: { number: act.number, contract: terms.version.number } })
    return ok({ actId: act.id })
  })
}

export type PaymentRefusal =
  | 'forbidden'
  | 'not_found'
  | 'invalid'
  | 'amount_positive'
  | 'contract_not_confirmed'
  | 'payment_exceeds_unpaid'
  | 'date_before_contract'
  | 'date_in_future'
  | DocumentRefusal

/** The company records a payment; it may not exceed what is left unpaid of the price in force. */
export function recordPayment(actor: Actor, contractId: number, input: PaymentRecordInput): Result<{ paymentId: number }, PaymentRefusal> {
  const found = loadContract(db, contractId)
  if (!found || !can(actor, 'contract:view', partiesOf(found))) return refuse('not_found')
  if (!can(actor, 'contract:record_payment', partiesOf(found))) return refuse('forbidden')
  if (!input.orderNumber?.trim()) return refuse('invalid', { field: 'orderNumber' })
  if (!isIsoDate(input.paidOn)) return refuse('invalid', { field: 'paidOn' })
  if (!isAmount(input.amount)) return refuse('amount_positive', { field: 'amount' })
  if (input.paidOn > regionToday()) return refuse('date_in_future', { field: 'paidOn' })
  const prepared = input.document ? prepareDocument(input.document, 'document', actor) : ok(null)
  if (!prepared.ok) return prepared
  return db.transaction((tx) => {
    const contract = loadContract(tx, contractId)!
    const terms = confirmedTerms(tx, contract)
    if (!terms) return refuse('contract_not_confirmed')
    if (input.paidOn < terms.version.signedOn) return refuse('date_before_contract', { field: 'paidOn', params: { date: terms.version.signedOn } })
    const unpaid = terms.version.priceKopecks - executionTotals(tx, contract.id).paidKopecks
    if (input.amount > unpaid) {
      return refuse('payment_exceeds_unpaid', { field: 'amount', params: { unpaid: kopecksToDecimal(Math.max(0, unpaid) as Kopecks) } })
    }
    const documentId = prepared.value ? insertDocument(tx, actor, prepared.value) : null
    const payment = tx
      .insert(contractPayments)
      .values({
        contractId: contract.id,
        paidOn: input.paidOn,
        amountKopecks: input.amount,
        orderNumber: input.orderNumber.trim(),
        documentId,
        status: 'proposed',
        recordedByOrganisationId: actor.organisationId!,
        recordedBy: actor.userId,
      })
      .returning()
      .get()
    audit(tx, auditActor(actor), 'contract.payment_recorded', { type: 'contract', id: contract.id }, null, payment)
    notifyOtherParty(
      tx,
      contract,
      actor.organisationId,
      { kind: 'contractPaymentRecorded', params: { order: payment.orderNumber, amount: kopecksToDecimal(payment.amountKopecks as Kopecks), contract: terms.version.number } }
    )
    return ok({ paymentId: payment.id })
  })
}

export type RecordKind = 'act' | 'payment'
export type RecordAnswerRefusal = 'forbidden' | 'not_found' | 'record_not_pending' | 'reason_required'

const tables = { act: acceptanceActs, payment: contractPayments } as const

function loadRecord(tx: DbOrTx, kind: RecordKind, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null
  const table = tables[kind]
  return (tx.select().from(table).where(eq(table.id, id)).get() as typeof acceptanceActs.$inferSelect | typeof contractPayments.$inferSelect | undefined) ?? null
}

/** The other party confirms an act or a payment, or declines it with a reason. */
export function answerRecord(
  actor: Actor,
  contractId: number,
  kind: RecordKind,
  recordId: number,
  answer: { decision: 'confirm' | 'decline'; reason?: string },
): Result<null, RecordAnswerRefusal> {
  const contract = loadContract(db, contractId)
  const seen = loadRecord(db, kind, recordId)
  if (!contract || !seen || seen.contractId !== contract.id || !can(actor, 'contract:view', partiesOf(contract))) return refuse('not_found')
  if (!can(actor, 'contract:answer', { ...partiesOf(contract), proposedByOrganisationId: seen.recordedByOrganisationId })) return refuse('forbidden')
  const reason = answer.reason?.trim() || null
  if (answer.decision === 'decline' && !reason) return refuse('reason_required', { field: 'reason' })
  const table = tables[kind]
  return db.transaction((tx) => {
    const before = loadRecord(tx, kind, recordId)!
    if (before.status !== 'proposed') return refuse('record_not_pending')
    const changes =
      answer.decision === 'confirm'
        ? { status: 'confirmed' as const, confirmedAt: new Date().toISOString(), confirmedBy: actor.userId }
        : { status: 'declined' as const, declineReason: reason }
    tx.update(table).set(changes).where(eq(table.id, recordId)).run()
    const after = loadRecord(tx, kind, recordId)!
    audit(tx, auditActor(actor), `contract.${kind}_${answer.decision === 'confirm' ? 'confirmed' : 'declined'}`, { type: 'contract', id: contract.id }, before, after)
    const label = 'orderNumber' in after ? after.orderNumber : after.number
    notifyOtherParty(
      tx,
      contract,
      actor.organisationId,
      { kind: `contract${kind === 'act' ? 'Act' : 'Payment'}${answer.decision === 'confirm' ? 'Confirmed' : 'Declined'}`, params: { number: label, reason: reason ?? '' } }
    )
    return ok(null)
  })
}

export type AttachRefusal = 'forbidden' | 'not_found' | 'document_required' | 'document_locked' | DocumentRefusal

/** A claim under review, approved or paid relies on these records: their documents stay as they are. */
function lockedByClaim(tx: DbOrTx, contractId: number, paymentId?: number): boolean {
  const rows = tx
    .select({ id: claimPayments.id })
    .from(claimPayments)
    .innerJoin(compensationClaims, eq(compensationClaims.id, claimPayments.claimId))
    .where(
      and(
        isNull(claimPayments.releasedAt),
        inArray(compensationClaims.status, ['submitted', 'approved', 'paid']),
        paymentId ? eq(claimPayments.paymentId, paymentId) : eq(compensationClaims.contractId, contractId),
      ),
    )
    .limit(1)
    .all()
  return rows.length > 0
}

/**
 * Either party attaches a document (a scan of the contract, an act, a payment order) to a record,
 * or replaces it. The earlier document stays stored and named in the audit trail.
 */
export function attachDocument(
  actor: Actor,
  contractId: number,
  input: { target: 'version' | 'act' | 'payment'; recordId: number; document?: IncomingDocument },
): Result<{ documentId: number }, AttachRefusal> {
  const contract = loadContract(db, contractId)
  if (!contract || !can(actor, 'contract:view', partiesOf(contract))) return refuse('not_found')
  if (!can(actor, 'contract:attach_document', partiesOf(contract))) return refuse('forbidden')
  if (!input.document) return refuse('document_required', { field: 'document' })
  const table = input.target === 'version' ? contractVersions : tables[input.target]
  const record = Number.isSafeInteger(input.recordId) ? db.select().from(table).where(eq(table.id, input.recordId)).get() : undefined
  if (!record || record.contractId !== contract.id) return refuse('not_found')
  const prepared = prepareDocument(input.document, 'document', actor)
  if (!prepared.ok) return prepared
  return db.transaction((tx) => {
    if (lockedByClaim(tx, contract.id, input.target === 'payment' ? input.recordId : undefined)) return refuse('document_locked')
    const documentId = insertDocument(tx, actor, prepared.value)
    tx.update(table).set({ documentId }).where(eq(table.id, input.recordId)).run()
    audit(
      tx,
      auditActor(actor),
      'contract.document_attached',
      { type: 'contract', id: contract.id },
      { target: input.target, recordId: input.recordId, documentId: record.documentId },
      { target: input.target, recordId: input.recordId, documentId, name: prepared.value.originalName },
    )
    return ok({ documentId })
  })
}
