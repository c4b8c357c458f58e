import { and, asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { selectionCriteria, type SelectionCriterion, type WeightedCriterion } from '#db/schema/claim-values'
import { commissionMembers, compensationClaims, conflictDeclarations, contracts, memberships, programmes, selectionResults, selectionRounds, selectionScores } from '#db/schema'
import { db } from '~/db.server'
import { translator } from '~/i18n/translator.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { isIsoDate, regionDateOf, regionToday } from '../calendar/calendar'
import { formatDate } from '../format/dates'
import { ConcurrentChange, decideWithin, type DecisionRefusal } from '../claims/decide.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Refusal, type Result } from '../result'
import { rankApplications, type Application } from './ranking'
import { formatScore } from './score'

export type Round = typeof selectionRounds.$inferSelect

export interface OpenRoundInput {
  deadline: string
  scaleMax: number
  weights: Partial<Record<SelectionCriterion, number>>
}

type RoundRefusal = 'forbidden' | 'not_found' | 'invalid' | 'round_exists' | 'round_closed'

/** A round may be closed from the day after its deadline, the region's day: the deadline day itself still takes claims. */
export function deadlinePassed(round: Pick<Round, 'deadline'>, today = regionToday()): boolean {
  return today > round.deadline
}

export function roundOfProgramme(tx: DbOrTx, programmeId: number): Round | null {
  return tx.select().from(selectionRounds).where(eq(selectionRounds.programmeId, programmeId)).get() ?? null
}

/**
 * The administration turns a programme competitive by opening its round: a deadline, a scale and
 * the criteria it weighs (a criterion left at weight 0 is not scored). From then on the
 * programme's claims are decided by the round's close, not one by one.
 */
export function openRound(actor: Actor, programmeId: number, input: OpenRoundInput): Result<{ roundId: number }, RoundRefusal> {
  if (!can(actor, 'selection:manage')) return refuse('forbidden')
  if (!isIsoDate(input.deadline)) return refuse('invalid', { field: 'deadline' })
  if (!Number.isSafeInteger(input.scaleMax) || input.scaleMax < 1 || input.scaleMax > 100) return refuse('invalid', { field: 'scaleMax' })
  const criteria: WeightedCriterion[] = []
  for (const key of selectionCriteria) {
    const weight = input.weights[key] ?? 0
    if (!Number.isSafeInteger(weight) || weight < 0 || weight > 100) return refuse('invalid', { field: `weights.${key}` })
    if (weight > 0) criteria.push({ key, weight })
  }
  if (criteria.length === 0) return refuse('invalid', { field: `weights.${selectionCriteria[0]}` })
  return db.transaction(
    (tx) => {
      const programme = tx.select().from(programmes).where(eq(programmes.id, programmeId)).get()
      if (!programme) return refuse('not_found')
      if (roundOfProgramme(tx, programmeId)) return refuse('round_exists')
      if (input.deadline < programme.opensOn) return refuse('invalid', { field: 'deadline' })
      const round = tx.insert(selectionRounds).values({ programmeId, deadline: input.deadline, scaleMax: input.scaleMax, criteria, createdBy: actor.userId }).returning().get()
      tx.update(programmes).set({ selectionMode: 'competitive', updatedAt: new Date().toISOString() }).where(eq(programmes.id, programmeId)).run()
      audit(tx, auditActor(actor), 'programme.selection_mode_changed', { type: 'programme', id: programmeId }, { selectionMode: programme.selectionMode }, { selectionMode: 'competitive' })
      audit(tx, auditActor(actor), 'selection.round_opened', { type: 'selection_round', id: round.id }, null, round)
      return ok({ roundId: round.id })
    },
    { behavior: 'immediate' },
  )
}

function openRoundById(tx: DbOrTx, roundId: number): Result<Round, 'not_found' | 'round_closed'> {
  const round = Number.isSafeInteger(roundId) ? tx.select().from(selectionRounds).where(eq(selectionRounds.id, roundId)).get() : undefined
  if (!round) return refuse('not_found')
  if (round.status !== 'open') return refuse('round_closed')
  return ok(round)
}

/** The administration puts one of its own people on the round's commission. */
export function addCommissionMember(actor: Actor, roundId: number, input: { userId: string }): Result<null, RoundRefusal | 'not_administration_member' | 'already_member'> {
  if (!can(actor, 'selection:manage')) return refuse('forbidden')
  return db.transaction((tx) => {
    const round = openRoundById(tx, roundId)
    if (!round.ok) return round
    const membership = tx.select().from(memberships).where(eq(memberships.userId, input.userId)).get()
    if (!membership || membership.organisationId !== actor.organisationId) return refuse('not_administration_member', { field: 'userId' })
    if (isMember(tx, roundId, input.userId)) return refuse('already_member', { field: 'userId' })
    const member = tx.insert(commissionMembers).values({ roundId, userId: input.userId, addedBy: actor.userId }).returning().get()
    audit(tx, auditActor(actor), 'selection.member_added', { type: 'selection_round', id: roundId }, null, member)
    return ok(null)
  })
}

function isMember(tx: DbOrTx, roundId: number, userId: string): boolean {
  return tx.select({ id: commissionMembers.id }).from(commissionMembers).where(and(eq(commissionMembers.roundId, roundId), eq(commissionMembers.userId, userId))).get() !== undefined
}

/** The claims a round judges: its programme's claims submitted by the deadline and not decided yet. */
export function applicationsOf(tx: DbOrTx, round: Round) {
  return tx
    .select({ id: compensationClaims.id, companyId: compensationClaims.companyId, contractorId: contracts.contractorId, submittedAt: compensationClaims.submittedAt, requestedKopecks: compensationClaims.requestedKopecks, revision: compensationClaims.revision })
    .from(compensationClaims)
    .innerJoin(contracts, eq(contracts.id, compensationClaims.contractId))
    .where(and(eq(compensationClaims.programmeId, round.programmeId), eq(compensationClaims.status, 'submitted')))
    .orderBy(asc(compensationClaims.id))
    .all()
    .filter((c) => c.submittedAt !== null && regionDateOf(c.submittedAt) <= round.deadline)
}

type RoundApplication = ReturnType<typeof applicationsOf>[number]

function applicationOf(tx: DbOrTx, round: Round, claimId: number): RoundApplication | null {
  return applicationsOf(tx, round).find((a) => a.id === claimId) ?? null
}

function declarationOf(tx: DbOrTx, claimId: number, userId: string) {
  return tx.select().from(conflictDeclarations).where(and(eq(conflictDeclarations.claimId, claimId), eq(conflictDeclarations.userId, userId))).get() ?? null
}

type MemberRefusal = 'forbidden' | 'not_found' | 'round_closed'

/**
 * A commission member declares, once and before scoring, whether they have a conflict of interest
 * with an application. A declared conflict stands: the member never scores that application.
 */
export function declareConflict(actor: Actor, roundId: number, claimId: number, input: { conflicted: boolean; note?: string }): Result<null, MemberRefusal | 'already_declared'> {
  return db.transaction((tx) => {
    const round = openRoundById(tx, roundId)
    if (!round.ok) return round
    if (!can(actor, 'selection:declare', { isMember: isMember(tx, roundId, actor.userId) })) return refuse('forbidden')
    if (!applicationOf(tx, round.value, claimId)) return refuse('not_found')
    if (declarationOf(tx, claimId, actor.userId)) return refuse('already_declared')
    const declaration = tx
      .insert(conflictDeclarations)
      .values({ roundId, claimId, userId: actor.userId, conflicted: input.conflicted, note: input.note?.trim() || null })
      .returning()
      .get()
    // Recorded on the round, not the claim: the claim's history is the company's to read, and who
    // sits on the commission and what they declared is not.
    audit(tx, auditActor(actor), 'selection.conflict_declared', { type: 'selection_round', id: roundId }, null, declaration)
    return ok(null)
  })
}

/**
 * A commission member scores an application on every criterion of the round. Refused, with nothing
 * saved: before the member's declaration (409), to a member who declared a conflict or whose own
 * organisation is the claim's company or its contractor (403), and a score outside the scale (400).
 */
export function scoreApplication(
  actor: Actor,
  roundId: number,
  claimId: number,
  input: { scores: Partial<Record<string, number>> },
): Result<null, MemberRefusal | 'declaration_required' | 'score_out_of_scale'> {
  return db.transaction((tx) => {
    const round = openRoundById(tx, roundId)
    if (!round.ok) return round
    const member = isMember(tx, roundId, actor.userId)
    if (!can(actor, 'selection:declare', { isMember: member })) return refuse('forbidden')
    const application = applicationOf(tx, round.value, claimId)
    if (!application) return refuse('not_found')
    const declaration = declarationOf(tx, claimId, actor.userId)
    if (!declaration) return refuse('declaration_required')
    const scoring = { isMember: member, conflicted: declaration.conflicted, companyId: application.companyId, contractorId: application.contractorId }
    if (!can(actor, 'selection:score', scoring)) return refuse('forbidden')
    for (const { key } of round.value.criteria) {
      const score = input.scores[key]
      if (typeof score !== 'number' || !Number.isSafeInteger(score) || score < 0 || score > round.value.scaleMax) {
        return refuse('score_out_of_scale', { field: `scores.${key}`, params: { max: round.value.scaleMax } })
      }
    }
    const before = tx.select().from(selectionScores).where(and(eq(selectionScores.claimId, claimId), eq(selectionScores.userId, actor.userId))).all()
    const now = new Date().toISOString()
    for (const { key } of round.value.criteria) {
      const score = input.scores[key]!
      tx.insert(selectionScores)
        .values({ roundId, claimId, userId: actor.userId, criterion: key, score, scoredAt: now })
        .onConflictDoUpdate({ target: [selectionScores.claimId, selectionScores.userId, selectionScores.criterion], set: { score, scoredAt: now } })
        .run()
    }
    audit(tx, auditActor(actor), 'selection.scored', { type: 'selection_round', id: roundId }, before.length ? before : null, { claimId, scores: input.scores })
    return ok(null)
  })
}

/** Thrown to undo a close when a claim cannot be decided as the ranking says (say, approved). */
class DecisionRefused extends Error {
  constructor(readonly refusal: Refusal<DecisionRefusal>, readonly claimId: number) {
    super(refusal.error)
  }
}

type CloseRefusal = RoundRefusal | 'deadline_not_passed' | 'funding_refused' | 'claim_changed'

/**
 * After the deadline the administration closes the round: the applications are ranked and funded
 * in rank order down to what remains of the programme's budget (ranking.ts); each funded one is
 * approved, each other one rejected with its reason, through the claims' own decision path, so
 * the budget's reservations and ledger are the same as for a claim decided alone. All of it is
 * one transaction: if any funded application cannot be approved (say its affiliation check is
 * missing), nothing is decided and the administration is told which one and why.
 */
export function closeRound(actor: Actor, roundId: number): Result<{ funded: number; declined: number; late: number }, CloseRefusal> {
  if (!can(actor, 'selection:manage')) return refuse('forbidden')
  const t = translator('ru')
  try {
    return db.transaction(
      (tx) => {
        const round = openRoundById(tx, roundId)
        if (!round.ok) return round
        if (!deadlinePassed(round.value)) return refuse('deadline_not_passed', { params: { deadline: round.value.deadline } })
        const programme = tx.select().from(programmes).where(eq(programmes.id, round.value.programmeId)).get()!
        const applications = applicationsOf(tx, round.value)
        for (const a of applications) if (!can(actor, 'claim:decide', { companyId: a.companyId })) return refuse('forbidden')
        const ranking = rankApplications(
          applications.map((a): Application => ({ claimId: a.id, submittedAt: a.submittedAt!, requestedKopecks: a.requestedKopecks ?? 0, sheets: sheetsOf(tx, a.id) })),
          round.value.criteria,
          programme.totalBudgetKopecks - programme.reservedKopecks - programme.paidKopecks,
        )
        // Claims submitted after the deadline (before the round was opened with a past one) are no
        // applications: they are declined as late, so that nothing is left waiting on a closed round.
        const inRound = new Set(applications.map((a) => a.id))
        const late = tx
          .select({ id: compensationClaims.id, revision: compensationClaims.revision })
          .from(compensationClaims)
          .where(and(eq(compensationClaims.programmeId, programme.id), eq(compensationClaims.status, 'submitted')))
          .all()
          .filter((c) => !inRound.has(c.id))
        for (const claim of late) {
          const declined = decideWithin(tx, actor, claim.id, { decision: 'reject', reason: t('selection.reason.late', { deadline: formatDate(`${round.value.deadline}T12:00:00Z`, 'ru') }), revision: claim.revision })
          if (!declined.ok) throw new DecisionRefused(declined, claim.id)
        }
        const revisionOf = new Map(applications.map((a) => [a.id, a.revision]))
        for (const result of ranking.applications) {
          const score = result.scoreHundredths === null ? '' : formatScore(result.scoreHundredths, 'ru')
          const reason = t(`selection.reason.${result.outcome}`, { rank: result.rank, score })
          const decided = decideWithin(tx, actor, result.claimId, { decision: result.outcome === 'funded' ? 'approve' : 'reject', reason, revision: revisionOf.get(result.claimId)! })
          if (!decided.ok) throw new DecisionRefused(decided, result.claimId)
          tx.insert(selectionResults).values({ roundId, ...result }).run()
        }
        const now = new Date().toISOString()
        const closed = tx.update(selectionRounds).set({ status: 'closed', closedAt: now, closedBy: actor.userId }).where(and(eq(selectionRounds.id, roundId), eq(selectionRounds.status, 'open'))).returning().get()
        if (!closed) throw new ConcurrentChange()
        audit(tx, auditActor(actor), 'selection.round_closed', { type: 'selection_round', id: roundId }, round.value, { ...closed, fundedKopecks: ranking.fundedKopecks, cutOffAfterRank: ranking.cutOffAfterRank })
        const funded = ranking.applications.filter((a) => a.outcome === 'funded').length
        return ok({ funded, declined: ranking.applications.length - funded, late: late.length })
      },
      { behavior: 'immediate' },
    )
  } catch (error) {
    if (error instanceof ConcurrentChange) return refuse('claim_changed')
    if (error instanceof DecisionRefused) return refuse('funding_refused', { params: { claim: error.claimId, reason: error.refusal.error } })
    throw error
  }
}

/** Every member's scores of one application, as sheets of criterion → score. */
export function sheetsOf(tx: DbOrTx, claimId: number) {
  const rows = tx.select().from(selectionScores).where(eq(selectionScores.claimId, claimId)).orderBy(asc(selectionScores.id)).all()
  const sheets = new Map<string, Record<string, number>>()
  for (const row of rows) sheets.set(row.userId, { ...sheets.get(row.userId), [row.criterion]: row.score })
  return [...sheets].map(([userId, scores]) => ({ userId, scores }))
}
