import { eq } from 'drizzle-orm'
import type { Tx } from '#db/client'
import {
  acceptanceActs,
  auditEvents,
  claimPayments,
  compensationClaims,
  contractPayments,
  contracts,
  contractStages,
  contractVersions,
  programmes,
  users,
  programmeLedger,
} from '#db/schema'
import { demoContracts, demoPdf, demoProgrammes, transliterate, type DemoContract } from '#db/seed/demo-contracts'
import { computeEligibleAmount, vatIncluded } from '../claims/eligible-amount'
import { categoryRulesOf } from '../claims/rules'
import type { SeededOrganisations } from '../demo/seed.server'
import { insertDocument, prepareDocument } from '../documents/store.server'
import type { Actor } from '../permissions/actor'
import { vatOf } from './terms'

// The demo contracts, their execution, the regional programme and claims in every status. Written
// directly rather than through the domain functions, so that the history carries the demo's dates
// and nobody is sent notifications about events that happened "months ago".

const kopecks = (roubles: number) => Math.round(roubles * 100)
const at = (date: string, hour = 4) => (date.length > 10 ? date : `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`)

export type Who = { userId: string | null; organisationId: number | null }

export function trail(tx: Tx, when: string, who: Who, action: string, entity: { type: string; id: number }, before: unknown, after: unknown) {
  tx.insert(auditEvents)
    .values({ at: when, actorUserId: who.userId, actorOrganisationId: who.organisationId, action, entityType: entity.type, entityId: String(entity.id), before: before ?? null, after: after ?? null })
    .run()
}

/** A demo scan: a one-page PDF stored like any upload, by its content hash. */
function scan(tx: Tx, who: Who, name: string, lines: string[]): number {
  const bytes = demoPdf(lines)
  // A slash in a document number would read as a folder in a file name.
  const prepared = prepareDocument({ name: name.replace(/[/\\]/g, '-'), size: bytes.length, bytes })
  if (!prepared.ok) throw new Error(`demo document refused: ${prepared.error}`)
  return insertDocument(tx, { userId: who.userId!, organisationId: who.organisationId } as Actor, prepared.value)
}

export function seedContracts(tx: Tx, organisations: SeededOrganisations): { contracts: number; claims: number; programmes: number } {
  const idOf = (key: string) => {
    const id = organisations.ids.get(key)
    if (!id) throw new Error(`demo data names an unknown organisation "${key}"`)
    return id
  }
  const ownerOf = (key: string): Who => ({ userId: organisations.owners.get(key) ?? null, organisationId: idOf(key) })
  const administration = ownerOf('administration')
  const reviewerId = tx.select({ id: users.id }).from(users).where(eq(users.email, 'reviewer@demo.test')).get()?.id ?? administration.userId
  const reviewer: Who = { userId: reviewerId, organisationId: administration.organisationId }

  const programmeIds = new Map<string, number>()
  for (const p of demoProgrammes) {
    const programme = tx
      .insert(programmes)
      .values({
        year: p.year,
        title: p.title,
        description: p.description,
        totalBudgetKopecks: kopecks(p.budget),
        shareBp: p.shareBp,
        capPerClaimKopecks: kopecks(p.capPerClaim),
        capPerCompanyKopecks: kopecks(p.capPerCompany),
        eligibleContractorKinds: ['state_university', 'ras_institute', 'state_research_org'],
        requiredDocuments: ['contract', 'acceptance_act', 'payment_order'],
        contractsFrom: p.contractsFrom,
        contractsTo: p.contractsTo,
        paymentsFrom: p.paymentsFrom,
        paymentsTo: p.paymentsTo,
        opensOn: p.opensOn,
        closesOn: p.closesOn,
        createdBy: administration.userId!,
        createdAt: p.createdAt,
        updatedAt: p.createdAt,
      })
      .returning()
      .get()
    programmeIds.set(p.key, programme.id)
    trail(tx, p.createdAt, administration, 'programme.created', { type: 'programme', id: programme.id }, null, programme)
  }

  let claimCount = 0
  for (const demo of demoContracts) {
    claimCount += seedContract(tx, demo, ownerOf(demo.companyKey), ownerOf(demo.contractorKey), reviewer, programmeIds)
  }
  return { contracts: demoContracts.length, claims: claimCount, programmes: demoProgrammes.length }
}

/** One demo contract with its execution and claims; `engagementId` when it came from an engagement on the platform. */
export function seedContract(tx: Tx, demo: DemoContract, company: Who, contractor: Who, reviewer: Who, programmeIds: Map<string, number>, engagementId: number | null = null): number {
  const latin = transliterate(demo.number)
  const registeredAt = at(demo.signedOn, 3)
  const documentId = scan(tx, company, `Договор ${demo.number}.pdf`, [`Contract No. ${latin}`, `Date: ${demo.signedOn}`, 'Demo document of the R&D marketplace'])
  const price = kopecks(demo.stages.reduce((s, x) => s + x.amount, 0))
  const vat = vatOf({ price, vatMode: demo.vat.mode, vatRate: demo.vat.mode === 'rate' ? demo.vat.rateBp : undefined })
  const contract = tx
    .insert(contracts)
    .values({ companyId: company.organisationId!, contractorId: contractor.organisationId!, engagementId, status: 'awaiting_confirmation', createdBy: company.userId!, createdAt: registeredAt, updatedAt: registeredAt })
    .returning()
    .get()
  const confirmedAt = at(demo.signedOn, 9)
  const version = tx
    .insert(contractVersions)
    .values({
      contractId: contract.id,
      version: 1,
      number: demo.number,
      signedOn: demo.signedOn,
      subject: demo.subject,
      priceKopecks: price,
      vatMode: demo.vat.mode,
      vatRateBp: vat.vatRateBp,
      vatKopecks: vat.vatKopecks,
      startsOn: demo.startsOn,
      endsOn: demo.endsOn,
      documentId,
      status: demo.awaitingConfirmation ? 'proposed' : 'confirmed',
      proposedByOrganisationId: company.organisationId!,
      proposedBy: company.userId!,
      companyConfirmedAt: registeredAt,
      companyConfirmedBy: company.userId,
      contractorConfirmedAt: demo.awaitingConfirmation ? null : confirmedAt,
      contractorConfirmedBy: demo.awaitingConfirmation ? null : contractor.userId,
      createdAt: registeredAt,
    })
    .returning()
    .get()
  const stages = demo.stages.map((s, i) =>
    tx.insert(contractStages).values({ versionId: version.id, number: i + 1, title: s.title, dueOn: s.dueOn, amountKopecks: kopecks(s.amount) }).returning().get(),
  )
  const registered = tx.update(contracts).set({ pendingVersionId: version.id }).where(eq(contracts.id, contract.id)).returning().get()
  trail(tx, registeredAt, company, 'contract.registered', { type: 'contract', id: contract.id }, null, { contract: registered, version, stages })
  if (demo.awaitingConfirmation) return 0
  const confirmed = tx
    .update(contracts)
    .set({ status: 'confirmed', confirmedVersionId: version.id, pendingVersionId: null, updatedAt: confirmedAt })
    .where(eq(contracts.id, contract.id))
    .returning()
    .get()
  trail(tx, confirmedAt, contractor, 'contract.confirmed', { type: 'contract', id: contract.id }, { contract: registered }, { contract: confirmed, version })

  for (const act of demo.acts) {
    const actDocument = act.scan ? scan(tx, contractor, `Акт ${act.number} к договору ${demo.number}.pdf`, [`Acceptance act No. ${transliterate(act.number)}`, `Contract No. ${latin}, stage ${act.stage}`, `Date: ${act.signedOn}`]) : null
    const row = tx
      .insert(acceptanceActs)
      .values({
        contractId: contract.id,
        stageNumber: act.stage,
        number: act.number,
        signedOn: act.signedOn,
        amountKopecks: kopecks(act.amount),
        documentId: actDocument,
        status: 'confirmed',
        recordedByOrganisationId: contractor.organisationId!,
        recordedBy: contractor.userId!,
        confirmedAt: at(act.signedOn, 8),
        confirmedBy: company.userId,
        createdAt: at(act.signedOn, 5),
      })
      .returning()
      .get()
    trail(tx, at(act.signedOn, 5), contractor, 'contract.act_recorded', { type: 'contract', id: contract.id }, null, { ...row, status: 'proposed' })
    trail(tx, at(act.signedOn, 8), company, 'contract.act_confirmed', { type: 'contract', id: contract.id }, { ...row, status: 'proposed' }, row)
  }

  const paymentIds = new Map<string, { id: number; amount: number }>()
  for (const payment of demo.payments) {
    const paymentDocument = payment.scan
      ? scan(tx, company, `Платёжное поручение ${payment.orderNumber}.pdf`, [`Payment order No. ${payment.orderNumber}`, `Contract No. ${latin}`, `Date: ${payment.paidOn}`])
      : null
    const row = tx
      .insert(contractPayments)
      .values({
        contractId: contract.id,
        paidOn: payment.paidOn,
        amountKopecks: kopecks(payment.amount),
        orderNumber: payment.orderNumber,
        documentId: paymentDocument,
        status: 'confirmed',
        recordedByOrganisationId: company.organisationId!,
        recordedBy: company.userId!,
        confirmedAt: at(payment.paidOn, 9),
        confirmedBy: contractor.userId,
        createdAt: at(payment.paidOn, 6),
      })
      .returning()
      .get()
    paymentIds.set(payment.key, { id: row.id, amount: row.amountKopecks })
    trail(tx, at(payment.paidOn, 6), company, 'contract.payment_recorded', { type: 'contract', id: contract.id }, null, { ...row, status: 'proposed' })
    trail(tx, at(payment.paidOn, 9), contractor, 'contract.payment_confirmed', { type: 'contract', id: contract.id }, { ...row, status: 'proposed' }, row)
  }

  for (const claim of demo.claims) {
    const programmeId = programmeIds.get(claim.programmeKey)!
    const payments = claim.paymentKeys.map((key) => paymentIds.get(key)!)
    const programme = tx.select().from(programmes).where(eq(programmes.id, programmeId)).get()!
    // The demo claims were computed by the same rules a real claim is.
    const computation = computeEligibleAmount({
      vatBase: programme.vatBase,
      categories: categoryRulesOf(programme),
      lines: payments.map((p) => ({
        category: 'contractor_rd' as const,
        grossKopecks: p.amount,
        vatKopecks: version.vatMode === 'exempt' ? 0 : vatIncluded(p.amount, version.priceKopecks, version.vatKopecks),
        vatExempt: version.vatMode === 'exempt',
        eligible: true,
      })),
      capPerClaimKopecks: programme.capPerClaimKopecks,
      capPerCompanyKopecks: programme.capPerCompanyKopecks,
      companyCommittedKopecks: 0,
      budgetRemainingKopecks: programme.totalBudgetKopecks - programme.reservedKopecks - programme.paidKopecks,
    })
    const created = tx
      .insert(compensationClaims)
      .values({ programmeId, companyId: company.organisationId!, contractId: contract.id, status: 'draft', createdBy: company.userId!, createdAt: claim.submittedAt, updatedAt: claim.submittedAt })
      .returning()
      .get()
    for (const p of payments) tx.insert(claimPayments).values({ claimId: created.id, paymentId: p.id, createdAt: claim.submittedAt }).run()
    trail(tx, claim.submittedAt, company, 'claim.created', { type: 'claim', id: created.id }, null, { claim: created, paymentIds: payments.map((p) => p.id) })
    const submitted = tx
      .update(compensationClaims)
      .set({
        status: 'submitted',
        revision: 2,
        requestedKopecks: computation.resultKopecks,
        computation: { eligiblePaidKopecks: computation.eligiblePaidKopecks, steps: computation.steps, resultKopecks: computation.resultKopecks },
        submittedAt: claim.submittedAt,
      })
      .where(eq(compensationClaims.id, created.id))
      .returning()
      .get()
    trail(tx, claim.submittedAt, company, 'claim.submitted', { type: 'claim', id: created.id }, created, submitted)
    const outcome = claim.outcome
    if (outcome.status === 'submitted') continue
    const decidedAt = claim.decidedAt!
    const decided = { decisionReason: outcome.reason, decidedAt, decidedBy: reviewer.userId, revision: 3, updatedAt: decidedAt }
    if (outcome.status === 'returned' || outcome.status === 'rejected') {
      const after = tx.update(compensationClaims).set({ ...decided, status: outcome.status }).where(eq(compensationClaims.id, created.id)).returning().get()
      if (outcome.status === 'rejected') tx.update(claimPayments).set({ releasedAt: decidedAt }).where(eq(claimPayments.claimId, created.id)).run()
      trail(tx, decidedAt, reviewer, `claim.${outcome.status}`, { type: 'claim', id: created.id }, submitted, after)
      continue
    }
    const approved = kopecks(outcome.approved)
    const after = tx.update(compensationClaims).set({ ...decided, status: 'approved', approvedKopecks: approved }).where(eq(compensationClaims.id, created.id)).returning().get()
    tx.update(programmes).set({ reservedKopecks: programme.reservedKopecks + approved }).where(eq(programmes.id, programmeId)).run()
    tx.insert(programmeLedger).values({ programmeId, kind: 'reserved', amountKopecks: approved, claimId: created.id, createdBy: reviewer.userId, createdAt: decidedAt }).run()
    trail(tx, decidedAt, reviewer, approved < computation.resultKopecks ? 'claim.approved_partially' : 'claim.approved', { type: 'claim', id: created.id }, submitted, after)
    if (outcome.status === 'paid') {
      const paidAt = at(outcome.paidOn, 5)
      const paid = tx
        .update(compensationClaims)
        .set({ status: 'paid', paidOn: outcome.paidOn, paymentOrderNumber: outcome.orderNumber, revision: 4, updatedAt: paidAt })
        .where(eq(compensationClaims.id, created.id))
        .returning()
        .get()
      tx.update(programmes)
        .set({ reservedKopecks: programme.reservedKopecks, paidKopecks: programme.paidKopecks + approved })
        .where(eq(programmes.id, programmeId))
        .run()
      tx.insert(programmeLedger).values({ programmeId, kind: 'paid', amountKopecks: approved, claimId: created.id, createdBy: reviewer.userId, createdAt: paidAt }).run()
      trail(tx, paidAt, reviewer, 'claim.paid', { type: 'claim', id: created.id }, after, paid)
    }
  }
  return demo.claims.length
}
