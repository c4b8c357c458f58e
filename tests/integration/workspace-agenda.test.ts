import { eq } from 'drizzle-orm'
import { compensationClaims, matches } from '#db/schema'
import { db } from '~/db.server'
import { createClaim, submitClaim } from '~/modules/claims/claims.server'
import { decideClaim, markClaimPaid } from '~/modules/claims/decide.server'
import { addIndicator, recordAgreement, recordReturnReceived, recordShortfall, scheduleReport, submitReport } from '~/modules/agreements/agreements.server'
import { regionToday } from '~/modules/calendar/calendar'
import { addCommissionMember, closeRound, declareConflict, openRound, scoreApplication } from '~/modules/selection/round.server'
import { recordAct, recordPayment } from '~/modules/contracts/execution.server'
import { registerContract } from '~/modules/contracts/register.server'
import { declineEngagement } from '~/modules/engagements/engagements.server'
import { archiveLab, createLab } from '~/modules/labs/labs.server'
import { changeRequestStatus, createRequest } from '~/modules/requests/requests.server'
import { menuCounts } from '~/modules/workspace/current-agenda.server'
import { administrationAgenda, companyAgenda, labAgenda, waitingByPath, type AgendaSection } from '~/modules/workspace/agenda.server'
import { CLAIM_REVIEW_DAYS, reviewDeadlineOf } from '~/modules/workspace/deadlines'
import { navigationFor } from '~/modules/workspace/navigation'
import { actorWithOrganisation, memberOf } from '../factories/actors'
import { labInput, requestInput } from '../factories/catalogue'
import { clearAffiliation, confirmedContract, daysFromToday, declareUnaffiliated, engagementBetween, openProgramme, pdf, reviewer, rub, stateLab, terms, verifiedCompany } from '../factories/contracts'

const itemsOf = (sections: AgendaSection[], kind: AgendaSection['kind']) => sections.find((s) => s.kind === kind)?.items ?? []
const DAY = 86_400_000

/** A published request of the company and an active lab of the science organisation, proposed to each other and new to both. */
function proposedPair(company: Awaited<ReturnType<typeof verifiedCompany>>, science: Awaited<ReturnType<typeof stateLab>>) {
  const request = createRequest(company, requestInput())
  const lab = createLab(science, labInput())
  if (!request.ok || !lab.ok) throw new Error('set-up failed')
  changeRequestStatus(company, request.value.id, 'publish')
  // The matcher's own output is tested in matching.test.ts; here a proposal is the row it leaves.
  db.insert(matches).values({ requestId: request.value.id, labId: lab.value.id, score: 0.8, components: {}, explanation: {}, requestRank: 1, labRank: 1 }).run()
  return { requestId: request.value.id, labId: lab.value.id }
}

/** A new company's claim under the programme, for a payment to a state lab, declared unaffiliated and submitted. */
async function submittedClaim(programmeId: number) {
  const company = await verifiedCompany()
  const { contractId, paymentIds } = confirmedContract(company, await stateLab())
  const created = createClaim(company, { programmeId, contractId, paymentIds })
  if (!created.ok) throw new Error(created.error)
  const { claimId } = created.value
  declareUnaffiliated(company, claimId)
  const submitted = submitClaim(company, claimId)
  if (!submitted.ok) throw new Error(submitted.error)
  return { company, claimId }
}

describe('the workspaces’ “what needs me now”', () => {
  it('lists a new proposal to both sides, linking to the matches of the request and of the lab, and drops it once the lab is archived', async () => {
    const company = await verifiedCompany()
    const science = await stateLab()
    const { requestId, labId } = proposedPair(company, science)

    expect(itemsOf(companyAgenda(company), 'proposals')).toEqual([expect.objectContaining({ href: `/matches?request=${requestId}&status=new`, count: 1 })])
    expect(itemsOf(labAgenda(science), 'proposals')).toEqual([expect.objectContaining({ href: `/matches?lab=${labId}&status=new`, count: 1 })])

    expect(archiveLab(science, labId)).toMatchObject({ ok: true })
    expect(itemsOf(companyAgenda(company), 'proposals')).toEqual([])
    expect(itemsOf(labAgenda(science), 'proposals')).toEqual([])
  })

  it('drops a proposal from both sides once its request is closed', async () => {
    const company = await verifiedCompany()
    const science = await stateLab()
    const { requestId } = proposedPair(company, science)
    expect(changeRequestStatus(company, requestId, 'close')).toMatchObject({ ok: true })
    expect(itemsOf(companyAgenda(company), 'proposals')).toEqual([])
    expect(itemsOf(labAgenda(science), 'proposals')).toEqual([])
  })

  it('asks each side of an engagement in discussion to agree, and forgets it once one side declines', async () => {
    const company = await verifiedCompany()
    const science = await stateLab()
    const engagementId = engagementBetween(company, science, 'discussion')

    expect(itemsOf(companyAgenda(company), 'engagements')).toEqual([expect.objectContaining({ href: `/engagements/${engagementId}`, step: 'workspace.step.agree' })])
    expect(itemsOf(labAgenda(science), 'engagements')).toEqual([expect.objectContaining({ href: `/engagements/${engagementId}`, step: 'workspace.step.agree' })])

    expect(declineEngagement(science, engagementId, { reason: 'capacity' })).toMatchObject({ ok: true })
    expect(itemsOf(companyAgenda(company), 'engagements')).toEqual([])
    expect(itemsOf(labAgenda(science), 'engagements')).toEqual([])
  })

  it('sends the company from an agreed engagement to register its contract, and the lab to confirm it once registered', async () => {
    const company = await verifiedCompany()
    const science = await stateLab()
    const engagementId = engagementBetween(company, science, 'agreed')
    expect(itemsOf(companyAgenda(company), 'engagements')).toEqual([expect.objectContaining({ href: `/contracts/new?engagement=${engagementId}`, step: 'workspace.step.registerContract' })])

    const registered = registerContract(company, { ...terms(), contractorId: science.organisationId!, engagementId, document: pdf('contract.pdf') })
    if (!registered.ok) throw new Error(registered.error)
    const contractId = registered.value.contractId
    expect(itemsOf(companyAgenda(company), 'engagements')).toEqual([])
    // The party that proposed the terms waits; the other confirms.
    expect(itemsOf(companyAgenda(company), 'contracts')).toEqual([])
    expect(itemsOf(labAgenda(science), 'contracts')).toEqual([expect.objectContaining({ href: `/contracts/${contractId}`, step: 'workspace.step.confirmContract' })])
  })

  it('asks the company to confirm an act the lab recorded, and the lab to confirm a payment the company recorded', async () => {
    const company = await verifiedCompany()
    const science = await stateLab()
    const { contractId } = confirmedContract(company, science, { acts: false, payments: [] })
    const act = recordAct(science, contractId, { stageNumber: 1, number: 'А-1', signedOn: '2025-06-01', amount: rub(1_000_000), document: pdf('act.pdf') })
    if (!act.ok) throw new Error(act.error)
    expect(itemsOf(companyAgenda(company), 'execution')).toEqual([expect.objectContaining({ key: `act-${act.value.actId}`, href: `/contracts/${contractId}`, step: 'workspace.step.confirmAct' })])
    expect(itemsOf(labAgenda(science), 'execution')).toEqual([])

    const payment = recordPayment(company, contractId, { paidOn: '2025-06-10', amount: rub(1_000_000), orderNumber: '101', document: pdf('order.pdf') })
    if (!payment.ok) throw new Error(payment.error)
    expect(itemsOf(labAgenda(science), 'execution')).toEqual([expect.objectContaining({ key: `payment-${payment.value.paymentId}`, step: 'workspace.step.confirmPayment' })])
    expect(itemsOf(companyAgenda(company), 'execution')).toHaveLength(1)
  })

  it('shows the administration a submitted claim with its age against the review deadline, and the company the decision once taken', async () => {
    const admin = await reviewer()
    const programmeId = openProgramme(admin)
    const { company, claimId } = await submittedClaim(programmeId)

    const later = new Date(Date.now() + (CLAIM_REVIEW_DAYS + 2) * DAY)
    const waiting = itemsOf(administrationAgenda(admin, later), 'reviewClaims').find((i) => i.key === `claim-${claimId}`)
    expect(waiting).toMatchObject({ href: `/admin/claims/${claimId}`, review: { ageDays: CLAIM_REVIEW_DAYS + 2, overdue: true } })
    expect(itemsOf(administrationAgenda(admin), 'budgets').find((i) => i.key === `programme-${programmeId}`)).toMatchObject({ budget: { total: rub(100_000_000), remaining: rub(100_000_000) } })

    const claim = db.select().from(compensationClaims).where(eq(compensationClaims.id, claimId)).get()!
    expect(decideClaim(admin, claimId, { decision: 'return', reason: 'Приложите акт к платежу.', revision: claim.revision })).toMatchObject({ ok: true })
    expect(itemsOf(administrationAgenda(admin), 'reviewClaims').find((i) => i.key === `claim-${claimId}`)).toBeUndefined()
    expect(itemsOf(companyAgenda(company), 'claims')).toEqual([expect.objectContaining({ href: `/claims/${claimId}`, step: 'workspace.step.claim.returned' })])
  })

  it('reminds the company of a results report and a return, and asks the administration to review the report and await the return', async () => {
    const admin = await reviewer()
    const { company, claimId } = await submittedClaim(openProgramme(admin))
    clearAffiliation(admin, claimId)
    const revision = () => db.select().from(compensationClaims).where(eq(compensationClaims.id, claimId)).get()!.revision
    expect(decideClaim(admin, claimId, { decision: 'approve', reason: 'Условия соблюдены.', revision: revision() })).toMatchObject({ ok: true })
    expect(markClaimPaid(admin, claimId, { paidOn: regionToday(), orderNumber: 'ПП-1', revision: revision() })).toMatchObject({ ok: true })
    recordAgreement(admin, claimId, { number: 'С-7/2026', signedOn: regionToday() })
    const indicator = addIndicator(admin, claimId, { name: 'Новые рабочие места', unit: 'чел.', targetValue: 4, dueOn: daysFromToday(20) })
    const report = scheduleReport(admin, claimId, { dueOn: daysFromToday(30) })
    if (!indicator.ok || !report.ok) throw new Error('set-up failed')
    const { reportId } = report.value

    expect(itemsOf(companyAgenda(company), 'reports')).toEqual([
      expect.objectContaining({ key: `report-${reportId}`, href: `/claims/${claimId}#reports`, step: 'workspace.step.fileReport', date: daysFromToday(30), overdue: false }),
    ])
    // Not filed on time: the company's item turns overdue and the administration sees it too.
    const late = new Date(Date.now() + 40 * DAY)
    expect(itemsOf(companyAgenda(company, late), 'reports')[0]).toMatchObject({ overdue: true })
    expect(itemsOf(administrationAgenda(admin), 'reports').find((i) => i.key === `report-${reportId}`)).toBeUndefined()
    expect(itemsOf(administrationAgenda(admin, late), 'reports').find((i) => i.key === `report-${reportId}`)).toMatchObject({ step: 'workspace.step.reportOverdue', overdue: true })

    expect(submitReport(company, claimId, reportId, { achieved: { [indicator.value.indicatorId]: 1 }, document: pdf('отчёт.pdf') })).toMatchObject({ ok: true })
    expect(itemsOf(companyAgenda(company), 'reports')).toEqual([])
    expect(itemsOf(administrationAgenda(admin), 'reports').find((i) => i.key === `report-${reportId}`)).toMatchObject({ href: `/admin/claims/${claimId}#reports`, step: 'workspace.step.reviewReport', overdue: false })

    const shortfall = recordShortfall(admin, claimId, reportId, { note: 'Создано одно место из четырёх.' })
    if (!shortfall.ok) throw new Error(shortfall.error)
    const { returnId } = shortfall.value
    expect(itemsOf(companyAgenda(company), 'reports')).toEqual([expect.objectContaining({ key: `return-${returnId}`, step: 'workspace.step.returnDemanded' })])
    expect(waitingByPath(companyAgenda(company))['/claims']).toBeGreaterThanOrEqual(1)
    expect(itemsOf(administrationAgenda(admin), 'reports').map((i) => i.key)).toContain(`return-${returnId}`)

    expect(recordReturnReceived(admin, claimId, returnId, { returnedOn: regionToday(), orderNumber: '15' })).toMatchObject({ ok: true })
    expect(itemsOf(companyAgenda(company), 'reports')).toEqual([])
    expect(itemsOf(administrationAgenda(admin), 'reports').map((i) => i.key)).not.toContain(`return-${returnId}`)
  })

  it('asks a commission member to score a round’s applications, then every administrator to close it once past its deadline, overdue after the review period, and forgets it once closed', async () => {
    const admin = await reviewer()
    const colleague = await memberOf(admin)
    const programmeId = openProgramme(admin)
    const { company, claimId } = await submittedClaim(programmeId)
    const reviewKeys = () => itemsOf(administrationAgenda(admin), 'reviewClaims').map((i) => i.key)
    expect(reviewKeys()).toContain(`claim-${claimId}`)
    const opened = openRound(admin, programmeId, { deadline: regionToday(), scaleMax: 10, weights: { scientific_level: 1 } })
    if (!opened.ok) throw new Error(opened.error)
    // Its claims are decided by closing the round, not one by one: they leave "claims waiting".
    expect(reviewKeys()).not.toContain(`claim-${claimId}`)
    const { roundId } = opened.value
    const href = `/admin/programmes/${programmeId}/round`
    // Before the deadline the round needs only its commission, and it has none yet.
    expect(itemsOf(administrationAgenda(admin), 'rounds')).toEqual([])

    expect(addCommissionMember(admin, roundId, { userId: admin.userId })).toMatchObject({ ok: true })
    expect(itemsOf(administrationAgenda(admin), 'rounds')).toEqual([expect.objectContaining({ key: `round-${roundId}`, href, step: 'workspace.step.scoreApplications', count: 1 })])
    expect(itemsOf(administrationAgenda(colleague), 'rounds')).toEqual([])
    const menu = navigationFor(admin, menuCounts(admin)).flatMap((g) => g.items)
    expect(menu.find((i) => i.to === '/admin/programmes')).toMatchObject({ waiting: 1 })

    expect(declareConflict(admin, roundId, claimId, { conflicted: false })).toMatchObject({ ok: true })
    expect(itemsOf(administrationAgenda(admin), 'rounds')).toEqual([expect.objectContaining({ step: 'workspace.step.scoreApplications', count: 1 })])
    expect(scoreApplication(admin, roundId, claimId, { scores: { scientific_level: 7 } })).toMatchObject({ ok: true })
    expect(itemsOf(administrationAgenda(admin), 'rounds')).toEqual([])

    const afterDeadline = new Date(Date.now() + 2 * DAY)
    for (const person of [admin, colleague]) {
      expect(itemsOf(administrationAgenda(person, afterDeadline), 'rounds')).toEqual([expect.objectContaining({ href, step: 'workspace.step.closeRound', review: expect.objectContaining({ ageDays: 2, overdue: false }) })])
    }
    const overdue = new Date(Date.now() + (CLAIM_REVIEW_DAYS + 2) * DAY)
    expect(itemsOf(administrationAgenda(admin, overdue), 'rounds')[0]).toMatchObject({ review: { ageDays: CLAIM_REVIEW_DAYS + 2, overdue: true } })
    expect(companyAgenda(company).map((s) => s.kind)).not.toContain('rounds')

    clearAffiliation(admin, claimId)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(afterDeadline)
      expect(closeRound(admin, roundId)).toMatchObject({ ok: true })
    } finally {
      vi.useRealTimers()
    }
    expect(itemsOf(administrationAgenda(admin, overdue), 'rounds')).toEqual([])
  })

  it('counts what waits per menu entry, and shows a stranger nothing of another organisation’s work', async () => {
    const company = await verifiedCompany()
    const science = await stateLab()
    engagementBetween(company, science, 'discussion')
    proposedPair(company, science)
    expect(menuCounts(company)).toMatchObject({ workspace: 2, '/engagements': 1, '/matches': 1 })

    const stranger = await actorWithOrganisation()
    expect(menuCounts(stranger)).toMatchObject({ workspace: 0 })
    expect(menuCounts(null)).toEqual({ workspace: 0 })
  })

  it('the menu’s counts, kept between pages, follow the next change at once', async () => {
    const company = await verifiedCompany()
    const science = await stateLab()
    expect(menuCounts(company)).toMatchObject({ workspace: 0 })
    proposedPair(company, science)
    expect(menuCounts(company)).toMatchObject({ workspace: 1, '/matches': 1 })
  })
})

describe('the review deadline', () => {
  it('counts whole days since submission and is past only after the review period', () => {
    const submitted = '2026-03-01T09:00:00.000Z'
    expect(reviewDeadlineOf(submitted, new Date('2026-03-31T08:59:59.000Z'))).toMatchObject({ ageDays: 29, overdue: false })
    expect(reviewDeadlineOf(submitted, new Date('2026-03-31T09:00:01.000Z'))).toMatchObject({ ageDays: 30, overdue: true, dueOn: '2026-03-31T09:00:00.000Z' })
  })
})
