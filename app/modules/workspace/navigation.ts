import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { workspaceHome } from './home'

// The menu of each role, grouped: the role's own work first (its workspace and the lists where the
// work is done, each with what waits there), then the public catalogues, then the organisation.
// Every page a role has is reachable from here; can() decides, as on the pages themselves.

export interface NavItem {
  to: string
  labelKey: string
  /** Active only on this very path, not on the pages below it. */
  end?: boolean
  /** Things waiting for this person behind the entry. */
  waiting?: number
}

export interface NavGroup {
  key: 'work' | 'catalogues' | 'organisation'
  labelKey: string
  items: NavItem[]
}

export function navigationFor(actor: Actor | null, waiting: Record<string, number>): NavGroup[] {
  const count = (path: string) => waiting[path] || undefined
  const work: NavItem[] = []
  const home = workspaceHome(actor)
  if (home !== '/') work.push({ to: home, labelKey: home === '/platform' ? 'nav.platform' : 'nav.workspace', end: true, waiting: count('workspace') })
  if (can(actor, 'match:list')) work.push({ to: '/matches', labelKey: 'nav.matches', waiting: count('/matches') })
  if (can(actor, 'area:company') || can(actor, 'area:science')) work.push({ to: '/engagements', labelKey: 'nav.engagements', waiting: count('/engagements') })
  if (can(actor, 'contract:register') || can(actor, 'area:science')) work.push({ to: '/contracts', labelKey: 'contracts.navLabel', waiting: count('/contracts') })
  if (can(actor, 'claim:file')) work.push({ to: '/claims', labelKey: 'claims.navLabel', waiting: count('/claims') })
  if (can(actor, 'alert:manage')) work.push({ to: '/alerts', labelKey: 'nav.alerts' })
  if (can(actor, 'claim:review')) work.push({ to: '/admin/claims', labelKey: 'review.navLabel', waiting: count('/admin/claims') })
  if (can(actor, 'organisation:verify')) work.push({ to: '/admin/organisations', labelKey: 'nav.verification', waiting: count('/admin/organisations') })
  if (can(actor, 'programme:manage')) work.push({ to: '/admin/programmes', labelKey: 'programmes.navLabel', waiting: count('/admin/programmes') })
  if (can(actor, 'area:administration')) work.push({ to: '/admin/dashboard', labelKey: 'nav.dashboard' })
  if (can(actor, 'measure:manage')) work.push({ to: '/admin/measures', labelKey: 'measures.admin.navLabel' })
  // The platform admin may also stand in for the administration: both workspaces are theirs.
  if (home === '/platform' && can(actor, 'area:administration')) work.splice(1, 0, { to: '/admin', labelKey: 'nav.administration', end: true })

  const catalogues: NavItem[] = [
    { to: '/requests', labelKey: 'nav.requests' },
    { to: '/labs', labelKey: 'nav.labs' },
    { to: '/orgs', labelKey: 'nav.organisations' },
    { to: '/measures', labelKey: 'nav.measures' },
  ]
  const groups: NavGroup[] = []
  if (work.length) groups.push({ key: 'work', labelKey: 'nav.groups.work', items: work })
  groups.push({ key: 'catalogues', labelKey: 'nav.groups.catalogues', items: catalogues })
  if (actor?.organisationId) groups.push({ key: 'organisation', labelKey: 'nav.groups.organisation', items: [{ to: '/org', labelKey: 'nav.organisation' }] })
  return groups
}
