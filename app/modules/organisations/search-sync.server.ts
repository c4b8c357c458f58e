import { eq } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { labs, rdRequests } from '#db/schema'
import { enqueue } from '#search/sync'

/**
 * An organisation's name and verification appear in its own document and in those of its labs and
 * requests: a change to it refreshes all of them.
 */
export function enqueueOrganisation(tx: DbOrTx, organisationId: number): void {
  enqueue(tx, 'organisations', String(organisationId))
  for (const lab of tx.select({ id: labs.id }).from(labs).where(eq(labs.organisationId, organisationId)).all()) enqueue(tx, 'labs', String(lab.id))
  for (const r of tx.select({ id: rdRequests.id }).from(rdRequests).where(eq(rdRequests.organisationId, organisationId)).all()) enqueue(tx, 'requests', String(r.id))
}
