import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { ClaimStatus } from '#db/schema/claim-values'
import { acceptanceActs, compensationClaims, contractPayments, contracts, contractVersions, organisations, programmes } from '#db/schema'
import { db } from '~/db.server'
import { historyOf } from '../contracts/history.server'
import { documentSummaries } from '../documents/store.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { budgetOf, openProgrammes } from '../programmes/programmes.server'
import { ok, refuse } from '../result'
import { agreementView } from '../agreements/agreements.server'
import { activeClaimDocuments, assess, claimsHoldingPayments } from './assess.server'
import { activePaymentIds, loadClaim } from './claims.server'

export const CLAIMS_PAGE_SIZE = 20

const company = alias(organisations, 'company')
const contractor = alias(organisations, 'contractor')
const version = alias(contractVersions, 'claim_contract_version')

const claimColumns = {
  id: compensationClaims.id,
  status: compensationClaims.status,
  requestedKopecks: compensationClaims.requestedKopecks,
  approvedKopecks: compensationClaims.approvedKopecks,
  submittedAt: compensationClaims.submittedAt,
  decidedAt: compensationClaims.decidedAt,
  paidOn: compensationClaims.paidOn,
  updatedAt: compensationClaims.updatedAt,
  programmeId: programmes.id,
  programmeTitle: programmes.title,
  programmeYear: programmes.year,
  companyName: sql<string>`coalesce(${company.shortName}, ${company.name})`,
  companyInn: company.inn,
  contractorName: sql<string>`coalesce(${contractor.shortName}, ${contractor.name})`,
  contractId: contracts.id,
  contractNumber: version.number,
  contractSignedOn: version.signedOn,
  decisionReason: compensationClaims.decisionReason,
  paymentOrderNumber: compensationClaims.paymentOrderNumber,
}

function claimsQuery(where: SQL | undefined) {
  return db
    .select(claimColumns)
    .from(compensationClaims)
    .innerJoin(programmes, eq(programmes.id, compensationClaims.programmeId))
    .innerJoin(contracts, eq(contracts.id, compensationClaims.contractId))
    .innerJoin(company, eq(company.id, compensationClaims.companyId))
    .innerJoin(contractor, eq(contractor.id, contracts.contractorId))
    .innerJoin(version, eq(version.id, sql`coalesce(${contracts.confirmedVersionId}, ${contracts.pendingVersionId})`))
    .where(where)
}

/** A company's own claims, newest first. */
export function listCompanyClaims(actor: Actor, query: { status?: ClaimStatus; page: number }) {
  if (!can(actor, 'claim:file') || !actor.organisationId) return refuse('forbidden')
  const mine = eq(compensationClaims.companyId, actor.organisationId)
  const where = and(mine, query.status ? eq(compensationClaims.status, query.status) : undefined)
  const total = db.select({ n: count() }).from(compensationClaims).where(where).get()?.n ?? 0
  const rows = claimsQuery(where)
    .orderBy(desc(compensationClaims.updatedAt), desc(compensationClaims.id))
    .limit(CLAIMS_PAGE_SIZE)
    .offset((query.page - 1) * CLAIMS_PAGE_SIZE)
    .all()
  const counts = statusCounts(mine)
  return ok({ rows, total, counts, pageCount: Math.max(1, Math.ceil(total / CLAIMS_PAGE_SIZE)) })
}

function statusCounts(where: SQL | undefined) {
  return Object.fromEntries(
    db
      .select({ status: compensationClaims.status, n: count() })
      .from(compensationClaims)
      .where(where)
      .groupBy(compensationClaims.status)
      .all()
      .map((r) => [r.status, r.n]),
  ) as Partial<Record<ClaimStatus, number>>
}

export interface QueueQuery {
  status?: ClaimStatus
  programmeId?: number
  page: number
}

/** Drafts stay with the company: the administration sees a claim from its submission on. */
const reviewable = sql`${compensationClaims.status} <> 'draft'`

function queueWhere(query: Omit<QueueQuery, 'page'>) {
  return and(
    reviewable,
    query.programmeId ? eq(compensationClaims.programmeId, query.programmeId) : undefined,
    query.status ? eq(compensationClaims.status, query.status) : undefined,
  )
}

/** The administration's queue: oldest submissions first, so nothing waits longer than it must. */
export function reviewQueue(actor: Actor, query: QueueQuery) {
  if (!can(actor, 'claim:review')) return refuse('forbidden')
  const where = queueWhere(query)
  const total = db.select({ n: count() }).from(compensationClaims).where(where).get()?.n ?? 0
  const rows = claimsQuery(where)
    .orderBy(asc(compensationClaims.submittedAt), asc(compensationClaims.id))
    .limit(CLAIMS_PAGE_SIZE)
    .offset((query.page - 1) * CLAIMS_PAGE_SIZE)
    .all()
  const counts = statusCounts(and(reviewable, query.programmeId ? eq(compensationClaims.programmeId, query.programmeId) : undefined))
  const programmeOptions = db.select({ id: programmes.id, title: programmes.title, year: programmes.year }).from(programmes).orderBy(desc(programmes.year), desc(programmes.id)).all()
  return ok({ rows, total, counts, programmeOptions, pageCount: Math.max(1, Math.ceil(total / CLAIMS_PAGE_SIZE)) })
}

/** Every claim the filters select, for the registry export (no paging). */
export function registryRows(actor: Actor, query: Omit<QueueQuery, 'page'>) {
  if (!can(actor, 'claim:review')) return refuse('forbidden')
  return ok(claimsQuery(queueWhere(query)).orderBy(asc(compensationClaims.id)).all())
}

export type RegistryRow = ReturnType<ReturnType<typeof claimsQuery>['all']>[number]

/** The payments of a contract with what a claim form needs to know about each. */
function paymentsOfContract(contractId: number, claimId: number | null) {
  const payments = db.select().from(contractPayments).where(eq(contractPayments.contractId, contractId)).orderBy(asc(contractPayments.paidOn), asc(contractPayments.id)).all()
  const held = claimsHoldingPayments(db, payments.map((p) => p.id), claimId)
  return payments.map((p) => ({ ...p, heldByClaim: held.get(p.id) ?? null }))
}

/** What the "new claim" page offers: open programmes, the company's confirmed contracts, their payments. */
export function claimFormOptions(actor: Actor, selected: { programmeId?: number; contractId?: number }) {
  if (!can(actor, 'claim:file') || !actor.organisationId) return refuse('forbidden')
  const programmesOpen = openProgrammes()
  const contractsConfirmed = db
    .select({ id: contracts.id, number: version.number, signedOn: version.signedOn, subject: version.subject, priceKopecks: version.priceKopecks, contractorName: sql<string>`coalesce(${contractor.shortName}, ${contractor.name})` })
    .from(contracts)
    .innerJoin(version, eq(version.id, contracts.confirmedVersionId))
    .innerJoin(contractor, eq(contractor.id, contracts.contractorId))
    .where(eq(contracts.companyId, actor.organisationId))
    .orderBy(desc(version.signedOn))
    .all()
  const contract = contractsConfirmed.find((c) => c.id === selected.contractId) ?? null
  const payments = contract ? paymentsOfContract(contract.id, null) : []
  return ok({ programmes: programmesOpen, contracts: contractsConfirmed, contract, payments })
}

/** Everything the claim page shows: to the company that filed it and to the administration. */
export function getClaimView(actor: Actor, claimId: number) {
  const claim = loadClaim(db, claimId)
  if (!claim) return refuse('not_found')
  // A claim one may not see does not exist for them: 404, never a 403 that confirms it.
  if (!can(actor, 'claim:view', { companyId: claim.companyId })) return refuse('not_found')
  // The administration sees a claim once it is submitted; a draft is the company's own work.
  if (claim.status === 'draft' && !can(actor, 'claim:edit', { companyId: claim.companyId })) return refuse('not_found')
  const programme = db.select().from(programmes).where(eq(programmes.id, claim.programmeId)).get()!
  const contract = db.select().from(contracts).where(eq(contracts.id, claim.contractId)).get()!
  const contractVersion = db.select().from(contractVersions).where(eq(contractVersions.id, (contract.confirmedVersionId ?? contract.pendingVersionId)!)).get()!
  const [companyOrg, contractorOrg] = [claim.companyId, contract.contractorId].map(
    (id) => db.select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, inn: organisations.inn, type: organisations.type, isState: organisations.isState, verificationStatus: organisations.verificationStatus }).from(organisations).where(eq(organisations.id, id)).get()!,
  )
  const selectedIds = activePaymentIds(db, claim.id)
  const allPayments = paymentsOfContract(contract.id, claim.id)
  const acts = db.select().from(acceptanceActs).where(eq(acceptanceActs.contractId, contract.id)).orderBy(asc(acceptanceActs.signedOn)).all()
  const editable = (claim.status === 'draft' || claim.status === 'returned') && can(actor, 'claim:edit', { companyId: claim.companyId })
  // A claim being prepared is assessed live; a submitted one shows what was computed at submission,
  // and the reviewer also sees what the rules give today (budget and caps may have moved since).
  const live = assess(db, { programme, contractId: contract.id, companyId: claim.companyId, paymentIds: selectedIds, claimId: claim.id, resubmission: claim.status === 'returned' })
  const claimDocuments = activeClaimDocuments(db, claim.id)
  const afterPayment = agreementView(db, claim.id)
  const documents = Object.fromEntries(
    documentSummaries(db, [
      contractVersion.documentId,
      ...allPayments.map((p) => p.documentId),
      ...acts.map((a) => a.documentId),
      ...claimDocuments.map((d) => d.documentId),
      ...(afterPayment?.evidenceIds ?? []),
    ]),
  )
  const decides = can(actor, 'claim:decide', { companyId: claim.companyId })
  const files = can(actor, 'claim:edit', { companyId: claim.companyId })
  return ok({
    claim,
    programme: { ...programme, budget: budgetOf(programme) },
    contract: { id: contract.id, status: contract.status, version: contractVersion },
    company: companyOrg,
    contractor: contractorOrg,
    selectedPaymentIds: selectedIds,
    payments: editable ? allPayments : allPayments.filter((p) => selectedIds.includes(p.id)),
    acts,
    documents,
    claimDocuments,
    afterPayment,
    assessment: live.assessment,
    history: historyOf(db, 'claim', claim.id),
    permissions: {
      edit: editable,
      withdraw: ['draft', 'submitted', 'returned'].includes(claim.status) && can(actor, 'claim:edit', { companyId: claim.companyId }),
      // A competitive programme's claims are decided by the close of its round (decideClaim refuses them too).
      decide: claim.status === 'submitted' && programme.selectionMode === 'first_come' && can(actor, 'claim:decide', { companyId: claim.companyId }),
      markPaid: claim.status === 'approved' && can(actor, 'claim:decide', { companyId: claim.companyId }),
      review: can(actor, 'claim:review'),
      checkAffiliation: claim.status === 'submitted' && decides,
      manageAgreement: (claim.status === 'approved' || claim.status === 'paid') && decides,
      reviewReports: claim.status === 'paid' && decides,
      fileReports: claim.status === 'paid' && files,
    },
  })
}

export type ClaimView = Extract<ReturnType<typeof getClaimView>, { ok: true }>['value']

