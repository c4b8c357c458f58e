import { eq } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { acceptanceActs, contractPayments, contracts, contractVersions } from '#db/schema'

/** The contracts whose records (terms, acts, payments) hold a document: its parties may read it. */
export function contractsHoldingDocument(tx: DbOrTx, documentId: number) {
  const columns = { companyId: contracts.companyId, contractorId: contracts.contractorId }
  return [
    ...tx.select(columns).from(contractVersions).innerJoin(contracts, eq(contracts.id, contractVersions.contractId)).where(eq(contractVersions.documentId, documentId)).all(),
    ...tx.select(columns).from(acceptanceActs).innerJoin(contracts, eq(contracts.id, acceptanceActs.contractId)).where(eq(acceptanceActs.documentId, documentId)).all(),
    ...tx.select(columns).from(contractPayments).innerJoin(contracts, eq(contracts.id, contractPayments.contractId)).where(eq(contractPayments.documentId, documentId)).all(),
  ]
}
