import { eq } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { organisations } from '#db/schema'
import { notifyOrganisations, type Notice } from '../notifications/notify.server'

/** Everyone in the regional administration: they review claims. */
export function notifyAdministration(tx: DbOrTx, claimId: number, notice: Omit<Notice, 'link'>) {
  const ids = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.type, 'administration')).all().map((o) => o.id)
  notifyOrganisations(tx, ids, { ...notice, link: `/admin/claims/${claimId}` })
}

/** Everyone in the claiming company. */
export function notifyClaimant(tx: DbOrTx, companyId: number, claimId: number, notice: Omit<Notice, 'link'>) {
  notifyOrganisations(tx, [companyId], { ...notice, link: `/claims/${claimId}` })
}
