import { and, asc, count, eq, inArray } from 'drizzle-orm'
import type { WeightedCriterion } from '#db/schema/claim-values'
import { commissionMembers, compensationClaims, conflictDeclarations, contracts, memberships, organisations, programmes, selectionResults, selectionRounds, users } from '#db/schema'
import { db } from '~/db.server'
import { regionToday } from '../calendar/calendar'
import { loadClaim } from '../claims/claims.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { budgetOf, getProgramme } from '../programmes/programmes.server'
import { ok, refuse, type Result } from '../result'
import { applicationsOf, deadlinePassed, roundOfProgramme, sheetsOf, type Round } from './round.server'

function organisationNames(ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map()
  const rows = db.select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName }).from(organisations).where(inArray(organisations.id, ids)).all()
  return new Map(rows.map((o) => [o.id, o.shortName ?? o.name]))
}

function membersOf(roundId: number) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(commissionMembers)
    .innerJoin(users, eq(users.id, commissionMembers.userId))
    .where(eq(commissionMembers.roundId, roundId))
    .orderBy(asc(commissionMembers.id))
    .all()
}

/** A member's weighted total of one sheet, × 100 and rounded, for the protocol. */
function sheetTotal(scores: Record<string, number>, criteria: WeightedCriterion[]): number | null {
  if (!criteria.every((c) => typeof scores[c.key] === 'number')) return null
  const weight = criteria.reduce((s, c) => s + c.weight, 0)
  return Math.round((criteria.reduce((s, c) => s + c.weight * scores[c.key]!, 0) * 100) / weight)
}

/** What the signed-in person is to do on one application of an open round; null when not on its commission. */
export type MemberStep = 'affiliated' | 'declare' | 'conflicted' | 'score' | null

interface Standing {
  isMember: boolean
  application: { companyId: number; contractorId: number }
  declaration: { conflicted: boolean } | null
}

function memberStep(actor: Actor, { isMember, application, declaration }: Standing): MemberStep {
  if (!isMember) return null
  const scoring = { isMember, conflicted: false, companyId: application.companyId, contractorId: application.contractorId }
  if (!can(actor, 'selection:score', scoring)) return 'affiliated'
  if (!declaration) return 'declare'
  // Whether this member may score it once declared: the page offers the form when can() says yes.
  return can(actor, 'selection:score', { ...scoring, conflicted: declaration.conflicted }) ? 'score' : 'conflicted'
}

/** The open round's applications with each one's declarations and sheets, and the actor's step on each. */
function openApplications(actor: Actor, round: Round, isMember: boolean) {
  const applications = applicationsOf(db, round)
  const declarations = applications.length
    ? db.select().from(conflictDeclarations).where(and(eq(conflictDeclarations.roundId, round.id), inArray(conflictDeclarations.claimId, applications.map((a) => a.id)))).all()
    : []
  return applications.map((application) => {
    const sheets = sheetsOf(db, application.id)
    const declaration = declarations.find((d) => d.claimId === application.id && d.userId === actor.userId) ?? null
    const myScores = sheets.find((s) => s.userId === actor.userId)?.scores ?? null
    return {
      application,
      declaration,
      myScores,
      myStep: memberStep(actor, { isMember, application, declaration }),
      myScoresComplete: myScores !== null && sheetTotal(myScores, round.criteria) !== null,
      sheetCount: sheets.filter((s) => sheetTotal(s.scores, round.criteria) !== null).length,
      conflictCount: declarations.filter((d) => d.claimId === application.id && d.conflicted).length,
    }
  })
}

/**
 * The administration's page of a programme's round: its rules and commission, and, while it is
 * open, its applications with what the signed-in member declared and scored on each.
 */
export function roundView(actor: Actor, programmeId: number) {
  if (!can(actor, 'selection:manage')) return refuse('forbidden')
  const programme = getProgramme(programmeId)
  if (!programme) return refuse('not_found')
  const round = roundOfProgramme(db, programme.id)
  const today = regionToday()
  const base = { programme: { id: programme.id, title: programme.title, opensOn: programme.opensOn, closesOn: programme.closesOn, selectionMode: programme.selectionMode }, budget: budgetOf(programme) }
  const members = round ? membersOf(round.id) : []
  const onCommission = new Set(members.map((m) => m.userId))
  const candidates = db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, actor.organisationId ?? -1))
    .orderBy(asc(users.name))
    .all()
    .filter((u) => !onCommission.has(u.userId))
  const isMember = onCommission.has(actor.userId)
  const open = round?.status === 'open' ? openApplications(actor, round, isMember) : []
  const names = organisationNames([...new Set(open.flatMap(({ application: a }) => [a.companyId, a.contractorId]))])
  const applications = open.map(({ application: a, myScores, myStep, sheetCount, conflictCount }) => ({
    claimId: a.id,
    company: names.get(a.companyId) ?? '',
    contractor: names.get(a.contractorId) ?? '',
    submittedAt: a.submittedAt!,
    requestedKopecks: a.requestedKopecks ?? 0,
    sheetCount,
    conflictCount,
    myScores,
    myStep,
  }))
  return ok({ ...base, round, members, candidates, applications, isMember, deadlinePassed: round !== null && deadlinePassed(round, today) })
}

/**
 * The open rounds and what each waits for from this person, for the workspace: the close once the
 * deadline has passed, and the applications they, on its commission, have still to declare on or
 * score. A round whose programme is gone is not listed.
 */
export function openRoundsFor(actor: Actor, today = regionToday()) {
  if (!can(actor, 'selection:manage')) return []
  return db
    .select({ round: selectionRounds, programmeTitle: programmes.title, member: commissionMembers.id })
    .from(selectionRounds)
    .innerJoin(programmes, eq(programmes.id, selectionRounds.programmeId))
    .leftJoin(commissionMembers, and(eq(commissionMembers.roundId, selectionRounds.id), eq(commissionMembers.userId, actor.userId)))
    .where(eq(selectionRounds.status, 'open'))
    .orderBy(asc(selectionRounds.deadline), asc(selectionRounds.id))
    .all()
    .map(({ round, programmeTitle, member }) => {
      const applications = openApplications(actor, round, member !== null)
      const toScore = applications.filter((a) => a.myStep === 'declare' || (a.myStep === 'score' && !a.myScoresComplete)).length
      return { roundId: round.id, programmeId: round.programmeId, programmeTitle, deadline: round.deadline, deadlinePassed: deadlinePassed(round, today), applicationCount: applications.length, toScore }
    })
}

/**
 * The protocol of a closed round: every application in rank order with each member's scores per
 * criterion and weighted total, its score, rank and decision, the cut-off line and the commission.
 */
export function roundProtocol(actor: Actor, programmeId: number) {
  if (!can(actor, 'selection:manage')) return refuse('forbidden')
  const programme = getProgramme(programmeId)
  if (!programme) return refuse('not_found')
  const round = roundOfProgramme(db, programme.id)
  if (!round || round.status !== 'closed') return refuse('not_found')
  const members = membersOf(round.id)
  const results = db.select().from(selectionResults).where(eq(selectionResults.roundId, round.id)).orderBy(asc(selectionResults.id)).all()
  const claims = results.length
    ? db
        .select({ id: compensationClaims.id, companyId: compensationClaims.companyId, contractorId: contracts.contractorId, submittedAt: compensationClaims.submittedAt })
        .from(compensationClaims)
        .innerJoin(contracts, eq(contracts.id, compensationClaims.contractId))
        .where(inArray(compensationClaims.id, results.map((r) => r.claimId)))
        .all()
    : []
  const names = organisationNames([...new Set(claims.flatMap((c) => [c.companyId, c.contractorId]))])
  const declarations = db.select().from(conflictDeclarations).where(eq(conflictDeclarations.roundId, round.id)).all()
  const closedBy = round.closedBy ? db.select({ name: users.name }).from(users).where(eq(users.id, round.closedBy)).get()?.name ?? null : null
  const applications = results.map((r) => {
    const claim = claims.find((c) => c.id === r.claimId)!
    const sheets = sheetsOf(db, r.claimId)
    return {
      ...r,
      company: names.get(claim.companyId) ?? '',
      contractor: names.get(claim.contractorId) ?? '',
      submittedAt: claim.submittedAt,
      sheets: members.map((m) => {
        const sheet = sheets.find((s) => s.userId === m.userId)
        const declaration = declarations.find((d) => d.claimId === r.claimId && d.userId === m.userId)
        return { userId: m.userId, conflicted: declaration?.conflicted ?? false, scores: sheet?.scores ?? null, totalHundredths: sheet ? sheetTotal(sheet.scores, round.criteria) : null }
      }),
    }
  })
  const fundedKopecks = results.filter((r) => r.outcome === 'funded').reduce((s, r) => s + r.requestedKopecks, 0)
  const cutOffAfterRank = results.filter((r) => r.outcome === 'funded').reduce<number | null>((last, r) => Math.max(last ?? 0, r.rank ?? 0), null)
  return ok({ programme: { id: programme.id, title: programme.title, year: programme.year, totalBudgetKopecks: programme.totalBudgetKopecks }, round, members, applications, fundedKopecks, cutOffAfterRank, closedBy })
}

export type ClaimSelection =
  | { state: 'pending'; deadline: string }
  | { state: 'decided'; rank: number | null; scoreHundredths: number | null; outcome: 'funded' | 'below_cutoff' | 'not_scored'; applicationCount: number; closedAt: string | null }

/** What the company sees on its claim in a competitive programme: the round's result and why. */
export function selectionOfClaim(actor: Actor, claimId: number): Result<ClaimSelection | null, 'not_found'> {
  const claim = loadClaim(db, claimId)
  if (!claim || !can(actor, 'claim:view', { companyId: claim.companyId })) return refuse('not_found')
  const programme = db.select({ selectionMode: programmes.selectionMode }).from(programmes).where(eq(programmes.id, claim.programmeId)).get()!
  if (programme.selectionMode !== 'competitive') return ok(null)
  const round = roundOfProgramme(db, claim.programmeId)
  if (!round) return ok(null)
  const result = db.select().from(selectionResults).where(eq(selectionResults.claimId, claim.id)).get()
  if (result) {
    const applicationCount = db.select({ n: count() }).from(selectionResults).where(eq(selectionResults.roundId, round.id)).get()!.n
    return ok({ state: 'decided', rank: result.rank, scoreHundredths: result.scoreHundredths, outcome: result.outcome, applicationCount, closedAt: round.closedAt })
  }
  return ok(round.status === 'open' ? { state: 'pending', deadline: round.deadline } : null)
}
