import type { MembershipRole, OrganisationType } from '#db/schema'

/** Who is acting: a signed-in person with the organisation they belong to. */
export interface Actor {
  userId: string
  email: string
  name: string
  locale: 'ru' | 'en' | null
  isPlatformAdmin: boolean
  organisationId: number | null
  organisationType: OrganisationType | null
  organisationName: string | null
  /** What the header shows: the short name where there is one. */
  organisationLabel: string | null
  organisationVerified: boolean
  membershipRole: MembershipRole | null
}

/** What a person does on the platform follows from the type of their organisation. */
export type Role = 'company' | 'science' | 'administration' | 'platform_admin'

export const scienceOrganisationTypes: readonly OrganisationType[] = ['university', 'institute', 'research_org']

export function rolesOf(actor: Actor | null): Role[] {
  if (!actor) return []
  const roles: Role[] = []
  if (actor.organisationType === 'company') roles.push('company')
  if (actor.organisationType && scienceOrganisationTypes.includes(actor.organisationType)) roles.push('science')
  if (actor.organisationType === 'administration') roles.push('administration')
  if (actor.isPlatformAdmin) roles.push('platform_admin')
  return roles
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return rolesOf(actor).includes(role)
}
