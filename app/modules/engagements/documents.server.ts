import { eq } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { engagementMessages, engagements } from '#db/schema'

/** The engagements whose threads carry the document, for deciding who may read it. */
export function engagementsHoldingDocument(tx: DbOrTx, documentId: number) {
  return tx
    .select({ companyOrganisationId: engagements.companyOrganisationId, labOrganisationId: engagements.labOrganisationId })
    .from(engagementMessages)
    .innerJoin(engagements, eq(engagements.id, engagementMessages.engagementId))
    .where(eq(engagementMessages.documentId, documentId))
    .all()
}
