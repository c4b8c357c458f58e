import { memoUntilDataChanges } from '#db/data-version'
import { database } from '~/db.server'
import type { Actor } from '../permissions/actor'
import { agendaOfKind, waitingByPath, workspaceKindOf, type WorkspaceKind } from './agenda.server'

// Every signed-in page shows the workspace's counts in its menu, and a workspace is read far more
// often than anything in it changes: each person's agenda is computed once per state of the database
// (db/data-version.ts) and shared by the menu and the workspace page.

const currentAgenda = memoUntilDataChanges(
  () => database.sqlite,
  ({ actor, kind }: { actor: Actor; kind: WorkspaceKind }) => `${kind}:${actor.userId}`,
  ({ actor, kind }) => agendaOfKind[kind](actor),
)

export function workspaceAgenda(actor: Actor, kind: WorkspaceKind) {
  return currentAgenda({ actor, kind })
}

/** What waits behind each menu entry for the actor (nothing for a visitor). */
export function menuCounts(actor: Actor | null): Record<string, number> {
  const kind = workspaceKindOf(actor)
  return waitingByPath(kind ? workspaceAgenda(actor!, kind) : [])
}
