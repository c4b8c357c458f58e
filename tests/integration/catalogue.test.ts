import { and, count, eq } from 'drizzle-orm'
import { auditEvents, labs, organisations, outbox, rdRequests } from '#db/schema'
import { SqliteFtsEngine } from '#search/sqlite-fts'
import { indexRegistry } from '#search/registry'
import { drainOutbox } from '#search/sync'
import { database, db } from '~/db.server'
import { loadActor } from '~/modules/auth/actor.server'
import { addPublication, createLab, removePublication, updateLab, viewLab } from '~/modules/labs/labs.server'
import { decideVerification } from '~/modules/organisations/verification.server'
import { changeRequestStatus, createRequest, updateRequest, viewRequest } from '~/modules/requests/requests.server'
import { actorWithOrganisation } from '../factories/actors'
import { labInput, requestInput } from '../factories/catalogue'

const engine = new SqliteFtsEngine(database.sqlite)
const sync = () => drainOutbox(db, engine, indexRegistry)

async function company() {
  return actorWithOrganisation({ organisationType: 'company', size: 'small' })
}
async function university() {
  return actorWithOrganisation({ organisationType: 'university', isState: true, size: undefined })
}

describe('R&D requests', () => {
  it('stay with their company as drafts, and become public, searchable and audited when published', async () => {
    const owner = await company()
    const stranger = await university()
    const created = createRequest(owner, requestInput({ title: 'Спектрометрия примесей в субстанции' }))
    if (!created.ok) throw new Error(created.error)
    const id = created.value.id
    expect(viewRequest(stranger, id)).toMatchObject({ ok: false, error: 'not_found' })
    expect(viewRequest(null, id)).toMatchObject({ ok: false, error: 'not_found' })
    await sync()
    expect((await engine.search('requests', { q: 'спектрометрия' })).hits.map((h) => h.document.id)).not.toContain(String(id))

    expect(changeRequestStatus(owner, id, 'publish')).toMatchObject({ ok: true })
    await sync()
    const found = await engine.search('requests', { q: 'спектрометрию', filters: [{ field: 'status', op: 'eq', value: 'published' }] })
    expect(found.hits.map((h) => h.document.id)).toContain(String(id))
    expect(viewRequest(stranger, id)).toMatchObject({ ok: true })
    const trail = db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'request'), eq(auditEvents.entityId, String(id)))).all()
    expect(trail.map((e) => e.action)).toEqual(['request.created', 'request.published'])
  })

  it('show the confidential part only to the company and to admitted organisations, and never index it', async () => {
    const owner = await company()
    const lab = await university()
    const created = createRequest(owner, requestInput({ confidentialDetails: 'секретный-маркер-объёма 4000 штук' }))
    if (!created.ok) throw new Error()
    changeRequestStatus(owner, created.value.id, 'publish')
    await sync()

    const asLab = viewRequest(lab, created.value.id)
    expect(asLab.ok && asLab.value.confidentialVisible).toBe(false)
    expect(asLab.ok && asLab.value.request.confidentialDetails).toBeNull()
    const admission = { engagementId: 1, labId: 1, labName: 'Лаборатория', labOrganisationId: lab.organisationId!, stage: 'shortlisted' as const, admissionOfferedAt: new Date().toISOString(), userId: lab.userId }
    const asAdmitted = viewRequest(lab, created.value.id, [admission])
    expect(asAdmitted.ok && asAdmitted.value.request.confidentialDetails).toContain('секретный-маркер')
    const asOwner = viewRequest(owner, created.value.id)
    expect(asOwner.ok && asOwner.value.request.confidentialDetails).toContain('секретный-маркер')
    expect((await engine.search('requests', { q: 'секретный маркер' })).total).toBe(0)
  })

  it('refuse edits and status changes from another organisation (tampered ids) and change nothing', async () => {
    const owner = await company()
    const other = await company()
    const created = createRequest(owner, requestInput())
    if (!created.ok) throw new Error()
    const before = db.select().from(rdRequests).where(eq(rdRequests.id, created.value.id)).get()
    expect(updateRequest(other, created.value.id, requestInput({ title: 'Захвачено' }))).toMatchObject({ error: 'forbidden' })
    expect(changeRequestStatus(other, created.value.id, 'publish')).toMatchObject({ error: 'forbidden' })
    expect(db.select().from(rdRequests).where(eq(rdRequests.id, created.value.id)).get()).toEqual(before)
  })

  it('follow the status rules: a draft cannot be paused, a closed request cannot be edited', async () => {
    const owner = await company()
    const created = createRequest(owner, requestInput())
    if (!created.ok) throw new Error()
    const id = created.value.id
    expect(changeRequestStatus(owner, id, 'pause')).toMatchObject({ error: 'transition_not_allowed' })
    expect(changeRequestStatus(owner, id, 'publish')).toMatchObject({ ok: true })
    expect(changeRequestStatus(owner, id, 'close')).toMatchObject({ ok: true })
    expect(updateRequest(owner, id, requestInput())).toMatchObject({ error: 'request_closed' })
  })

  it('refuse an unknown field of science and write neither the request nor an outbox row', async () => {
    const owner = await company()
    const rows = () => [db.select({ n: count() }).from(rdRequests).get()!.n, db.select({ n: count() }).from(outbox).get()!.n]
    const before = rows()
    expect(createRequest(owner, requestInput({ oecdField: '9.9' }))).toMatchObject({ ok: false, error: 'invalid', field: 'oecdField' })
    expect(createRequest(owner, requestInput({ grnti: '99.99' }))).toMatchObject({ ok: false, error: 'invalid', field: 'grnti' })
    expect(rows()).toEqual(before)
  })

  it('may be posted only by company members', async () => {
    const lab = await university()
    expect(createRequest(lab, requestInput())).toMatchObject({ error: 'forbidden' })
  })
})

describe('labs', () => {
  it('are published by science organisations, with publications that make them findable by word forms', async () => {
    const scientist = await university()
    const created = createLab(scientist, labInput({ name: 'Лаборатория масс-спектрометрии', description: 'Масс-спектрометрия высокого разрешения для анализа примесей и метаболитов.' }))
    if (!created.ok) throw new Error(created.error)
    expect(addPublication(scientist, created.value.id, { title: 'Хромато-масс-спектрометрическое определение нитрозаминов', abstract: 'Метод ВЭЖХ-МС/МС.', year: 2024 })).toMatchObject({ ok: true })
    await sync()
    const hits = (await engine.search('labs', { q: 'спектрометрией нитрозамины' })).hits.map((h) => h.document.id)
    expect(hits).toContain(String(created.value.id))
    const view = viewLab(null, created.value.id)
    expect(view.ok && view.value.publications).toHaveLength(1)
  })

  it('refuse companies, and refuse edits from another organisation or on another lab’s publication', async () => {
    const scientist = await university()
    const other = await university()
    const customer = await company()
    expect(createLab(customer, labInput())).toMatchObject({ error: 'forbidden' })
    const mine = createLab(scientist, labInput())
    const theirs = createLab(other, labInput())
    if (!mine.ok || !theirs.ok) throw new Error()
    expect(updateLab(other, mine.value.id, labInput({ name: 'Чужая' }))).toMatchObject({ error: 'forbidden' })
    addPublication(other, theirs.value.id, { title: 'Их публикация' })
    const theirPublication = viewLab(null, theirs.value.id)
    if (!theirPublication.ok) throw new Error()
    const publicationId = theirPublication.value.publications[0].id
    // The right lab id with someone else's publication id: nothing to remove.
    expect(removePublication(scientist, mine.value.id, publicationId)).toMatchObject({ error: 'not_found' })
    const still = viewLab(null, theirs.value.id)
    expect(still.ok && still.value.publications).toHaveLength(1)
    expect(db.select().from(labs).where(eq(labs.id, mine.value.id)).get()!.name).toBe('Лаборатория сварочных технологий')
  })
})

describe('search follows organisations', () => {
  it('marks a request verified in the index once the administration verifies its company', async () => {
    const owner = await company()
    const created = createRequest(owner, requestInput({ title: 'Квалификация фотонных датчиков' }))
    if (!created.ok) throw new Error()
    changeRequestStatus(owner, created.value.id, 'publish')
    await sync()
    const before = await engine.search('requests', { q: 'фотонных датчиков', filters: [{ field: 'organisationVerified', op: 'eq', value: false }] })
    expect(before.hits.map((h) => h.document.id)).toContain(String(created.value.id))

    const admin = await actorWithOrganisation({ organisationType: 'research_org', size: undefined })
    db.update(organisations).set({ type: 'administration' }).where(eq(organisations.id, admin.organisationId!)).run()
    expect(decideVerification(loadActor(admin.userId)!, { organisationId: owner.organisationId!, decision: 'verify' })).toMatchObject({ ok: true })
    await sync()
    const after = await engine.search('requests', { q: 'фотонных датчиков', filters: [{ field: 'organisationVerified', op: 'eq', value: true }] })
    expect(after.hits.map((h) => h.document.id)).toContain(String(created.value.id))
  })
})
