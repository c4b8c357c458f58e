import { and, eq, isNull } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { affiliationGrounds, claimDocumentKinds, type AffiliationGround, type ClaimDocumentKind } from '#db/schema/claim-values'
import { claimDocuments, compensationClaims } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { isIsoDate, regionToday } from '../calendar/calendar'
import { insertDocument, prepareDocument, type DocumentRefusal, type IncomingDocument } from '../documents/store.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { loadClaim, type ClaimRow, type EditRefusal } from './claims.server'

// What the parties declare and the administration checks about a claim besides its money: the
// contractor's affiliation with the company, and the documents the programme's checklist names.

function editableClaim(actor: Actor, claimId: number): Result<ClaimRow, EditRefusal> {
  const claim = loadClaim(db, claimId)
  if (!claim || !can(actor, 'claim:view', { companyId: claim.companyId })) return refuse('not_found')
  if (!can(actor, 'claim:edit', { companyId: claim.companyId })) return refuse('forbidden')
  if (claim.status !== 'draft' && claim.status !== 'returned') return refuse('claim_not_editable')
  return ok(claim)
}

function bump(tx: DbOrTx, claim: ClaimRow, set: Partial<ClaimRow> = {}) {
  return tx
    .update(compensationClaims)
    .set({ ...set, revision: claim.revision + 1, updatedAt: new Date().toISOString() })
    .where(eq(compensationClaims.id, claim.id))
    .returning()
    .get()
}

/** The company declares that its contractor is not affiliated with it: not the same INN, founders, nor its spin-off. */
export function declareNoAffiliation(actor: Actor, claimId: number): Result<null, EditRefusal> {
  const found = editableClaim(actor, claimId)
  if (!found.ok) return found
  return db.transaction((tx) => {
    const claim = loadClaim(tx, claimId)!
    const after = bump(tx, claim, { affiliationDeclaredAt: new Date().toISOString(), affiliationDeclaredBy: actor.userId })
    audit(tx, auditActor(actor), 'claim.affiliation_declared', { type: 'claim', id: claim.id }, { affiliationDeclaredAt: claim.affiliationDeclaredAt }, { affiliationDeclaredAt: after.affiliationDeclaredAt })
    return ok(null)
  })
}

export interface AffiliationCheckInput {
  grounds: string[]
  note: string
}

/**
 * The administration records its own check of the parties (registers of legal entities, founders,
 * spin-offs). Any ground found makes the contractor affiliated: the claim cannot be approved.
 */
export function recordAffiliationCheck(actor: Actor, claimId: number, input: AffiliationCheckInput): Result<{ affiliated: boolean }, 'forbidden' | 'not_found' | 'invalid' | 'claim_not_submitted'> {
  if (!can(actor, 'claim:review')) return refuse('forbidden')
  const seen = loadClaim(db, claimId)
  if (!seen) return refuse('not_found')
  if (!can(actor, 'claim:decide', { companyId: seen.companyId })) return refuse('forbidden')
  const note = input.note?.trim() ?? ''
  if (!note) return refuse('invalid', { field: 'note' })
  if (!input.grounds.every((g) => (affiliationGrounds as readonly string[]).includes(g))) return refuse('invalid', { field: 'grounds' })
  const grounds = [...new Set(input.grounds)] as AffiliationGround[]
  return db.transaction((tx) => {
    const claim = loadClaim(tx, claimId)!
    if (claim.status !== 'submitted') return refuse('claim_not_submitted')
    const check = { grounds, note, checkedBy: actor.userId, checkedAt: new Date().toISOString() }
    const after = bump(tx, claim, { affiliationCheck: check })
    const action = grounds.length ? 'claim.affiliation_found' : 'claim.affiliation_cleared'
    audit(tx, auditActor(actor), action, { type: 'claim', id: claim.id }, { affiliationCheck: claim.affiliationCheck }, { affiliationCheck: after.affiliationCheck, reason: note })
    return ok({ affiliated: grounds.length > 0 })
  })
}

export interface ClaimDocumentInput {
  kind: string
  issuedOn: string
  document: IncomingDocument | undefined
}

/** The company attaches a document the checklist names; one of the same kind before it stays, unless replaced. */
export function attachClaimDocument(
  actor: Actor,
  claimId: number,
  input: ClaimDocumentInput,
): Result<{ id: number }, EditRefusal | 'invalid' | 'date_in_future' | 'document_required' | DocumentRefusal> {
  const found = editableClaim(actor, claimId)
  if (!found.ok) return found
  if (!(claimDocumentKinds as readonly string[]).includes(input.kind)) return refuse('invalid', { field: 'kind' })
  if (!isIsoDate(input.issuedOn)) return refuse('invalid', { field: 'issuedOn' })
  if (input.issuedOn > regionToday()) return refuse('date_in_future', { field: 'issuedOn' })
  if (!input.document) return refuse('document_required', { field: 'document' })
  const prepared = prepareDocument(input.document, 'document', actor)
  if (!prepared.ok) return prepared
  return db.transaction((tx) => {
    const claim = loadClaim(tx, claimId)!
    if (claim.status !== 'draft' && claim.status !== 'returned') return refuse('claim_not_editable')
    const documentId = insertDocument(tx, actor, prepared.value)
    const row = tx
      .insert(claimDocuments)
      .values({ claimId: claim.id, kind: input.kind as ClaimDocumentKind, issuedOn: input.issuedOn, documentId, createdBy: actor.userId })
      .returning()
      .get()
    bump(tx, claim)
    audit(tx, auditActor(actor), 'claim.document_attached', { type: 'claim', id: claim.id }, null, { ...row, name: prepared.value.originalName })
    return ok({ id: row.id })
  })
}

/** The company takes an attached document off a claim it is preparing (it is kept, marked removed). */
export function removeClaimDocument(actor: Actor, claimId: number, claimDocumentId: number): Result<null, EditRefusal> {
  const found = editableClaim(actor, claimId)
  if (!found.ok) return found
  return db.transaction((tx) => {
    const claim = loadClaim(tx, claimId)!
    const removed = tx
      .update(claimDocuments)
      .set({ removedAt: new Date().toISOString() })
      .where(and(eq(claimDocuments.id, claimDocumentId), eq(claimDocuments.claimId, claim.id), isNull(claimDocuments.removedAt)))
      .returning()
      .get()
    if (!removed) return refuse('not_found')
    bump(tx, claim)
    audit(tx, auditActor(actor), 'claim.document_removed', { type: 'claim', id: claim.id }, removed, null)
    return ok(null)
  })
}
