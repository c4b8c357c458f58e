import fs from 'node:fs'
import { dirname, resolve } from 'node:path'
import { and, count, desc, eq, inArray } from 'drizzle-orm'
import { auditEvents, documents, engagements, memberships, notifications } from '#db/schema'
import { indexRegistry } from '#search/registry'
import { drainOutbox } from '#search/sync'
import { db } from '~/db.server'
import { env } from '~/env.server'
import { openDocument } from '~/modules/documents/access.server'
import { documentFilePath, ORPHAN_GRACE_MS, removeOrphanFiles } from '~/modules/documents/store.server'
import { MAX_ORGANISATION_UPLOAD_BYTES } from '~/modules/documents/limits'
import { saveAlert, sendAlertDigests } from '~/modules/engagements/alerts.server'
import { admissionsToRequest, advanceEngagement, declineEngagement, expressInterest, inviteLab, viewEngagement } from '~/modules/engagements/engagements.server'
import { postMessage, readThread, unreadCounts } from '~/modules/engagements/messages.server'
import { newSubmissionKey } from '~/modules/forms/submission-key.server'
import { createLab } from '~/modules/labs/labs.server'
import { loadActor } from '~/modules/auth/actor.server'
import { removeMember } from '~/modules/organisations/organisations.server'
import { changeRequestStatus, createRequest, updateRequest, viewRequest } from '~/modules/requests/requests.server'
import { searchEngine } from '~/modules/search/engine.server'
import { actorWithOrganisation, memberOf } from '../factories/actors'
import { labInput, requestInput } from '../factories/catalogue'
import { outboxRows } from '../factories/outbox'

const proposal = { approach: 'Отработаем режимы сварки на роботе KUKA с адаптивным слежением за швом.', timeline: '6 месяцев', priceEstimate: 3_000_000_00 }
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** Every file under the uploads folder, so a test can tell that nothing was stored. */
function uploadedFiles(): string[] {
  const root = resolve(env.UPLOADS_DIR)
  return fs.existsSync(root) ? (fs.readdirSync(root, { recursive: true }) as string[]).sort() : []
}

async function setUp() {
  const company = await actorWithOrganisation({ organisationType: 'company', size: 'small' })
  const scientist = await actorWithOrganisation({ organisationType: 'university', isState: true, size: undefined })
  const created = createRequest(company, requestInput({ confidentialDetails: 'Объём 4000 корпусов в год' }))
  const lab = createLab(scientist, labInput())
  if (!created.ok || !lab.ok) throw new Error('set-up failed')
  changeRequestStatus(company, created.value.id, 'publish')
  return { company, scientist, requestId: created.value.id, labId: lab.value.id }
}

describe('the engagement pipeline', () => {
  it('goes from interest to agreement, admitting the lab to the confidential part only once it accepts the terms', async () => {
    const { company, scientist, requestId, labId } = await setUp()
    const interest = expressInterest(scientist, requestId, { labId, ...proposal })
    if (!interest.ok) throw new Error(interest.error)
    const id = interest.value.id

    expect(advanceEngagement(company, id, 'shortlist')).toMatchObject({ ok: true, value: { stage: 'shortlisted' } })
    expect(advanceEngagement(company, id, 'offer_admission')).toMatchObject({ ok: true })
    // Offered is not yet admitted: the lab still sees no confidential details.
    expect(admissionsToRequest(requestId)).toEqual([])
    const before = viewRequest(scientist, requestId, admissionsToRequest(requestId))
    expect(before.ok && before.value.request.confidentialDetails).toBeNull()
    const engagementBefore = viewEngagement(scientist, id)
    expect(engagementBefore.ok && engagementBefore.value.confidentialDetails).toBeNull()

    expect(advanceEngagement(scientist, id, 'accept_terms')).toMatchObject({ ok: true })
    const accepted = db.select().from(engagements).where(eq(engagements.id, id)).get()!
    expect(accepted).toMatchObject({ termsAcceptedBy: scientist.userId, admissionOfferedBy: company.userId })
    expect(admissionsToRequest(requestId).map((a) => a.userId)).toEqual([scientist.userId])
    const after = viewRequest(scientist, requestId, admissionsToRequest(requestId))
    expect(after.ok && after.value.request.confidentialDetails).toBe('Объём 4000 корпусов в год')
    expect(after.ok && after.value.admittedThrough).toEqual({ engagementId: id, labName: expect.any(String) })

    expect(advanceEngagement(company, id, 'discuss')).toMatchObject({ ok: true, value: { stage: 'discussion' } })
    expect(advanceEngagement(company, id, 'agree')).toMatchObject({ ok: true, value: { stage: 'discussion' } })
    expect(advanceEngagement(company, id, 'agree')).toMatchObject({ error: 'transition_not_allowed' })
    expect(advanceEngagement(scientist, id, 'agree')).toMatchObject({ ok: true, value: { stage: 'agreed' } })

    const trail = db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'engagement'), eq(auditEvents.entityId, String(id)))).all()
    expect(trail.map((e) => e.action)).toEqual([
      'engagement.interest',
      'engagement.shortlist',
      'engagement.offer_admission',
      'engagement.accept_terms',
      'engagement.discuss',
      'engagement.agree',
      'engagement.agree',
    ])
  })

  it('ends admission with a decline, everywhere and for text added later, and admits only the people who accepted', async () => {
    const { company, scientist, requestId, labId } = await setUp()
    const colleague = await memberOf(scientist)
    // Another lab of the same university, whose head took part in nothing.
    const otherLabHead = await memberOf(scientist)
    expect(createLab(otherLabHead, labInput({ name: 'Лаборатория соседей' })).ok).toBe(true)
    const interest = expressInterest(scientist, requestId, { labId, ...proposal })
    if (!interest.ok) throw new Error(interest.error)
    const id = interest.value.id
    advanceEngagement(company, id, 'offer_admission')
    expect(advanceEngagement(scientist, id, 'accept_terms')).toMatchObject({ ok: true })
    expect(advanceEngagement(scientist, id, 'accept_terms')).toMatchObject({ error: 'transition_not_allowed' })
    const seen = (actor: typeof scientist) => {
      const page = viewRequest(actor, requestId, admissionsToRequest(requestId))
      const engagement = viewEngagement(actor, id)
      return [page.ok ? page.value.request.confidentialDetails : 'no page', engagement.ok ? engagement.value.confidentialDetails : null]
    }
    expect(seen(scientist)).toEqual(['Объём 4000 корпусов в год', 'Объём 4000 корпусов в год'])
    // Members of the same organisation who did not accept see nothing, until they accept themselves.
    expect(seen(colleague)).toEqual([null, null])
    expect(seen(otherLabHead)).toEqual([null, null])
    const colleagueView = viewEngagement(colleague, id)
    expect(colleagueView.ok && colleagueView.value.actions).toContain('accept_terms')
    expect(advanceEngagement(colleague, id, 'accept_terms')).toMatchObject({ ok: true })
    expect(seen(colleague)).toEqual(['Объём 4000 корпусов в год', 'Объём 4000 корпусов в год'])
    // The engagement keeps the first acceptance.
    expect(db.select().from(engagements).where(eq(engagements.id, id)).get()).toMatchObject({ termsAcceptedBy: scientist.userId })
    const companyView = viewEngagement(company, id)
    expect(companyView.ok && companyView.value.acceptedBy.map((a) => a.name)).toEqual([scientist.name, colleague.name])

    expect(declineEngagement(company, id, { reason: 'chose_other' })).toMatchObject({ ok: true })
    expect(updateRequest(company, requestId, { ...requestInput(), confidentialDetails: 'Добавлено после отказа: 9000 корпусов' })).toMatchObject({ ok: true })
    for (const person of [scientist, colleague, otherLabHead]) expect(seen(person)).toEqual([null, null])
    const companyAfter = viewRequest(company, requestId, admissionsToRequest(requestId))
    expect(companyAfter.ok && companyAfter.value.request.confidentialDetails).toBe('Добавлено после отказа: 9000 корпусов')
  })

  it('ends admission when the lab itself declines, and for a person who leaves the organisation', async () => {
    const { company, scientist, requestId, labId } = await setUp()
    const colleague = await memberOf(scientist)
    const interest = expressInterest(scientist, requestId, { labId, ...proposal })
    if (!interest.ok) throw new Error(interest.error)
    const id = interest.value.id
    advanceEngagement(company, id, 'offer_admission')
    advanceEngagement(scientist, id, 'accept_terms')
    advanceEngagement(colleague, id, 'accept_terms')
    const membership = db.select().from(memberships).where(eq(memberships.userId, colleague.userId)).get()!
    expect(removeMember(scientist, membership.id)).toMatchObject({ ok: true })
    const left = loadActor(colleague.userId)
    const page = viewRequest(left, requestId, admissionsToRequest(requestId))
    expect(page.ok && page.value.request.confidentialDetails).toBeNull()

    expect(declineEngagement(scientist, id, { reason: 'capacity' })).toMatchObject({ ok: true })
    const afterDecline = viewRequest(scientist, requestId, admissionsToRequest(requestId))
    expect(afterDecline.ok && afterDecline.value.request.confidentialDetails).toBeNull()
  })

  it('refuses a second expression of interest, and interest in a draft or closed request', async () => {
    const { company, scientist, requestId, labId } = await setUp()
    expect(expressInterest(scientist, requestId, { labId, ...proposal }).ok).toBe(true)
    expect(expressInterest(scientist, requestId, { labId, ...proposal })).toMatchObject({ error: 'already_engaged' })
    const draft = createRequest(company, requestInput())
    if (!draft.ok) throw new Error()
    expect(expressInterest(scientist, draft.value.id, { labId, ...proposal })).toMatchObject({ error: 'not_found' })
    changeRequestStatus(company, draft.value.id, 'publish')
    changeRequestStatus(company, draft.value.id, 'close')
    expect(expressInterest(scientist, draft.value.id, { labId, ...proposal })).toMatchObject({ error: 'request_not_open' })
  })

  it('lets nobody act for another organisation: tampered ids change nothing', async () => {
    const { scientist, requestId, labId } = await setUp()
    const otherCompany = await actorWithOrganisation({ organisationType: 'company', size: 'micro' })
    const otherLab = await actorWithOrganisation({ organisationType: 'institute', isState: true, size: undefined })
    // A lab may not express interest in the name of a lab of another organisation.
    expect(expressInterest(otherLab, requestId, { labId, ...proposal })).toMatchObject({ error: 'forbidden' })
    // A company may not invite to another company's request.
    expect(inviteLab(otherCompany, { requestId, labId })).toMatchObject({ error: 'forbidden' })
    const interest = expressInterest(scientist, requestId, { labId, ...proposal })
    if (!interest.ok) throw new Error()
    const id = interest.value.id
    const before = db.select().from(engagements).where(eq(engagements.id, id)).get()
    expect(advanceEngagement(otherCompany, id, 'shortlist')).toMatchObject({ error: 'not_found' })
    expect(advanceEngagement(scientist, id, 'shortlist')).toMatchObject({ error: 'forbidden' })
    expect(postMessage(otherLab, id, { body: 'Чужое сообщение', submissionKey: newSubmissionKey() })).toMatchObject({ error: 'not_found' })
    expect(declineEngagement(otherCompany, id, { reason: 'budget' })).toMatchObject({ error: 'not_found' })
    expect(viewEngagement(otherLab, id)).toMatchObject({ error: 'not_found' })
    expect(readThread(otherLab, id)).toEqual([])
    expect(db.select().from(engagements).where(eq(engagements.id, id)).get()).toEqual(before)
  })

  it('delivers messages and attachments to the two organisations only, with unread counts', async () => {
    const { company, scientist, requestId, labId } = await setUp()
    const outsider = await actorWithOrganisation({ organisationType: 'company', size: 'micro' })
    const interest = expressInterest(scientist, requestId, { labId, ...proposal })
    if (!interest.ok) throw new Error()
    const id = interest.value.id
    const sent = postMessage(company, id, { body: '<b>Пришлите</b> смету', submissionKey: newSubmissionKey(), document: { name: 'смета.pdf', size: PDF.length, bytes: PDF } })
    expect(sent.ok).toBe(true)

    expect(unreadCounts(scientist, [id]).get(id)).toBe(1)
    const thread = readThread(scientist, id)
    expect(thread.map((m) => m.body)).toEqual(['<b>Пришлите</b> смету'])
    expect(unreadCounts(scientist, [id]).get(id) ?? 0).toBe(0)
    const documentId = thread[0].document!.id
    expect(openDocument(scientist, documentId).ok).toBe(true)
    expect(openDocument(outsider, documentId)).toMatchObject({ error: 'not_found' })

    const told = db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.kind, 'engagementMessage')).all().map((n) => n.userId)
    const parties = db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(inArray(memberships.organisationId, [company.organisationId!, scientist.organisationId!]))
      .all()
      .map((m) => m.userId)
    expect(told.length).toBeGreaterThan(0)
    const mailed = outboxRows(db, 'mail').filter((m) => m.payload.to === scientist.email).at(-1)!
    expect(mailed.payload.text).toContain(`\n${env.PUBLIC_ORIGIN}/engagements/${id}\n`)
    expect(told.every((u) => parties.includes(u) && u !== company.userId)).toBe(true)
    expect(told).not.toContain(outsider.userId)
  })

  it('stores nothing sent by a non-party, to someone else’s engagement or to none, and holds each organisation to its quota', async () => {
    const { company, scientist, requestId, labId } = await setUp()
    const outsider = await actorWithOrganisation({ organisationType: 'company', size: 'micro' })
    const interest = expressInterest(scientist, requestId, { labId, ...proposal })
    if (!interest.ok) throw new Error()
    const filesBefore = uploadedFiles()
    const documentsBefore = db.select({ n: count() }).from(documents).get()!.n
    const unique = (text: string) => Buffer.from(`%PDF-1.4\n% ${text} ${Math.random()}\ntrailer<<>>\n%%EOF\n`)
    const file = (bytes: Buffer) => ({ name: 'вложение.pdf', size: bytes.length, bytes })
    expect(postMessage(outsider, interest.value.id, { body: 'Чужое', submissionKey: newSubmissionKey(), document: file(unique('outsider')) })).toMatchObject({ error: 'not_found' })
    expect(postMessage(outsider, 999_999, { body: 'Никуда', submissionKey: newSubmissionKey(), document: file(unique('nowhere')) })).toMatchObject({ error: 'not_found' })
    expect(uploadedFiles()).toEqual(filesBefore)
    expect(db.select({ n: count() }).from(documents).get()!.n).toBe(documentsBefore)

    // An organisation at its quota is refused with a reason, and nothing is stored.
    const pdfBytes = unique('quota')
    db.insert(documents).values({ hash: 'f'.repeat(64), originalName: 'большой.pdf', mime: 'application/pdf', size: MAX_ORGANISATION_UPLOAD_BYTES, uploadedBy: company.userId, organisationId: company.organisationId }).run()
    expect(postMessage(company, interest.value.id, { body: 'Сверх квоты', submissionKey: newSubmissionKey(), document: file(pdfBytes) })).toMatchObject({ error: 'document_quota_exceeded', field: 'attachment' })
    expect(uploadedFiles()).toEqual(filesBefore)
    expect(postMessage(scientist, interest.value.id, { body: 'У лаборатории место есть', submissionKey: newSubmissionKey(), document: file(pdfBytes) })).toMatchObject({ ok: true })
  })

  it('sweeps files that no document names once they are old enough, and keeps every named one', async () => {
    const { scientist, requestId, labId } = await setUp()
    const interest = expressInterest(scientist, requestId, { labId, ...proposal })
    if (!interest.ok) throw new Error()
    const bytes = Buffer.from(`%PDF-1.4\n% named ${Math.random()}\ntrailer<<>>\n%%EOF\n`)
    expect(postMessage(scientist, interest.value.id, { body: 'С файлом', submissionKey: newSubmissionKey(), document: { name: 'a.pdf', size: bytes.length, bytes } }).ok).toBe(true)
    const named = db.select().from(documents).orderBy(desc(documents.id)).get()!
    const orphan = documentFilePath('e'.repeat(64))
    const young = documentFilePath('d'.repeat(64))
    const part = `${documentFilePath('c'.repeat(64))}.0a1b2c.part`
    for (const path of [orphan, young, part]) {
      fs.mkdirSync(dirname(path), { recursive: true })
      fs.writeFileSync(path, 'left behind')
    }
    const later = Date.now() + ORPHAN_GRACE_MS + 60_000
    const old = new Date(Date.now() - ORPHAN_GRACE_MS - 60_000)
    for (const path of [orphan, part, documentFilePath(named.hash)]) fs.utimesSync(path, old, old)
    fs.utimesSync(young, new Date(later - 1000), new Date(later - 1000))
    expect(removeOrphanFiles(later).removed).toBeGreaterThanOrEqual(2)
    expect([orphan, part].map((f) => fs.existsSync(f))).toEqual([false, false])
    expect(fs.existsSync(young)).toBe(true)
    expect(fs.existsSync(documentFilePath(named.hash))).toBe(true)
    fs.rmSync(young)
  })

  it('posts a message once however often the same form is submitted, and each new form posts anew', async () => {
    const { company, scientist, requestId, labId } = await setUp()
    const interest = expressInterest(scientist, requestId, { labId, ...proposal })
    if (!interest.ok) throw new Error()
    const id = interest.value.id
    const key = newSubmissionKey()
    const first = postMessage(company, id, { body: 'Пришлите смету', submissionKey: key })
    const again = postMessage(company, id, { body: 'Пришлите смету', submissionKey: key })
    expect(first).toMatchObject({ ok: true, value: { repeated: false } })
    expect(again).toEqual({ ok: true, value: { id: first.ok ? first.value.id : -1, repeated: true } })
    // The same key from the other side is that person's own form: it is not taken for a repeat.
    expect(postMessage(scientist, id, { body: 'Пришлём', submissionKey: key })).toMatchObject({ ok: true, value: { repeated: false } })
    expect(postMessage(company, id, { body: 'Пришлите смету', submissionKey: newSubmissionKey() })).toMatchObject({ ok: true, value: { repeated: false } })
    expect(readThread(company, id).map((m) => m.body)).toEqual(['Пришлите смету', 'Пришлём', 'Пришлите смету'])
    expect(db.select().from(notifications).where(eq(notifications.kind, 'engagementMessage')).all().length).toBeGreaterThan(0)
  })

  it('ends with a reason from either side, after which the thread takes no messages', async () => {
    const { company, scientist, requestId, labId } = await setUp()
    const interest = expressInterest(scientist, requestId, { labId, ...proposal })
    if (!interest.ok) throw new Error()
    expect(declineEngagement(company, interest.value.id, { reason: 'chose_other', note: 'Выбрали другого исполнителя' })).toMatchObject({
      ok: true,
      value: { stage: 'declined', declinedBy: 'company', declineReason: 'chose_other' },
    })
    expect(postMessage(scientist, interest.value.id, { body: 'Почему?', submissionKey: newSubmissionKey() })).toMatchObject({ error: 'engagement_closed' })
    expect(advanceEngagement(company, interest.value.id, 'shortlist')).toMatchObject({ error: 'transition_not_allowed' })
    expect(db.select().from(notifications).where(eq(notifications.kind, 'engagementDeclined')).all().length).toBeGreaterThan(0)
  })
})

describe('request alerts', () => {
  it('send a digest of newly published matching requests once, by notice and e-mail', async () => {
    const scientist = await actorWithOrganisation({ organisationType: 'institute', isState: true, size: undefined })
    const company = await actorWithOrganisation({ organisationType: 'company', size: 'small' })
    expect(saveAlert(scientist, { name: 'Лидары', query: 'q=лидар&alliance=arctic' })).toMatchObject({ ok: true })
    expect(saveAlert(scientist, { name: 'Плохая', query: 'alliance=space' })).toMatchObject({ error: 'invalid' })
    await new Promise((r) => setTimeout(r, 5))
    const fitting = createRequest(company, requestInput({ title: 'Лидар для мониторинга мерзлоты', alliance: 'arctic', keywords: ['лидар', 'мерзлота'] }))
    const other = createRequest(company, requestInput({ title: 'Упаковка таблеток', alliance: 'pharma', keywords: ['упаковка'] }))
    if (!fitting.ok || !other.ok) throw new Error()
    changeRequestStatus(company, fitting.value.id, 'publish')
    changeRequestStatus(company, other.value.id, 'publish')
    await drainOutbox(db, searchEngine, indexRegistry)

    expect(await sendAlertDigests(new Date(Date.now() + 1000))).toEqual({ alerts: 1, requests: 1 })
    const mail = outboxRows(db, 'mail').filter((m) => m.payload.to === scientist.email).at(-1)!
    expect(mail.payload.text).toContain('Лидар для мониторинга мерзлоты')
    // Links in e-mail are absolute, on the configured public origin.
    expect(mail.payload.text).toContain(`${env.PUBLIC_ORIGIN}/requests/${fitting.value.id}`)
    expect(mail.payload.text).not.toContain('Упаковка таблеток')
    expect(await sendAlertDigests(new Date(Date.now() + 2000))).toEqual({ alerts: 0, requests: 0 })
  })
})
