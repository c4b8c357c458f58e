import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import {
  acceptanceActs,
  compensationClaims,
  contractPayments,
  contracts,
  contractVersions,
  engagementAdmissions,
  engagements,
  indicatorReports,
  labs,
  matches,
  organisations,
  programmes,
  rdRequests,
  subsidyAgreements,
  subsidyReturns,
} from '#db/schema'
import { db } from '~/db.server'
import { unreadCounts } from '../engagements/messages.server'
import { hasRole, type Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { budgetOf, phaseOf } from '../programmes/programmes.server'
import { regionToday } from '../calendar/calendar'
import { openRoundsFor } from '../selection/queries.server'
import { DECIDED_CLAIMS_SHOWN_DAYS, reviewDeadlineOf, roundReviewOf } from './deadlines'

// "What needs me now", for each role: every item names the object, says what is awaited and links to
// the page where it is done. Each query joins the objects it names and asks can() about each row, so
// an item whose object was deleted, archived or is no longer the actor's to handle simply is not
// listed: a workspace never links to an error page.

/** The kinds of work a workspace lists; each is one section of the page and one dictionary entry. */
export type AgendaKind =
  | 'proposals'
  | 'invitations'
  | 'engagements'
  | 'messages'
  | 'contracts'
  | 'execution'
  | 'claims'
  | 'reviewClaims'
  | 'rounds'
  | 'reports'
  | 'verification'
  | 'budgets'

export interface AgendaItem {
  /** Stable within a section, for React and for tests. */
  key: string
  href: string
  /** Stored text (a request's title, a lab's or organisation's name), shown as it was written. */
  title: string
  /** Who or what else it concerns (the lab, the other party), stored text too. */
  subtitle?: string
  /** What is awaited, or what the item is, as a dictionary key. */
  step?: string
  /** How many things the item stands for (new proposals of a request, unread messages). */
  count?: number
  date?: string
  /** A claim under review: days waited and the day the review is due. */
  review?: { ageDays: number; dueOn: string; overdue: boolean }
  /** A deadline that has passed: the date is shown as a warning. */
  overdue?: boolean
  /** A programme's budget, in kopecks. */
  budget?: { total: number; reserved: number; paid: number; remaining: number }
}

export interface AgendaSection {
  kind: AgendaKind
  /** Where the whole list is. */
  href: string
  items: AgendaItem[]
  /** How many things wait: the sum of the items' counts (a budget overview counts nothing). */
  waiting: number
}

/** Enough to act on at a glance; the section's link leads to the rest. */
const ITEMS_SHOWN = 8
const DAY_MS = 86_400_000

const otherOrganisation = alias(organisations, 'other_organisation')

function section(kind: AgendaKind, href: string, items: AgendaItem[], countsWaiting = true): AgendaSection {
  return { kind, href, items: items.slice(0, ITEMS_SHOWN), waiting: countsWaiting ? items.reduce((n, i) => n + (i.count ?? 1), 0) : 0 }
}

/** A closed request needs nobody any more: its proposals are history, not work. */
const ACTIVE_REQUEST_STATUSES = ['published', 'paused'] as const

/** New proposals for the company's open requests, one item per request. */
function companyProposals(actor: Actor, organisationId: number): AgendaItem[] {
  if (!can(actor, 'match:view_for_request', { organisationId })) return []
  return db
    .select({ id: rdRequests.id, title: rdRequests.title, n: count() })
    .from(matches)
    .innerJoin(rdRequests, eq(rdRequests.id, matches.requestId))
    .innerJoin(labs, eq(labs.id, matches.labId))
    .where(
      and(
        eq(rdRequests.organisationId, organisationId),
        inArray(rdRequests.status, [...ACTIVE_REQUEST_STATUSES]),
        eq(labs.status, 'active'),
        eq(matches.companyStatus, 'new'),
        isNotNull(matches.requestRank),
      ),
    )
    .groupBy(rdRequests.id)
    .orderBy(desc(count()), asc(rdRequests.id))
    .all()
    .map((r) => ({ key: `request-${r.id}`, href: `/matches?request=${r.id}&status=new`, title: r.title, count: r.n }))
}

/** New proposals for the organisation's labs, one item per lab. */
function labProposals(actor: Actor, organisationId: number): AgendaItem[] {
  if (!can(actor, 'match:view_for_lab', { organisationId })) return []
  return db
    .select({ id: labs.id, name: labs.name, n: count() })
    .from(matches)
    .innerJoin(rdRequests, eq(rdRequests.id, matches.requestId))
    .innerJoin(labs, eq(labs.id, matches.labId))
    .where(
      and(
        eq(labs.organisationId, organisationId),
        eq(labs.status, 'active'),
        inArray(rdRequests.status, [...ACTIVE_REQUEST_STATUSES]),
        eq(matches.labStatus, 'new'),
        isNotNull(matches.labRank),
      ),
    )
    .groupBy(labs.id)
    .orderBy(desc(count()), asc(labs.id))
    .all()
    .map((r) => ({ key: `lab-${r.id}`, href: `/matches?lab=${r.id}&status=new`, title: r.name, count: r.n }))
}

/** The organisation's live engagements, with the request and lab they concern. */
function liveEngagements(organisationId: number) {
  return db
    .select({ engagement: engagements, requestTitle: rdRequests.title, labName: labs.name, contractId: contracts.id })
    .from(engagements)
    .innerJoin(rdRequests, eq(rdRequests.id, engagements.requestId))
    .innerJoin(labs, eq(labs.id, engagements.labId))
    // An agreed engagement is done once a contract that still stands was registered from it.
    .leftJoin(contracts, and(eq(contracts.engagementId, engagements.id), inArray(contracts.status, ['awaiting_confirmation', 'confirmed'])))
    .where(and(or(eq(engagements.companyOrganisationId, organisationId), eq(engagements.labOrganisationId, organisationId)), ne(engagements.stage, 'declined'), ne(rdRequests.status, 'archived')))
    .orderBy(asc(engagements.updatedAt))
    .all()
}

type LiveEngagement = ReturnType<typeof liveEngagements>[number]

/** The step this side is expected to take next on the engagement, if any. */
function companyStep({ engagement: e, contractId }: LiveEngagement): string | null {
  if (e.stage === 'interest') return 'shortlist'
  if (e.stage === 'shortlisted') return 'discuss'
  if (e.stage === 'discussion' && !e.companyAgreedAt) return 'agree'
  if (e.stage === 'agreed' && contractId === null) return 'registerContract'
  return null
}

function labStep({ engagement: e }: LiveEngagement, acceptedTerms: boolean): string | null {
  if (e.stage === 'invited') return 'answerInvitation'
  if (e.admissionOfferedAt && !acceptedTerms && ['interest', 'shortlisted', 'discussion'].includes(e.stage)) return 'acceptTerms'
  if (e.stage === 'discussion' && !e.labAgreedAt) return 'agree'
  return null
}

function engagementItem(row: LiveEngagement, step: string, otherSide: string): AgendaItem {
  const e = row.engagement
  const href = step === 'registerContract' ? `/contracts/new?engagement=${e.id}` : `/engagements/${e.id}`
  return { key: `engagement-${e.id}`, href, title: row.requestTitle, subtitle: otherSide, step: `workspace.step.${step}`, date: e.updatedAt }
}

function unreadItems(actor: Actor, rows: LiveEngagement[]): AgendaItem[] {
  const unread = unreadCounts(actor, rows.map((r) => r.engagement.id))
  return rows
    .filter((r) => (unread.get(r.engagement.id) ?? 0) > 0 && can(actor, 'engagement:view', r.engagement))
    .map((r) => ({ key: `thread-${r.engagement.id}`, href: `/engagements/${r.engagement.id}`, title: r.requestTitle, subtitle: r.labName, count: unread.get(r.engagement.id) }))
}

/** Contract versions (the first terms or an amendment) the other party proposed and this one is to answer. */
function contractsToConfirm(actor: Actor, organisationId: number): AgendaItem[] {
  return db
    .select({
      contractId: contracts.id,
      companyId: contracts.companyId,
      contractorId: contracts.contractorId,
      versionId: contractVersions.id,
      version: contractVersions.version,
      number: contractVersions.number,
      subject: contractVersions.subject,
      proposedByOrganisationId: contractVersions.proposedByOrganisationId,
      createdAt: contractVersions.createdAt,
      otherName: sql<string>`coalesce(${otherOrganisation.shortName}, ${otherOrganisation.name})`,
    })
    .from(contracts)
    .innerJoin(contractVersions, eq(contractVersions.id, contracts.pendingVersionId))
    .innerJoin(otherOrganisation, eq(otherOrganisation.id, contractVersions.proposedByOrganisationId))
    .where(and(or(eq(contracts.companyId, organisationId), eq(contracts.contractorId, organisationId)), eq(contractVersions.status, 'proposed')))
    .orderBy(asc(contractVersions.createdAt))
    .all()
    .filter((r) => can(actor, 'contract:answer', r))
    .map((r) => ({
      key: `version-${r.versionId}`,
      href: `/contracts/${r.contractId}`,
      title: `№ ${r.number} · ${r.subject}`,
      subtitle: r.otherName,
      step: r.version > 1 ? 'workspace.step.confirmAmendment' : 'workspace.step.confirmContract',
      date: r.createdAt,
    }))
}

/** Acceptance acts and payments the other party recorded, for this one to confirm or dispute. */
function executionToConfirm(actor: Actor, organisationId: number): AgendaItem[] {
  const parties = or(eq(contracts.companyId, organisationId), eq(contracts.contractorId, organisationId))
  const shown = alias(contractVersions, 'shown_version')
  const records = (kind: 'act' | 'payment') => {
    const table = kind === 'act' ? acceptanceActs : contractPayments
    return db
      .select({
        id: table.id,
        contractId: contracts.id,
        companyId: contracts.companyId,
        contractorId: contracts.contractorId,
        proposedByOrganisationId: table.recordedByOrganisationId,
        createdAt: table.createdAt,
        contractNumber: shown.number,
        otherName: sql<string>`coalesce(${otherOrganisation.shortName}, ${otherOrganisation.name})`,
      })
      .from(table)
      .innerJoin(contracts, eq(contracts.id, table.contractId))
      .innerJoin(shown, eq(shown.id, sql`coalesce(${contracts.confirmedVersionId}, ${contracts.pendingVersionId})`))
      .innerJoin(otherOrganisation, eq(otherOrganisation.id, table.recordedByOrganisationId))
      .where(and(parties, eq(table.status, 'proposed'), ne(table.recordedByOrganisationId, organisationId), ne(contracts.status, 'withdrawn')))
      .orderBy(asc(table.createdAt))
      .all()
      .filter((r) => can(actor, 'contract:answer', r))
      .map((r) => ({ key: `${kind}-${r.id}`, href: `/contracts/${r.contractId}`, title: `№ ${r.contractNumber}`, subtitle: r.otherName, step: kind === 'act' ? 'workspace.step.confirmAct' : 'workspace.step.confirmPayment', date: r.createdAt }))
  }
  return [...records('act'), ...records('payment')].sort((a, b) => a.date.localeCompare(b.date))
}

/** The company's claims sent back for correction, and those decided lately (approved, rejected or paid). */
function companyClaims(actor: Actor, organisationId: number, now: Date): AgendaItem[] {
  const since = new Date(now.getTime() - DECIDED_CLAIMS_SHOWN_DAYS * DAY_MS).toISOString()
  return db
    .select({
      id: compensationClaims.id,
      companyId: compensationClaims.companyId,
      status: compensationClaims.status,
      decidedAt: compensationClaims.decidedAt,
      updatedAt: compensationClaims.updatedAt,
      programmeTitle: programmes.title,
    })
    .from(compensationClaims)
    .innerJoin(programmes, eq(programmes.id, compensationClaims.programmeId))
    .where(
      and(
        eq(compensationClaims.companyId, organisationId),
        or(eq(compensationClaims.status, 'returned'), and(inArray(compensationClaims.status, ['approved', 'rejected', 'paid']), gte(compensationClaims.updatedAt, since))),
      ),
    )
    // Returned claims first: they wait for the company; decided ones are news.
    .orderBy(sql`${compensationClaims.status} = 'returned' desc`, desc(compensationClaims.updatedAt))
    .all()
    .filter((r) => can(actor, 'claim:view', r))
    .map((r) => ({ key: `claim-${r.id}`, href: `/claims/${r.id}`, title: r.programmeTitle, step: `workspace.step.claim.${r.status}`, date: r.decidedAt ?? r.updatedAt }))
}

/**
 * What follows a paid subsidy, for the company: result reports due (the nearest deadline first,
 * overdue ones marked) and returns demanded after a shortfall, each on the claim's page where it is done.
 */
function companyReports(actor: Actor, organisationId: number, today: string): AgendaItem[] {
  const reports = db
    .select({ id: indicatorReports.id, dueOn: indicatorReports.dueOn, claimId: compensationClaims.id, companyId: compensationClaims.companyId, agreementNumber: subsidyAgreements.number, programmeTitle: programmes.title })
    .from(indicatorReports)
    .innerJoin(subsidyAgreements, eq(subsidyAgreements.id, indicatorReports.agreementId))
    .innerJoin(compensationClaims, eq(compensationClaims.id, subsidyAgreements.claimId))
    .innerJoin(programmes, eq(programmes.id, compensationClaims.programmeId))
    .where(and(eq(compensationClaims.companyId, organisationId), eq(indicatorReports.status, 'due')))
    .orderBy(asc(indicatorReports.dueOn), asc(indicatorReports.id))
    .all()
    .filter((r) => can(actor, 'claim:view', r))
    .map((r) => ({ key: `report-${r.id}`, href: `/claims/${r.claimId}#reports`, title: r.programmeTitle, subtitle: `№ ${r.agreementNumber}`, step: 'workspace.step.fileReport', date: r.dueOn, overdue: r.dueOn < today }))
  const returns = db
    .select({ id: subsidyReturns.id, createdAt: subsidyReturns.createdAt, claimId: compensationClaims.id, companyId: compensationClaims.companyId, programmeTitle: programmes.title, amountKopecks: subsidyReturns.amountKopecks })
    .from(subsidyReturns)
    .innerJoin(compensationClaims, eq(compensationClaims.id, subsidyReturns.claimId))
    .innerJoin(programmes, eq(programmes.id, compensationClaims.programmeId))
    .where(and(eq(compensationClaims.companyId, organisationId), eq(subsidyReturns.status, 'demanded')))
    .orderBy(asc(subsidyReturns.createdAt))
    .all()
    .filter((r) => can(actor, 'claim:view', r))
    .map((r) => ({ key: `return-${r.id}`, href: `/claims/${r.claimId}#reports`, title: r.programmeTitle, step: 'workspace.step.returnDemanded', date: r.createdAt }))
  return [...returns, ...reports]
}

/** What a company needs to do now. */
export function companyAgenda(actor: Actor, now = new Date()): AgendaSection[] {
  const organisationId = actor.organisationId
  if (!hasRole(actor, 'company') || organisationId === null) return []
  const live = liveEngagements(organisationId).filter((r) => can(actor, 'engagement:act_as_company', r.engagement))
  const waiting = live.flatMap((r) => {
    const step = companyStep(r)
    return step ? [engagementItem(r, step, r.labName)] : []
  })
  return [
    section('proposals', '/matches?status=new', companyProposals(actor, organisationId)),
    section('engagements', '/engagements', waiting),
    section('messages', '/engagements', unreadItems(actor, live)),
    section('contracts', '/contracts?status=awaiting_confirmation', contractsToConfirm(actor, organisationId)),
    section('execution', '/contracts', executionToConfirm(actor, organisationId)),
    section('claims', '/claims', companyClaims(actor, organisationId, now)),
    section('reports', '/claims', companyReports(actor, organisationId, regionToday(now))),
  ]
}

/** What a university lab or institute needs to do now. */
export function labAgenda(actor: Actor): AgendaSection[] {
  const organisationId = actor.organisationId
  if (!hasRole(actor, 'science') || organisationId === null) return []
  const live = liveEngagements(organisationId).filter((r) => can(actor, 'engagement:act_as_lab', r.engagement))
  const accepted = new Set(
    live.length
      ? db
          .select({ engagementId: engagementAdmissions.engagementId })
          .from(engagementAdmissions)
          .where(and(eq(engagementAdmissions.userId, actor.userId), inArray(engagementAdmissions.engagementId, live.map((r) => r.engagement.id))))
          .all()
          .map((r) => r.engagementId)
      : [],
  )
  const company = new Map(
    live.length
      ? db
          .select({ id: organisations.id, name: sql<string>`coalesce(${organisations.shortName}, ${organisations.name})` })
          .from(organisations)
          .where(inArray(organisations.id, [...new Set(live.map((r) => r.engagement.companyOrganisationId))]))
          .all()
          .map((o) => [o.id, o.name])
      : [],
  )
  const steps = live.flatMap((r) => {
    const step = labStep(r, accepted.has(r.engagement.id))
    return step ? [engagementItem(r, step, `${r.labName} · ${company.get(r.engagement.companyOrganisationId) ?? ''}`)] : []
  })
  return [
    section('proposals', '/matches?status=new', labProposals(actor, organisationId)),
    section('invitations', '/engagements?stage=invited', steps.filter((i) => i.step === 'workspace.step.answerInvitation')),
    section('engagements', '/engagements', steps.filter((i) => i.step !== 'workspace.step.answerInvitation')),
    section('messages', '/engagements', unreadItems(actor, live)),
    section('contracts', '/contracts?status=awaiting_confirmation', contractsToConfirm(actor, organisationId)),
    section('execution', '/contracts', executionToConfirm(actor, organisationId)),
  ]
}

/** Claims waiting for a decision one by one, oldest first, each with its age against the review deadline. */
function claimsWaiting(actor: Actor, now: Date): AgendaItem[] {
  const company = alias(organisations, 'claimant')
  return db
    .select({ id: compensationClaims.id, companyId: compensationClaims.companyId, submittedAt: compensationClaims.submittedAt, companyName: sql<string>`coalesce(${company.shortName}, ${company.name})`, programmeTitle: programmes.title })
    .from(compensationClaims)
    .innerJoin(programmes, eq(programmes.id, compensationClaims.programmeId))
    .innerJoin(company, eq(company.id, compensationClaims.companyId))
    // A competitive programme's claims are decided by closing its round (the rounds section), not one by one.
    .where(and(eq(compensationClaims.status, 'submitted'), eq(programmes.selectionMode, 'first_come')))
    .orderBy(asc(compensationClaims.submittedAt), asc(compensationClaims.id))
    .all()
    .filter((r) => can(actor, 'claim:decide', r))
    .map((r) => {
      const submittedAt = r.submittedAt ?? now.toISOString()
      return { key: `claim-${r.id}`, href: `/admin/claims/${r.id}`, title: r.companyName, subtitle: r.programmeTitle, date: submittedAt, review: reviewDeadlineOf(submittedAt, now) }
    })
}

/**
 * Competitive rounds: once the deadline has passed, the round waits to be scored and closed, against
 * the review period; before it, a commission member is asked for the applications they still have
 * to declare on or score.
 */
function roundsToHandle(actor: Actor, today: string): AgendaItem[] {
  return openRoundsFor(actor, today).flatMap((r): AgendaItem[] => {
    const item = { key: `round-${r.roundId}`, href: `/admin/programmes/${r.programmeId}/round`, title: r.programmeTitle, count: r.toScore || undefined }
    if (r.deadlinePassed) return [{ ...item, step: 'workspace.step.closeRound', review: roundReviewOf(r.deadline, today) }]
    return r.toScore ? [{ ...item, step: 'workspace.step.scoreApplications', date: r.deadline }] : []
  })
}

/**
 * Results reports for the administration: those submitted and waiting to be accepted or found short,
 * then those overdue and not yet filed, and returns demanded and not yet received.
 */
function reportsToHandle(actor: Actor, today: string): AgendaItem[] {
  const company = alias(organisations, 'recipient')
  const rows = db
    .select({ id: indicatorReports.id, status: indicatorReports.status, dueOn: indicatorReports.dueOn, submittedAt: indicatorReports.submittedAt, claimId: compensationClaims.id, companyId: compensationClaims.companyId, companyName: sql<string>`coalesce(${company.shortName}, ${company.name})`, programmeTitle: programmes.title })
    .from(indicatorReports)
    .innerJoin(subsidyAgreements, eq(subsidyAgreements.id, indicatorReports.agreementId))
    .innerJoin(compensationClaims, eq(compensationClaims.id, subsidyAgreements.claimId))
    .innerJoin(programmes, eq(programmes.id, compensationClaims.programmeId))
    .innerJoin(company, eq(company.id, compensationClaims.companyId))
    .where(or(eq(indicatorReports.status, 'submitted'), and(eq(indicatorReports.status, 'due'), sql`${indicatorReports.dueOn} < ${today}`)))
    .orderBy(sql`${indicatorReports.status} = 'submitted' desc`, asc(indicatorReports.dueOn), asc(indicatorReports.id))
    .all()
    .filter((r) => can(actor, 'claim:decide', r))
    .map((r) => ({
      key: `report-${r.id}`,
      href: `/admin/claims/${r.claimId}#reports`,
      title: r.companyName,
      subtitle: r.programmeTitle,
      step: r.status === 'submitted' ? 'workspace.step.reviewReport' : 'workspace.step.reportOverdue',
      date: r.status === 'submitted' ? (r.submittedAt ?? r.dueOn) : r.dueOn,
      overdue: r.status === 'due',
    }))
  const returns = db
    .select({ id: subsidyReturns.id, createdAt: subsidyReturns.createdAt, claimId: compensationClaims.id, companyId: compensationClaims.companyId, companyName: sql<string>`coalesce(${company.shortName}, ${company.name})`, programmeTitle: programmes.title })
    .from(subsidyReturns)
    .innerJoin(compensationClaims, eq(compensationClaims.id, subsidyReturns.claimId))
    .innerJoin(programmes, eq(programmes.id, compensationClaims.programmeId))
    .innerJoin(company, eq(company.id, compensationClaims.companyId))
    .where(eq(subsidyReturns.status, 'demanded'))
    .orderBy(asc(subsidyReturns.createdAt))
    .all()
    .filter((r) => can(actor, 'claim:decide', r))
    .map((r) => ({ key: `return-${r.id}`, href: `/admin/claims/${r.claimId}#reports`, title: r.companyName, subtitle: r.programmeTitle, step: 'workspace.step.returnAwaited', date: r.createdAt }))
  return [...rows, ...returns]
}

/** Organisations that signed up (or changed their identity) and wait to be verified, oldest first. */
function organisationsToVerify(): AgendaItem[] {
  return db
    .select({ id: organisations.id, name: sql<string>`coalesce(${organisations.shortName}, ${organisations.name})`, type: organisations.type, createdAt: organisations.createdAt, identityChangedAt: organisations.identityChangedAt })
    .from(organisations)
    .where(and(eq(organisations.verificationStatus, 'unverified'), isNull(organisations.archivedAt)))
    .orderBy(asc(sql`coalesce(${organisations.identityChangedAt}, ${organisations.createdAt})`))
    .all()
    .map((o) => ({ key: `organisation-${o.id}`, href: `/admin/organisations#organisation-${o.id}`, title: o.name, step: `organisationType.${o.type}`, date: o.identityChangedAt ?? o.createdAt }))
}

/** Every programme still running or to come, with its budget split into paid, reserved and remaining. */
function programmeBudgets(today: string): AgendaItem[] {
  return db
    .select()
    .from(programmes)
    .orderBy(desc(programmes.year), asc(programmes.closesOn))
    .all()
    // A closed programme stays while approved money is still to be paid out, or its year is not over.
    .filter((p) => phaseOf(p, today) !== 'closed' || p.reservedKopecks > 0 || p.year >= Number(today.slice(0, 4)))
    .map((p) => {
      const b = budgetOf(p)
      return { key: `programme-${p.id}`, href: `/admin/programmes/${p.id}`, title: p.title, step: `programmes.phase.${phaseOf(p, today)}`, budget: { total: b.totalKopecks, reserved: b.reservedKopecks, paid: b.paidKopecks, remaining: b.remainingKopecks } }
    })
}

/** What the regional administration needs to do now, and where its money stands. */
export function administrationAgenda(actor: Actor, now = new Date()): AgendaSection[] {
  if (!can(actor, 'area:administration')) return []
  // The platform admin stands in for verification but neither reviews claims nor keeps programmes.
  return [
    ...(can(actor, 'claim:review') ? [section('reviewClaims', '/admin/claims?status=submitted', claimsWaiting(actor, now))] : []),
    ...(can(actor, 'selection:manage') ? [section('rounds', '/admin/programmes', roundsToHandle(actor, regionToday(now)))] : []),
    ...(can(actor, 'claim:review') ? [section('reports', '/admin/claims?status=paid', reportsToHandle(actor, regionToday(now)))] : []),
    ...(can(actor, 'organisation:verify') ? [section('verification', '/admin/organisations', organisationsToVerify())] : []),
    ...(can(actor, 'programme:manage') ? [section('budgets', '/admin/programmes', programmeBudgets(regionToday(now)), false)] : []),
  ]
}

export type WorkspaceKind = 'company' | 'lab' | 'administration'

export const agendaOfKind: Record<WorkspaceKind, (actor: Actor, now?: Date) => AgendaSection[]> = {
  company: companyAgenda,
  lab: labAgenda,
  administration: administrationAgenda,
}

/** The workspace a signed-in person lands in: a company's, a lab's or the administration's. */
export function workspaceKindOf(actor: Actor | null): WorkspaceKind | null {
  if (!actor) return null
  if (hasRole(actor, 'company')) return 'company'
  if (hasRole(actor, 'science')) return 'lab'
  if (hasRole(actor, 'administration') || hasRole(actor, 'platform_admin')) return 'administration'
  return null
}

/**
 * What waits behind each menu entry: the sum of the sections whose list is at that path, and the
 * whole workspace under `workspace`.
 */
export function waitingByPath(sections: AgendaSection[]): Record<string, number> {
  const counts: Record<string, number> = { workspace: 0 }
  for (const s of sections) {
    const path = s.href.split('?')[0]
    counts[path] = (counts[path] ?? 0) + s.waiting
    counts.workspace += s.waiting
  }
  return counts
}
