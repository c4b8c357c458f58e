import { spawn } from 'node:child_process'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { and, count, eq, inArray, isNull } from 'drizzle-orm'
import { auditEvents, claimPayments, compensationClaims, notifications, organisations, programmeLedger, programmes } from '#db/schema'
import { db } from '~/db.server'
import { createClaim, submitClaim, updateClaimPayments, withdrawClaim } from '~/modules/claims/claims.server'
import { decideClaim, markClaimPaid } from '~/modules/claims/decide.server'
import { getClaimView, registryRows, reviewQueue, type RegistryRow } from '~/modules/claims/queries.server'
import { registryTable } from '~/modules/claims/registry.server'
import { tableFile } from '~/modules/exports/table-export.server'
import { attachDocument } from '~/modules/contracts/execution.server'
import { regionToday } from '~/modules/calendar/calendar'
import { createProgramme, updateProgramme } from '~/modules/programmes/programmes.server'
import type { Actor } from '~/modules/permissions/actor'
import { clearAffiliation, confirmedContract, declareUnaffiliated, openProgramme, pdf, programmeFields, reviewer, rub, stateLab, verifiedCompany } from '../factories/contracts'
import { outboxRows } from '../factories/outbox'

function claimRow(id: number) {
  return db.select().from(compensationClaims).where(eq(compensationClaims.id, id)).get()!
}

function programmeRow(id: number) {
  return db.select().from(programmes).where(eq(programmes.id, id)).get()!
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`refused: ${result.error}`)
  return result.value
}

/** A company, its state lab, a confirmed contract with paid and accepted work, and an open programme. */
async function claimable(options: { payments?: number[]; programme?: Parameters<typeof openProgramme>[1] } = {}) {
  const company = await verifiedCompany()
  const lab = await stateLab()
  const admin = await reviewer()
  const amounts = options.payments ?? [rub(1_000_000)]
  const total = amounts.reduce((s, a) => s + a, 0)
  const contract = confirmedContract(company, lab, { stageAmounts: [total], payments: amounts.map((amount) => ({ amount })) })
  const programmeId = openProgramme(admin, options.programme)
  return { company, lab, admin, contract, programmeId }
}

function submitted(company: Actor, programmeId: number, contractId: number, paymentIds: number[]) {
  const { claimId } = expectOk(createClaim(company, { programmeId, contractId, paymentIds }))
  declareUnaffiliated(company, claimId)
  expectOk(submitClaim(company, claimId))
  return claimId
}

describe('a claim from draft to payment', () => {
  it('is computed from the rules, returned with a reason, corrected, approved in part, paid, and every step is audited and announced', async () => {
    const { company, admin, contract, programmeId } = await claimable({ payments: [rub(600_000), rub(400_000)] })
    const { claimId } = expectOk(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: [contract.paymentIds[0]] }))
    expect(claimRow(claimId).status).toBe('draft')
    declareUnaffiliated(company, claimId)
    // The administration does not see drafts.
    expect(getClaimView(admin, claimId)).toMatchObject({ error: 'not_found' })

    expect(submitClaim(company, claimId)).toMatchObject({ ok: true, value: { requestedKopecks: rub(300_000) } })
    const afterSubmit = claimRow(claimId)
    expect(afterSubmit).toMatchObject({ status: 'submitted', requestedKopecks: rub(300_000) })
    expect(afterSubmit.computation?.steps.map((s) => s.rule)).toEqual(['eligible_paid', 'share', 'cap_per_claim', 'cap_per_company', 'budget'])
    const queue = expectOk(reviewQueue(admin, { status: 'submitted', programmeId, page: 1 }))
    expect(queue.rows.map((r) => r.id)).toContain(claimId)
    expect(queue.counts.submitted).toBe(1)

    expect(decideClaim(admin, claimId, { decision: 'return', reason: 'Добавьте второй платёж по договору.', revision: afterSubmit.revision })).toMatchObject({ ok: true })
    const view = expectOk(getClaimView(company, claimId))
    expect(view.claim).toMatchObject({ status: 'returned', decisionReason: 'Добавьте второй платёж по договору.' })
    expect(view.permissions.edit).toBe(true)
    const companyNotices = db.select().from(notifications).where(and(eq(notifications.userId, company.userId), eq(notifications.kind, 'claimReturned'))).all()
    expect(companyNotices).toHaveLength(1)
    expect(outboxRows(db, 'mail').some(({ payload: m }) => m.to === company.email && m.text.includes('Добавьте второй платёж'))).toBe(true)

    expectOk(updateClaimPayments(company, claimId, { paymentIds: contract.paymentIds }))
    expect(submitClaim(company, claimId)).toMatchObject({ ok: true, value: { requestedKopecks: rub(500_000) } })
    expect(claimRow(claimId).decisionReason).toBeNull()
    clearAffiliation(admin, claimId)
    const resubmitted = claimRow(claimId)

    expect(decideClaim(admin, claimId, { decision: 'approve_partial', amount: rub(450_000), reason: 'Часть затрат — накладные расходы.', revision: resubmitted.revision })).toMatchObject({ ok: true })
    expect(claimRow(claimId)).toMatchObject({ status: 'approved', approvedKopecks: rub(450_000) })
    expect(programmeRow(programmeId)).toMatchObject({ reservedKopecks: rub(450_000), paidKopecks: 0 })

    expect(markClaimPaid(admin, claimId, { paidOn: regionToday(), orderNumber: '77-001', revision: claimRow(claimId).revision })).toMatchObject({ ok: true })
    expect(claimRow(claimId)).toMatchObject({ status: 'paid', paymentOrderNumber: '77-001' })
    expect(programmeRow(programmeId)).toMatchObject({ reservedKopecks: 0, paidKopecks: rub(450_000) })

    const trail = db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'claim'), eq(auditEvents.entityId, String(claimId)))).all()
    expect(trail.map((e) => e.action)).toEqual([
      'claim.created',
      'claim.affiliation_declared',
      'claim.submitted',
      'claim.returned',
      'claim.payments_changed',
      'claim.resubmitted',
      'claim.affiliation_cleared',
      'claim.approved_partially',
      'claim.paid',
    ])
    const budgetTrail = db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'programme'), eq(auditEvents.entityId, String(programmeId)))).all()
    expect(budgetTrail.map((e) => e.action)).toEqual(['programme.created', 'programme.budget_reserved', 'programme.budget_paid'])
    const kinds = db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, company.userId)).all().map((n) => n.kind)
    expect(kinds).toEqual(expect.arrayContaining(['claimReturned', 'claimApprovedPartially', 'claimPaid']))
    expect(db.select().from(notifications).where(and(eq(notifications.userId, admin.userId), eq(notifications.kind, 'claimResubmitted'))).all()).toHaveLength(1)
  })

  it('refuses to submit a claim that breaks a rule, and leaves it a draft', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const admin = await reviewer()
    const contract = confirmedContract(company, lab, { payments: [{ amount: rub(500_000), scan: false }] })
    const programmeId = openProgramme(admin)
    const { claimId } = expectOk(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: contract.paymentIds }))
    declareUnaffiliated(company, claimId)
    expect(submitClaim(company, claimId)).toMatchObject({ ok: false, error: 'claim_has_violations', params: { count: 1 } })
    expect(claimRow(claimId)).toMatchObject({ status: 'draft', requestedKopecks: null })
    const view = expectOk(getClaimView(company, claimId))
    expect(view.assessment.violations.map((v) => v.rule)).toEqual(['document_missing_payment_order'])
  })

  it('refuses a claim under a closed programme and one whose contractor is not a state organisation', async () => {
    const company = await verifiedCompany()
    const privateLab = await stateLab('university', false)
    const admin = await reviewer()
    const contract = confirmedContract(company, privateLab)
    const closed = openProgramme(admin, { opensOn: '2024-01-01', closesOn: '2024-12-31' })
    const { claimId } = expectOk(createClaim(company, { programmeId: closed, contractId: contract.contractId, paymentIds: contract.paymentIds }))
    declareUnaffiliated(company, claimId)
    expect(submitClaim(company, claimId)).toMatchObject({ error: 'claim_has_violations', params: { count: 2 } })
    const rules = expectOk(getClaimView(company, claimId)).assessment.violations.map((v) => v.rule)
    expect(rules).toEqual(['programme_closed', 'contractor_not_eligible'])
  })
})

describe('the contractor is confirmed by the administration, never self-declared', () => {
  it('an organisation that registered itself as a state university receives no compensation: the rule is named, submission and approval are refused', async () => {
    const company = await verifiedCompany()
    // The probe's path: anyone may sign up as a "state university"; nobody has checked it.
    const selfDeclared = await stateLab('university', true, { verified: false })
    const admin = await reviewer()
    const contract = confirmedContract(company, selfDeclared)
    const programmeId = openProgramme(admin)
    const { claimId } = expectOk(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: contract.paymentIds }))
    declareUnaffiliated(company, claimId)
    expect(expectOk(getClaimView(company, claimId)).assessment.violations.map((v) => v.rule)).toEqual(['contractor_not_verified'])
    expect(submitClaim(company, claimId)).toMatchObject({ error: 'claim_has_violations', params: { count: 1 } })

    // Verified at submission, then its verification is withdrawn: the reviewer sees the rule and may not approve.
    db.update(organisations).set({ verificationStatus: 'verified' }).where(eq(organisations.id, selfDeclared.organisationId!)).run()
    expectOk(submitClaim(company, claimId))
    db.update(organisations).set({ verificationStatus: 'rejected' }).where(eq(organisations.id, selfDeclared.organisationId!)).run()
    expect(expectOk(getClaimView(admin, claimId)).assessment.violations.map((v) => v.rule)).toEqual(['contractor_not_verified'])
    const before = programmeRow(programmeId)
    const revision = claimRow(claimId).revision
    expect(decideClaim(admin, claimId, { decision: 'approve', reason: 'Всё в порядке', revision })).toMatchObject({ ok: false, error: 'contractor_not_verified' })
    expect(decideClaim(admin, claimId, { decision: 'approve_partial', amount: rub(1), reason: 'Часть', revision })).toMatchObject({ ok: false, error: 'contractor_not_verified' })
    expect(claimRow(claimId)).toMatchObject({ status: 'submitted', approvedKopecks: null })
    expect(programmeRow(programmeId).reservedKopecks).toBe(before.reservedKopecks)
    // Rejecting or returning it stays possible.
    expect(decideClaim(admin, claimId, { decision: 'reject', reason: 'Исполнитель не подтверждён', revision })).toMatchObject({ ok: true })
  })
})

describe('the budget', () => {
  it('many concurrent approvals in separate processes against a nearly spent programme never overspend it', { timeout: 180_000 }, async () => {
    const CLAIMS = 12
    const WORKERS = 6
    const company = await verifiedCompany()
    const lab = await stateLab()
    const admin = await reviewer()
    const contract = confirmedContract(company, lab, { stageAmounts: [rub(200_000) * CLAIMS], payments: Array.from({ length: CLAIMS }, () => ({ amount: rub(200_000) })) })
    // 10 M₽ budget of which all but 300 000 ₽ is already reserved: room for exactly three 100 000 ₽ approvals.
    const programmeId = openProgramme(admin, { totalBudget: rub(10_000_000) })
    db.update(programmes).set({ reservedKopecks: rub(9_700_000) }).where(eq(programmes.id, programmeId)).run()
    const claimIds = contract.paymentIds.map((paymentId) => submitted(company, programmeId, contract.contractId, [paymentId]))
    for (const id of claimIds) clearAffiliation(admin, id)
    expect(claimIds.map((id) => claimRow(id).requestedKopecks)).toEqual(Array(CLAIMS).fill(rub(100_000)))

    const worker = path.resolve('tests/integration/workers/approve-claims.ts')
    type Report = { startedAt: number; outcomes: { claimId: number; ok: boolean; error: string | null }[] }
    const children = Array.from({ length: WORKERS }, (_, w) => {
      // Each reviewer takes two claims; the orders differ so that the processes collide.
      const mine = claimIds.filter((_, i) => i % WORKERS === w).map((id) => `${id}:${claimRow(id).revision}`)
      const child = spawn(process.execPath, ['--import', 'tsx', worker, admin.userId, ...(w % 2 ? mine.reverse() : mine)], {
        env: { ...process.env, LOG_LEVEL: 'silent', SEED_DEMO: 'false' },
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      let out = ''
      let err = ''
      let announceReady: () => void = () => {}
      const ready = new Promise<void>((resolve) => (announceReady = resolve))
      child.stdout.on('data', (d) => {
        out += d
        if (out.startsWith('ready\n')) announceReady()
      })
      child.stderr.on('data', (d) => (err += d))
      const report = new Promise<Report>((resolve, reject) =>
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`worker ${w} exited ${code}: ${err}`)))),
      )
      return { child, ready, report }
    })
    // A barrier: every process is loaded and waiting before any of them starts.
    await Promise.all(children.map((c) => c.ready))
    for (const { child } of children) child.stdin.write('go\n')
    const reports = await Promise.all(children.map((c) => c.report))
    const starts = reports.map((r) => r.startedAt)
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(2_000)
    const outcomes = reports.flatMap((r) => r.outcomes)
    expect(outcomes).toHaveLength(CLAIMS)

    const approved = outcomes.filter((o) => o.ok)
    expect(approved).toHaveLength(3)
    expect(new Set(outcomes.filter((o) => !o.ok).map((o) => o.error))).toEqual(new Set(['budget_exhausted']))
    const programme = programmeRow(programmeId)
    expect(programme.reservedKopecks).toBe(rub(10_000_000))
    expect(programme.totalBudgetKopecks - programme.reservedKopecks - programme.paidKopecks).toBe(0)
    const rows = db.select().from(compensationClaims).where(inArray(compensationClaims.id, claimIds)).all()
    expect(rows.filter((c) => c.status === 'approved').map((c) => c.id).sort()).toEqual(approved.map((o) => o.claimId).sort())
    expect(rows.filter((c) => c.status === 'submitted')).toHaveLength(CLAIMS - 3)
    const reservations = db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'programme'), eq(auditEvents.entityId, String(programmeId)), eq(auditEvents.action, 'programme.budget_reserved'))).all()
    expect(reservations).toHaveLength(3)
    // The ledger holds the same three reservations, each naming its approved claim.
    const ledger = db.select().from(programmeLedger).where(eq(programmeLedger.programmeId, programmeId)).all()
    expect(ledger.map((m) => [m.kind, m.amountKopecks])).toEqual(Array(3).fill(['reserved', rub(100_000)]))
    expect(ledger.map((m) => m.claimId).sort()).toEqual(approved.map((o) => o.claimId).sort())
  })

  it('an approval that would exceed the programme budget is refused and nothing is reserved', async () => {
    const { company, admin, contract, programmeId } = await claimable({ payments: [rub(1_000_000)] })
    const claimId = submitted(company, programmeId, contract.contractId, contract.paymentIds)
    clearAffiliation(admin, claimId)
    db.update(programmes).set({ reservedKopecks: rub(100_000_000) - rub(100_000) }).where(eq(programmes.id, programmeId)).run()
    const before = programmeRow(programmeId)
    expect(decideClaim(admin, claimId, { decision: 'approve', reason: 'ok', revision: claimRow(claimId).revision })).toMatchObject({ error: 'budget_exhausted', params: { remaining: '100000.00' } })
    expect(programmeRow(programmeId).reservedKopecks).toBe(before.reservedKopecks)
    expect(claimRow(claimId).status).toBe('submitted')
    // Approving what is left works.
    expect(decideClaim(admin, claimId, { decision: 'approve_partial', amount: rub(100_000), reason: 'Остаток бюджета', revision: claimRow(claimId).revision })).toMatchObject({ ok: true })
    expect(programmeRow(programmeId).reservedKopecks).toBe(rub(100_000_000))
  })

  it('the database itself refuses a reservation beyond the budget', async () => {
    const admin = await reviewer()
    const programmeId = openProgramme(admin, { totalBudget: rub(1_000) })
    expect(() => db.update(programmes).set({ reservedKopecks: rub(1_000) + 1 }).where(eq(programmes.id, programmeId)).run()).toThrow(/CHECK constraint failed: programmes_budget/)
  })

  it('a programme budget cannot be cut below what is already reserved and paid', async () => {
    const admin = await reviewer()
    const programmeId = openProgramme(admin, { totalBudget: rub(1_000_000) })
    db.update(programmes).set({ reservedKopecks: rub(600_000) }).where(eq(programmes.id, programmeId)).run()
    expect(updateProgramme(admin, programmeId, programmeFields({ totalBudget: rub(500_000) }))).toMatchObject({ error: 'budget_below_committed', field: 'totalBudget' })
    expect(programmeRow(programmeId).totalBudgetKopecks).toBe(rub(1_000_000))
    expect(updateProgramme(admin, programmeId, programmeFields({ totalBudget: rub(600_000) }))).toMatchObject({ ok: true })
  })

  it('the company cap counts what its other claims already got', async () => {
    const { company, admin, contract, programmeId } = await claimable({ payments: [rub(1_000_000), rub(1_000_000)], programme: { capPerCompany: rub(700_000) } })
    const first = submitted(company, programmeId, contract.contractId, [contract.paymentIds[0]])
    clearAffiliation(admin, first)
    expectOk(decideClaim(admin, first, { decision: 'approve', reason: 'ok', revision: claimRow(first).revision }))
    const second = submitted(company, programmeId, contract.contractId, [contract.paymentIds[1]])
    expect(claimRow(second).requestedKopecks).toBe(rub(200_000))
    const view = expectOk(getClaimView(admin, second))
    expect(view.assessment.computation.steps.find((s) => s.rule === 'cap_per_company')).toMatchObject({ applied: true, limitKopecks: rub(200_000) })
  })
})

describe('a payment is claimed once', () => {
  it('a payment claimed twice is refused, by the rules and by the database', async () => {
    const { company, contract, programmeId } = await claimable()
    const first = expectOk(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: contract.paymentIds }))
    const claimsBefore = db.select({ n: count() }).from(compensationClaims).get()!.n
    expect(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: contract.paymentIds })).toMatchObject({
      error: 'payment_already_claimed',
      field: 'paymentIds',
      params: { claim: first.claimId },
    })
    expect(db.select({ n: count() }).from(compensationClaims).get()!.n).toBe(claimsBefore)
    // Past the domain function: the partial unique index stops a second live row for the payment.
    const second = db.insert(compensationClaims).values({ programmeId, companyId: company.organisationId!, contractId: contract.contractId, status: 'draft', createdBy: company.userId }).returning().get()
    expect(() => db.insert(claimPayments).values({ claimId: second.id, paymentId: contract.paymentIds[0] }).run()).toThrow(/UNIQUE constraint failed/)
  })

  it('a withdrawn or rejected claim releases its payments; a returned one keeps them', async () => {
    const { company, admin, contract, programmeId } = await claimable()
    const returned = submitted(company, programmeId, contract.contractId, contract.paymentIds)
    expectOk(decideClaim(admin, returned, { decision: 'return', reason: 'Уточните', revision: claimRow(returned).revision }))
    expect(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: contract.paymentIds })).toMatchObject({ error: 'payment_already_claimed' })
    expectOk(withdrawClaim(company, returned))
    const live = db.select().from(claimPayments).where(and(eq(claimPayments.paymentId, contract.paymentIds[0]), isNull(claimPayments.releasedAt))).all()
    expect(live).toHaveLength(0)
    const again = submitted(company, programmeId, contract.contractId, contract.paymentIds)
    expectOk(decideClaim(admin, again, { decision: 'reject', reason: 'Не НИОКР', revision: claimRow(again).revision }))
    expect(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: contract.paymentIds })).toMatchObject({ ok: true })
  })
})

describe('who may review', () => {
  it('a reviewer from a company, or a member of the claiming company acting as reviewer, is refused and nothing changes', async () => {
    const { company, lab, contract, programmeId } = await claimable()
    const claimId = submitted(company, programmeId, contract.contractId, contract.paymentIds)
    const otherCompany = await verifiedCompany()
    const before = { claim: claimRow(claimId), programme: programmeRow(programmeId), events: db.select({ n: count() }).from(auditEvents).get()!.n }
    for (const outsider of [company, otherCompany, lab]) {
      const revision = claimRow(claimId).revision
      expect(decideClaim(outsider, claimId, { decision: 'approve', reason: 'сам себе одобрил', revision })).toMatchObject({ error: 'forbidden' })
      expect(decideClaim(outsider, claimId, { decision: 'reject', reason: 'x', revision })).toMatchObject({ error: 'forbidden' })
      expect(markClaimPaid(outsider, claimId, { paidOn: regionToday(), orderNumber: '1', revision })).toMatchObject({ error: 'forbidden' })
      expect(reviewQueue(outsider, { page: 1 })).toMatchObject({ error: 'forbidden' })
      expect(registryRows(outsider, {})).toMatchObject({ error: 'forbidden' })
      expect(createProgramme(outsider, programmeFields())).toMatchObject({ error: 'forbidden' })
    }
    expect(claimRow(claimId)).toEqual(before.claim)
    expect(programmeRow(programmeId)).toEqual(before.programme)
    expect(db.select({ n: count() }).from(auditEvents).get()!.n).toBe(before.events)
  })

  it('another company may not see, change, submit or withdraw a claim: for it the claim does not exist', async () => {
    const { company, contract, programmeId } = await claimable()
    const { claimId } = expectOk(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: contract.paymentIds }))
    const stranger = await verifiedCompany()
    expect(getClaimView(stranger, claimId)).toMatchObject({ error: 'not_found' })
    expect(updateClaimPayments(stranger, claimId, { paymentIds: contract.paymentIds })).toMatchObject({ error: 'not_found' })
    expect(submitClaim(stranger, claimId)).toMatchObject({ error: 'not_found' })
    expect(withdrawClaim(stranger, claimId)).toMatchObject({ error: 'not_found' })
    expect(claimRow(claimId).status).toBe('draft')
  })
})

describe('tampered forms', () => {
  it('refuses tampered ids and amounts, and nothing changes', async () => {
    const { company, lab, admin, contract, programmeId } = await claimable({ payments: [rub(1_000_000)] })
    const stranger = await verifiedCompany()
    const strangerContract = confirmedContract(stranger, lab)
    const claimId = submitted(company, programmeId, contract.contractId, contract.paymentIds)
    const before = { claim: claimRow(claimId), programme: programmeRow(programmeId), claims: db.select({ n: count() }).from(compensationClaims).get()!.n }
    const revision = before.claim.revision

    // Someone else's contract, someone else's payment, a payment id that does not exist, an unknown programme.
    expect(createClaim(company, { programmeId, contractId: strangerContract.contractId, paymentIds: strangerContract.paymentIds })).toMatchObject({ error: 'not_found' })
    expect(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: strangerContract.paymentIds })).toMatchObject({ error: 'payment_not_in_contract' })
    expect(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: [999_999] })).toMatchObject({ error: 'payment_not_in_contract' })
    expect(createClaim(company, { programmeId: 999_999, contractId: contract.contractId, paymentIds: contract.paymentIds })).toMatchObject({ error: 'not_found' })
    expect(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: [] })).toMatchObject({ error: 'no_payments' })

    // Amounts: above what was claimed, zero, negative, a fraction of a kopeck, more than the rules allow.
    expect(decideClaim(admin, claimId, { decision: 'approve_partial', amount: rub(600_000), reason: 'x', revision })).toMatchObject({ error: 'amount_not_below_requested' })
    expect(decideClaim(admin, claimId, { decision: 'approve_partial', amount: 0, reason: 'x', revision })).toMatchObject({ error: 'amount_positive' })
    expect(decideClaim(admin, claimId, { decision: 'approve_partial', amount: -rub(100), reason: 'x', revision })).toMatchObject({ error: 'amount_positive' })
    expect(decideClaim(admin, claimId, { decision: 'approve_partial', amount: 10.5, reason: 'x', revision })).toMatchObject({ error: 'amount_positive' })
    expect(decideClaim(admin, claimId, { decision: 'approve', reason: '   ', revision })).toMatchObject({ error: 'reason_required', field: 'reason' })
    // A stale revision: the claim changed since the reviewer looked.
    expect(decideClaim(admin, claimId, { decision: 'approve', reason: 'x', revision: revision - 1 })).toMatchObject({ error: 'claim_changed' })
    // A claim id that does not exist, or is not submitted.
    expect(decideClaim(admin, 999_999, { decision: 'approve', reason: 'x', revision })).toMatchObject({ error: 'not_found' })
    expect(markClaimPaid(admin, claimId, { paidOn: regionToday(), orderNumber: '1', revision })).toMatchObject({ error: 'claim_not_approved' })

    expect(claimRow(claimId)).toEqual(before.claim)
    expect(programmeRow(programmeId)).toEqual(before.programme)
    expect(db.select({ n: count() }).from(compensationClaims).get()!.n).toBe(before.claims)
  })

  it('a document of a claimed payment cannot be swapped while the claim is under review', async () => {
    const { company, contract, programmeId } = await claimable()
    submitted(company, programmeId, contract.contractId, contract.paymentIds)
    expect(attachDocument(company, contract.contractId, { target: 'payment', recordId: contract.paymentIds[0], document: pdf('other.pdf', 'other') })).toMatchObject({ error: 'document_locked' })
  })
})

describe('the registry', () => {
  // The registry leaves the app the way every table does: through the one table export.
  const registryFile = (rows: RegistryRow[], format: 'csv' | 'xlsx', locale: 'ru' | 'en') => tableFile(registryTable(rows, locale), format, 'claims-registry', 'Реестр', locale)
  // Decoded keeping the byte-order mark, which Russian spreadsheets need.
  const registryCsv = async (rows: RegistryRow[], locale: 'ru' | 'en') => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await registryFile(rows, 'csv', locale)).arrayBuffer())

  it('exports the claims to CSV and XLSX with headers in the reader’s language', async () => {
    const { company, admin, contract, programmeId } = await claimable({ payments: [rub(1_234_567.89)] })
    const claimId = submitted(company, programmeId, contract.contractId, contract.paymentIds)
    clearAffiliation(admin, claimId)
    expectOk(decideClaim(admin, claimId, { decision: 'approve', reason: 'Всё верно; "кавычки"; точка с запятой', revision: claimRow(claimId).revision }))
    const rows = expectOk(registryRows(admin, { programmeId }))
    expect(rows).toHaveLength(1)

    const csv = await registryCsv(rows, 'ru')
    expect(csv.startsWith('\uFEFF№ заявки;Статус;Программа')).toBe(true)
    expect(csv).toContain(`${claimId};Одобрена;`)
    expect(csv).toContain(';617283,94;617283,94;') // 50 % of 1 234 567,89 ₽ rounded down, in Russian decimals
    expect(csv).toContain('"Всё верно; ""кавычки""; точка с запятой"')
    expect(await registryCsv(rows, 'en')).toContain(',617283.94,617283.94,')

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await (await registryFile(rows, 'xlsx', 'en')).arrayBuffer())
    const sheet = workbook.worksheets[0]
    expect(sheet.getRow(1).getCell(1).value).toBe('Claim No.')
    expect(sheet.getRow(2).getCell(1).value).toBe(claimId)
    expect(sheet.getRow(2).getCell(10).value).toBe(617283.94)
  })

  it('neutralises text that a spreadsheet would run as a formula, and leaves amounts as numbers', async () => {
    const { company, admin, contract, programmeId } = await claimable()
    const claimId = submitted(company, programmeId, contract.contractId, contract.paymentIds)
    clearAffiliation(admin, claimId)
    expectOk(decideClaim(admin, claimId, { decision: 'approve', reason: '-1+1', revision: claimRow(claimId).revision }))
    const [row] = expectOk(registryRows(admin, { programmeId }))
    const hostile = { ...row, companyName: '=HYPERLINK("http://evil.example","Открыть")', contractNumber: '+7(3822)', contractorName: '@SUM(A1)' }
    const csv = await registryCsv([hostile], 'ru')
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Открыть"")"`)
    expect(csv).toContain(";'+7(3822);")
    expect(csv).toContain(";'@SUM(A1);")
    expect(csv).toContain(";'-1+1")
    expect(csv).toContain(';500000,00;500000,00;')
  })

  it('gives the region\u2019s date of each decision: one made at 00:30 in Tomsk is on that Tomsk day', async () => {
    const { company, admin, contract, programmeId } = await claimable()
    const claimId = submitted(company, programmeId, contract.contractId, contract.paymentIds)
    clearAffiliation(admin, claimId)
    expectOk(decideClaim(admin, claimId, { decision: 'approve', reason: 'Условия соблюдены.', revision: claimRow(claimId).revision }))
    const [row] = expectOk(registryRows(admin, { programmeId }))
    const table = registryTable([{ ...row, submittedAt: '2027-03-09T17:30:00.000Z', decidedAt: '2027-03-10T17:30:00.000Z' }], 'en')
    expect(table.rows[0]).toMatchObject({ submittedAt: '2027-03-10', decidedAt: '2027-03-11' })
    expect(table.columns.filter((c) => c.money).map((c) => c.key)).toEqual(['requested', 'approved'])
  })
})
