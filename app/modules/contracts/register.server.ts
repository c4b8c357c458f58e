import { and, eq, max, ne } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { contracts, contractStages, contractVersions, organisations } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { insertDocument, prepareDocument, type DocumentRefusal, type IncomingDocument, type PreparedDocument } from '../documents/store.server'
import { scienceOrganisationTypes, type Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { agreedEngagementOf } from './queries.server'
import { executionTotals, loadContract, loadVersion, notifyOtherParty, organisationNames, partiesOf, stagesOf, type ContractRow } from './records.server'
import { termsProblem, vatOf, type ContractTerms, type TermsRefusal } from './terms'

export interface RegisterContractInput extends ContractTerms {
  contractorId: number
  /** The agreed engagement the contract comes from, when it does. */
  engagementId?: number | null
  document?: IncomingDocument
}

export interface ProposeVersionInput extends ContractTerms {
  amendmentReason?: string
  document?: IncomingDocument
}

/** Writes one version of the terms with its stages; the proposing party's side counts as confirmed. */
function insertVersion(
  tx: DbOrTx,
  actor: Actor,
  contract: ContractRow,
  terms: ContractTerms,
  extra: { version: number; documentId: number | null; amendmentReason: string | null },
) {
  const now = new Date().toISOString()
  const bySide = actor.organisationId === contract.companyId ? { companyConfirmedAt: now, companyConfirmedBy: actor.userId } : { contractorConfirmedAt: now, contractorConfirmedBy: actor.userId }
  const { vatKopecks, vatRateBp } = vatOf(terms)
  const version = tx
    .insert(contractVersions)
    .values({
      contractId: contract.id,
      version: extra.version,
      number: terms.number.trim(),
      signedOn: terms.signedOn,
      subject: terms.subject.trim(),
      priceKopecks: terms.price,
      vatMode: terms.vatMode,
      vatRateBp,
      vatKopecks,
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
      documentId: extra.documentId,
      amendmentReason: extra.amendmentReason,
      status: 'proposed',
      proposedByOrganisationId: actor.organisationId!,
      proposedBy: actor.userId,
      ...bySide,
    })
    .returning()
    .get()
  const stages = terms.stages.map((stage, index) =>
    tx
      .insert(contractStages)
      .values({ versionId: version.id, number: index + 1, title: stage.title.trim(), dueOn: stage.dueOn, amountKopecks: stage.amount })
      .returning()
      .get(),
  )
  return { version, stages }
}

function prepareOptional(actor: Actor, document: IncomingDocument | undefined): Result<PreparedDocument | null, DocumentRefusal> {
  if (!document) return ok(null)
  return prepareDocument(document, 'document', actor)
}

/**
 * A company registers a contract with a science organisation. The record starts as the company's
 * proposal (its side confirmed); it holds once the contractor confirms it too.
 */
export function registerContract(
  actor: Actor,
  input: RegisterContractInput,
): Result<{ contractId: number }, 'forbidden' | 'contractor_not_science' | 'engagement_not_agreed' | 'engagement_has_contract' | TermsRefusal | DocumentRefusal> {
  if (!can(actor, 'contract:register') || !actor.organisationId) return refuse('forbidden')
  const problem = termsProblem(input)
  if (problem) return problem
  const contractor = Number.isSafeInteger(input.contractorId)
    ? db.select().from(organisations).where(eq(organisations.id, input.contractorId)).get()
    : undefined
  if (!contractor || contractor.archivedAt || !scienceOrganisationTypes.includes(contractor.type)) {
    return refuse('contractor_not_science', { field: 'contractorId' })
  }
  if (input.engagementId != null) {
    const engagement = agreedEngagementOf(actor, input.engagementId)
    if (!engagement) return refuse('engagement_not_agreed')
    if (engagement.contractorId !== contractor.id) return refuse('engagement_not_agreed', { field: 'contractorId' })
    if (engagement.contractId) return refuse('engagement_has_contract')
  }
  const prepared = prepareOptional(actor, input.document)
  if (!prepared.ok) return prepared
  return db.transaction((tx) => {
    const documentId = prepared.value ? insertDocument(tx, actor, prepared.value) : null
    const contract = tx
      .insert(contracts)
      .values({
        companyId: actor.organisationId!,
        contractorId: contractor.id,
        engagementId: input.engagementId ?? null,
        status: 'awaiting_confirmation',
        createdBy: actor.userId,
      })
      .returning()
      .get()
    const { version, stages } = insertVersion(tx, actor, contract, input, { version: 1, documentId, amendmentReason: null })
    const after = tx.update(contracts).set({ pendingVersionId: version.id }).where(eq(contracts.id, contract.id)).returning().get()
    audit(tx, auditActor(actor), 'contract.registered', { type: 'contract', id: contract.id }, null, { contract: after, version, stages })
    const names = organisationNames(tx, [contract.companyId])
    notifyOtherParty(tx, after, actor.organisationId, { kind: 'contractProposed', params: { company: names.get(contract.companyId) ?? '', number: version.number } })
    return ok({ contractId: contract.id })
  })
}

export type ProposeVersionRefusal =
  | 'forbidden'
  | 'not_found'
  | 'version_pending'
  | 'contract_withdrawn'
  | 'reason_required'
  | 'amendment_drops_accepted_stage'
  | 'amendment_price_below_paid'
  | TermsRefusal
  | DocumentRefusal

/** An amendment may not undo what was already accepted or paid under the contract. */
export function amendmentConflict(tx: DbOrTx, contract: ContractRow, terms: ContractTerms) {
  const totals = executionTotals(tx, contract.id)
  for (const [stageNumber, accepted] of totals.acceptedByStage) {
    const stage = terms.stages[stageNumber - 1]
    if (!stage || stage.amount < accepted) return refuse('amendment_drops_accepted_stage' as const, { field: 'stages', params: { stage: stageNumber } })
  }
  if (terms.price < totals.paidKopecks) return refuse('amendment_price_below_paid' as const, { field: 'price' })
  return null
}

/**
 * Either party proposes new terms: an amendment of a confirmed contract (with its reason), or a
 * corrected version of one the other party declined. The other party confirms or declines it.
 */
export function proposeVersion(
  actor: Actor,
  contractId: number,
  input: ProposeVersionInput,
): Result<{ versionId: number }, ProposeVersionRefusal> {
  const found = loadContract(db, contractId)
  if (!found || !can(actor, 'contract:view', partiesOf(found))) return refuse('not_found')
  if (!can(actor, 'contract:propose_version', partiesOf(found))) return refuse('forbidden')
  const problem = termsProblem(input)
  if (problem) return problem
  const reason = input.amendmentReason?.trim() || null
  if (found.confirmedVersionId && !reason) return refuse('reason_required', { field: 'amendmentReason' })
  const prepared = prepareOptional(actor, input.document)
  if (!prepared.ok) return prepared
  return db.transaction((tx) => {
    // Read again inside the transaction: the other party may have acted a moment ago.
    const contract = loadContract(tx, contractId)!
    if (contract.pendingVersionId) return refuse('version_pending')
    if (contract.status === 'withdrawn') return refuse('contract_withdrawn')
    const conflict = amendmentConflict(tx, contract, input)
    if (conflict) return conflict
    const previous = loadVersion(tx, contract.confirmedVersionId)
    const latest = tx.select({ n: max(contractVersions.version) }).from(contractVersions).where(eq(contractVersions.contractId, contract.id)).get()?.n ?? 0
    const lastDocument = tx
      .select({ documentId: contractVersions.documentId })
      .from(contractVersions)
      .where(and(eq(contractVersions.contractId, contract.id), ne(contractVersions.status, 'withdrawn')))
      .orderBy(contractVersions.version)
      .all()
      .reverse()
      .find((v) => v.documentId)?.documentId
    const documentId = prepared.value ? insertDocument(tx, actor, prepared.value) : (lastDocument ?? null)
    const { version, stages } = insertVersion(tx, actor, contract, input, { version: latest + 1, documentId, amendmentReason: reason })
    const after = tx
      .update(contracts)
      .set({ pendingVersionId: version.id, status: contract.confirmedVersionId ? 'confirmed' : 'awaiting_confirmation', updatedAt: new Date().toISOString() })
      .where(eq(contracts.id, contract.id))
      .returning()
      .get()
    const before = previous ? { version: previous, stages: stagesOf(tx, previous.id) } : null
    audit(tx, auditActor(actor), 'contract.version_proposed', { type: 'contract', id: contract.id }, before, { contract: after, version, stages })
    notifyOtherParty(tx, after, actor.organisationId, { kind: 'contractVersionProposed', params: { number: version.number, version: version.version } })
    return ok({ versionId: version.id })
  })
}
