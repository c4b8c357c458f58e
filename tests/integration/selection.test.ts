import { eq } from 'drizzle-orm'
import { compensationClaims, conflictDeclarations, programmeLedger, programmes, selectionRounds, selectionScores } from '#db/schema'
import { db } from '~/db.server'
import { regionToday } from '~/modules/calendar/calendar'
import { createClaim, submitClaim } from '~/modules/claims/claims.server'
import { decideClaim } from '~/modules/claims/decide.server'
import { statusOf } from '~/modules/http/respond.server'
import type { Actor } from '~/modules/permissions/actor'
import { can } from '~/modules/permissions/can'
import { roundProtocol, roundView, selectionOfClaim } from '~/modules/selection/queries.server'
import { addCommissionMember, closeRound, declareConflict, openRound, scoreApplication } from '~/modules/selection/round.server'
import { memberOf } from '../factories/actors'
import { clearAffiliation, confirmedContract, daysFromToday, declareUnaffiliated, openProgramme, reviewer, rub, stateLab, verifiedCompany } from '../factories/contracts'

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`refused: ${result.error}`)
  return result.value
}

const claimRow = (id: number) => db.select().from(compensationClaims).where(eq(compensationClaims.id, id)).get()!
const scoresOf = (claimId: number) => db.select().from(selectionScores).where(eq(selectionScores.claimId, claimId)).all()
const weights = { scientific_level: 4, economic_effect: 3, co_funding: 2, readiness: 1 }
/** The same mark on every criterion: the weighted mean is then the mark itself. */
const flat = (score: number) => ({ scientific_level: score, economic_effect: score, co_funding: score, readiness: score })

/**
 * Five companies, each with a claim of 500 000 ₽ (50 % of a 1 000 000 ₽ payment to a state lab),
 * under a programme whose 1 600 000 ₽ budget covers three of them; a two-member commission.
 */
async function competitiveRound() {
  const admin = await reviewer()
  const colleague = await memberOf(admin)
  const lab = await stateLab()
  const programmeId = openProgramme(admin, { totalBudget: rub(1_600_000) })
  const { roundId } = expectOk(openRound(admin, programmeId, { deadline: regionToday(), scaleMax: 10, weights }))
  const companies: Actor[] = []
  const claimIds: number[] = []
  for (let i = 0; i < 5; i++) {
    const company = await verifiedCompany()
    const contract = confirmedContract(company, lab, { payments: [{ amount: rub(1_000_000) }] })
    const { claimId } = expectOk(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: contract.paymentIds }))
    declareUnaffiliated(company, claimId)
    expectOk(submitClaim(company, claimId))
    companies.push(company)
    claimIds.push(claimId)
  }
  expectOk(addCommissionMember(admin, roundId, { userId: admin.userId }))
  expectOk(addCommissionMember(admin, roundId, { userId: colleague.userId }))
  return { admin, colleague, lab, programmeId, roundId, companies, claimIds }
}

afterEach(() => {
  vi.useRealTimers()
})

/** The day after the deadline, when the round may be closed. */
function afterDeadline() {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now() + 2 * 24 * 3600 * 1000)
}

describe('a competitive round', () => {
  it('with five applications and budget for three funds the top three in rank order, declines the rest with a reason, and produces the protocol', async () => {
    const { admin, colleague, programmeId, roundId, companies, claimIds } = await competitiveRound()
    expect(db.select().from(programmes).where(eq(programmes.id, programmeId)).get()!.selectionMode).toBe('competitive')
    // A competitive programme's claims are not decided one by one.
    expect(decideClaim(admin, claimIds[0], { decision: 'approve', reason: 'Одобрить вне очереди', revision: claimRow(claimIds[0]).revision })).toMatchObject({ ok: false, error: 'decided_by_selection' })

    // Ranks by the mean of both members: claim 2 (9), 0 (8), 4 (7), 1 (6), 3 (5).
    const marks = [8, 6, 9, 5, 7]
    for (const [i, claimId] of claimIds.entries()) {
      for (const member of [admin, colleague]) {
        expectOk(declareConflict(member, roundId, claimId, { conflicted: false }))
        expectOk(scoreApplication(member, roundId, claimId, { scores: flat(member === admin ? marks[i] + 1 : marks[i] - 1) }))
      }
    }
    expect(expectOk(roundView(admin, programmeId)).applications.map((a) => a.sheetCount)).toEqual([2, 2, 2, 2, 2])
    expect(closeRound(admin, roundId)).toMatchObject({ ok: false, error: 'deadline_not_passed' })
    for (const id of claimIds) clearAffiliation(admin, id)

    afterDeadline()
    expect(closeRound(admin, roundId)).toEqual({ ok: true, value: { funded: 3, declined: 2, late: 0 } })

    const funded = [claimIds[2], claimIds[0], claimIds[4]]
    for (const id of funded) expect(claimRow(id)).toMatchObject({ status: 'approved', approvedKopecks: rub(500_000) })
    for (const id of [claimIds[1], claimIds[3]]) expect(claimRow(id)).toMatchObject({ status: 'rejected' })
    expect(claimRow(claimIds[1]).decisionReason).toContain('ниже границы финансирования')
    expect(claimRow(claimIds[2]).decisionReason).toContain('1-е место, итоговый балл 9,00')
    // The budget and its ledger moved exactly as three single approvals would have moved them.
    const programme = db.select().from(programmes).where(eq(programmes.id, programmeId)).get()!
    expect(programme.reservedKopecks).toBe(rub(1_500_000))
    const ledger = db.select().from(programmeLedger).where(eq(programmeLedger.programmeId, programmeId)).all()
    expect(ledger.map((m) => [m.kind, m.claimId, m.amountKopecks]).sort()).toEqual(funded.map((id) => ['reserved', id, rub(500_000)]).sort())

    const protocol = expectOk(roundProtocol(admin, programmeId))
    expect(protocol.applications.map((a) => [a.claimId, a.rank, a.scoreHundredths, a.outcome])).toEqual([
      [claimIds[2], 1, 900, 'funded'],
      [claimIds[0], 2, 800, 'funded'],
      [claimIds[4], 3, 700, 'funded'],
      [claimIds[1], 4, 600, 'below_cutoff'],
      [claimIds[3], 5, 500, 'below_cutoff'],
    ])
    expect(protocol.cutOffAfterRank).toBe(3)
    expect(protocol.fundedKopecks).toBe(rub(1_500_000))
    expect(protocol.members.map((m) => m.userId)).toEqual([admin.userId, colleague.userId])
    expect(protocol.applications[0].sheets.map((s) => [s.totalHundredths, s.scores?.scientific_level])).toEqual([
      [1000, 10],
      [800, 8],
    ])
    expect(protocol.round).toMatchObject({ status: 'closed', closedBy: admin.userId })

    // Each company sees where it ended.
    expect(expectOk(selectionOfClaim(companies[2], claimIds[2]))).toMatchObject({ state: 'decided', rank: 1, outcome: 'funded', applicationCount: 5 })
    expect(expectOk(selectionOfClaim(companies[3], claimIds[3]))).toMatchObject({ state: 'decided', rank: 5, scoreHundredths: 500, outcome: 'below_cutoff' })
    expect(selectionOfClaim(companies[0], claimIds[3])).toMatchObject({ ok: false, error: 'not_found' })
    // A closed round takes no more scores.
    expect(scoreApplication(admin, roundId, claimIds[3], { scores: flat(10) })).toMatchObject({ ok: false, error: 'round_closed' })
  })

  it('refuses a commission member who declared a conflict of interest (403) and saves nothing', async () => {
    const { colleague, roundId, claimIds } = await competitiveRound()
    const claimId = claimIds[0]
    // Scoring comes after the declaration.
    const undeclared = scoreApplication(colleague, roundId, claimId, { scores: flat(7) })
    expect(undeclared).toMatchObject({ ok: false, error: 'declaration_required' })
    expectOk(declareConflict(colleague, roundId, claimId, { conflicted: true, note: 'Работал в компании-заявителе до 2025 года.' }))
    const refused = scoreApplication(colleague, roundId, claimId, { scores: flat(7) })
    expect(refused).toMatchObject({ ok: false, error: 'forbidden' })
    expect(statusOf(refused as { ok: false; error: string })).toBe(403)
    expect(scoresOf(claimId)).toEqual([])
    // The declaration stands: it cannot be taken back to score after all.
    expect(declareConflict(colleague, roundId, claimId, { conflicted: false })).toMatchObject({ ok: false, error: 'already_declared' })
    expect(db.select().from(conflictDeclarations).where(eq(conflictDeclarations.claimId, claimId)).all()).toHaveLength(1)
  })

  it('refuses a person outside the commission, and a member whose own organisation is a party to the application', async () => {
    const { admin, companies, lab, roundId, claimIds } = await competitiveRound()
    // The rule itself, for a member who works for either party (the company, or its contractor).
    const parties = { isMember: true, conflicted: false, companyId: companies[0].organisationId!, contractorId: lab.organisationId! }
    expect(can(admin, 'selection:score', parties)).toBe(true)
    expect(can({ ...admin, organisationId: companies[0].organisationId }, 'selection:score', parties)).toBe(false)
    expect(can({ ...admin, organisationId: lab.organisationId }, 'selection:score', parties)).toBe(false)
    const outsider = await memberOf(admin)
    expect(declareConflict(outsider, roundId, claimIds[0], { conflicted: false })).toMatchObject({ ok: false, error: 'forbidden' })
    // Only the administration's own people sit on the commission.
    expect(addCommissionMember(admin, roundId, { userId: companies[0].userId })).toMatchObject({ ok: false, error: 'not_administration_member' })
    expect(scoresOf(claimIds[0])).toEqual([])
  })

  it('refuses scores outside the scale (400) and saves nothing', async () => {
    const { admin, roundId, claimIds } = await competitiveRound()
    const claimId = claimIds[0]
    expectOk(declareConflict(admin, roundId, claimId, { conflicted: false }))
    for (const bad of [11, -1, 7.5]) {
      const refused = scoreApplication(admin, roundId, claimId, { scores: { ...flat(7), economic_effect: bad } })
      expect(refused).toMatchObject({ ok: false, error: 'score_out_of_scale', field: 'scores.economic_effect', params: { max: 10 } })
      expect(statusOf(refused as { ok: false; error: string })).toBe(400)
    }
    // A sheet missing a criterion is refused the same way.
    expect(scoreApplication(admin, roundId, claimId, { scores: { scientific_level: 7 } })).toMatchObject({ ok: false, error: 'score_out_of_scale' })
    expect(scoresOf(claimId)).toEqual([])
    expectOk(scoreApplication(admin, roundId, claimId, { scores: flat(10) }))
    expect(scoresOf(claimId)).toHaveLength(4)
  })

  it('is not closed at all when a funded application cannot be approved: no decision, no reservation', async () => {
    const { admin, programmeId, roundId, claimIds } = await competitiveRound()
    for (const claimId of claimIds) {
      expectOk(declareConflict(admin, roundId, claimId, { conflicted: false }))
      expectOk(scoreApplication(admin, roundId, claimId, { scores: flat(5) }))
    }
    // The administration checked affiliation on every claim but the first.
    for (const id of claimIds.slice(1)) clearAffiliation(admin, id)
    afterDeadline()
    expect(closeRound(admin, roundId)).toMatchObject({ ok: false, error: 'funding_refused', params: { claim: claimIds[0], reason: 'affiliation_not_checked' } })
    for (const id of claimIds) expect(claimRow(id).status).toBe('submitted')
    expect(db.select().from(programmes).where(eq(programmes.id, programmeId)).get()!.reservedKopecks).toBe(0)
    expect(db.select().from(selectionRounds).where(eq(selectionRounds.id, roundId)).get()!.status).toBe('open')
  })

  it('takes no application after its deadline, and declines as late a claim submitted after it before the round was opened', async () => {
    const admin = await reviewer()
    const lab = await stateLab()
    const programmeId = openProgramme(admin)
    const filed = async () => {
      const company = await verifiedCompany()
      const contract = confirmedContract(company, lab, { payments: [{ amount: rub(1_000_000) }] })
      const { claimId } = expectOk(createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: contract.paymentIds }))
      declareUnaffiliated(company, claimId)
      return { company, claimId }
    }
    const early = await filed()
    expectOk(submitClaim(early.company, early.claimId))
    const { roundId } = expectOk(openRound(admin, programmeId, { deadline: daysFromToday(-1), scaleMax: 10, weights }))
    const after = await filed()
    expect(submitClaim(after.company, after.claimId)).toMatchObject({ ok: false, error: 'round_deadline_passed' })
    expect(claimRow(after.claimId).status).toBe('draft')
    // Submitted today, after yesterday's deadline: not an application.
    expect(expectOk(roundView(admin, programmeId)).applications).toEqual([])
    expect(closeRound(admin, roundId)).toEqual({ ok: true, value: { funded: 0, declined: 0, late: 1 } })
    expect(claimRow(early.claimId)).toMatchObject({ status: 'rejected' })
    expect(claimRow(early.claimId).decisionReason).toContain('подана после крайнего срока')
  })
})
