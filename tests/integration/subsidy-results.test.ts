import { and, count, eq } from 'drizzle-orm'
import { auditEvents, claimDocuments, indicatorReports, notifications, programmeLedger, programmes, subsidyReturns } from '#db/schema'
import { db } from '~/db.server'
import { acceptReport, addIndicator, recordAgreement, recordReturnReceived, recordShortfall, scheduleReport, sendReportReminders, submitReport } from '~/modules/agreements/agreements.server'
import { programmeLedgerView } from '~/modules/agreements/ledger.server'
import { createClaim, submitClaim } from '~/modules/claims/claims.server'
import { cancelApproval, decideClaim, markClaimPaid } from '~/modules/claims/decide.server'
import { attachClaimDocument, recordAffiliationCheck, removeClaimDocument } from '~/modules/claims/eligibility.server'
import { getClaimView } from '~/modules/claims/queries.server'
import { regionToday } from '~/modules/calendar/calendar'
import type { Actor } from '~/modules/permissions/actor'
import { clearAffiliation, confirmedContract, daysFromToday, declareUnaffiliated, openProgramme, pdf, reviewer, rub, stateLab, verifiedCompany } from '../factories/contracts'

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`refused: ${result.error}`)
  return result.value
}

const programmeRow = (id: number) => db.select().from(programmes).where(eq(programmes.id, id)).get()!

async function parties(programme: Parameters<typeof openProgramme>[1] = {}) {
  const company = await verifiedCompany()
  const lab = await stateLab()
  const admin = await reviewer()
  const contract = confirmedContract(company, lab, { stageAmounts: [rub(2_000_000)], payments: [{ amount: rub(1_000_000) }, { amount: rub(1_000_000) }] })
  const programmeId = openProgramme(admin, programme)
  return { company, lab, admin, contract, programmeId }
}

function submittedClaim(company: Actor, programmeId: number, contractId: number, paymentIds: number[]) {
  const { claimId } = expectOk(createClaim(company, { programmeId, contractId, paymentIds }))
  declareUnaffiliated(company, claimId)
  expectOk(submitClaim(company, claimId))
  return claimId
}

const revisionOf = (admin: Actor, claimId: number) => expectOk(getClaimView(admin, claimId)).claim.revision

/** A claim approved for its full amount (500 000 ₽ of 1 M₽ paid under the contract) and paid out. */
function paidClaim(company: Actor, admin: Actor, programmeId: number, contractId: number, paymentIds: number[]) {
  const claimId = submittedClaim(company, programmeId, contractId, paymentIds)
  clearAffiliation(admin, claimId)
  expectOk(decideClaim(admin, claimId, { decision: 'approve', reason: 'Условия программы соблюдены.', revision: revisionOf(admin, claimId) }))
  expectOk(markClaimPaid(admin, claimId, { paidOn: regionToday(), orderNumber: 'ПП-77', revision: revisionOf(admin, claimId) }))
  return claimId
}

/** The agreement with two indicators (revenue 10 M₽, 4 jobs) and a report due in a month. */
function agreementWithReport(admin: Actor, claimId: number) {
  expectOk(recordAgreement(admin, claimId, { number: 'С-12/2026', signedOn: regionToday() }))
  const revenue = expectOk(addIndicator(admin, claimId, { name: 'Выручка от нового продукта', unit: 'тыс. ₽', targetValue: 10_000, dueOn: daysFromToday(300) })).indicatorId
  const jobs = expectOk(addIndicator(admin, claimId, { name: 'Новые рабочие места', unit: 'чел.', targetValue: 4, dueOn: daysFromToday(300) })).indicatorId
  const { reportId } = expectOk(scheduleReport(admin, claimId, { dueOn: daysFromToday(30) }))
  return { revenue, jobs, reportId }
}

describe('the contractor must not be affiliated with the company', () => {
  it('is declared by the company before submission, and approval waits for the administration’s check; affiliation found refuses it and reserves nothing', async () => {
    const { company, admin, contract, programmeId } = await parties()
    const { claimId } = expectOk(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: [contract.paymentIds[0]] }))
    expect(expectOk(getClaimView(company, claimId)).assessment.violations.map((v) => v.rule)).toEqual(['affiliation_not_declared'])
    expect(submitClaim(company, claimId)).toMatchObject({ error: 'claim_has_violations', params: { count: 1 } })
    declareUnaffiliated(company, claimId)
    expectOk(submitClaim(company, claimId))

    expect(expectOk(getClaimView(admin, claimId)).assessment.reviewChecks).toEqual(['affiliation_not_checked'])
    expect(decideClaim(admin, claimId, { decision: 'approve', reason: 'ok', revision: revisionOf(admin, claimId) })).toMatchObject({ error: 'affiliation_not_checked' })
    expect(recordAffiliationCheck(admin, claimId, { grounds: ['same_inn', 'bogus'], note: 'x' })).toMatchObject({ error: 'invalid', field: 'grounds' })
    expect(recordAffiliationCheck(company, claimId, { grounds: [], note: 'сами проверили' })).toMatchObject({ error: 'forbidden' })
    expect(recordAffiliationCheck(admin, claimId, { grounds: ['same_founders', 'spin_off'], note: 'Учредитель компании — директор лаборатории; лаборатория создана компанией.' })).toMatchObject({ ok: true, value: { affiliated: true } })

    const view = expectOk(getClaimView(admin, claimId))
    expect(view.assessment.violations).toEqual([{ rule: 'contractor_affiliated', params: expect.objectContaining({ grounds: 'same_founders,spin_off' }) }])
    expect(decideClaim(admin, claimId, { decision: 'approve', reason: 'ok', revision: view.claim.revision })).toMatchObject({ error: 'contractor_affiliated' })
    expect(programmeRow(programmeId).reservedKopecks).toBe(0)
    expect(db.select({ n: count() }).from(programmeLedger).where(eq(programmeLedger.programmeId, programmeId)).get()!.n).toBe(0)
  })
})

describe('the programme’s document checklist', () => {
  it('names a missing document and one older than allowed, with its date, and lets the claim go once they are in order', async () => {
    const { company, contract, programmeId } = await parties({
      requiredDocuments: ['contract', 'acceptance_act', 'payment_order', 'tax_debt_certificate', 'subsidy_calculation'],
      documentMaxAgeDays: { tax_debt_certificate: 30 },
    })
    const { claimId } = expectOk(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: [contract.paymentIds[0]] }))
    declareUnaffiliated(company, claimId)
    const rules = () => expectOk(getClaimView(company, claimId)).assessment.violations
    expect(rules()).toEqual([
      { rule: 'document_missing', params: { kind: 'tax_debt_certificate' } },
      { rule: 'document_missing', params: { kind: 'subsidy_calculation' } },
    ])
    expect(submitClaim(company, claimId)).toMatchObject({ error: 'claim_has_violations', params: { count: 2 } })

    const stale = daysFromToday(-31)
    expectOk(attachClaimDocument(company, claimId, { kind: 'tax_debt_certificate', issuedOn: stale, document: pdf('справка-ифнс.pdf', 'old') }))
    expectOk(attachClaimDocument(company, claimId, { kind: 'subsidy_calculation', issuedOn: regionToday(), document: pdf('расчёт.pdf', 'calc') }))
    expect(rules()).toEqual([{ rule: 'document_too_old', params: { kind: 'tax_debt_certificate', name: 'справка-ифнс.pdf', date: stale, days: 30, oldest: daysFromToday(-30) } }])
    const checklist = expectOk(getClaimView(company, claimId)).assessment.checklist
    expect(checklist.find((i) => i.kind === 'tax_debt_certificate')).toMatchObject({ status: 'too_old', maxAgeDays: 30 })

    // Bad input: a date in the future, a kind the claim does not hold, no file, a file that is not a document.
    expect(attachClaimDocument(company, claimId, { kind: 'tax_debt_certificate', issuedOn: daysFromToday(1), document: pdf() })).toMatchObject({ error: 'date_in_future', field: 'issuedOn' })
    expect(attachClaimDocument(company, claimId, { kind: 'contract', issuedOn: regionToday(), document: pdf() })).toMatchObject({ error: 'invalid', field: 'kind' })
    expect(attachClaimDocument(company, claimId, { kind: 'tax_debt_certificate', issuedOn: regionToday(), document: undefined })).toMatchObject({ error: 'document_required' })
    expect(attachClaimDocument(company, claimId, { kind: 'tax_debt_certificate', issuedOn: regionToday(), document: { name: 'x.pdf', size: 4, bytes: new Uint8Array([1, 2, 3, 4]) } })).toMatchObject({ ok: false })
    expect(db.select({ n: count() }).from(claimDocuments).where(eq(claimDocuments.claimId, claimId)).get()!.n).toBe(2)

    const oldOne = db.select().from(claimDocuments).where(and(eq(claimDocuments.claimId, claimId), eq(claimDocuments.kind, 'tax_debt_certificate'))).get()!
    expectOk(removeClaimDocument(company, claimId, oldOne.id))
    expectOk(attachClaimDocument(company, claimId, { kind: 'tax_debt_certificate', issuedOn: daysFromToday(-30), document: pdf('справка-свежая.pdf', 'fresh') }))
    expect(rules()).toEqual([])
    expectOk(submitClaim(company, claimId))
  })
})

describe('after the payment', () => {
  it('a report with a shortfall leads to a return computed by the programme’s formula, followed until it is returned', async () => {
    const { company, admin, contract, programmeId } = await parties({ returnFormula: 'shortfall_mean' })
    const claimId = paidClaim(company, admin, programmeId, contract.contractId, [contract.paymentIds[0]])
    const { revenue, jobs, reportId } = agreementWithReport(admin, claimId)
    expect(recordAgreement(admin, claimId, { number: 'again', signedOn: regionToday() })).toMatchObject({ error: 'agreement_exists' })

    // The recipient reports: 8 000 of 10 000 thousand roubles of revenue, 3 of 4 jobs, with evidence.
    expect(submitReport(company, claimId, reportId, { achieved: { [revenue]: 8_000 }, document: pdf('отчёт.pdf') })).toMatchObject({ error: 'invalid', field: `achieved.${jobs}` })
    expect(submitReport(company, claimId, reportId, { achieved: { [revenue]: 8_000, [jobs]: 3 }, document: undefined })).toMatchObject({ error: 'document_required' })
    expectOk(submitReport(company, claimId, reportId, { achieved: { [revenue]: 8_000, [jobs]: 3 }, note: 'Продажи начались в III квартале.', document: pdf('отчёт.pdf') }))
    expect(db.select().from(notifications).where(eq(notifications.kind, 'reportSubmitted')).all().some((n) => n.params.claim === claimId)).toBe(true)

    // (20 % + 25 %) / 2 of 500 000 ₽ paid = 112 500 ₽.
    const { returnId, amountKopecks } = expectOk(recordShortfall(admin, claimId, reportId, { note: 'Показатели не достигнуты.' }))
    expect(amountKopecks).toBe(rub(112_500))
    expect(db.select().from(indicatorReports).where(eq(indicatorReports.id, reportId)).get()).toMatchObject({ status: 'shortfall' })
    expect(db.select().from(subsidyReturns).where(eq(subsidyReturns.id, returnId)).get()).toMatchObject({ status: 'demanded', amountKopecks: rub(112_500) })
    expect(db.select().from(notifications).where(and(eq(notifications.userId, company.userId), eq(notifications.kind, 'returnDemanded'))).all()).toHaveLength(1)
    expect(recordShortfall(admin, claimId, reportId, { note: 'ещё раз' })).toMatchObject({ error: 'report_not_submitted' })

    expect(recordReturnReceived(admin, claimId, returnId, { returnedOn: daysFromToday(1), orderNumber: '15' })).toMatchObject({ error: 'date_in_future' })
    expectOk(recordReturnReceived(admin, claimId, returnId, { returnedOn: regionToday(), orderNumber: '15' }))
    expect(recordReturnReceived(admin, claimId, returnId, { returnedOn: regionToday(), orderNumber: '15' })).toMatchObject({ error: 'return_not_demanded' })
    expect(programmeRow(programmeId)).toMatchObject({ paidKopecks: rub(500_000), returnedKopecks: rub(112_500), reservedKopecks: 0 })
    const trail = db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'claim'), eq(auditEvents.entityId, String(claimId)))).all().map((e) => e.action)
    expect(trail.slice(-7)).toEqual(['claim.agreement_recorded', 'claim.indicator_added', 'claim.indicator_added', 'claim.report_scheduled', 'claim.report_submitted', 'claim.shortfall_recorded', 'claim.return_received'])
  })

  it('a return larger than what was paid is refused and nothing is recorded', async () => {
    const { company, admin, contract, programmeId } = await parties({ returnFormula: 'shortfall_sum' })
    const claimId = paidClaim(company, admin, programmeId, contract.contractId, [contract.paymentIds[0]])
    const { revenue, jobs, reportId } = agreementWithReport(admin, claimId)
    // Nothing reached on either indicator: the sum formula asks 100 % + 100 % of the subsidy.
    expectOk(submitReport(company, claimId, reportId, { achieved: { [revenue]: 0, [jobs]: 0 }, document: pdf('пусто.pdf') }))
    expect(recordShortfall(admin, claimId, reportId, { note: 'Ничего не достигнуто.' })).toMatchObject({ error: 'return_exceeds_paid', params: { amount: '1000000.00', paid: '500000.00', demanded: '0.00' } })
    expect(db.select({ n: count() }).from(subsidyReturns).where(eq(subsidyReturns.claimId, claimId)).get()!.n).toBe(0)
    expect(db.select().from(indicatorReports).where(eq(indicatorReports.id, reportId)).get()).toMatchObject({ status: 'submitted' })
  })

  it('an accepted report demands nothing; a recipient cannot review its own report nor another company file one', async () => {
    const { company, admin, contract, programmeId } = await parties()
    const claimId = paidClaim(company, admin, programmeId, contract.contractId, [contract.paymentIds[0]])
    const { revenue, jobs, reportId } = agreementWithReport(admin, claimId)
    const stranger = await verifiedCompany()
    expect(submitReport(stranger, claimId, reportId, { achieved: { [revenue]: 1, [jobs]: 1 }, document: pdf() })).toMatchObject({ error: 'not_found' })
    expectOk(submitReport(company, claimId, reportId, { achieved: { [revenue]: 12_000, [jobs]: 4 }, document: pdf('отчёт.pdf') }))
    expect(acceptReport(company, claimId, reportId, { note: 'сами приняли' })).toMatchObject({ error: 'forbidden' })
    expect(recordShortfall(admin, claimId, reportId, { note: 'нет' })).toMatchObject({ error: 'no_shortfall' })
    expectOk(acceptReport(admin, claimId, reportId, { note: 'Показатели достигнуты.' }))
    expect(db.select().from(indicatorReports).where(eq(indicatorReports.id, reportId)).get()).toMatchObject({ status: 'accepted' })
  })

  it('an agreement may be recorded on an approved claim, but results are reported and judged only once it is paid', async () => {
    const { company, admin, contract, programmeId } = await parties()
    const claimId = submittedClaim(company, programmeId, contract.contractId, [contract.paymentIds[0]])
    expect(recordAgreement(admin, claimId, { number: 'С-1', signedOn: regionToday() })).toMatchObject({ error: 'claim_not_paid' })
    clearAffiliation(admin, claimId)
    expectOk(decideClaim(admin, claimId, { decision: 'approve', reason: 'ok', revision: revisionOf(admin, claimId) }))
    const { revenue, jobs, reportId } = agreementWithReport(admin, claimId)
    expect(submitReport(company, claimId, reportId, { achieved: { [revenue]: 1, [jobs]: 1 }, document: pdf() })).toMatchObject({ error: 'claim_not_paid' })
    expect(db.select().from(indicatorReports).where(eq(indicatorReports.id, reportId)).get()).toMatchObject({ status: 'due' })
  })

  it('reminds the recipient of a report due within a week, and tells both sides once the deadline passes; each once', async () => {
    const { company, admin, contract, programmeId } = await parties()
    const claimId = paidClaim(company, admin, programmeId, contract.contractId, [contract.paymentIds[0]])
    const { reportId } = agreementWithReport(admin, claimId)
    const mine = (kind: string) => db.select().from(notifications).where(and(eq(notifications.userId, company.userId), eq(notifications.kind, kind))).all().filter((n) => n.params.claim === claimId)
    db.update(indicatorReports).set({ dueOn: daysFromToday(3) }).where(eq(indicatorReports.id, reportId)).run()
    sendReportReminders()
    sendReportReminders()
    expect(mine('reportDueSoon')).toHaveLength(1)
    expect(sendReportReminders(daysFromToday(4)).overdue).toBeGreaterThanOrEqual(1)
    sendReportReminders(daysFromToday(5))
    expect(mine('reportOverdue')).toHaveLength(1)
  })
})

describe('the programme’s ledger', () => {
  it('lists every movement with its claim, and the budget figures reconcile to it', async () => {
    const { company, admin, contract, programmeId } = await parties({ returnFormula: 'shortfall_sum' })
    const paid = paidClaim(company, admin, programmeId, contract.contractId, [contract.paymentIds[0]])
    const approvedOnly = submittedClaim(company, programmeId, contract.contractId, [contract.paymentIds[1]])
    clearAffiliation(admin, approvedOnly)
    expectOk(decideClaim(admin, approvedOnly, { decision: 'approve_partial', amount: rub(300_000), reason: 'Часть затрат не подтверждена.', revision: revisionOf(admin, approvedOnly) }))
    const { revenue, jobs, reportId } = agreementWithReport(admin, paid)
    expectOk(submitReport(company, paid, reportId, { achieved: { [revenue]: 10_000, [jobs]: 3 }, document: pdf('отчёт.pdf') }))
    const { returnId } = expectOk(recordShortfall(admin, paid, reportId, { note: 'Рабочих мест меньше.' }))
    expectOk(recordReturnReceived(admin, paid, returnId, { returnedOn: regionToday(), orderNumber: '3' }))

    // A third company's approval is cancelled before payment (no agreement signed): its reservation is released.
    const other = await verifiedCompany()
    const otherContract = confirmedContract(other, await stateLab(), { stageAmounts: [rub(400_000)], payments: [{ amount: rub(400_000) }] })
    const cancelled = submittedClaim(other, programmeId, otherContract.contractId, otherContract.paymentIds)
    clearAffiliation(admin, cancelled)
    expectOk(decideClaim(admin, cancelled, { decision: 'approve', reason: 'ok', revision: revisionOf(admin, cancelled) }))
    expect(cancelApproval(admin, cancelled, { reason: '  ', revision: revisionOf(admin, cancelled) })).toMatchObject({ error: 'reason_required' })
    expectOk(cancelApproval(admin, cancelled, { reason: 'Соглашение не подписано в срок.', revision: revisionOf(admin, cancelled) }))
    expect(cancelApproval(admin, paid, { reason: 'поздно', revision: revisionOf(admin, paid) })).toMatchObject({ error: 'approval_not_cancellable' })

    const ledger = expectOk(programmeLedgerView(admin, programmeId))
    expect(ledger.movements.map((m) => [m.kind, m.amountKopecks, m.claimId, m.returnId])).toEqual([
      ['reserved', rub(500_000), paid, null],
      ['paid', rub(500_000), paid, null],
      ['reserved', rub(300_000), approvedOnly, null],
      ['returned', rub(125_000), paid, returnId],
      ['reserved', rub(200_000), cancelled, null],
      ['released', rub(200_000), cancelled, null],
    ])
    expect(ledger.fromLedger).toEqual({ reservedKopecks: rub(300_000), paidKopecks: rub(500_000), returnedKopecks: rub(125_000) })
    expect(ledger.recorded).toEqual(ledger.fromLedger)
    expect(ledger.reconciles).toBe(true)

    // A figure changed behind the ledger's back is caught.
    db.update(programmes).set({ reservedKopecks: rub(300_001) }).where(eq(programmes.id, programmeId)).run()
    expect(expectOk(programmeLedgerView(admin, programmeId)).reconciles).toBe(false)
    expect(programmeLedgerView(company, programmeId)).toMatchObject({ error: 'forbidden' })
  })
})
