import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { ContractStatus } from '#db/schema/contract-values'
import { acceptanceActs, claimPayments, compensationClaims, contractPayments, contracts, contractVersions, engagements, labs, organisations, rdRequests } from '#db/schema'
import type { DbOrTx } from '#db/client'
import { db } from '~/db.server'
import { documentSummaries } from '../documents/store.server'
import { hasRole, scienceOrganisationTypes, type Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { historyOf } from './history.server'
import { executionTotals, loadContract, partiesOf, stagesOf } from './records.server'

export const CONTRACTS_PAGE_SIZE = 20

const contractor = alias(organisations, 'contractor')
const company = alias(organisations, 'company')
const shownVersion = alias(contractVersions, 'shown_version')

/** Contracts the person may see: their organisation's, or all of them for the administration. */
function visibleTo(actor: Actor): SQL | undefined {
  if (hasRole(actor, 'administration')) return undefined
  const org = actor.organisationId ?? -1
  return or(eq(contracts.companyId, org), eq(contracts.contractorId, org))
}

export function listContracts(actor: Actor, query: { status?: ContractStatus; page: number }) {
  const where = and(visibleTo(actor), query.status ? eq(contracts.status, query.status) : undefined)
  const total = db.select({ n: count() }).from(contracts).where(where).get()?.n ?? 0
  const rows = db
    .select({
      id: contracts.id,
      status: contracts.status,
      pendingVersionId: contracts.pendingVersionId,
      confirmedVersionId: contracts.confirmedVersionId,
      companyId: contracts.companyId,
      companyName: sql<string>`coalesce(${company.shortName}, ${company.name})`,
      contractorName: sql<string>`coalesce(${contractor.shortName}, ${contractor.name})`,
      number: shownVersion.number,
      signedOn: shownVersion.signedOn,
      subject: shownVersion.subject,
      priceKopecks: shownVersion.priceKopecks,
      updatedAt: contracts.updatedAt,
    })
    .from(contracts)
    .innerJoin(company, eq(company.id, contracts.companyId))
    .innerJoin(contractor, eq(contractor.id, contracts.contractorId))
    .innerJoin(shownVersion, eq(shownVersion.id, sql`coalesce(${contracts.confirmedVersionId}, ${contracts.pendingVersionId}, (select max(v.id) from contract_versions v where v.contract_id = ${contracts.id}))`))
    .where(where)
    .orderBy(desc(contracts.updatedAt), desc(contracts.id))
    .limit(CONTRACTS_PAGE_SIZE)
    .offset((query.page - 1) * CONTRACTS_PAGE_SIZE)
    .all()
  const counts = Object.fromEntries(
    db
      .select({ status: contracts.status, n: count() })
      .from(contracts)
      .where(visibleTo(actor))
      .groupBy(contracts.status)
      .all()
      .map((r) => [r.status, r.n]),
  ) as Partial<Record<ContractStatus, number>>
  return { rows, total, counts, pageCount: Math.max(1, Math.ceil(total / CONTRACTS_PAGE_SIZE)) }
}

/** Science organisations a company may name as contractor, state ones first. */
/**
 * The agreed engagement a company's contract comes from: its lab's organisation is the contractor,
 * and it gets one contract (a withdrawn or declined one may be registered again). Null for anyone
 * but a member of the engagement's company, and for an engagement that has not reached "agreed".
 */
export function agreedEngagementOf(actor: Actor, engagementId: number, tx: DbOrTx = db) {
  if (!actor.organisationId || !Number.isSafeInteger(engagementId)) return null
  const row = tx
    .select({ id: engagements.id, stage: engagements.stage, companyId: engagements.companyOrganisationId, contractorId: engagements.labOrganisationId, requestTitle: rdRequests.title, labName: labs.name })
    .from(engagements)
    .innerJoin(rdRequests, eq(rdRequests.id, engagements.requestId))
    .innerJoin(labs, eq(labs.id, engagements.labId))
    .where(eq(engagements.id, engagementId))
    .get()
  if (!row || !can(actor, 'engagement:register_contract', { companyOrganisationId: row.companyId, labOrganisationId: row.contractorId, stage: row.stage })) return null
  return { id: row.id, contractorId: row.contractorId, requestTitle: row.requestTitle, labName: row.labName, contractId: contractOfEngagement(row.id, tx) }
}

/** The live contract registered from an engagement, if any: what both of its parties are shown. */
export function contractOfEngagement(engagementId: number, tx: DbOrTx = db): number | null {
  const row = tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.engagementId, engagementId), inArray(contracts.status, ['awaiting_confirmation', 'confirmed'])))
    .orderBy(desc(contracts.id))
    .get()
  return row?.id ?? null
}

export function contractorOptions() {
  return db
    .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, type: organisations.type, isState: organisations.isState })
    .from(organisations)
    .where(and(inArray(organisations.type, [...scienceOrganisationTypes]), isNull(organisations.archivedAt)))
    .orderBy(desc(organisations.isState), asc(organisations.name))
    .all()
}

function versionsOf(contractId: number) {
  const versions = db.select().from(contractVersions).where(eq(contractVersions.contractId, contractId)).orderBy(desc(contractVersions.version)).all()
  return versions.map((v) => ({ ...v, stages: stagesOf(db, v.id) }))
}

export type ContractVersionView = ReturnType<typeof versionsOf>[number]

/** Everything the contract page shows, and what this person may do on it. */
export function getContractView(actor: Actor, contractId: number) {
  const contract = loadContract(db, contractId)
  if (!contract) return refuse('not_found')
  const parties = partiesOf(contract)
  // A contract one may not see does not exist for them: 404, never a 403 that confirms it.
  if (!can(actor, 'contract:view', parties)) return refuse('not_found')
  const [companyOrg, contractorOrg] = [contract.companyId, contract.contractorId].map(
    (id) =>
      db
        .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, type: organisations.type, isState: organisations.isState, inn: organisations.inn })
        .from(organisations)
        .where(eq(organisations.id, id))
        .get()!,
  )
  const versions = versionsOf(contract.id)
  const current = versions.find((v) => v.id === contract.confirmedVersionId) ?? null
  const pending = versions.find((v) => v.id === contract.pendingVersionId) ?? null
  const acts = db.select().from(acceptanceActs).where(eq(acceptanceActs.contractId, contract.id)).orderBy(asc(acceptanceActs.signedOn), asc(acceptanceActs.id)).all()
  const payments = db.select().from(contractPayments).where(eq(contractPayments.contractId, contract.id)).orderBy(asc(contractPayments.paidOn), asc(contractPayments.id)).all()
  // Which claims name each payment, so both parties see where a payment went.
  const claimed = payments.length
    ? db
        .select({ paymentId: claimPayments.paymentId, claimId: compensationClaims.id, status: compensationClaims.status })
        .from(claimPayments)
        .innerJoin(compensationClaims, eq(compensationClaims.id, claimPayments.claimId))
        .where(and(inArray(claimPayments.paymentId, payments.map((p) => p.id)), isNull(claimPayments.releasedAt)))
        .all()
    : []
  const totals = executionTotals(db, contract.id)
  const price = current?.priceKopecks ?? pending?.priceKopecks ?? 0
  const documents = Object.fromEntries(documentSummaries(db, [...versions.map((v) => v.documentId), ...acts.map((a) => a.documentId), ...payments.map((p) => p.documentId)]))
  const isAdministration = hasRole(actor, 'administration')
  const answerable = (proposedByOrganisationId: number) => can(actor, 'contract:answer', { ...parties, proposedByOrganisationId })
  return ok({
    contract,
    company: companyOrg,
    contractor: contractorOrg,
    current,
    pending,
    versions,
    acts: acts.map((a) => ({ ...a, canAnswer: a.status === 'proposed' && answerable(a.recordedByOrganisationId) })),
    payments: payments.map((p) => ({
      ...p,
      canAnswer: p.status === 'proposed' && answerable(p.recordedByOrganisationId),
      claim: claimed.find((c) => c.paymentId === p.id) ?? null,
    })),
    totals: {
      priceKopecks: price,
      vatKopecks: (current ?? pending)?.vatKopecks ?? 0,
      acceptedKopecks: totals.acceptedKopecks,
      paidKopecks: totals.paidKopecks,
      confirmedPaidKopecks: totals.confirmedPaidKopecks,
      unpaidKopecks: Math.max(0, (current?.priceKopecks ?? 0) - totals.paidKopecks),
      acceptedByStage: Object.fromEntries(totals.acceptedByStage),
    },
    documents,
    history: historyOf(db, 'contract', contract.id),
    permissions: {
      answerPending: pending ? answerable(pending.proposedByOrganisationId) : false,
      withdrawPending: pending ? can(actor, 'contract:withdraw', { ...parties, proposedByOrganisationId: pending.proposedByOrganisationId }) : false,
      proposeVersion: !pending && contract.status !== 'withdrawn' && can(actor, 'contract:propose_version', parties),
      recordAct: !!current && can(actor, 'contract:record_act', parties),
      recordPayment: !!current && can(actor, 'contract:record_payment', parties),
      attachDocument: can(actor, 'contract:attach_document', parties),
      isAdministration,
    },
  })
}

export type ContractView = Extract<ReturnType<typeof getContractView>, { ok: true }>['value']

/** The terms a new version starts from: those in force, else the latest proposed. */
export function termsForNewVersion(actor: Actor, contractId: number): Result<{ contract: typeof contracts.$inferSelect; base: ContractVersionView; contractorName: string }, 'not_found' | 'forbidden' | 'version_pending'> {
  const contract = loadContract(db, contractId)
  if (!contract || !can(actor, 'contract:view', partiesOf(contract))) return refuse('not_found')
  if (!can(actor, 'contract:propose_version', partiesOf(contract))) return refuse('forbidden')
  if (contract.pendingVersionId) return refuse('version_pending')
  const versions = versionsOf(contract.id)
  const base = versions.find((v) => v.id === contract.confirmedVersionId) ?? versions[0]
  const other = db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, contract.contractorId)).get()
  return ok({ contract, base, contractorName: other?.name ?? '' })
}
