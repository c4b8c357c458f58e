import { count, eq } from 'drizzle-orm'
import { auditEvents, invitations, mailOutbox, memberships, organisations } from '#db/schema'
import { db } from '~/db.server'
import { loadActor } from '~/modules/auth/actor.server'
import { acceptInvitation, findInvitation, inviteMember, revokeInvitation } from '~/modules/organisations/invitations.server'
import { removeMember, setMemberRole, updateOrganisationProfile } from '~/modules/organisations/organisations.server'
import { decideVerification, listOrganisationsForVerification } from '~/modules/organisations/verification.server'
import { can } from '~/modules/permissions/can'
import { actorWithOrganisation } from '../factories/actors'

const tokenOf = (link: string) => link.split('/join/')[1]

describe('invitations', () => {
  it('lets an owner invite a person who then joins as a member, once', async () => {
    const owner = await actorWithOrganisation()
    const invited = inviteMember(owner, owner.organisationId!, { email: 'new.member@test.example' })
    expect(invited.ok).toBe(true)
    if (!invited.ok) return
    const token = tokenOf(invited.value.link)
    expect(db.select().from(mailOutbox).all().some((m) => m.to === 'new.member@test.example' && m.text.includes(invited.value.link))).toBe(true)
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
    expect(db.select().from(mailOutbox).all().some((m) => m.to === lab.email && m.text.includes('ОГРН не совпадает'))).toBe(true)

    const queue = listOrganisationsForVerification(reviewer, 'unverified', 1)
    expect(queue.ok && queue.value.rows.some((o) => o.id === company.organisationId)).toBe(false)
  })
})
