import { and, count, eq } from 'drizzle-orm'
import { auditEvents, invitations, memberships, organisations } from '#db/schema'
import { db } from '~/db.server'
import { loadActor } from '~/modules/auth/actor.server'
import { acceptInvitation, findInvitation, inviteMember, revokeInvitation } from '~/modules/organisations/invitations.server'
import { listMembers, publicOrganisationCard, removeMember, setMemberRole, updateOrganisationProfile } from '~/modules/organisations/organisations.server'
import { decideVerification, listOrganisationsForVerification } from '~/modules/organisations/verification.server'
import { can } from '~/modules/permissions/can'
import { completeInn10, completeOgrn13 } from '~/modules/organisations/inn-ogrn'
import { actorWithOrganisation, memberOf } from '../factories/actors'
import { reviewer, stateLab, verifiedCompany } from '../factories/contracts'
import { outboxRows } from '../factories/outbox'

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`)
  return result.value
}

const tokenOf = (link: string) => link.split('/join/')[1]

describe('invitations', () => {
  it('lets an owner invite a person who then joins as a member, once', async () => {
    const owner = await actorWithOrganisation()
    const invited = inviteMember(owner, owner.organisationId!, { email: 'new.member@test.example' })
    expect(invited.ok).toBe(true)
    if (!invited.ok) return
    const token = tokenOf(invited.value.link)
    expect(outboxRows(db, 'mail').some(({ payload: m }) => m.to === 'new.member@test.example' && m.text.includes(invited.value.link))).toBe(true)
    expect(db.select().from(invitations).all().some((i) => i.tokenHash === token)).toBe(false)

    const joined = await acceptInvitation(token, { name: 'Новый Сотрудник', password: 'member password 1' })
    expect(joined.ok).toBe(true)
    if (!joined.ok) return
    const member = loadActor(joined.value.userId)!
    expect(member).toMatchObject({ organisationId: owner.organisationId, membershipRole: 'member', email: 'new.member@test.example' })
    expect(await acceptInvitation(token, { name: 'Кто-то ещё', password: 'member password 2' })).toMatchObject({ error: 'invitation_invalid' })
    const trail = db.select().from(auditEvents).where(eq(auditEvents.actorUserId, member.userId)).all().map((e) => e.action)
    expect(trail).toEqual(expect.arrayContaining(['invitation.accepted', 'membership.created']))
  })

  it('refuses invitations from a non-owner or for another organisation, and leaves nothing behind', async () => {
    const owner = await actorWithOrganisation()
    const stranger = await actorWithOrganisation()
    const before = db.select({ n: count() }).from(invitations).get()!.n
    expect(inviteMember(stranger, owner.organisationId!, { email: 'x@test.example' })).toMatchObject({ error: 'forbidden' })
    expect(db.select({ n: count() }).from(invitations).get()!.n).toBe(before)
  })

  it('makes expired and revoked invitations unusable', async () => {
    const owner = await actorWithOrganisation()
    const a = inviteMember(owner, owner.organisationId!, { email: 'expired@test.example' })
    const b = inviteMember(owner, owner.organisationId!, { email: 'revoked@test.example' })
    if (!a.ok || !b.ok) throw new Error('invite failed')
    db.update(invitations).set({ expiresAt: '2020-01-01T00:00:00.000Z' }).where(eq(invitations.email, 'expired@test.example')).run()
    expect(findInvitation(tokenOf(a.value.link))).toMatchObject({ error: 'invitation_invalid' })
    const revocable = db.select().from(invitations).where(eq(invitations.email, 'revoked@test.example')).get()!
    expect(revokeInvitation(owner, revocable.id)).toMatchObject({ ok: true })
    expect(await acceptInvitation(tokenOf(b.value.link), { name: 'Поздно', password: 'too late password' })).toMatchObject({ error: 'invitation_invalid' })
  })
})

describe('members', () => {
  it('keeps at least one owner and audits role changes and removals', async () => {
    const owner = await actorWithOrganisation()
    const ownMembership = db.select().from(memberships).where(eq(memberships.userId, owner.userId)).get()!
    expect(setMemberRole(owner, ownMembership.id, 'member')).toMatchObject({ error: 'last_owner' })
    expect(removeMember(owner, ownMembership.id)).toMatchObject({ error: 'last_owner' })

    const invited = inviteMember(owner, owner.organisationId!, { email: 'second@test.example' })
    if (!invited.ok) throw new Error()
    const joined = await acceptInvitation(tokenOf(invited.value.link), { name: 'Второй', password: 'second password' })
    if (!joined.ok) throw new Error()
    const second = db.select().from(memberships).where(eq(memberships.userId, joined.value.userId)).get()!
    expect(setMemberRole(owner, second.id, 'owner')).toMatchObject({ ok: true })
    expect(removeMember(owner, second.id)).toMatchObject({ ok: true })
    const actions = db.select().from(auditEvents).where(eq(auditEvents.entityId, String(second.id))).all().map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['membership.role_changed', 'membership.removed']))
  })

  it('refuses member changes from another organisation’s owner (tampered ids)', async () => {
    const owner = await actorWithOrganisation()
    const stranger = await actorWithOrganisation()
    const ownMembership = db.select().from(memberships).where(eq(memberships.userId, owner.userId)).get()!
    expect(removeMember(stranger, ownMembership.id)).toMatchObject({ error: 'forbidden' })
    expect(updateOrganisationProfile(stranger, owner.organisationId!, { name: 'Захват' })).toMatchObject({ error: 'forbidden' })
    expect(db.select().from(organisations).where(eq(organisations.id, owner.organisationId!)).get()!.name).not.toBe('Захват')
  })
})

describe('verification', () => {
  it('lets the administration verify or reject with a reason, audited and announced; nobody else may', async () => {
    const company = await actorWithOrganisation()
    const lab = await actorWithOrganisation({ organisationType: 'institute', isState: true, size: undefined })
    const admin = await actorWithOrganisation({ organisationType: 'research_org', size: undefined })
    // The administration organisation is created by the platform, not by sign-up.
    db.update(organisations).set({ type: 'administration' }).where(eq(organisations.id, admin.organisationId!)).run()
    const reviewer = loadActor(admin.userId)!

    for (const outsider of [company, lab]) {
      expect(can(outsider, 'organisation:verify')).toBe(false)
      expect(decideVerification(outsider, { organisationId: company.organisationId!, decision: 'verify' })).toMatchObject({ error: 'forbidden' })
    }
    expect(decideVerification(reviewer, { organisationId: lab.organisationId!, decision: 'reject' })).toMatchObject({ error: 'reason_required' })
    expect(decideVerification(reviewer, { organisationId: lab.organisationId!, decision: 'reject', note: 'ОГРН не совпадает с ЕГРЮЛ' })).toMatchObject({ ok: true })
    expect(decideVerification(reviewer, { organisationId: company.organisationId!, decision: 'verify' })).toMatchObject({ ok: true })

    expect(loadActor(company.userId)!.organisationVerified).toBe(true)
    const rejected = db.select().from(organisations).where(eq(organisations.id, lab.organisationId!)).get()!
    expect(rejected).toMatchObject({ verificationStatus: 'rejected', verificationNote: 'ОГРН не совпадает с ЕГРЮЛ', verifiedBy: reviewer.userId })
    const decisions = db.select().from(auditEvents).where(eq(auditEvents.actorUserId, reviewer.userId)).all()
    expect(decisions.map((e) => e.action).filter((a) => a.startsWith('organisation.') && a !== 'organisation.created').sort()).toEqual([
      'organisation.rejected',
      'organisation.verified',
    ])
    expect(outboxRows(db, 'mail').some(({ payload: m }) => m.to === lab.email && m.text.includes('ОГРН не совпадает'))).toBe(true)

    const queue = listOrganisationsForVerification(reviewer, 'unverified', 1)
    expect(queue.ok && queue.value.rows.some((o) => o.id === company.organisationId)).toBe(false)
  })
})

describe('a change of identity undoes the verification', () => {
  it('a verified university that renames itself, changes its INN/OGRN, type or state status is unverified until checked again, audited', async () => {
    const admin = await reviewer()
    for (const change of [
      { name: 'Федеральное государственное автономное образовательное учреждение «Известный университет»' },
      { shortName: 'ТПУ' },
      { inn: completeInn10('701799'), ogrn: completeOgrn13('1027000') },
      { type: 'institute' as const },
      { isState: false },
    ]) {
      const lab = await stateLab('university', true)
      const before = db.select().from(organisations).where(eq(organisations.id, lab.organisationId!)).get()!
      expect(before.verificationStatus).toBe('verified')
      const updated = expectOk(updateOrganisationProfile(lab, lab.organisationId!, change))
      expect(updated, JSON.stringify(change)).toMatchObject({ ...change, verificationStatus: 'unverified' })
      expect(updated.identityChangedAt).not.toBeNull()
      expect(loadActor(lab.userId)!.organisationVerified).toBe(false)
      const reset = db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, String(lab.organisationId)), eq(auditEvents.action, 'organisation.verification_reset')))
        .get()!
      const field = Object.keys(change)[0] as keyof typeof before
      expect(reset.before).toMatchObject({ verificationStatus: 'verified', [field]: before[field] })
      expect(reset.after).toMatchObject({ verificationStatus: 'unverified', [field]: updated[field] })
      // It waits in the administration's queue again; verifying it clears the mark.
      const queue = expectOk(listOrganisationsForVerification(admin, 'unverified', 1))
      expect(queue.rows.find((o) => o.id === lab.organisationId)?.identityChangedAt).toBe(updated.identityChangedAt)
      expectOk(decideVerification(admin, { organisationId: lab.organisationId!, decision: 'verify' }))
      expect(db.select().from(organisations).where(eq(organisations.id, lab.organisationId!)).get()).toMatchObject({ verificationStatus: 'verified', identityChangedAt: null })
    }
  })

  it('keeps the verification for changes that are not of identity, and refuses a company turning into a university or taking another INN', async () => {
    const company = await verifiedCompany()
    const other = await actorWithOrganisation()
    expect(expectOk(updateOrganisationProfile(company, company.organisationId!, { city: 'Томск', description: 'Новое описание' }))).toMatchObject({
      verificationStatus: 'verified',
      identityChangedAt: null,
    })
    const before = db.select().from(organisations).where(eq(organisations.id, company.organisationId!)).get()!
    expect(updateOrganisationProfile(company, company.organisationId!, { type: 'university' })).toMatchObject({ error: 'type_not_changeable' })
    expect(updateOrganisationProfile(company, company.organisationId!, { inn: innOf(other) })).toMatchObject({ error: 'inn_taken' })
    expect(db.select().from(organisations).where(eq(organisations.id, company.organisationId!)).get()).toEqual(before)
  })
})

function innOf(actor: { organisationId: number | null }) {
  return db.select().from(organisations).where(eq(organisations.id, actor.organisationId!)).get()!.inn
}

describe('what an organisation shows of itself (issue 15, item 16)', () => {
  test('members see their colleagues’ names and roles; only the owner sees their e-mail addresses', async () => {
    const owner = await actorWithOrganisation()
    const colleague = await memberOf(owner)
    const asOwner = listMembers(owner, owner.organisationId!)
    expect(asOwner.map((m) => m.email)).toEqual([owner.email, colleague.email])
    const asColleague = listMembers(colleague, owner.organisationId!)
    expect(asColleague.map((m) => m.name)).toEqual(asOwner.map((m) => m.name))
    expect(asColleague.every((m) => m.email === null)).toBe(true)
  })

  test('the public card names registration facts and nothing else, and an archived organisation has none', async () => {
    const owner = await actorWithOrganisation()
    const card = publicOrganisationCard(owner.organisationId!)!
    expect(Object.keys(card).sort()).toEqual(['alliance', 'city', 'description', 'id', 'identityChangedAt', 'inn', 'name', 'ogrn', 'region', 'shortName', 'type', 'verificationStatus', 'website'])
    db.update(organisations).set({ archivedAt: new Date().toISOString() }).where(eq(organisations.id, owner.organisationId!)).run()
    expect(publicOrganisationCard(owner.organisationId!)).toBeNull()
  })
})
