import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { acceptanceActs, contractPayments, contracts, contractStages, contractVersions, organisations } from '#db/schema'
import { notifyOrganisations, type Notice } from '../notifications/notify.server'

// Reading a contract's parts inside a caller's transaction, for the functions that change them.

export type ContractRow = typeof contracts.$inferSelect
export type ContractVersionRow = typeof contractVersions.$inferSelect
export type StageRow = typeof contractStages.$inferSelect

export function loadContract(tx: DbOrTx, contractId: number): ContractRow | null {
  if (!Number.isSafeInteger(contractId) || contractId <= 0) return null
  return tx.select().from(contracts).where(eq(contracts.id, contractId)).get() ?? null
}

export function partiesOf(contract: Pick<ContractRow, 'companyId' | 'contractorId'>) {
  return { companyId: contract.companyId, contractorId: contract.contractorId }
}

export function loadVersion(tx: DbOrTx, versionId: number | null): ContractVersionRow | null {
  if (!versionId) return null
  return tx.select().from(contractVersions).where(eq(contractVersions.id, versionId)).get() ?? null
}

export function stagesOf(tx: DbOrTx, versionId: number): StageRow[] {
  return tx.select().from(contractStages).where(eq(contractStages.versionId, versionId)).orderBy(asc(contractStages.number)).all()
}

/** What has been accepted per stage and paid so far; declined records count for nothing. */
export function executionTotals(tx: DbOrTx, contractId: number) {
  const acts = tx
    .select({ stageNumber: acceptanceActs.stageNumber, amount: acceptanceActs.amountKopecks, status: acceptanceActs.status })
    .from(acceptanceActs)
    .where(and(eq(acceptanceActs.contractId, contractId), ne(acceptanceActs.status, 'declined')))
    .all()
  const payments = tx
    .select({ amount: contractPayments.amountKopecks, status: contractPayments.status })
    .from(contractPayments)
    .where(and(eq(contractPayments.contractId, contractId), ne(contractPayments.status, 'declined')))
    .all()
  const acceptedByStage = new Map<number, number>()
  for (const act of acts) acceptedByStage.set(act.stageNumber, (acceptedByStage.get(act.stageNumber) ?? 0) + act.amount)
  return {
    acceptedByStage,
    acceptedKopecks: acts.reduce((s, a) => s + a.amount, 0),
    confirmedAcceptedKopecks: acts.filter((a) => a.status === 'confirmed').reduce((s, a) => s + a.amount, 0),
    /** Paid or announced as paid (confirmed or awaiting the contractor's confirmation). */
    paidKopecks: payments.reduce((s, p) => s + p.amount, 0),
    confirmedPaidKopecks: payments.filter((p) => p.status === 'confirmed').reduce((s, p) => s + p.amount, 0),
  }
}

export function organisationNames(tx: DbOrTx, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map()
  const rows = tx.select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName }).from(organisations).where(inArray(organisations.id, ids)).all()
  return new Map(rows.map((r) => [r.id, r.shortName ?? r.name]))
}

/** Tells the other party of the contract (everyone in it) about what this party did. */
export function notifyOtherParty(tx: DbOrTx, contract: ContractRow, actingOrganisationId: number | null, notice: Omit<Notice, 'link'>) {
  const other = actingOrganisationId === contract.companyId ? contract.contractorId : contract.companyId
  notifyOrganisations(tx, [other], { ...notice, link: `/contracts/${contract.id}` })
}

export function notifyBothParties(tx: DbOrTx, contract: ContractRow, notice: Omit<Notice, 'link'>) {
  notifyOrganisations(tx, [contract.companyId, contract.contractorId], { ...notice, link: `/contracts/${contract.id}` })
}
