import { hasRole, type Actor } from '../permissions/actor'

/** Where a person lands after signing in: the workspace of their role, else the home page. */
export function workspaceHome(actor: Actor | null): string {
  if (hasRole(actor, 'company')) return '/company'
  if (hasRole(actor, 'science')) return '/lab'
  if (hasRole(actor, 'administration')) return '/admin'
  if (hasRole(actor, 'platform_admin')) return '/platform'
  return '/'
}
