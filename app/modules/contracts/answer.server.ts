import { eq } from 'drizzle-orm'
import { contracts, contractVersions } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { amendmentConflict } from './register.server'
import { loadContract, loadVersion, notifyOtherParty, partiesOf, stagesOf } from './records.server'

export type VersionAnswerRefusal = 'forbidden' | 'not_found' | 'version_not_pending' | 'reason_required' | 'amendment_drops_accepted_stage' | 'amendment_price_below_paid'

/** The pending version a form names, checked against the contract: a stale or forged id is refused. */
function pendingVersion(actor: Actor, contractId: number, versionId: number) {
  const contract = loadContract(db, contractId)
  // A contract this person may not see does not exist for them, whatever they send.
  if (!contract || !can(actor, 'contract:view', partiesOf(contract))) return refuse('not_found')
  const version = loadVersion(db, versionId)
  if (!version || version.contractId !== contract.id) return refuse('not_found')
  if (contract.pendingVersionId !== version.id) return refuse('version_not_pending')
  return ok({ contract, version })
}

/**
 * The other party confirms the proposed terms: the first version makes the contract hold; an
 * amendment replaces the terms in force, which stay in the history as a superseded version.
 */
export function confirmVersion(actor: Actor, contractId: number, versionId: number): Result<null, VersionAnswerRefusal> {
  const found = pendingVersion(actor, contractId, versionId)
  if (!found.ok) return found
  const { contract: seen, version: proposed } = found.value
  if (!can(actor, 'contract:answer', { ...partiesOf(seen), proposedByOrganisationId: proposed.proposedByOrganisationId })) return refuse('forbidden')
  return db.transaction((tx) => {
    const contract = loadContract(tx, contractId)!
    if (contract.pendingVersionId !== versionId) return refuse('version_not_pending')
    const stages = stagesOf(tx, versionId)
    const conflict = amendmentConflict(tx, contract, {
      ...proposed,
      price: proposed.priceKopecks,
      stages: stages.map((s) => ({ title: s.title, dueOn: s.dueOn, amount: s.amountKopecks })),
    })
    if (conflict) return conflict
    const now = new Date().toISOString()
    const side = actor.organisationId === contract.companyId ? { companyConfirmedAt: now, companyConfirmedBy: actor.userId } : { contractorConfirmedAt: now, contractorConfirmedBy: actor.userId }
    const version = tx.update(contractVersions).set({ ...side, status: 'confirmed' }).where(eq(contractVersions.id, versionId)).returning().get()
    const previous = loadVersion(tx, contract.confirmedVersionId)
    if (previous) tx.update(contractVersions).set({ status: 'superseded' }).where(eq(contractVersions.id, previous.id)).run()
    const after = tx
      .update(contracts)
      .set({ confirmedVersionId: versionId, pendingVersionId: null, status: 'confirmed', updatedAt: now })
      .where(eq(contracts.id, contract.id))
      .returning()
      .get()
    const action = previous ? 'contract.amendment_confirmed' : 'contract.confirmed'
    audit(tx, auditActor(actor), action, { type: 'contract', id: contract.id }, { contract, version: proposed }, { contract: after, version })
    notifyOtherParty(tx, after, actor.organisationId, { kind: previous ? 'contractAmendmentConfirmed' : 'contractConfirmed', params: { number: version.number } })
    return ok(null)
  })
}

/** The other party declines the proposed terms, saying why; the terms in force (if any) stay. */
export function declineVersion(actor: Actor, contractId: number, versionId: number, reason: string): Result<null, VersionAnswerRefusal> {
  const found = pendingVersion(actor, contractId, versionId)
  if (!found.ok) return found
  const { contract: seen, version: proposed } = found.value
  if (!can(actor, 'contract:answer', { ...partiesOf(seen), proposedByOrganisationId: proposed.proposedByOrganisationId })) return refuse('forbidden')
  if (!reason?.trim()) return refuse('reason_required', { field: 'reason' })
  return db.transaction((tx) => {
    const contract = loadContract(tx, contractId)!
    if (contract.pendingVersionId !== versionId) return refuse('version_not_pending')
    const version = tx.update(contractVersions).set({ status: 'declined', declineReason: reason.trim() }).where(eq(contractVersions.id, versionId)).returning().get()
    const after = tx
      .update(contracts)
      .set({ pendingVersionId: null, status: contract.confirmedVersionId ? 'confirmed' : 'declined', updatedAt: new Date().toISOString() })
      .where(eq(contracts.id, contract.id))
      .returning()
      .get()
    audit(tx, auditActor(actor), 'contract.version_declined', { type: 'contract', id: contract.id }, { contract, version: proposed }, { contract: after, version })
    notifyOtherParty(tx, after, actor.organisationId, { kind: 'contractVersionDeclined', params: { number: version.number, reason: reason.trim() } })
    return ok(null)
  })
}

/** The proposing party takes its proposal back before the other party answers. */
export function withdrawVersion(actor: Actor, contractId: number, versionId: number): Result<null, VersionAnswerRefusal> {
  const found = pendingVersion(actor, contractId, versionId)
  if (!found.ok) return found
  const { contract: seen, version: proposed } = found.value
  if (!can(actor, 'contract:withdraw', { ...partiesOf(seen), proposedByOrganisationId: proposed.proposedByOrganisationId })) return refuse('forbidden')
  return db.transaction((tx) => {
    const contract = loadContract(tx, contractId)!
    if (contract.pendingVersionId !== versionId) return refuse('version_not_pending')
    const version = tx.update(contractVersions).set({ status: 'withdrawn' }).where(eq(contractVersions.id, versionId)).returning().get()
    const after = tx
      .update(contracts)
      .set({ pendingVersionId: null, status: contract.confirmedVersionId ? 'confirmed' : 'withdrawn', updatedAt: new Date().toISOString() })
      .where(eq(contracts.id, contract.id))
      .returning()
      .get()
    audit(tx, auditActor(actor), 'contract.version_withdrawn', { type: 'contract', id: contract.id }, { contract, version: proposed }, { contract: after, version })
    notifyOtherParty(tx, after, actor.organisationId, { kind: 'contractVersionWithdrawn', params: { number: version.number } })
    return ok(null)
  })
}
