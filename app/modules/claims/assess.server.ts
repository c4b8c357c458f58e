import { and, asc, eq, inArray, isNull, ne, sum } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { acceptanceActs, claimCosts, claimDocuments, claimPayments, compensationClaims, contractPayments, contracts, contractVersions, documents, organisations, programmes } from '#db/schema'
import { regionToday } from '../calendar/calendar'
import { budgetOf } from '../programmes/programmes.server'
import { assessClaim, type ClaimAssessment, type ClaimFacts, type ContractFacts } from './rules'

type ProgrammeRow = typeof programmes.$inferSelect

export interface FactsRequest {
  programme: ProgrammeRow
  contractId: number
  companyId: number
  paymentIds: number[]
  /** The claim being assessed, whose own payments and approvals do not count against it. */
  claimId: number | null
  resubmission: boolean
  today?: string
}

/** The documents attached to a claim and not replaced, oldest first. */
export function activeClaimDocuments(tx: DbOrTx, claimId: number | null) {
  if (!claimId) return []
  return tx
    .select({ id: claimDocuments.id, kind: claimDocuments.kind, issuedOn: claimDocuments.issuedOn, documentId: claimDocuments.documentId, name: documents.originalName })
    .from(claimDocuments)
    .innerJoin(documents, eq(documents.id, claimDocuments.documentId))
    .where(and(eq(claimDocuments.claimId, claimId), isNull(claimDocuments.removedAt)))
    .orderBy(asc(claimDocuments.issuedOn), asc(claimDocuments.id))
    .all()
}

/** Payments of the contract in claims that hold them (not withdrawn, not rejected), other than this one. */
export function claimsHoldingPayments(tx: DbOrTx, paymentIds: number[], exceptClaimId: number | null) {
  if (paymentIds.length === 0) return new Map<number, number>()
  const rows = tx
    .select({ paymentId: claimPayments.paymentId, claimId: claimPayments.claimId })
    .from(claimPayments)
    .where(and(inArray(claimPayments.paymentId, paymentIds), isNull(claimPayments.releasedAt), exceptClaimId ? ne(claimPayments.claimId, exceptClaimId) : undefined))
    .all()
  return new Map(rows.map((r) => [r.paymentId, r.claimId]))
}

/** What the company already has approved or paid under the programme, other claims only. */
export function companyCommitted(tx: DbOrTx, programmeId: number, companyId: number, exceptClaimId: number | null): number {
  const row = tx
    .select({ total: sum(compensationClaims.approvedKopecks) })
    .from(compensationClaims)
    .where(
      and(
        eq(compensationClaims.programmeId, programmeId),
        eq(compensationClaims.companyId, companyId),
        inArray(compensationClaims.status, ['approved', 'paid']),
        exceptClaimId ? ne(compensationClaims.id, exceptClaimId) : undefined,
      ),
    )
    .get()
  return Number(row?.total ?? 0)
}

function contractFacts(tx: DbOrTx, contractId: number, paymentIds: number[], claimId: number | null): ContractFacts {
  const contract = tx.select().from(contracts).where(eq(contracts.id, contractId)).get()!
  const versionId = contract.confirmedVersionId ?? contract.pendingVersionId
  const version = versionId
    ? tx.select().from(contractVersions).where(eq(contractVersions.id, versionId)).get()!
    : tx.select().from(contractVersions).where(eq(contractVersions.contractId, contract.id)).orderBy(asc(contractVersions.version)).all().at(-1)!
  const contractor = tx.select().from(organisations).where(eq(organisations.id, contract.contractorId)).get()!
  const payments = paymentIds.length
    ? tx
        .select()
        .from(contractPayments)
        .where(and(inArray(contractPayments.id, paymentIds), eq(contractPayments.contractId, contract.id)))
        .orderBy(asc(contractPayments.paidOn), asc(contractPayments.id))
        .all()
    : []
  const holders = claimsHoldingPayments(tx, payments.map((p) => p.id), claimId)
  const acts = tx
    .select()
    .from(acceptanceActs)
    .where(and(eq(acceptanceActs.contractId, contract.id), eq(acceptanceActs.status, 'confirmed')))
    .all()
  const otherClaimed = tx
    .select({ total: sum(contractPayments.amountKopecks) })
    .from(claimPayments)
    .innerJoin(contractPayments, eq(contractPayments.id, claimPayments.paymentId))
    .where(and(eq(contractPayments.contractId, contract.id), isNull(claimPayments.releasedAt), claimId ? ne(claimPayments.claimId, claimId) : undefined))
    .get()
  return {
    contract: {
      id: contract.id,
      confirmed: contract.confirmedVersionId !== null,
      number: version.number,
      signedOn: version.signedOn,
      hasDocument: version.documentId !== null,
      priceKopecks: version.priceKopecks,
      vatKopecks: version.vatKopecks,
      vatExempt: version.vatMode === 'exempt',
    },
    contractor: { name: contractor.shortName ?? contractor.name, type: contractor.type, isState: contractor.isState, verified: contractor.verificationStatus === 'verified' },
    payments: payments.map((p) => ({
      id: p.id,
      orderNumber: p.orderNumber,
      paidOn: p.paidOn,
      amountKopecks: p.amountKopecks,
      confirmed: p.status === 'confirmed',
      hasDocument: p.documentId !== null,
      claimedBy: holders.get(p.id) ?? null,
    })),
    acts: acts.map((a) => ({ number: a.number, signedOn: a.signedOn, amountKopecks: a.amountKopecks, hasDocument: a.documentId !== null })),
    claimedOnContractKopecks: Number(otherClaimed?.total ?? 0),
  }
}

/** The claim's own costs (staff, materials, equipment, IP) that are not taken out. */
export function activeCosts(tx: DbOrTx, claimId: number | null) {
  if (!claimId) return []
  return tx
    .select()
    .from(claimCosts)
    .where(and(eq(claimCosts.claimId, claimId), isNull(claimCosts.removedAt)))
    .orderBy(asc(claimCosts.incurredOn), asc(claimCosts.id))
    .all()
}

/** Reads every fact the programme's rules look at, in the caller's transaction. */
export function gatherFacts(tx: DbOrTx, request: FactsRequest): ClaimFacts {
  const { programme } = request
  // The claim's own contract first, then every other contract its payments belong to.
  const ofPayments = request.paymentIds.length
    ? tx.selectDistinct({ contractId: contractPayments.contractId }).from(contractPayments).where(inArray(contractPayments.id, request.paymentIds)).all().map((r) => r.contractId)
    : []
  const contractIds = [request.contractId, ...ofPayments.filter((id) => id !== request.contractId).sort((a, b) => a - b)]
  const company = tx.select({ status: organisations.verificationStatus }).from(organisations).where(eq(organisations.id, request.companyId)).get()
  const claim = request.claimId ? tx.select().from(compensationClaims).where(eq(compensationClaims.id, request.claimId)).get() : undefined
  const today = request.today ?? regionToday()
  // A claim under review keeps the ages its documents had on the day it was submitted.
  const filedOn = claim?.submittedAt && !['draft', 'returned'].includes(claim.status) ? regionToday(new Date(claim.submittedAt)) : today
  return {
    today,
    filedOn,
    claimDocuments: activeClaimDocuments(tx, request.claimId).map((d) => ({ kind: d.kind, name: d.name, issuedOn: d.issuedOn })),
    affiliation: { declared: Boolean(claim?.affiliationDeclaredAt), grounds: claim?.affiliationCheck?.grounds ?? null },
    programme: {
      year: programme.year,
      opensOn: programme.opensOn,
      closesOn: programme.closesOn,
      contractsFrom: programme.contractsFrom,
      contractsTo: programme.contractsTo,
      paymentsFrom: programme.paymentsFrom,
      paymentsTo: programme.paymentsTo,
      shareBp: programme.shareBp,
      capPerClaimKopecks: programme.capPerClaimKopecks,
      capPerCompanyKopecks: programme.capPerCompanyKopecks,
      eligibleContractorKinds: programme.eligibleContractorKinds,
      requiredDocuments: programme.requiredDocuments,
      documentMaxAgeDays: programme.documentMaxAgeDays ?? {},
      budgetRemainingKopecks: budgetOf(programme).remainingKopecks,
      vatBase: programme.vatBase,
      costCategories: programme.costCategories,
      costWindow: programme.costWindow ?? null,
    },
    resubmission: request.resubmission,
    companyVerified: company?.status === 'verified',
    contracts: contractIds.map((id) => contractFacts(tx, id, request.paymentIds, request.claimId)),
    costs: activeCosts(tx, request.claimId).map((c) => ({
      id: c.id,
      category: c.category,
      description: c.description,
      incurredOn: c.incurredOn,
      amountKopecks: c.amountKopecks,
      vatKopecks: c.vatKopecks,
      hasDocument: c.documentId !== null,
    })),
    companyCommittedKopecks: companyCommitted(tx, programme.id, request.companyId, request.claimId),
  }
}

export function assess(tx: DbOrTx, request: FactsRequest): { facts: ClaimFacts; assessment: ClaimAssessment } {
  const facts = gatherFacts(tx, request)
  return { facts, assessment: assessClaim(facts) }
}
