import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { engagementAdmissions, engagements, labs, organisations, rdRequests, users, type EngagementStage } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { markInterested } from '../matching/matches.server'
import { notifyOrganisations } from '../notifications/notify.server'
import type { Actor } from '../permissions/actor'
import { can, liveAdmissionOf, type Admission } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import type { DeclineReason } from '#db/schema/values'
import type { EngagementAction } from './schemas'

export type Engagement = typeof engagements.$inferSelect

const OPEN_STAGES: readonly EngagementStage[] = ['invited', 'interest', 'shortlisted', 'discussion']

/**
 * Every acceptance of the confidentiality terms on the request's engagements, live or not: can()
 * decides which of them still stands for a given person (permissions/can.ts, liveAdmissionOf).
 */
export function admissionsToRequest(requestId: number): Admission[] {
  return admissionsWhere(eq(engagements.requestId, requestId))
}

function admissionsWhere(where: SQL): Admission[] {
  return db
    .select({
      engagementId: engagements.id,
      labId: labs.id,
      labName: labs.name,
      labOrganisationId: engagements.labOrganisationId,
      stage: engagements.stage,
      admissionOfferedAt: engagements.admissionOfferedAt,
      userId: engagementAdmissions.userId,
    })
    .from(engagementAdmissions)
    .innerJoin(engagements, eq(engagements.id, engagementAdmissions.engagementId))
    .innerJoin(labs, eq(labs.id, engagements.labId))
    .where(where)
    .all()
}

function hasAccepted(tx: Tx, engagementId: number, userId: string): boolean {
  return Boolean(
    tx
      .select({ id: engagementAdmissions.id })
      .from(engagementAdmissions)
      .where(and(eq(engagementAdmissions.engagementId, engagementId), eq(engagementAdmissions.userId, userId)))
      .get(),
  )
}

function link(id: number) {
  return `/engagements/${id}`
}

function openRequest(tx: Tx, requestId: number) {
  const request = tx.select().from(rdRequests).where(eq(rdRequests.id, requestId)).get()
  // Only a published request takes new contacts: a draft is nobody else's business, a closed one is over.
  if (!request || request.status !== 'published') return null
  return request
}

/** A lab tells the company it can do the work, with a short proposal. Once per request and lab. */
export function expressInterest(
  actor: Actor,
  requestId: number,
  input: { labId: number; approach: string; timeline: string; priceEstimate: number },
): Result<Engagement, 'forbidden' | 'not_found' | 'request_not_open' | 'already_engaged'> {
  return db.transaction((tx) => {
    const lab = tx.select().from(labs).where(eq(labs.id, input.labId)).get()
    if (!lab || lab.status !== 'active') return refuse('not_found', { field: 'labId' })
    const request = tx.select().from(rdRequests).where(eq(rdRequests.id, requestId)).get()
    if (!request || !can(actor, 'request:view', request)) return refuse('not_found')
    const sides = { companyOrganisationId: request.organisationId, labOrganisationId: lab.organisationId }
    if (!can(actor, 'engagement:act_as_lab', sides)) return refuse('forbidden')
    // The same rule that shows the page's button.
    if (!can(actor, 'request:express_interest', request)) return refuse('request_not_open')
    const existing = tx.select().from(engagements).where(and(eq(engagements.requestId, requestId), eq(engagements.labId, lab.id))).get()
    if (existing && existing.stage !== 'invited') return refuse('already_engaged')
    const proposal = { approach: input.approach, timeline: input.timeline, priceEstimate: input.priceEstimate, stage: 'interest' as const, updatedAt: new Date().toISOString() }
    const after = existing
      ? tx.update(engagements).set(proposal).where(eq(engagements.id, existing.id)).returning().get()
      : tx.insert(engagements).values({ requestId, labId: lab.id, ...sides, initiatedBy: 'lab', ...proposal }).returning().get()
    audit(tx, auditActor(actor), 'engagement.interest', { type: 'engagement', id: after.id }, existing ?? null, after)
    markInterested(tx, actor, { requestId, labId: lab.id }, 'lab')
    notifyOrganisations(tx, [request.organisationId], { kind: 'engagementInterest', params: { lab: lab.name, request: request.title }, link: link(after.id) })
    return ok(after)
  })
}

/** A company invites a lab to one of its published requests. */
export function inviteLab(
  actor: Actor,
  input: { requestId: number; labId: number; note?: string },
): Result<Engagement, 'forbidden' | 'not_found' | 'request_not_open' | 'already_engaged'> {
  return db.transaction((tx) => {
    const request = tx.select().from(rdRequests).where(eq(rdRequests.id, input.requestId)).get()
    const lab = tx.select().from(labs).where(eq(labs.id, input.labId)).get()
    if (!request || !lab || lab.status !== 'active') return refuse('not_found')
    const sides = { companyOrganisationId: request.organisationId, labOrganisationId: lab.organisationId }
    if (!can(actor, 'engagement:act_as_company', sides)) return refuse('forbidden')
    if (!openRequest(tx, request.id)) return refuse('request_not_open', { field: 'requestId' })
    if (tx.select({ id: engagements.id }).from(engagements).where(and(eq(engagements.requestId, request.id), eq(engagements.labId, lab.id))).get()) {
      return refuse('already_engaged', { field: 'requestId' })
    }
    const created = tx
      .insert(engagements)
      .values({ requestId: request.id, labId: lab.id, ...sides, initiatedBy: 'company', stage: 'invited', invitationNote: input.note || null })
      .returning()
      .get()
    audit(tx, auditActor(actor), 'engagement.invited', { type: 'engagement', id: created.id }, null, created)
    markInterested(tx, actor, { requestId: request.id, labId: lab.id }, 'company')
    notifyOrganisations(tx, [lab.organisationId], { kind: 'engagementInvited', params: { lab: lab.name, request: request.title }, link: link(created.id) })
    return ok(created)
  })
}

type Side = 'company' | 'lab'

// What each step needs: who may take it, from which stages, and what it changes.
const steps: Record<EngagementAction, { side: Side | 'either'; from: readonly EngagementStage[]; apply(e: Engagement, side: Side, actor: Actor, now: string): Partial<Engagement> }> = {
  shortlist: { side: 'company', from: ['interest'], apply: () => ({ stage: 'shortlisted' }) },
  discuss: { side: 'company', from: ['shortlisted'], apply: () => ({ stage: 'discussion' }) },
  offer_admission: {
    side: 'company',
    from: ['interest', 'shortlisted', 'discussion'],
    apply: (e, _side, actor, now) => (e.admissionOfferedAt ? {} : { admissionOfferedAt: now, admissionOfferedBy: actor.userId }),
  },
  // Each person of the lab accepts for themselves (the row goes to engagement_admissions); the
  // engagement keeps the first acceptance.
  accept_terms: {
    side: 'lab',
    from: ['interest', 'shortlisted', 'discussion'],
    apply: (e, _side, actor, now) => (e.termsAcceptedAt ? {} : { termsAcceptedAt: now, termsAcceptedBy: actor.userId }),
  },
  // Each side agrees once; the second agreement makes the engagement "agreed".
  agree: {
    side: 'either',
    from: ['discussion'],
    apply: (e, side, _actor, now) => {
      const stamp = side === 'company' ? { companyAgreedAt: e.companyAgreedAt ?? now } : { labAgreedAt: e.labAgreedAt ?? now }
      const merged = { ...e, ...stamp }
      return merged.companyAgreedAt && merged.labAgreedAt ? { ...stamp, stage: 'agreed' } : stamp
    },
  },
}

/** `acceptedTerms`: whether the person taking the step has accepted the confidentiality terms on this engagement. */
function mayTake(action: EngagementAction, e: Engagement, side: Side | null, acceptedTerms: boolean): boolean {
  const step = steps[action]
  if (!side || !step.from.includes(e.stage)) return false
  if (step.side !== 'either' && step.side !== side) return false
  if (action === 'offer_admission') return !e.admissionOfferedAt
  if (action === 'accept_terms') return Boolean(e.admissionOfferedAt) && !acceptedTerms
  if (action === 'agree') return side === 'company' ? !e.companyAgreedAt : !e.labAgreedAt
  return true
}

function sideOf(actor: Actor, e: Engagement): Side | null {
  if (can(actor, 'engagement:act_as_company', e)) return 'company'
  if (can(actor, 'engagement:act_as_lab', e)) return 'lab'
  return null
}

/**
 * Moves an engagement one step: the company shortlists, moves to discussion, offers admission; the
 * lab's people accept the confidentiality terms, each for themselves; both agree (the stage becomes "agreed" when the second does).
 */
export function advanceEngagement(
  actor: Actor,
  engagementId: number,
  action: EngagementAction,
): Result<Engagement, 'forbidden' | 'not_found' | 'transition_not_allowed'> {
  return db.transaction((tx) => {
    const before = tx.select().from(engagements).where(eq(engagements.id, engagementId)).get()
    if (!before || !can(actor, 'engagement:view', before)) return refuse('not_found')
    const side = sideOf(actor, before)
    if (!side) return refuse('forbidden')
    const step = steps[action]
    if (step.side !== 'either' && step.side !== side) return refuse('forbidden')
    if (!mayTake(action, before, side, hasAccepted(tx, engagementId, actor.userId))) return refuse('transition_not_allowed')
    const now = new Date().toISOString()
    const changes = step.apply(before, side, actor, now)
    const after = tx.update(engagements).set({ ...changes, updatedAt: now }).where(eq(engagements.id, engagementId)).returning().get()
    if (action === 'accept_terms') tx.insert(engagementAdmissions).values({ engagementId, userId: actor.userId, acceptedAt: now }).run()
    audit(tx, auditActor(actor), `engagement.${action}`, { type: 'engagement', id: engagementId }, before, after)
    const other = side === 'company' ? before.labOrganisationId : before.companyOrganisationId
    const request = tx.select({ title: rdRequests.title }).from(rdRequests).where(eq(rdRequests.id, before.requestId)).get()
    const kind = after.stage === 'agreed' && before.stage !== 'agreed' ? 'engagementStep.agreed' : `engagementStep.${action}`
    notifyOrganisations(tx, [other], { kind, params: { request: request?.title ?? '' }, link: link(engagementId) })
    return ok(after)
  })
}

/** Either side ends the engagement, with a reason from the list and, if it likes, in its own words. */
export function declineEngagement(
  actor: Actor,
  engagementId: number,
  input: { reason: DeclineReason; note?: string },
): Result<Engagement, 'forbidden' | 'not_found' | 'transition_not_allowed'> {
  return db.transaction((tx) => {
    const before = tx.select().from(engagements).where(eq(engagements.id, engagementId)).get()
    if (!before || !can(actor, 'engagement:view', before)) return refuse('not_found')
    const side = sideOf(actor, before)
    if (!side) return refuse('forbidden')
    if (!OPEN_STAGES.includes(before.stage)) return refuse('transition_not_allowed')
    const after = tx
      .update(engagements)
      .set({ stage: 'declined', declinedBy: side, declineReason: input.reason, declineNote: input.note || null, updatedAt: new Date().toISOString() })
      .where(eq(engagements.id, engagementId))
      .returning()
      .get()
    audit(tx, auditActor(actor), 'engagement.declined', { type: 'engagement', id: engagementId }, before, after)
    const other = side === 'company' ? before.labOrganisationId : before.companyOrganisationId
    const request = tx.select({ title: rdRequests.title }).from(rdRequests).where(eq(rdRequests.id, before.requestId)).get()
    notifyOrganisations(tx, [other], { kind: 'engagementDeclined', params: { request: request?.title ?? '' }, link: link(engagementId) })
    return ok(after)
  })
}

/** Whether the actor belongs to one of the engagement's two organisations (and it exists). */
export function isEngagementParty(actor: Actor, engagementId: number): boolean {
  const sides = db.select({ companyOrganisationId: engagements.companyOrganisationId, labOrganisationId: engagements.labOrganisationId }).from(engagements).where(eq(engagements.id, engagementId)).get()
  return Boolean(sides && can(actor, 'engagement:view', sides))
}

/** The engagement with both parties' names, and what this viewer may do next. */
export function viewEngagement(actor: Actor, engagementId: number) {
  const row = db
    .select({ engagement: engagements, request: rdRequests, lab: { id: labs.id, name: labs.name, organisationId: labs.organisationId } })
    .from(engagements)
    .innerJoin(rdRequests, eq(rdRequests.id, engagements.requestId))
    .innerJoin(labs, eq(labs.id, engagements.labId))
    .where(eq(engagements.id, engagementId))
    .get()
  // Anyone but the two parties is told there is nothing here.
  if (!row || !can(actor, 'engagement:view', row.engagement)) return refuse('not_found')
  const e = row.engagement
  const side = sideOf(actor, e)
  const names = Object.fromEntries(
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, [e.companyOrganisationId, e.labOrganisationId]))
      .all()
      .map((o) => [o.id, o.name]),
  )
  const accepted = db
    .select({ userId: engagementAdmissions.userId, name: users.name, acceptedAt: engagementAdmissions.acceptedAt })
    .from(engagementAdmissions)
    .innerJoin(users, eq(users.id, engagementAdmissions.userId))
    .where(eq(engagementAdmissions.engagementId, e.id))
    .orderBy(asc(engagementAdmissions.acceptedAt))
    .all()
  const mine = accepted.find((a) => a.userId === actor.userId) ?? null
  const { confidentialDetails, ...publicRequest } = row.request
  const confidentialVisible = can(actor, 'request:view_confidential', { organisationId: row.request.organisationId, admissions: admissionsWhere(eq(engagements.id, e.id)) })
  const possible = (Object.keys(steps) as EngagementAction[]).filter((action) => mayTake(action, e, side, mine !== null))
  return ok({
    engagement: e,
    side,
    request: publicRequest,
    // The confidential part: to the company always; on the lab's side to each person who accepted
    // the terms, and only while the engagement is live.
    confidentialDetails: confidentialVisible ? confidentialDetails : null,
    /** When this viewer accepted the terms, if they did (and it still stands). */
    admittedAt: confidentialVisible && side === 'lab' ? (mine?.acceptedAt ?? null) : null,
    /** Who on the lab's side accepted the terms: the company sees the names. */
    acceptedBy: side === 'company' ? accepted.map(({ name, acceptedAt }) => ({ name, acceptedAt })) : [],
    lab: row.lab,
    companyName: names[e.companyOrganisationId] ?? '',
    labOrganisationName: names[e.labOrganisationId] ?? '',
    actions: possible,
    canDecline: side !== null && OPEN_STAGES.includes(e.stage),
  })
}

export const ENGAGEMENTS_PAGE_SIZE = 20

export function listEngagements(actor: Actor, filter: { stage?: EngagementStage; page: number }) {
  if (!actor.organisationId) return { rows: [], total: 0 }
  const mine = or(eq(engagements.companyOrganisationId, actor.organisationId), eq(engagements.labOrganisationId, actor.organisationId))
  const where = filter.stage ? and(mine, eq(engagements.stage, filter.stage)) : mine
  const all = db
    .select({
      id: engagements.id,
      stage: engagements.stage,
      updatedAt: engagements.updatedAt,
      requestTitle: rdRequests.title,
      requestId: rdRequests.id,
      labName: labs.name,
      labId: labs.id,
      companyOrganisationId: engagements.companyOrganisationId,
    })
    .from(engagements)
    .innerJoin(rdRequests, eq(rdRequests.id, engagements.requestId))
    .innerJoin(labs, eq(labs.id, engagements.labId))
    .where(where)
    .orderBy(desc(engagements.updatedAt))
    .all()
  return {
    rows: all.slice((filter.page - 1) * ENGAGEMENTS_PAGE_SIZE, filter.page * ENGAGEMENTS_PAGE_SIZE),
    total: all.length,
  }
}

/** The engagements of a request, for its page: the company sees all, a lab its own. */
export function engagementsOfRequest(actor: Actor | null, requestId: number) {
  if (!actor?.organisationId) return []
  return db
    .select({ id: engagements.id, stage: engagements.stage, labName: labs.name, labId: labs.id, companyOrganisationId: engagements.companyOrganisationId, labOrganisationId: engagements.labOrganisationId })
    .from(engagements)
    .innerJoin(labs, eq(labs.id, engagements.labId))
    .where(eq(engagements.requestId, requestId))
    .all()
    .filter((e) => can(actor, 'engagement:view', e))
}
