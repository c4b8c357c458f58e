import { eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { claimDocuments, compensationClaims, indicatorReports, subsidyAgreements } from '#db/schema'

function companiesOfClaims(tx: DbOrTx, claimIds: number[]) {
  if (claimIds.length === 0) return []
  return tx.select({ companyId: compensationClaims.companyId }).from(compensationClaims).where(inArray(compensationClaims.id, claimIds)).all()
}

/** The claims a document is attached to (invoices, reports, certificates): whoever may see the claim may read it. */
export function claimsHoldingDocument(tx: DbOrTx, documentId: number) {
  return companiesOfClaims(tx, tx.select({ claimId: claimDocuments.claimId }).from(claimDocuments).where(eq(claimDocuments.documentId, documentId)).all().map((r) => r.claimId))
}

/** The claims whose result reports cite a document as evidence. */
export function reportsHoldingDocument(tx: DbOrTx, documentId: number) {
  const rows = tx
    .select({ claimId: subsidyAgreements.claimId })
    .from(indicatorReports)
    .innerJoin(subsidyAgreements, eq(subsidyAgreements.id, indicatorReports.agreementId))
    .where(eq(indicatorReports.evidenceDocumentId, documentId))
    .all()
  return companiesOfClaims(tx, rows.map((r) => r.claimId))
}
