import { hasRole, type Actor } from './actor'

// Every authorisation question goes through can(): loaders, actions, buttons on pages and search
// filters ask the same table, so a page never offers what its action would refuse.

type OrganisationRef = { organisationId: number }

interface Rules {
  'area:company': void
  'area:science': void
  'area:administration': void
  'area:platform': void
  'account:manage': void
  'organisation:edit': OrganisationRef
  'organisation:invite': OrganisationRef
  'organisation:manage_members': OrganisationRef
  'organisation:verify': void
}

export type Permission = keyof Rules
/** What a permission is asked about: nothing, or the resource it concerns. */
export type PermissionArgs<P extends Permission> = Rules[P] extends void ? [] : [Rules[P]]

function isOwnerOf(actor: Actor | null, organisationId: number): boolean {
  return actor?.organisationId === organisationId && actor.membershipRole === 'owner'
}

const rules: { [P in Permission]: (actor: Actor | null, resource: Rules[P]) => boolean } = {
  'area:company': (a) => hasRole(a, 'company'),
  'area:science': (a) => hasRole(a, 'science'),
  'area:administration': (a) => hasRole(a, 'administration') || hasRole(a, 'platform_admin'),
  'area:platform': (a) => hasRole(a, 'platform_admin'),
  'account:manage': (a) => a !== null,
  'organisation:edit': (a, r) => isOwnerOf(a, r.organisationId),
  'organisation:invite': (a, r) => isOwnerOf(a, r.organisationId),
  'organisation:manage_members': (a, r) => isOwnerOf(a, r.organisationId),
  // Administration members verify organisations; the platform admin may stand in for them.
  'organisation:verify': (a) => hasRole(a, 'administration') || hasRole(a, 'platform_admin'),
}

export function can<P extends Permission>(
  actor: Actor | null,
  permission: P,
  ...resource: PermissionArgs<P>
): boolean {
  return rules[permission](actor, resource[0] as Rules[P])
}

export const permissions = Object.keys(rules) as Permission[]
