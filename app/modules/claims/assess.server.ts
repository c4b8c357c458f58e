import { and, asc, eq, inArray, isNull, ne, sum } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { acceptanceActs, claimPayments, compensationClaims, contractPayments, contracts, contractVersions, organisations, programmes } from '#db/schema'
import { regionToday } from '../contracts/calendar'
import { budgetOf } from '../programmes/programmes.server'
import { assessClaim, type ClaimAssessment, type ClaimFacts } from './rules'

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

/** Reads every fact the programme's rules look at, in the caller's transaction. */
export function gatherFacts(tx: DbOrTx, request: FactsRequest): ClaimFacts {
  const { programme } = request
  const contract = tx.select().from(contracts).where(eq(contracts.id, request.contractId)).get()!
  const versionId = contract.confirmedVersionId ?? contract.pendingVersionId
  const version = versionId
    ? tx.select().from(contractVersions).where(eq(contractVersions.id, versionId)).get()!
    : tx.select().from(contractVersions).where(eq(contractVersions.contractId, contract.id)).orderBy(asc(contractVersions.version)).all().at(-1)!
  const contractor = tx.select().from(organisations).where(eq(organisations.id, contract.contractorId)).get()!
  const company = tx.select({ status: organisations.verificationStatus }).from(organisations).where(eq(organisations.id, request.companyId)).get()
  const payments = request.paymentIds.length
    ? tx
        .select()
        .from(contractPayments)
        .where(and(inArray(contractPayments.id, request.paymentIds), eq(contractPayments.contractId, contract.id)))
        .orderBy(asc(contractPayments.paidOn), asc(contractPayments.id))
        .all()
    : []
  const holders = claimsHoldingPayments(tx, payments.map((p) => p.id), request.claimId)
  const acts = tx
    .select()
    .from(acceptanceActs)
    .where(and(eq(acceptanceActs.contractId, contract.id), eq(acceptanceActs.status, 'confirmed')))
    .all()
  const otherClaimed = tx
    .select({ total: sum(contractPayments.amountKopecks) })
    .from(claimPayments)
    .innerJoin(contractPayments, eq(contractPayments.id, claimPayments.paymentId))
    .where(
      and(
        eq(contractPayments.contractId, contract.id),
        isNull(claimPayments.releasedAt),
        request.claimId ? ne(claimPayments.claimId, request.claimId) : undefined,
      ),
    )
    .get()
  return {
    today: request.today ?? regionToday(),
    programme: {
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
      budgetRemainingKopecks: budgetOf(programme).remainingKopecks,
    },
    resubmission: request.resubmission,
    companyVerified: company?.status === 'verified',
    contract: { confirmed: contract.confirmedVersionId !== null, number: version.number, signedOn: version.signedOn, hasDocument: version.documentId !== null },
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
    acts: acts.map((a) => ({ number: a.number, amountKopecks: a.amountKopecks, hasDocument: a.documentId !== null })),
    claimedOnContractKopecks: Number(otherClaimed?.total ?? 0),
    companyCommittedKopecks: companyCommitted(tx, programme.id, request.companyId, request.claimId),
  }
}

export function assess(tx: DbOrTx, request: FactsRequest): { facts: ClaimFacts; assessment: ClaimAssessment } {
  const facts = gatherFacts(tx, request)
  return { facts, assessment: assessClaim(facts) }
}
