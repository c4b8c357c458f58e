import type { OrganisationType } from '#db/schema/values'
import { rolesOf, type Actor } from '~/modules/permissions/actor'
import { can, permissions } from '~/modules/permissions/can'

function actor(type: OrganisationType | null, overrides: Partial<Actor> = {}): Actor {
  return {
    userId: 'u1',
    email: 'a@b.test',
    name: 'A',
    locale: null,
    isPlatformAdmin: false,
    organisationId: type ? 1 : null,
    organisationType: type,
    organisationName: type ? 'Org' : null,
    organisationLabel: type ? 'Org' : null,
    organisationVerified: true,
    membershipRole: type ? 'member' : null,
    ...overrides,
  }
}

describe('roles follow from the organisation type', () => {
  it.each([
    ['company', ['company']],
    ['university', ['science']],
    ['institute', ['science']],
    ['research_org', ['science']],
    ['administration', ['administration']],
  ] as const)('%s members have roles %j', (type, roles) => {
    expect(rolesOf(actor(type))).toEqual(roles)
  })

  it('anonymous visitors have no role; a platform admin has that role besides their organisation’s', () => {
    expect(rolesOf(null)).toEqual([])
    expect(rolesOf(actor(null, { isPlatformAdmin: true }))).toEqual(['platform_admin'])
  })
})

describe('the permission table', () => {
  // Expected answers per role for the permissions that need no resource.
  const areaMatrix: Record<string, Record<string, boolean>> = {
    anonymous: { 'area:company': false, 'area:science': false, 'area:administration': false, 'area:platform': false, 'account:manage': false, 'organisation:verify': false },
    company: { 'area:company': true, 'area:science': false, 'area:administration': false, 'area:platform': false, 'account:manage': true, 'organisation:verify': false },
    science: { 'area:company': false, 'area:science': true, 'area:administration': false, 'area:platform': false, 'account:manage': true, 'organisation:verify': false },
    administration: { 'area:company': false, 'area:science': false, 'area:administration': true, 'area:platform': false, 'account:manage': true, 'organisation:verify': true },
    platform: { 'area:company': false, 'area:science': false, 'area:administration': true, 'area:platform': true, 'account:manage': true, 'organisation:verify': true },
  }
  const actors: Record<string, Actor | null> = {
    anonymous: null,
    company: actor('company'),
    science: actor('university'),
    administration: actor('administration'),
    platform: actor(null, { isPlatformAdmin: true }),
  }

  it('covers every permission that takes no resource', () => {
    const withoutResource = permissions.filter((p) => p.startsWith('area:') || p === 'account:manage' || p === 'organisation:verify')
    expect(Object.keys(areaMatrix.company).sort()).toEqual(withoutResource.sort())
  })

  for (const [who, expected] of Object.entries(areaMatrix)) {
    it(`answers as the table says for ${who}`, () => {
      for (const [permission, allowed] of Object.entries(expected)) {
        expect(can(actors[who], permission as 'area:company'), `${who} ${permission}`).toBe(allowed)
      }
    })
  }

  it('lets only an owner of the same organisation invite, edit and manage members', () => {
    const ownerOf1 = actor('company', { membershipRole: 'owner' })
    const memberOf1 = actor('company')
    for (const p of ['organisation:invite', 'organisation:edit', 'organisation:manage_members'] as const) {
      expect(can(ownerOf1, p, { organisationId: 1 })).toBe(true)
      expect(can(ownerOf1, p, { organisationId: 2 })).toBe(false)
      expect(can(memberOf1, p, { organisationId: 1 })).toBe(false)
      expect(can(null, p, { organisationId: 1 })).toBe(false)
    }
  })
})
