import { and, eq, inArray } from 'drizzle-orm'
import { auditEvents, engagements, mailOutbox, memberships, notifications } from '#db/schema'
import { indexRegistry } from '#search/registry'
import { drainOutbox } from '#search/sync'
import { db } from '~/db.server'
import { openDocument } from '~/modules/documents/access.server'
import { prepareDocument } from '~/modules/documents/store.server'
import { saveAlert, sendAlertDigests } from '~/modules/engagements/alerts.server'
import { admittedOrganisationIds, advanceEngagement, declineEngagement, expressInterest, inviteLab, viewEngagement } from '~/modules/engagements/engagements.server'
import { postMessage, readThread, unreadCounts } from '~/modules/engagements/messages.server'
import { newSubmissionKey } from '~/modules/forms/submission-key.server'
import { createLab } from '~/modules/labs/labs.server'
import { changeRequestStatus, createRequest, viewRequest } from '~/modules/requests/requests.server'
import { searchEngine } from '~/modules/search/engine.server'
import { actorWithOrganisation } from '../factories/actors'
import { labInput, requestInput } from '../factories/catalogue'

const proposal = { approach: 'Отработаем режимы сварки на роботе KUKA с адаптивным слежением за швом.', timeline: '6 месяцев', priceEstimate: 3_000_000_00 }
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

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
    expect(admittedOrganisationIds(requestId)).toEqual([])
    const before = viewRequest(scientist, requestId, admittedOrganisationIds(requestId))
    expect(before.ok && before.value.request.confidentialDetails).toBeNull()
    const engagementBefore = viewEngagement(scientist, id)
    expect(engagementBefore.ok && engagementBefore.value.confidentialDetails).toBeNull()

    expect(advanceEngagement(scientist, id, 'accept_terms')).toMatchObject({ ok: true })
    const accepted = db.select().from(engagements).where(eq(engagements.id, id)).get()!
    expect(accepted).toMatchObject({ termsAcceptedBy: scientist.userId, admissionOfferedBy: company.userId })
    expect(admittedOrganisationIds(requestId)).toEqual([scientist.organisationId])
    const after = viewRequest(scientist, requestId, admittedOrganisationIds(requestId))
    expect(after.ok && after.value.request.confidentialDetails).toBe('Объём 4000 корпусов в год')

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
    const document = prepareDocument({ name: 'смета.pdf', size: PDF.length, bytes: PDF }, 'attachment')
    if (!document.ok) throw new Error(document.error)
    const sent = postMessage(company, id, { body: '<b>Пришлите</b> смету', submissionKey: newSubmissionKey(), document: document.value })
    expect(sent.ok).toBe(true)

    expect(unreadCounts(scientist, [id]).get(id)).toBe(1)
    const thread = readThread(scientist, id)
    expect(thread.map((m) => m.body)).toEqual(['<b>Пришлите</b> смету'])
    expect(unreadCounts(scientist, [id]).get(id) ?? 0).toBe(0)
    const documentId = thread[0].document!.id
    expect(openDocument(scientist, documentId).ok).toBe(true)
    expect(openDocument(outsider, documentId)).toMatchObject({ error: 'forbidden' })

    const told = db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.kind, 'engagementMessage')).all().map((n) => n.userId)
    const parties = db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(inArray(memberships.organisationId, [company.organisationId!, scientist.organisationId!]))
      .all()
      .map((m) => m.userId)
    expect(told.length).toBeGreaterThan(0)
    expect(told.every((u) => parties.includes(u) && u !== company.userId)).toBe(true)
    expect(told).not.toContain(outsider.userId)
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

    expect(await sendAlertDigests(new Date(Date.now() + 1000), 'http://localhost')).toEqual({ alerts: 1, requests: 1 })
    const mail = db.select().from(mailOutbox).where(eq(mailOutbox.to, scientist.email)).all().at(-1)!
    expect(mail.text).toContain('Лидар для мониторинга мерзлоты')
    expect(mail.text).not.toContain('Упаковка таблеток')
    expect(await sendAlertDigests(new Date(Date.now() + 2000))).toEqual({ alerts: 0, requests: 0 })
  })
})
