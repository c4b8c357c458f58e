import fs from 'node:fs'
import { and, count, eq } from 'drizzle-orm'
import { acceptanceActs, auditEvents, contractPayments, contracts, contractVersions, documents, notifications } from '#db/schema'
import { db } from '~/db.server'
import { confirmVersion, declineVersion, withdrawVersion } from '~/modules/contracts/answer.server'
import { answerRecord, attachDocument, recordAct, recordPayment } from '~/modules/contracts/execution.server'
import { agreedEngagementOf, contractOfEngagement, getContractView, listContracts } from '~/modules/contracts/queries.server'
import { proposeVersion, registerContract } from '~/modules/contracts/register.server'
import { ContractTermsSchema, PaymentSchema } from '~/modules/contracts/schemas'
import { vatIncluded } from '~/modules/contracts/terms'
import { contentDisposition, openDocument } from '~/modules/documents/access.server'
import { MAX_DOCUMENT_BYTES } from '~/modules/documents/limits'
import { checkDocument, documentFilePath, prepareDocument } from '~/modules/documents/store.server'
import { readUploadForm } from '~/modules/documents/upload.server'
import { actorWithOrganisation } from '../factories/actors'
import { confirmedContract, daysFromToday, engagementBetween, file, pdf, reviewer, rub, stateLab, terms, verifiedCompany } from '../factories/contracts'

function contractRow(id: number) {
  return db.select().from(contracts).where(eq(contracts.id, id)).get()!
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`refused: ${result.error}`)
  return result.value
}

const counts = () => ({
  contracts: db.select({ n: count() }).from(contracts).get()!.n,
  versions: db.select({ n: count() }).from(contractVersions).get()!.n,
  payments: db.select({ n: count() }).from(contractPayments).get()!.n,
  acts: db.select({ n: count() }).from(acceptanceActs).get()!.n,
  documents: db.select({ n: count() }).from(documents).get()!.n,
})

describe('registering and confirming a contract', () => {
  it('a company registers a contract with its lab, the lab confirms it, both see it, and the history says so', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab('institute')
    const engagementId = engagementBetween(company, lab)
    const { contractId } = expectOk(
      registerContract(company, { ...terms({ stageAmounts: [rub(400_000), rub(600_000)], vatMode: 'rate', vatRate: 2_200 }), contractorId: lab.organisationId!, engagementId, document: pdf('contract.pdf') }),
    )
    const registered = contractRow(contractId)
    expect(registered).toMatchObject({ status: 'awaiting_confirmation', engagementId, confirmedVersionId: null })
    expect(contractOfEngagement(engagementId)).toBe(contractId)
    const version = db.select().from(contractVersions).where(eq(contractVersions.id, registered.pendingVersionId!)).get()!
    expect(version).toMatchObject({ priceKopecks: rub(1_000_000), vatRateBp: 2_200, vatKopecks: vatIncluded(rub(1_000_000), 2_200) })
    expect(version.vatKopecks).toBe(18_032_787) // 1 000 000 ₽ × 22/122, to the kopeck
    expect(db.select().from(notifications).where(and(eq(notifications.userId, lab.userId), eq(notifications.kind, 'contractProposed'))).all()).toHaveLength(1)

    // The company cannot confirm its own proposal; the lab can.
    expect(confirmVersion(company, contractId, version.id)).toMatchObject({ error: 'forbidden' })
    expectOk(confirmVersion(lab, contractId, version.id))
    expect(contractRow(contractId)).toMatchObject({ status: 'confirmed', confirmedVersionId: version.id, pendingVersionId: null })
    for (const party of [company, lab]) {
      expect(listContracts(party, { page: 1 }).rows.map((r) => r.id)).toContain(contractId)
      expect(getContractView(party, contractId)).toMatchObject({ ok: true })
    }
    const history = expectOk(getContractView(company, contractId)).history.map((h) => h.action)
    expect(history).toEqual(['contract.registered', 'contract.confirmed'])
  })

  it('comes from an agreed engagement of the company’s own, with that lab’s organisation, once', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const other = await stateLab()
    const register = (actor: typeof company, engagementId: number, contractorId = lab.organisationId!) => registerContract(actor, { ...terms(), contractorId, engagementId })
    const before = counts()
    expect(register(company, engagementBetween(company, lab, 'discussion'))).toMatchObject({ ok: false, error: 'engagement_not_agreed' })
    const agreed = engagementBetween(company, lab)
    expect(register(company, agreed, other.organisationId!)).toMatchObject({ ok: false, error: 'engagement_not_agreed', field: 'contractorId' })
    // Another company's agreed engagement, named by a tampered hidden field.
    const stranger = await verifiedCompany()
    expect(register(stranger, agreed)).toMatchObject({ ok: false, error: 'engagement_not_agreed' })
    expect(register(company, 987_654_321)).toMatchObject({ ok: false, error: 'engagement_not_agreed' })
    expect(counts()).toEqual(before)

    const { contractId } = expectOk(register(company, agreed))
    expect(register(company, agreed)).toMatchObject({ ok: false, error: 'engagement_has_contract' })
    expect(agreedEngagementOf(company, agreed)).toMatchObject({ contractorId: lab.organisationId, contractId })
    expect(agreedEngagementOf(stranger, agreed)).toBeNull()
    // A withdrawn contract frees the engagement for a corrected one.
    const pending = contractRow(contractId).pendingVersionId!
    expectOk(withdrawVersion(company, contractId, pending))
    expect(contractOfEngagement(agreed)).toBeNull()
    expectOk(register(company, agreed))
  })

  it('only a company registers, and only with a science organisation as contractor', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const otherCompany = await verifiedCompany()
    const before = counts()
    expect(registerContract(lab, { ...terms(), contractorId: company.organisationId! })).toMatchObject({ error: 'forbidden' })
    expect(registerContract(company, { ...terms(), contractorId: otherCompany.organisationId! })).toMatchObject({ error: 'contractor_not_science', field: 'contractorId' })
    expect(registerContract(company, { ...terms(), contractorId: 999_999 })).toMatchObject({ error: 'contractor_not_science' })
    expect(counts()).toEqual(before)
  })

  it('a contract the lab declines can be corrected by a new version; the company may also withdraw it', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const { contractId } = expectOk(registerContract(company, { ...terms(), contractorId: lab.organisationId! }))
    const first = contractRow(contractId).pendingVersionId!
    expect(declineVersion(lab, contractId, first, '')).toMatchObject({ error: 'reason_required' })
    expectOk(declineVersion(lab, contractId, first, 'Неверная цена этапа 1'))
    expect(contractRow(contractId)).toMatchObject({ status: 'declined', pendingVersionId: null })
    const { versionId } = expectOk(proposeVersion(company, contractId, terms({ stageAmounts: [rub(900_000)] })))
    expect(contractRow(contractId).status).toBe('awaiting_confirmation')
    expectOk(withdrawVersion(company, contractId, versionId))
    expect(contractRow(contractId).status).toBe('withdrawn')
    expect(proposeVersion(company, contractId, terms())).toMatchObject({ error: 'contract_withdrawn' })
  })
})

describe('bad contract input', () => {
  it('refuses negative or letter amounts, stages that do not add up, and dates in the wrong order, in the form and in the domain', async () => {
    const form = (fields: Record<string, string>) =>
      ContractTermsSchema.safeParse({
        number: '1',
        signedOn: '2026-01-10',
        subject: 'Исследование',
        price: '1 000 000',
        vatMode: 'exempt',
        startsOn: '2026-01-10',
        endsOn: '2026-12-31',
        stages: [{ title: 'Этап первый', dueOn: '2026-06-30', amount: '1 000 000' }],
        ...fields,
      })
    const messages = (fields: Record<string, string | unknown>) => {
      const parsed = form(fields as Record<string, string>)
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    }
    expect(form({}).success).toBe(true)
    expect(messages({ price: '-5 000' })).toContain('price: errors.amount_positive')
    expect(messages({ price: 'сто тысяч' })).toContain('price: errors.amount')
    expect(messages({ price: '1 000 000,005' })).toContain('price: errors.amount')
    expect(messages({ endsOn: '2026-01-01' })).toContain('endsOn: errors.term_order')
    expect(messages({ signedOn: '2026-02-30' })).toContain('signedOn: errors.date')
    expect(messages({ price: '1 200 000' }).some((m) => m.startsWith('stages: errors.stages_sum:'))).toBe(true)
    expect(messages({ stages: [{ title: 'Этап первый', dueOn: '2027-06-30', amount: '1 000 000' }] } as never)).toContain('stages.0.dueOn: errors.stage_due_outside_term')
    expect(PaymentSchema.safeParse({ paidOn: '2026-03-01', amount: '-1', orderNumber: '5' }).success).toBe(false)

    const company = await verifiedCompany()
    const lab = await stateLab()
    const before = counts()
    const contractorId = lab.organisationId!
    expect(registerContract(company, { ...terms(), contractorId, price: -rub(1) })).toMatchObject({ error: 'amount_positive', field: 'price' })
    expect(registerContract(company, { ...terms({ stageAmounts: [rub(500_000)] }), price: rub(600_000), contractorId })).toMatchObject({ error: 'stages_sum', field: 'stages' })
    expect(registerContract(company, { ...terms(), startsOn: '2026-12-31', endsOn: '2026-01-01', contractorId })).toMatchObject({ error: 'term_order', field: 'endsOn' })
    expect(registerContract(company, { ...terms(), signedOn: 'вчера', contractorId })).toMatchObject({ error: 'invalid', field: 'signedOn' })
    expect(registerContract(company, { ...terms(), vatMode: 'amount', vatAmount: rub(2_000_000), contractorId })).toMatchObject({ error: 'vat_not_below_price' })
    expect(counts()).toEqual(before)
  })

  it('refuses a payment larger than what is left unpaid, before the contract or in the future, and an act beyond its stage', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const { contractId } = confirmedContract(company, lab, { stageAmounts: [rub(1_000_000)], payments: [{ amount: rub(700_000) }] })
    const before = counts()
    expect(recordPayment(company, contractId, { paidOn: '2025-07-01', amount: rub(300_000.01), orderNumber: '9' })).toMatchObject({
      error: 'payment_exceeds_unpaid',
      field: 'amount',
      params: { unpaid: '300000.00' },
    })
    expect(recordPayment(company, contractId, { paidOn: '2025-01-01', amount: rub(1_000), orderNumber: '9' })).toMatchObject({ error: 'date_before_contract', field: 'paidOn' })
    expect(recordPayment(company, contractId, { paidOn: daysFromToday(2), amount: rub(1_000), orderNumber: '9' })).toMatchObject({ error: 'date_in_future' })
    expect(recordPayment(company, contractId, { paidOn: '2025-07-01', amount: -rub(1_000), orderNumber: '9' })).toMatchObject({ error: 'amount_positive' })
    expect(recordPayment(lab, contractId, { paidOn: '2025-07-01', amount: rub(1_000), orderNumber: '9' })).toMatchObject({ error: 'forbidden' })
    expect(recordAct(lab, contractId, { stageNumber: 1, number: 'A-2', signedOn: '2025-07-01', amount: rub(1) })).toMatchObject({ error: 'act_exceeds_stage', params: { left: '0.00', stage: 1 } })
    expect(recordAct(lab, contractId, { stageNumber: 7, number: 'A-2', signedOn: '2025-07-01', amount: rub(1) })).toMatchObject({ error: 'stage_unknown' })
    expect(counts()).toEqual(before)
    // Exactly the unpaid rest is fine.
    expect(recordPayment(company, contractId, { paidOn: '2025-07-01', amount: rub(300_000), orderNumber: '10' })).toMatchObject({ ok: true })
  })

  it('acts and payments count only once the other party confirms them; a disputed one counts for nothing', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const { contractId } = confirmedContract(company, lab, { payments: [], acts: false })
    const { paymentId } = expectOk(recordPayment(company, contractId, { paidOn: '2025-07-01', amount: rub(1_000_000), orderNumber: '1' }))
    expect(answerRecord(company, contractId, 'payment', paymentId, { decision: 'confirm' })).toMatchObject({ error: 'forbidden' })
    expect(answerRecord(lab, contractId, 'payment', paymentId, { decision: 'decline' })).toMatchObject({ error: 'reason_required' })
    expectOk(answerRecord(lab, contractId, 'payment', paymentId, { decision: 'decline', reason: 'Деньги не поступили' }))
    expect(answerRecord(lab, contractId, 'payment', paymentId, { decision: 'confirm' })).toMatchObject({ error: 'record_not_pending' })
    // The disputed payment no longer takes up the price.
    expect(recordPayment(company, contractId, { paidOn: '2025-07-02', amount: rub(1_000_000), orderNumber: '2' })).toMatchObject({ ok: true })
    const view = expectOk(getContractView(company, contractId))
    expect(view.totals).toMatchObject({ paidKopecks: rub(1_000_000), confirmedPaidKopecks: 0 })
  })
})

describe('amendments', () => {
  it('a confirmed contract changes only by an amendment both parties confirm; the old terms stay as a version', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const { contractId } = confirmedContract(company, lab, { stageAmounts: [rub(1_000_000)] })
    const original = contractRow(contractId).confirmedVersionId!
    const amended = terms({ stageAmounts: [rub(1_000_000), rub(500_000)] })
    expect(proposeVersion(lab, contractId, amended)).toMatchObject({ error: 'reason_required', field: 'amendmentReason' })
    const { versionId } = expectOk(proposeVersion(lab, contractId, { ...amended, amendmentReason: 'Добавлен этап испытаний' }))
    // While it waits, the terms in force do not change, and no second proposal is taken.
    expect(contractRow(contractId)).toMatchObject({ status: 'confirmed', confirmedVersionId: original, pendingVersionId: versionId })
    expect(proposeVersion(company, contractId, { ...amended, amendmentReason: 'ещё' })).toMatchObject({ error: 'version_pending' })
    expect(confirmVersion(lab, contractId, versionId)).toMatchObject({ error: 'forbidden' })
    expect(confirmVersion(company, contractId, original)).toMatchObject({ error: 'version_not_pending' })
    expectOk(confirmVersion(company, contractId, versionId))
    expect(contractRow(contractId)).toMatchObject({ confirmedVersionId: versionId, pendingVersionId: null })
    const statuses = db.select({ id: contractVersions.id, status: contractVersions.status }).from(contractVersions).where(eq(contractVersions.contractId, contractId)).all()
    expect(statuses).toEqual([
      { id: original, status: 'superseded' },
      { id: versionId, status: 'confirmed' },
    ])
    const history = expectOk(getContractView(lab, contractId)).history.map((h) => h.action)
    expect(history).toEqual(expect.arrayContaining(['contract.version_proposed', 'contract.amendment_confirmed']))
  })

  it('an amendment may not undo accepted or paid work', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const { contractId } = confirmedContract(company, lab, { stageAmounts: [rub(600_000), rub(400_000)], payments: [{ amount: rub(800_000) }] })
    expect(proposeVersion(company, contractId, { ...terms({ stageAmounts: [rub(500_000)] }), amendmentReason: 'Сокращение' })).toMatchObject({ error: 'amendment_drops_accepted_stage' })
    expect(proposeVersion(company, contractId, { ...terms({ stageAmounts: [rub(600_000), rub(150_000)] }), amendmentReason: 'Сокращение' })).toMatchObject({
      error: 'amendment_drops_accepted_stage',
      params: { stage: 2 },
    })
  })

  it('someone who is not a party can neither see nor change the contract', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const stranger = await stateLab()
    const { contractId } = confirmedContract(company, lab)
    const before = counts()
    // A contract one may not see does not exist for them (404, not 403).
    expect(getContractView(stranger, contractId)).toMatchObject({ error: 'not_found' })
    expect(proposeVersion(stranger, contractId, { ...terms(), amendmentReason: 'захват' })).toMatchObject({ error: 'not_found' })
    expect(recordAct(stranger, contractId, { stageNumber: 1, number: 'X', signedOn: '2025-07-01', amount: 1 })).toMatchObject({ error: 'not_found' })
    expect(attachDocument(stranger, contractId, { target: 'version', recordId: contractRow(contractId).confirmedVersionId!, document: pdf() })).toMatchObject({ error: 'not_found' })
    expect(counts()).toEqual(before)
    // The administration reads it (it reviews claims that name it) but may not change it.
    const admin = await reviewer()
    expect(getContractView(admin, contractId)).toMatchObject({ ok: true })
    expect(recordPayment(admin, contractId, { paidOn: '2025-07-01', amount: 1, orderNumber: '1' })).toMatchObject({ error: 'forbidden' })
  })
})

describe('documents', () => {
  const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00])
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])
  const tiff = new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00])

  it('accepts PDFs and JPEG, PNG and TIFF scans by their content', () => {
    expect(checkDocument(pdf('договор.pdf'))).toMatchObject({ ok: true, value: { mime: 'application/pdf' } })
    expect(checkDocument(file('скан.jpg', jpeg))).toMatchObject({ ok: true, value: { mime: 'image/jpeg' } })
    expect(checkDocument(file('scan.PNG', png))).toMatchObject({ ok: true, value: { mime: 'image/png' } })
    expect(checkDocument(file('scan.tiff', tiff))).toMatchObject({ ok: true, value: { mime: 'image/tiff' } })
    expect(checkDocument(file('scan-without-extension', jpeg))).toMatchObject({ ok: true })
  })

  it.each([
    ['a renamed executable', 'акт.pdf', exe, 'document_executable'],
    ['a zip archive', 'scans.pdf', zip, 'document_archive'],
    ['a web page', 'invoice.pdf', new TextEncoder().encode('<!DOCTYPE html><script>alert(1)</script>'), 'document_html'],
    ['plain text', 'notes.pdf', new TextEncoder().encode('just some text'), 'document_type'],
    ['a JPEG that calls itself a PDF', 'contract.pdf', jpeg, 'document_name_mismatch'],
    ['an empty file', 'empty.pdf', new Uint8Array(), 'document_empty'],
  ])('refuses %s with a reason', (_label, name, bytes, error) => {
    expect(checkDocument(file(name, bytes), 'document')).toMatchObject({ ok: false, error, field: 'document', params: { name } })
  })

  it('refuses a file over the size limit', () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1)
    big.set(demoHeader)
    expect(checkDocument(file('big.pdf', big))).toMatchObject({ error: 'document_too_large', params: { max: 20 } })
    // The upload handler keeps no bytes of an oversized file: it arrives as "too large", not as a crash.
    expect(checkDocument({ name: 'huge.pdf', size: MAX_DOCUMENT_BYTES * 2, bytes: null })).toMatchObject({ error: 'document_too_large' })
  })

  it('a payment whose document is refused is not recorded at all', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const { contractId } = confirmedContract(company, lab, { payments: [] })
    const before = counts()
    expect(recordPayment(company, contractId, { paidOn: '2025-07-01', amount: rub(1_000), orderNumber: '1', document: file('pp.pdf', exe) })).toMatchObject({
      error: 'document_executable',
      field: 'document',
    })
    expect(counts()).toEqual(before)
  })

  it('stores a document once per content under its SHA-256, and serves it only to the parties and the administration', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const stranger = await actorWithOrganisation()
    const admin = await reviewer()
    const { contractId } = confirmedContract(company, lab, { payments: [] })
    const same = pdf('same.pdf', 'identical content')
    const a = expectOk(recordPayment(company, contractId, { paidOn: '2025-07-01', amount: rub(1_000), orderNumber: '1', document: same }))
    const b = expectOk(recordPayment(company, contractId, { paidOn: '2025-07-02', amount: rub(1_000), orderNumber: '2', document: { ...same, name: 'copy.pdf' } }))
    const rows = db
      .select({ id: documents.id, hash: documents.hash, name: documents.originalName, mime: documents.mime })
      .from(documents)
      .innerJoin(contractPayments, eq(contractPayments.documentId, documents.id))
      .where(eq(contractPayments.contractId, contractId))
      .all()
    expect(rows).toHaveLength(2)
    expect(rows[0].hash).toBe(rows[1].hash)
    expect(rows.map((r) => r.name).sort()).toEqual(['copy.pdf', 'same.pdf'])
    const stored = documentFilePath(rows[0].hash)
    expect(fs.readFileSync(stored)).toEqual(Buffer.from(same.bytes!))
    expect(fs.readdirSync(stored.slice(0, stored.lastIndexOf('/'))).filter((f) => f.startsWith(rows[0].hash))).toHaveLength(1)
    expect(a.paymentId).not.toBe(b.paymentId)

    for (const allowed of [company, lab, admin]) expect(openDocument(allowed, rows[0].id)).toMatchObject({ ok: true, value: { mime: 'application/pdf' } })
    expect(openDocument(stranger, rows[0].id)).toMatchObject({ error: 'not_found' })
    expect(openDocument(company, 999_999)).toMatchObject({ error: 'not_found' })
    // A document no record holds is served to nobody.
    const orphan = expectOk(prepareDocument(pdf('orphan.pdf', 'orphan')))
    const orphanId = db.insert(documents).values({ ...orphan, uploadedBy: company.userId, organisationId: company.organisationId }).returning().get().id
    expect(openDocument(company, orphanId)).toMatchObject({ error: 'not_found' })
  })

  it('names a Cyrillic file safely in Content-Disposition', () => {
    expect(contentDisposition('Акт № 1 "итог".pdf')).toBe(`attachment; filename="___ _ 1 ______.pdf"; filename*=UTF-8''${encodeURIComponent('Акт № 1 "итог".pdf')}`)
  })

  it('the upload handler keeps files up to the limit, flags larger ones and ignores an empty file input', async () => {
    const form = new FormData()
    form.append('intent', 'record-payment')
    form.append('document', new Blob([new Uint8Array(demoHeader.length + 10).fill(0x20).map((b, i) => demoHeader[i] ?? b)]), 'pp.pdf')
    form.append('big', new Blob([new Uint8Array(2048)]), 'big.pdf')
    form.append('none', new Blob([]), '')
    const request = new Request('http://localhost/contracts/1', { method: 'POST', body: form })
    const upload = await readUploadForm(request, 1024)
    expect(upload.failure).toBeNull()
    expect(upload.formData.get('intent')).toBe('record-payment')
    expect(upload.files.get('document')).toMatchObject({ name: 'pp.pdf', size: demoHeader.length + 10 })
    expect(upload.files.get('big')).toMatchObject({ name: 'big.pdf', size: 2048, bytes: null })
    expect(upload.files.has('none')).toBe(false)
    // A body that is not what its header says is refused, never a 500.
    const noBoundary = await readUploadForm(new Request('http://localhost/', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data' }, body: 'garbage' }))
    expect(noBoundary.failure).toBe('malformed')
    const garbage = await readUploadForm(new Request('http://localhost/', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, body: 'garbage' }))
    expect([...garbage.formData.keys()]).toEqual([])
  })
})

const demoHeader = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]

describe('history', () => {
  it('every change of a contract is in the audit trail, with before and after', async () => {
    const company = await verifiedCompany()
    const lab = await stateLab()
    const { contractId, paymentIds } = confirmedContract(company, lab)
    expectOk(attachDocument(company, contractId, { target: 'payment', recordId: paymentIds[0], document: pdf('better-scan.pdf', 'better') }))
    const trail = db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'contract'), eq(auditEvents.entityId, String(contractId)))).all()
    expect(trail.map((e) => e.action)).toEqual([
      'contract.registered',
      'contract.confirmed',
      'contract.act_recorded',
      'contract.act_confirmed',
      'contract.payment_recorded',
      'contract.payment_confirmed',
      'contract.document_attached',
    ])
    expect(trail.at(-1)!.before).toMatchObject({ target: 'payment', recordId: paymentIds[0] })
    expect(trail.at(-1)!.after).toMatchObject({ name: 'better-scan.pdf' })
  })
})
