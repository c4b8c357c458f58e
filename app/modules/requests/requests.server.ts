import { desc, eq } from 'drizzle-orm'
import { organisations, publicRequestStatuses, rdRequests, type RequestStatus } from '#db/schema'
import { isGrntiRubric, isOecdField } from '#db/classifications'
import { enqueue } from '#search/sync'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import type { Actor } from '../permissions/actor'
import { can, liveAdmissionOf, type Admission } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import type { RequestInput, RequestTransition } from './schemas'

export type RdRequest = typeof rdRequests.$inferSelect

function checkClassification(input: RequestInput) {
  if (!isOecdField(input.oecdField)) return refuse('invalid', { field: 'oecdField' })
  if (input.grnti && !isGrntiRubric(input.grnti)) return refuse('invalid', { field: 'grnti' })
  return null
}

function columns(input: RequestInput) {
  return {
    title: input.title,
    summary: input.summary,
    titleEn: input.titleEn || null,
    summaryEn: input.summaryEn || null,
    problem: input.problem,
    expectedResult: input.expectedResult,
    confidentialDetails: input.confidentialDetails || null,
    oecdField: input.oecdField,
    grnti: input.grnti ?? null,
    alliance: input.alliance ?? null,
    keywords: input.keywords,
    trlNow: input.trlNow,
    trlWanted: input.trlWanted,
    budgetMin: input.budgetMin,
    budgetMax: input.budgetMax,
    deadline: input.deadline,
    region: input.region,
  }
}

/** A company member drafts a request; it stays with the company until published. */
export function createRequest(actor: Actor, input: RequestInput): Result<RdRequest, 'forbidden' | 'invalid'> {
  if (!can(actor, 'request:create') || !actor.organisationId) return refuse('forbidden')
  const invalid = checkClassification(input)
  if (invalid) return invalid
  const organisationId = actor.organisationId
  return db.transaction((tx) => {
    const created = tx
      .insert(rdRequests)
      .values({ ...columns(input), organisationId, createdBy: actor.userId, status: 'draft' })
      .returning()
      .get()
    audit(tx, auditActor(actor), 'request.created', { type: 'request', id: created.id }, null, created)
    enqueue(tx, 'requests', String(created.id))
    return ok(created)
  })
}

export function updateRequest(actor: Actor, requestId: number, input: RequestInput): Result<RdRequest, 'forbidden' | 'not_found' | 'invalid' | 'request_closed'> {
  const invalid = checkClassification(input)
  if (invalid) return invalid
  return db.transaction((tx) => {
    const before = tx.select().from(rdRequests).where(eq(rdRequests.id, requestId)).get()
    if (!before) return refuse('not_found')
    if (!can(actor, 'request:edit', before)) return refuse('forbidden')
    if (before.status === 'closed') return refuse('request_closed')
    const after = tx
      .update(rdRequests)
      .set({ ...columns(input), updatedAt: new Date().toISOString() })
      .where(eq(rdRequests.id, requestId))
      .returning()
      .get()
    audit(tx, auditActor(actor), 'request.updated', { type: 'request', id: requestId }, before, after)
    enqueue(tx, 'requests', String(requestId))
    return ok(after)
  })
}

// Which transitions each status allows, and where they lead.
const transitions: Record<RequestTransition, { from: readonly RequestStatus[]; to: RequestStatus; event: string }> = {
  publish: { from: ['draft'], to: 'published', event: 'request.published' },
  pause: { from: ['published'], to: 'paused', event: 'request.paused' },
  resume: { from: ['paused'], to: 'published', event: 'request.resumed' },
  close: { from: ['published', 'paused'], to: 'closed', event: 'request.closed' },
  archive: { from: ['draft', 'published', 'paused', 'closed'], to: 'archived', event: 'request.archived' },
}

export function allowedTransitions(status: RequestStatus): RequestTransition[] {
  return (Object.keys(transitions) as RequestTransition[]).filter((t) => transitions[t].from.includes(status))
}

export function changeRequestStatus(
  actor: Actor,
  requestId: number,
  transition: RequestTransition,
): Result<RdRequest, 'forbidden' | 'not_found' | 'transition_not_allowed'> {
  return db.transaction((tx) => {
    const before = tx.select().from(rdRequests).where(eq(rdRequests.id, requestId)).get()
    if (!before) return refuse('not_found')
    if (!can(actor, 'request:edit', before)) return refuse('forbidden')
    const rule = transitions[transition]
    if (!rule.from.includes(before.status)) return refuse('transition_not_allowed')
    const now = new Date().toISOString()
    const after = tx
      .update(rdRequests)
      .set({ status: rule.to, updatedAt: now, publishedAt: transition === 'publish' ? now : before.publishedAt })
      .where(eq(rdRequests.id, requestId))
      .returning()
      .get()
    audit(tx, auditActor(actor), rule.event, { type: 'request', id: requestId }, { status: before.status }, { status: after.status })
    enqueue(tx, 'requests', String(requestId))
    return ok(after)
  })
}

export interface RequestView {
  request: Omit<RdRequest, 'confidentialDetails'> & { confidentialDetails: string | null }
  organisation: { id: number; name: string; verificationStatus: string; type: string }
  /** Whether the viewer may see the confidential part; when false it is withheld (null). */
  confidentialVisible: boolean
  /** For a lab's person: the engagement (lab) through which they were admitted. */
  admittedThrough: { engagementId: number; labName: string } | null
  canEdit: boolean
}

/**
 * A request as this viewer may see it: drafts only for their company, the confidential part only
 * for the company and the people it admitted (`admissions` comes from the engagements).
 */
export function viewRequest(actor: Actor | null, requestId: number, admissions: readonly Admission[] = []): Result<RequestView, 'not_found'> {
  const row = db
    .select({ request: rdRequests, organisation: { id: organisations.id, name: organisations.name, verificationStatus: organisations.verificationStatus, type: organisations.type } })
    .from(rdRequests)
    .innerJoin(organisations, eq(organisations.id, rdRequests.organisationId))
    .where(eq(rdRequests.id, requestId))
    .get()
  // A request the viewer may not see does not exist for them.
  if (!row || !can(actor, 'request:view', row.request)) return refuse('not_found')
  const confidentialVisible = can(actor, 'request:view_confidential', { organisationId: row.request.organisationId, admissions })
  const admission = confidentialVisible ? liveAdmissionOf(actor, admissions) : null
  return ok({
    request: { ...row.request, confidentialDetails: confidentialVisible ? row.request.confidentialDetails : null },
    organisation: row.organisation,
    confidentialVisible,
    admittedThrough: admission && actor?.organisationId !== row.request.organisationId ? { engagementId: admission.engagementId, labName: admission.labName } : null,
    canEdit: can(actor, 'request:edit', row.request),
  })
}

/** The company's own requests, drafts included, newest first. */
export function listOrganisationRequests(organisationId: number, options: { includeDrafts: boolean }) {
  const rows = db.select().from(rdRequests).where(eq(rdRequests.organisationId, organisationId)).orderBy(desc(rdRequests.updatedAt)).all()
  return rows
    .filter((r) => options.includeDrafts || (publicRequestStatuses as readonly string[]).includes(r.status))
    .map(({ confidentialDetails: _withheld, ...rest }) => rest)
}

export function getRequestForEdit(actor: Actor, requestId: number): Result<RdRequest, 'forbidden' | 'not_found'> {
  const request = db.select().from(rdRequests).where(eq(rdRequests.id, requestId)).get()
  if (!request) return refuse('not_found')
  if (!can(actor, 'request:edit', request)) return refuse('forbidden')
  return ok(request)
}
