import { and, count, desc, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Tx } from '#db/client'
import { engagements, labs, matches, matchProfiles, organisations, rdRequests } from '#db/schema'
import { matchStatuses, type MatchDismissReason, type MatchEntityType, type MatchSide, type MatchStatus } from '#db/schema/match-values'
import { publicRequestStatuses } from '#db/schema/values'
import { db } from '~/db.server'
import type { Locale } from '~/i18n'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import type { MatchExplanation } from './explanation'
import { presentExplanation, type StoredExplanation } from './present'
import type { Readability } from './readable-language'
import { proposalsPending } from './refresh-queue.server'

// Proposals as each side sees and handles them. A company sees the labs proposed for its requests, a
// science organisation the requests proposed to its labs, nobody else anything. Each side keeps its
// own status (new → viewed → interested, or dismissed with a reason); what one side decides is not
// shown to the other. Only the request's public text ever appears here.

export const MATCHES_PAGE_SIZE = 10
/** Proposals a request page or a lab page shows; the rest are on the matches page. */
export const SECTION_SIZE = 10

export interface MatchCardData {
  id: number
  side: MatchSide
  score: number
  status: MatchStatus
  dismissedReason: MatchDismissReason | null
  dismissedNote: string | null
  request: { id: number; title: string; status: string; organisationName: string }
  lab: { id: number; name: string; organisationName: string }
  /** The engagement of the pair, once either side has started one. */
  engagementId: number | null
  explanation: MatchExplanation
  updatedAt: string
}

const companies = alias(organisations, 'company')
const labOrganisations = alias(organisations, 'lab_organisation')

function selectCards() {
  return db
    .select({
      match: matches,
      request: { id: rdRequests.id, title: rdRequests.title, status: rdRequests.status, organisationId: rdRequests.organisationId },
      companyName: companies.name,
      lab: { id: labs.id, name: labs.name, organisationId: labs.organisationId },
      labOrganisationName: labOrganisations.name,
      engagementId: engagements.id,
    })
    .from(matches)
    .innerJoin(rdRequests, eq(rdRequests.id, matches.requestId))
    .innerJoin(companies, eq(companies.id, rdRequests.organisationId))
    .innerJoin(labs, eq(labs.id, matches.labId))
    .innerJoin(labOrganisations, eq(labOrganisations.id, labs.organisationId))
    .leftJoin(engagements, and(eq(engagements.requestId, matches.requestId), eq(engagements.labId, matches.labId)))
}

type CardRow = Awaited<ReturnType<ReturnType<typeof selectCards>['all']>>[number]

function toCard(row: CardRow, side: MatchSide, locale: Locale): MatchCardData {
  const m = row.match
  return {
    id: m.id,
    side,
    score: m.score,
    status: side === 'company' ? m.companyStatus : m.labStatus,
    dismissedReason: side === 'company' ? m.companyDismissedReason : m.labDismissedReason,
    dismissedNote: side === 'company' ? m.companyDismissedNote : m.labDismissedNote,
    request: { id: row.request.id, title: row.request.title, status: row.request.status, organisationName: row.companyName },
    lab: { id: row.lab.id, name: row.lab.name, organisationName: row.labOrganisationName },
    engagementId: row.engagementId,
    explanation: presentExplanation(m.explanation as StoredExplanation, locale),
    updatedAt: m.updatedAt,
  }
}

/** What each side may see: the company its requests' proposals of active labs; a lab's organisation its labs' proposals of public requests. */
function sideScope(side: MatchSide, organisationId: number | Placeholder): SQL {
  return side === 'company'
    ? and(eq(rdRequests.organisationId, organisationId), eq(labs.status, 'active'))!
    : and(eq(labs.organisationId, organisationId), eq(labs.status, 'active'), inArray(rdRequests.status, [...publicRequestStatuses]))!
}

function statusColumn(side: MatchSide) {
  return side === 'company' ? matches.companyStatus : matches.labStatus
}

/** How many of the side's proposals within `where` are in each of its statuses. */
function countsByStatus(side: MatchSide, where: SQL | undefined) {
  return db
    .select({ status: statusColumn(side), n: count() })
    .from(matches)
    .innerJoin(rdRequests, eq(rdRequests.id, matches.requestId))
    .innerJoin(labs, eq(labs.id, matches.labId))
    .where(where)
    .groupBy(statusColumn(side))
}

function sideOfActor(actor: Actor): MatchSide | null {
  if (can(actor, 'area:company')) return 'company'
  if (can(actor, 'area:science')) return 'lab'
  return null
}

export interface MatchListQuery {
  status?: MatchStatus
  requestId?: number
  labId?: number
  page: number
}

/** The "my matches" page: the actor's side's proposals, best first, filtered and paged. */
export function listMatches(actor: Actor, query: MatchListQuery, locale: Locale) {
  const side = sideOfActor(actor)
  if (!side || !actor.organisationId || !can(actor, 'match:list')) return refuse('forbidden')
  const scope = sideScope(side, actor.organisationId)
  const subject = and(
    scope,
    query.requestId ? eq(matches.requestId, query.requestId) : undefined,
    query.labId ? eq(matches.labId, query.labId) : undefined,
  )
  const countRows = countsByStatus(side, subject).all()
  const counts = Object.fromEntries(matchStatuses.map((s) => [s, countRows.find((r) => r.status === s)?.n ?? 0])) as Record<MatchStatus, number>
  const total = query.status ? counts[query.status] : Object.values(counts).reduce((a, b) => a + b, 0)
  const pageCount = Math.max(1, Math.ceil(total / MATCHES_PAGE_SIZE))
  const page = Math.min(query.page, pageCount)
  const rows = selectCards()
    .where(and(subject, query.status ? eq(statusColumn(side), query.status) : undefined))
    .orderBy(desc(matches.score), matches.id)
    .limit(MATCHES_PAGE_SIZE)
    .offset((page - 1) * MATCHES_PAGE_SIZE)
    .all()
  // What the filter offers: the actor's own requests or labs that have proposals.
  const subjects =
    side === 'company'
      ? db
          .selectDistinct({ id: rdRequests.id, label: rdRequests.title })
          .from(matches)
          .innerJoin(rdRequests, eq(rdRequests.id, matches.requestId))
          .innerJoin(labs, eq(labs.id, matches.labId))
          .where(scope)
          .orderBy(rdRequests.title)
          .all()
      : db
          .selectDistinct({ id: labs.id, label: labs.name })
          .from(matches)
          .innerJoin(rdRequests, eq(rdRequests.id, matches.requestId))
          .innerJoin(labs, eq(labs.id, matches.labId))
          .where(scope)
          .orderBy(labs.name)
          .all()
  return ok({ side, rows: rows.map((row) => toCard(row, side, locale)), counts, total, page, pageCount, subjects })
}

/**
 * The labs proposed for a request, for its company only: everyone else gets nothing of them.
 * `pending` while the background process has still to compute them (a request just published);
 * `unreadable` says why a text the matcher cannot read (no words, a third language) gets none.
 */
export function proposedLabsForRequest(actor: Actor | null, requestId: number, locale: Locale) {
  const request = db.select({ organisationId: rdRequests.organisationId }).from(rdRequests).where(eq(rdRequests.id, requestId)).get()
  if (!request || !actor || !can(actor, 'match:view_for_request', request)) return refuse('forbidden')
  return ok({ ...section('company', actor.organisationId!, requestId, locale), pending: proposalsPending(db, 'request', requestId), unreadable: unreadableText('request', requestId) })
}

/** The requests proposed to a lab, for members of the lab's organisation only; `pending` as above. */
export function proposedRequestsForLab(actor: Actor | null, labId: number, locale: Locale) {
  const lab = db.select({ organisationId: labs.organisationId }).from(labs).where(eq(labs.id, labId)).get()
  if (!lab || !actor || !can(actor, 'match:view_for_lab', lab)) return refuse('forbidden')
  return ok({ ...section('lab', actor.organisationId!, labId, locale), pending: proposalsPending(db, 'lab', labId), unreadable: unreadableText('lab', labId) })
}

/** Why the matcher cannot read the record's text, as its profile says; null when it can (or has no profile yet). */
function unreadableText(type: MatchEntityType, id: number): Exclude<Readability, 'readable'> | null {
  const profile = db
    .select({ facts: matchProfiles.facts })
    .from(matchProfiles)
    .where(and(eq(matchProfiles.entityType, type), eq(matchProfiles.entityId, id)))
    .get()
  const readability = (profile?.facts as { readability?: Readability } | undefined)?.readability
  return readability && readability !== 'readable' ? readability : null
}

/**
 * Whether a request's or a lab's proposals are still being computed, for those who may see them:
 * the page polls this while it shows "finding labs…".
 */
export function proposalsState(actor: Actor | null, type: MatchEntityType, id: number): Result<{ pending: boolean }, 'forbidden'> {
  if (!actor || !maySeeProposals(actor, type, id)) return refuse('forbidden')
  return ok({ pending: proposalsPending(db, type, id) })
}

function maySeeProposals(actor: Actor, type: MatchEntityType, id: number): boolean {
  if (type === 'request') {
    const request = db.select({ organisationId: rdRequests.organisationId }).from(rdRequests).where(eq(rdRequests.id, id)).get()
    return request !== undefined && can(actor, 'match:view_for_request', request)
  }
  const lab = db.select({ organisationId: labs.organisationId }).from(labs).where(eq(labs.id, id)).get()
  return lab !== undefined && can(actor, 'match:view_for_lab', lab)
}

/**
 * A request's or a lab's proposals, as its page shows them on every view: the two queries are built
 * and compiled once per side, then run with the organisation and the record as parameters.
 */
function compileSection(side: MatchSide) {
  const subject = side === 'company' ? matches.requestId : matches.labId
  const where = and(sideScope(side, sql.placeholder('organisationId')), eq(subject, sql.placeholder('subjectId')))
  return {
    counts: countsByStatus(side, where).prepare(),
    cards: selectCards()
      .where(and(where, inArray(statusColumn(side), ['new', 'viewed', 'interested'])))
      .orderBy(desc(matches.score), matches.id)
      .limit(SECTION_SIZE)
      .prepare(),
  }
}
const compiledSections = new Map<MatchSide, ReturnType<typeof compileSection>>()

/** The best proposals not set aside, and how many there are in all and set aside. */
function section(side: MatchSide, organisationId: number, subjectId: number, locale: Locale) {
  let queries = compiledSections.get(side)
  if (!queries) compiledSections.set(side, (queries = compileSection(side)))
  const parameters = { organisationId, subjectId }
  const countRows = queries.counts.all(parameters)
  const dismissed = countRows.find((r) => r.status === 'dismissed')?.n ?? 0
  const total = countRows.reduce((sum, r) => sum + r.n, 0)
  const rows = queries.cards.all(parameters)
  return { rows: rows.map((row) => toCard(row, side, locale)), total, dismissed }
}

interface LoadedMatch {
  match: typeof matches.$inferSelect
  companyId: number
  labOrganisationId: number
}

function loadMatch(tx: Tx, matchId: number): LoadedMatch | null {
  const row = tx
    .select({ match: matches, companyId: rdRequests.organisationId, labOrganisationId: labs.organisationId })
    .from(matches)
    .innerJoin(rdRequests, eq(rdRequests.id, matches.requestId))
    .innerJoin(labs, eq(labs.id, matches.labId))
    .where(eq(matches.id, matchId))
    .get()
  return row ?? null
}

function sideIn(actor: Actor, loaded: LoadedMatch): MatchSide {
  return actor.organisationId === loaded.companyId ? 'company' : 'lab'
}

export type SettableStatus = Exclude<MatchStatus, 'new'>

interface SideState {
  status: MatchStatus
  reason: MatchDismissReason | null
  note: string | null
}

/** One side's status of a proposal, with the reason and note when it was set aside. */
function sideState(m: typeof matches.$inferSelect, side: MatchSide): SideState {
  return side === 'company'
    ? { status: m.companyStatus, reason: m.companyDismissedReason, note: m.companyDismissedNote }
    : { status: m.labStatus, reason: m.labDismissedReason, note: m.labDismissedNote }
}

/** The columns that hold one side's status, for an update. */
function sideValues(side: MatchSide, state: SideState) {
  const updatedAt = new Date().toISOString()
  return side === 'company'
    ? { companyStatus: state.status, companyDismissedReason: state.reason, companyDismissedNote: state.note, updatedAt }
    : { labStatus: state.status, labDismissedReason: state.reason, labDismissedNote: state.note, updatedAt }
}

/**
 * Sets the actor's side of a proposal: viewed, interested, or dismissed with a reason from the list
 * (and a note). Viewed after dismissed restores the proposal; a proposal never goes back from
 * interested to viewed. The other side's status is untouched.
 */
export function setMatchStatus(
  actor: Actor,
  matchId: number,
  status: SettableStatus,
  reason?: MatchDismissReason,
  note?: string,
): Result<{ id: number; side: MatchSide; status: MatchStatus }, 'forbidden' | 'not_found' | 'invalid' | 'transition_not_allowed'> {
  if (status === 'dismissed' && !reason) return refuse('invalid', { field: 'reason' })
  return db.transaction((tx) => {
    const loaded = loadMatch(tx, matchId)
    if (!loaded) return refuse('not_found')
    if (!can(actor, 'match:update', loaded)) return refuse('forbidden')
    const side = sideIn(actor, loaded)
    const m = loaded.match
    const before = sideState(m, side)
    if (before.status === status && status !== 'dismissed') return ok({ id: m.id, side, status })
    if (status === 'viewed' && before.status === 'interested') return refuse('transition_not_allowed')
    const after = { status, reason: status === 'dismissed' ? reason! : null, note: status === 'dismissed' ? note?.trim() || null : null }
    tx.update(matches).set(sideValues(side, after)).where(eq(matches.id, m.id)).run()
    audit(tx, auditActor(actor), status === 'viewed' && before.status === 'dismissed' ? 'match.restored' : `match.${status}`, { type: 'match', id: m.id }, { side, ...before }, { side, ...after })
    return ok({ id: m.id, side, status })
  })
}

/**
 * The engagement pipeline's mark on a proposal, inside its transaction: a lab that expresses interest
 * (or a company that invites a lab) is "interested" in the proposal of that pair, if there is one,
 * even if it had set it aside.
 */
export function markInterested(tx: Tx, actor: Actor, pair: { requestId: number; labId: number }, side: MatchSide): void {
  const m = tx.select().from(matches).where(and(eq(matches.requestId, pair.requestId), eq(matches.labId, pair.labId))).get()
  if (!m) return
  const before = sideState(m, side)
  if (before.status === 'interested') return
  const after: SideState = { status: 'interested', reason: null, note: null }
  tx.update(matches).set(sideValues(side, after)).where(eq(matches.id, m.id)).run()
  audit(tx, auditActor(actor), 'match.interested', { type: 'match', id: m.id }, { side, ...before }, { side, ...after })
}

/**
 * Opens a proposal: the actor's side becomes "viewed" if it was new, and the answer is the page of
 * the other party (the lab for a company, the request for a lab).
 */
export function openMatch(actor: Actor, matchId: number): Result<{ href: string }, 'forbidden' | 'not_found'> {
  return db.transaction((tx) => {
    const loaded = loadMatch(tx, matchId)
    if (!loaded) return refuse('not_found')
    if (!can(actor, 'match:view', loaded)) return refuse('forbidden')
    const side = sideIn(actor, loaded)
    const status = side === 'company' ? loaded.match.companyStatus : loaded.match.labStatus
    if (status === 'new') {
      tx.update(matches)
        .set(side === 'company' ? { companyStatus: 'viewed' } : { labStatus: 'viewed' })
        .where(eq(matches.id, matchId))
        .run()
      audit(tx, auditActor(actor), 'match.viewed', { type: 'match', id: matchId }, { side, status }, { side, status: 'viewed' })
    }
    return ok({ href: side === 'company' ? `/labs/${loaded.match.labId}` : `/requests/${loaded.match.requestId}` })
  })
}
