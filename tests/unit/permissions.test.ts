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

// Rules that pages used to decide for themselves (issue 15, item 16): the page's button and the
// action ask the same question.
describe('rules that once lived in routes', () => {
  const lab = actor('university')
  const company = actor('company')

  it('only a science member may express interest, and only in a published request', () => {
    expect(can(lab, 'request:express_interest', { organisationId: 2, status: 'published' })).toBe(true)
    for (const status of ['draft', 'paused', 'closed', 'archived'] as const) expect(can(lab, 'request:express_interest', { organisationId: 2, status })).toBe(false)
    expect(can(company, 'request:express_interest', { organisationId: 2, status: 'published' })).toBe(false)
    expect(can(null, 'request:express_interest', { organisationId: 2, status: 'published' })).toBe(false)
  })

  it('the company registers a contract from its own engagement once it is agreed, and no one else does', () => {
    const engagement = { companyOrganisationId: 1, labOrganisationId: 2 }
    expect(can(company, 'engagement:register_contract', { ...engagement, stage: 'agreed' })).toBe(true)
    expect(can(company, 'engagement:register_contract', { ...engagement, stage: 'discussion' })).toBe(false)
    expect(can(company, 'engagement:register_contract', { companyOrganisationId: 3, labOrganisationId: 2, stage: 'agreed' })).toBe(false)
    expect(can(actor('university', { organisationId: 2 }), 'engagement:register_contract', { ...engagement, stage: 'agreed' })).toBe(false)
  })

  it('a company files a claim under a programme only while its window is open', () => {
    expect(can(company, 'programme:file_claim', { phase: 'open' })).toBe(true)
    expect(can(company, 'programme:file_claim', { phase: 'upcoming' })).toBe(false)
    expect(can(company, 'programme:file_claim', { phase: 'closed' })).toBe(false)
    expect(can(lab, 'programme:file_claim', { phase: 'open' })).toBe(false)
  })
})

describe('a competitive round', () => {
  const parties = { companyId: 7, contractorId: 8 }
  it.each([
    ['the administration runs it', actor('administration'), 'selection:manage', undefined, true],
    ['a company does not', actor('company'), 'selection:manage', undefined, false],
    ['a commission member declares', actor('administration'), 'selection:declare', { isMember: true }, true],
    ['a person of the administration outside the commission does not', actor('administration'), 'selection:declare', { isMember: false }, false],
    ['a member without a conflict scores', actor('administration'), 'selection:score', { ...parties, isMember: true, conflicted: false }, true],
    ['a member who declared a conflict does not', actor('administration'), 'selection:score', { ...parties, isMember: true, conflicted: true }, false],
    ['a member of the claim’s company does not', actor('administration', { organisationId: 7 }), 'selection:score', { ...parties, isMember: true, conflicted: false }, false],
    ['a member of the contractor does not', actor('administration', { organisationId: 8 }), 'selection:score', { ...parties, isMember: true, conflicted: false }, false],
    ['a science organisation’s person never scores', actor('university'), 'selection:score', { ...parties, isMember: true, conflicted: false }, false],
  ] as const)('%s', (_, who, permission, resource, expected) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect((can as any)(who, permission, resource)).toBe(expected)
  })
})
