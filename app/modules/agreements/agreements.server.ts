import { and, asc, eq, lte, sql, sum } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { compensationClaims, indicatorReports, programmes, resultIndicators, subsidyAgreements, subsidyReturns } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { notifyAdministration, notifyClaimant } from '../claims/notices.server'
import { isIsoDate, regionToday } from '../calendar/calendar'
import { insertDocument, prepareDocument, type DocumentRefusal, type IncomingDocument } from '../documents/store.server'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { recordMovement } from './ledger.server'
import { computeReturn } from './return-amount'

// What follows the payment of a subsidy: the agreement, the result indicators it promises, the
// reports the recipient owes on them, and the return the programme's formula demands when results
// are missed, followed until the money is back. Each step is audited and announced.

type ClaimRow = typeof compensationClaims.$inferSelect
const money = (k: number) => kopecksToDecimal(k as Kopecks)

type AdminRefusal = 'forbidden' | 'not_found'

/** A paid (or approved) claim the administration may act on. */
function claimForAdministration(actor: Actor, claimId: number): Result<ClaimRow, AdminRefusal | 'claim_not_paid'> {
  if (!can(actor, 'claim:review')) return refuse('forbidden')
  const claim = Number.isSafeInteger(claimId) ? db.select().from(compensationClaims).where(eq(compensationClaims.id, claimId)).get() : undefined
  if (!claim) return refuse('not_found')
  if (!can(actor, 'claim:decide', { companyId: claim.companyId })) return refuse('forbidden')
  if (claim.status !== 'approved' && claim.status !== 'paid') return refuse('claim_not_paid')
  return ok(claim)
}

function agreementOf(tx: DbOrTx, claimId: number) {
  return tx.select().from(subsidyAgreements).where(eq(subsidyAgreements.claimId, claimId)).get() ?? null
}

const blank = (v: string | undefined) => !v?.trim()

/** The agreement (соглашение) with the recipient, recorded once with its number and date. */
export function recordAgreement(actor: Actor, claimId: number, input: { number: string; signedOn: string }): Result<{ agreementId: number }, AdminRefusal | 'claim_not_paid' | 'invalid' | 'date_in_future' | 'agreement_exists'> {
  const found = claimForAdministration(actor, claimId)
  if (!found.ok) return found
  if (blank(input.number)) return refuse('invalid', { field: 'number' })
  if (!isIsoDate(input.signedOn)) return refuse('invalid', { field: 'signedOn' })
  if (input.signedOn > regionToday()) return refuse('date_in_future', { field: 'signedOn' })
  return db.transaction((tx) => {
    if (agreementOf(tx, claimId)) return refuse('agreement_exists')
    const row = tx.insert(subsidyAgreements).values({ claimId, number: input.number.trim(), signedOn: input.signedOn, createdBy: actor.userId }).returning().get()
    audit(tx, auditActor(actor), 'claim.agreement_recorded', { type: 'claim', id: claimId }, null, { ...row, date: row.signedOn })
    notifyClaimant(tx, found.value.companyId, claimId, { kind: 'agreementRecorded', params: { claim: claimId, number: row.number, date: row.signedOn } })
    return ok({ agreementId: row.id })
  })
}

export interface IndicatorInput {
  name: string
  unit: string
  targetValue: number
  dueOn: string
}

/** A result indicator of the agreement: what the recipient promises to reach, by when. */
export function addIndicator(actor: Actor, claimId: number, input: IndicatorInput): Result<{ indicatorId: number }, AdminRefusal | 'claim_not_paid' | 'invalid' | 'no_agreement' | 'indicators_locked'> {
  const found = claimForAdministration(actor, claimId)
  if (!found.ok) return found
  if (blank(input.name)) return refuse('invalid', { field: 'name' })
  if (blank(input.unit)) return refuse('invalid', { field: 'unit' })
  if (!Number.isSafeInteger(input.targetValue) || input.targetValue <= 0) return refuse('invalid', { field: 'targetValue' })
  if (!isIsoDate(input.dueOn)) return refuse('invalid', { field: 'dueOn' })
  return db.transaction((tx) => {
    const agreement = agreementOf(tx, claimId)
    if (!agreement) return refuse('no_agreement')
    // Once a report was filed against the indicators, they are what it was judged by.
    const reported = tx.select({ id: indicatorReports.id }).from(indicatorReports).where(and(eq(indicatorReports.agreementId, agreement.id), sql`${indicatorReports.status} <> 'due'`)).get()
    if (reported) return refuse('indicators_locked')
    const row = tx.insert(resultIndicators).values({ agreementId: agreement.id, name: input.name.trim(), unit: input.unit.trim(), targetValue: input.targetValue, dueOn: input.dueOn }).returning().get()
    audit(tx, auditActor(actor), 'claim.indicator_added', { type: 'claim', id: claimId }, null, { ...row, date: row.dueOn })
    return ok({ indicatorId: row.id })
  })
}

/** A report deadline: the recipient is told now, reminded before it, and told again once it passes. */
export function scheduleReport(actor: Actor, claimId: number, input: { dueOn: string }): Result<{ reportId: number }, AdminRefusal | 'claim_not_paid' | 'invalid' | 'no_agreement' | 'no_indicators'> {
  const found = claimForAdministration(actor, claimId)
  if (!found.ok) return found
  if (!isIsoDate(input.dueOn)) return refuse('invalid', { field: 'dueOn' })
  return db.transaction((tx) => {
    const agreement = agreementOf(tx, claimId)
    if (!agreement) return refuse('no_agreement')
    if (!tx.select({ id: resultIndicators.id }).from(resultIndicators).where(eq(resultIndicators.agreementId, agreement.id)).get()) return refuse('no_indicators')
    const row = tx.insert(indicatorReports).values({ agreementId: agreement.id, dueOn: input.dueOn }).returning().get()
    audit(tx, auditActor(actor), 'claim.report_scheduled', { type: 'claim', id: claimId }, null, { ...row, date: row.dueOn })
    notifyClaimant(tx, found.value.companyId, claimId, { kind: 'reportScheduled', params: { claim: claimId, date: row.dueOn } })
    return ok({ reportId: row.id })
  })
}

export interface ReportInput {
  /** Indicator id → the value reached. */
  achieved: Record<string, number>
  note?: string
  document: IncomingDocument | undefined
}

function reportOfClaim(tx: DbOrTx, claimId: number, reportId: number) {
  if (!Number.isSafeInteger(reportId)) return null
  return (
    tx
      .select({ report: indicatorReports, agreement: subsidyAgreements })
      .from(indicatorReports)
      .innerJoin(subsidyAgreements, eq(subsidyAgreements.id, indicatorReports.agreementId))
      .where(and(eq(indicatorReports.id, reportId), eq(subsidyAgreements.claimId, claimId)))
      .get() ?? null
  )
}

/** The recipient reports what each indicator reached, with evidence (a scan or PDF). */
export function submitReport(
  actor: Actor,
  claimId: number,
  reportId: number,
  input: ReportInput,
): Result<null, 'forbidden' | 'not_found' | 'invalid' | 'claim_not_paid' | 'report_not_due' | 'document_required' | DocumentRefusal> {
  const claim = Number.isSafeInteger(claimId) ? db.select().from(compensationClaims).where(eq(compensationClaims.id, claimId)).get() : undefined
  if (!claim || !can(actor, 'claim:view', { companyId: claim.companyId })) return refuse('not_found')
  if (!can(actor, 'claim:edit', { companyId: claim.companyId })) return refuse('forbidden')
  // Results are reported on a subsidy received, not on one merely approved.
  if (claim.status !== 'paid') return refuse('claim_not_paid')
  const found = reportOfClaim(db, claimId, reportId)
  if (!found) return refuse('not_found')
  const indicators = db.select().from(resultIndicators).where(eq(resultIndicators.agreementId, found.agreement.id)).all()
  const achieved: Record<string, number> = {}
  for (const indicator of indicators) {
    const value = input.achieved[String(indicator.id)]
    if (!Number.isSafeInteger(value) || value < 0) return refuse('invalid', { field: `achieved.${indicator.id}` })
    achieved[String(indicator.id)] = value
  }
  if (!input.document) return refuse('document_required', { field: 'document' })
  const prepared = prepareDocument(input.document, 'document', actor)
  if (!prepared.ok) return prepared
  return db.transaction((tx) => {
    const current = reportOfClaim(tx, claimId, reportId)!
    if (current.report.status !== 'due') return refuse('report_not_due')
    const evidenceDocumentId = insertDocument(tx, actor, prepared.value)
    const now = new Date().toISOString()
    const after = tx
      .update(indicatorReports)
      .set({ status: 'submitted', achieved, note: input.note?.trim() || null, evidenceDocumentId, submittedAt: now, submittedBy: actor.userId })
      .where(and(eq(indicatorReports.id, reportId), eq(indicatorReports.status, 'due')))
      .returning()
      .get()
    audit(tx, auditActor(actor), 'claim.report_submitted', { type: 'claim', id: claimId }, current.report, { ...after, date: after.dueOn })
    notifyAdministration(tx, claimId, { kind: 'reportSubmitted', params: { claim: claimId, date: after.dueOn } })
    return ok(null)
  })
}

type ReviewRefusal = AdminRefusal | 'claim_not_paid' | 'invalid' | 'report_not_submitted'

/** The administration accepts a report: the results it shows are taken as reached. */
export function acceptReport(actor: Actor, claimId: number, reportId: number, input: { note: string }): Result<null, ReviewRefusal> {
  const found = claimForAdministration(actor, claimId)
  if (!found.ok) return found
  if (blank(input.note)) return refuse('invalid', { field: 'note' })
  return db.transaction((tx) => {
    const current = reportOfClaim(tx, claimId, reportId)
    if (!current) return refuse('not_found')
    if (current.report.status !== 'submitted') return refuse('report_not_submitted')
    const after = tx
      .update(indicatorReports)
      .set({ status: 'accepted', reviewNote: input.note.trim(), reviewedAt: new Date().toISOString(), reviewedBy: actor.userId })
      .where(eq(indicatorReports.id, reportId))
      .returning()
      .get()
    audit(tx, auditActor(actor), 'claim.report_accepted', { type: 'claim', id: claimId }, current.report, { ...after, date: after.dueOn, reason: after.reviewNote ?? '' })
    notifyClaimant(tx, found.value.companyId, claimId, { kind: 'reportAccepted', params: { claim: claimId, date: after.dueOn } })
    return ok(null)
  })
}

/** What the recipient owes in returns already demanded (returned or not), other than for this report. */
function demandedBefore(tx: DbOrTx, claimId: number): number {
  return Number(tx.select({ total: sum(subsidyReturns.amountKopecks) }).from(subsidyReturns).where(eq(subsidyReturns.claimId, claimId)).get()?.total ?? 0)
}

/**
 * The administration records a shortfall on a submitted report: the return is computed by the
 * programme's formula from the values reported, and demanded from the recipient. A return that,
 * with those demanded before, would exceed what was paid is refused, and nothing is recorded.
 */
export function recordShortfall(
  actor: Actor,
  claimId: number,
  reportId: number,
  input: { note: string },
): Result<{ returnId: number; amountKopecks: number }, ReviewRefusal | 'no_shortfall' | 'return_exceeds_paid'> {
  const found = claimForAdministration(actor, claimId)
  if (!found.ok) return found
  if (found.value.status !== 'paid') return refuse('claim_not_paid')
  if (blank(input.note)) return refuse('invalid', { field: 'note' })
  return db.transaction(
    (tx) => {
      const claim = tx.select().from(compensationClaims).where(eq(compensationClaims.id, claimId)).get()!
      const current = reportOfClaim(tx, claimId, reportId)
      if (!current) return refuse('not_found')
      if (current.report.status !== 'submitted') return refuse('report_not_submitted')
      const programme = tx.select().from(programmes).where(eq(programmes.id, claim.programmeId)).get()!
      const indicators = tx.select().from(resultIndicators).where(eq(resultIndicators.agreementId, current.agreement.id)).orderBy(asc(resultIndicators.id)).all()
      const paid = claim.approvedKopecks ?? 0
      const computation = computeReturn(
        programme.returnFormula,
        paid,
        indicators.map((i) => ({ indicatorId: i.id, name: i.name, targetValue: i.targetValue, achievedValue: current.report.achieved?.[String(i.id)] ?? 0 })),
      )
      if (computation.amountKopecks <= 0) return refuse('no_shortfall')
      const before = demandedBefore(tx, claimId)
      if (before + computation.amountKopecks > paid) {
        return refuse('return_exceeds_paid', { params: { amount: money(computation.amountKopecks), paid: money(paid), demanded: money(before) } })
      }
      const now = new Date().toISOString()
      const report = tx
        .update(indicatorReports)
        .set({ status: 'shortfall', reviewNote: input.note.trim(), reviewedAt: now, reviewedBy: actor.userId })
        .where(eq(indicatorReports.id, reportId))
        .returning()
        .get()
      const demanded = tx.insert(subsidyReturns).values({ claimId, reportId, amountKopecks: computation.amountKopecks, computation, createdBy: actor.userId }).returning().get()
      audit(tx, auditActor(actor), 'claim.shortfall_recorded', { type: 'claim', id: claimId }, current.report, { report, returnId: demanded.id, amount: money(demanded.amountKopecks), reason: report.reviewNote ?? '' })
      notifyClaimant(tx, claim.companyId, claimId, { kind: 'returnDemanded', params: { claim: claimId, amount: money(demanded.amountKopecks), reason: report.reviewNote ?? '' } })
      return ok({ returnId: demanded.id, amountKopecks: demanded.amountKopecks })
    },
    { behavior: 'immediate' },
  )
}

/** The returned money arrived: the programme's returned figure and its ledger move together. */
export function recordReturnReceived(
  actor: Actor,
  claimId: number,
  returnId: number,
  input: { returnedOn: string; orderNumber: string },
): Result<null, AdminRefusal | 'claim_not_paid' | 'invalid' | 'date_in_future' | 'return_not_demanded'> {
  const found = claimForAdministration(actor, claimId)
  if (!found.ok) return found
  if (!isIsoDate(input.returnedOn)) return refuse('invalid', { field: 'returnedOn' })
  if (input.returnedOn > regionToday()) return refuse('date_in_future', { field: 'returnedOn' })
  if (blank(input.orderNumber)) return refuse('invalid', { field: 'orderNumber' })
  return db.transaction(
    (tx) => {
      const demanded = Number.isSafeInteger(returnId) ? tx.select().from(subsidyReturns).where(and(eq(subsidyReturns.id, returnId), eq(subsidyReturns.claimId, claimId))).get() : undefined
      if (!demanded) return refuse('not_found')
      if (demanded.status !== 'demanded') return refuse('return_not_demanded')
      const after = tx
        .update(subsidyReturns)
        .set({ status: 'returned', returnedOn: input.returnedOn, orderNumber: input.orderNumber.trim() })
        .where(and(eq(subsidyReturns.id, returnId), eq(subsidyReturns.status, 'demanded')))
        .returning()
        .get()
      // The CHECK on programmes keeps returned at most paid, whatever this code does.
      tx.update(programmes)
        .set({ returnedKopecks: sql`${programmes.returnedKopecks} + ${demanded.amountKopecks}`, updatedAt: new Date().toISOString() })
        .where(eq(programmes.id, found.value.programmeId))
        .run()
      recordMovement(tx, actor, { programmeId: found.value.programmeId, kind: 'returned', amountKopecks: demanded.amountKopecks, claimId, returnId })
      audit(tx, auditActor(actor), 'claim.return_received', { type: 'claim', id: claimId }, demanded, { ...after, amount: money(demanded.amountKopecks), date: input.returnedOn, order: after.orderNumber ?? '' })
      return ok(null)
    },
    { behavior: 'immediate' },
  )
}

/** Days before a report's deadline when the recipient is reminded. */
export const REPORT_REMINDER_DAYS = 7

/**
 * Reminds recipients of reports due within a week, and tells them and the administration of a
 * deadline passed without a report; each once. Run hourly by the background process.
 */
export function sendReportReminders(today = regionToday()): { reminded: number; overdue: number } {
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + REPORT_REMINDER_DAYS * 86_400_000).toISOString().slice(0, 10)
  return db.transaction((tx) => {
    const due = tx
      .select({ report: indicatorReports, claimId: subsidyAgreements.claimId, companyId: compensationClaims.companyId })
      .from(indicatorReports)
      .innerJoin(subsidyAgreements, eq(subsidyAgreements.id, indicatorReports.agreementId))
      .innerJoin(compensationClaims, eq(compensationClaims.id, subsidyAgreements.claimId))
      .where(and(eq(indicatorReports.status, 'due'), lte(indicatorReports.dueOn, soon)))
      .all()
    let reminded = 0
    let overdue = 0
    for (const { report, claimId, companyId } of due) {
      if (report.dueOn < today && !report.overdueNoticeOn) {
        tx.update(indicatorReports).set({ overdueNoticeOn: today, remindedOn: report.remindedOn ?? today }).where(eq(indicatorReports.id, report.id)).run()
        notifyClaimant(tx, companyId, claimId, { kind: 'reportOverdue', params: { claim: claimId, date: report.dueOn } })
        notifyAdministration(tx, claimId, { kind: 'reportOverdue', params: { claim: claimId, date: report.dueOn } })
        overdue += 1
      } else if (report.dueOn >= today && !report.remindedOn) {
        tx.update(indicatorReports).set({ remindedOn: today }).where(eq(indicatorReports.id, report.id)).run()
        notifyClaimant(tx, companyId, claimId, { kind: 'reportDueSoon', params: { claim: claimId, date: report.dueOn } })
        reminded += 1
      }
    }
    return { reminded, overdue }
  })
}

/** Everything the claim pages show of what followed the payment. */
export function agreementView(tx: DbOrTx, claimId: number) {
  const agreement = agreementOf(tx, claimId)
  if (!agreement) return null
  const indicators = tx.select().from(resultIndicators).where(eq(resultIndicators.agreementId, agreement.id)).orderBy(asc(resultIndicators.id)).all()
  const reports = tx.select().from(indicatorReports).where(eq(indicatorReports.agreementId, agreement.id)).orderBy(asc(indicatorReports.dueOn), asc(indicatorReports.id)).all()
  const returns = tx.select().from(subsidyReturns).where(eq(subsidyReturns.claimId, claimId)).orderBy(asc(subsidyReturns.id)).all()
  return { agreement, indicators, reports, returns, evidenceIds: reports.map((r) => r.evidenceDocumentId).filter((id): id is number => id !== null) }
}

export type AgreementView = NonNullable<ReturnType<typeof agreementView>>
