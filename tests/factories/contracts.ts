import { eq } from 'drizzle-orm'
import { contracts, engagements, organisations } from '#db/schema'
import { demoPdf } from '#db/seed/demo-contracts'
import { db } from '~/db.server'
import { loadActor } from '~/modules/auth/actor.server'
import { regionToday } from '~/modules/calendar/calendar'
import { confirmVersion } from '~/modules/contracts/answer.server'
import { answerRecord, recordAct, recordPayment } from '~/modules/contracts/execution.server'
import { declareNoAffiliation, recordAffiliationCheck } from '~/modules/claims/eligibility.server'
import { registerContract, type RegisterContractInput } from '~/modules/contracts/register.server'
import type { IncomingDocument } from '~/modules/documents/store.server'
import type { Actor } from '~/modules/permissions/actor'
import { createLab } from '~/modules/labs/labs.server'
import { createProgramme, type ProgrammeFields } from '~/modules/programmes/programmes.server'
import { changeRequestStatus, createRequest } from '~/modules/requests/requests.server'
import { actorWithOrganisation } from './actors'
import { labInput, requestInput } from './catalogue'

export const rub = (roubles: number) => Math.round(roubles * 100)

function reload(actor: Actor): Actor {
  const fresh = loadActor(actor.userId)
  if (!fresh) throw new Error('actor vanished')
  return fresh
}

/** A company the administration has verified (only verified companies may claim compensation). */
export async function verifiedCompany(): Promise<Actor> {
  const actor = await actorWithOrganisation()
  db.update(organisations).set({ verificationStatus: 'verified' }).where(eq(organisations.id, actor.organisationId!)).run()
  return reload(actor)
}

/**
 * A state university (or institute, research organisation) lab's owner, whose organisation the
 * administration verified unless told otherwise (a state status is never taken on its word).
 */
export async function stateLab(type: 'university' | 'institute' | 'research_org' = 'university', isState = true, options: { verified?: boolean } = {}): Promise<Actor> {
  const actor = await actorWithOrganisation({ organisationType: type, isState, size: undefined })
  if (options.verified === false) return actor
  db.update(organisations).set({ verificationStatus: 'verified' }).where(eq(organisations.id, actor.organisationId!)).run()
  return reload(actor)
}

/** A member of the regional administration: organisations of that type are made by the platform. */
export async function reviewer(): Promise<Actor> {
  const actor = await actorWithOrganisation({ organisationType: 'research_org', size: undefined })
  db.update(organisations).set({ type: 'administration', verificationStatus: 'verified' }).where(eq(organisations.id, actor.organisationId!)).run()
  return reload(actor)
}

/**
 * An engagement between the company's published request and a lab of the science organisation, at
 * the given stage (the pipeline that leads there is tested in engagements.test.ts).
 */
export function engagementBetween(company: Actor, science: Actor, stage: 'discussion' | 'agreed' = 'agreed'): number {
  const request = createRequest(company, requestInput())
  const lab = createLab(science, labInput())
  if (!request.ok || !lab.ok) throw new Error('could not create the request or the lab')
  changeRequestStatus(company, request.value.id, 'publish')
  return db
    .insert(engagements)
    .values({ requestId: request.value.id, labId: lab.value.id, companyOrganisationId: company.organisationId!, labOrganisationId: science.organisationId!, initiatedBy: 'lab', stage })
    .returning()
    .get().id
}

/** A small real PDF as it would arrive with a form. */
export function pdf(name = 'scan.pdf', text = 'test document'): IncomingDocument {
  const bytes = demoPdf([text, name])
  return { name, size: bytes.length, bytes }
}

export function file(name: string, bytes: Uint8Array): IncomingDocument {
  return { name, size: bytes.length, bytes }
}

const DAY = 86_400_000
export const daysFromToday = (days: number) => new Date(Date.parse(`${regionToday()}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

/** Contract terms that hold together: one stage per amount, due within the term. */
export function terms(overrides: Partial<RegisterContractInput> & { stageAmounts?: number[] } = {}): Omit<RegisterContractInput, 'contractorId'> {
  const { stageAmounts = [rub(1_000_000)], ...rest } = overrides
  return {
    number: `Т-${Math.random().toString(36).slice(2, 8)}`,
    signedOn: '2025-03-01',
    subject: 'Исследование и разработка технологии для проверки',
    price: stageAmounts.reduce((s, a) => s + a, 0),
    vatMode: 'exempt',
    startsOn: '2025-03-01',
    endsOn: '2099-12-31',
    stages: stageAmounts.map((amount, i) => ({ title: `Этап ${i + 1}`, dueOn: '2099-12-31', amount })),
    ...rest,
  }
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }, what: string): T {
  if (!result.ok) throw new Error(`${what} refused: ${result.error}`)
  return result.value
}

export interface ContractSetup {
  contractId: number
  paymentIds: number[]
  actIds: number[]
}

/**
 * A contract both parties confirmed, with confirmed acts covering each stage and confirmed payments,
 * every record with its scan.
 */
export function confirmedContract(
  company: Actor,
  lab: Actor,
  options: { stageAmounts?: number[]; payments?: { amount: number; paidOn?: string; scan?: boolean }[]; acts?: boolean } = {},
): ContractSetup {
  const stageAmounts = options.stageAmounts ?? [rub(1_000_000)]
  const { contractId } = unwrap(registerContract(company, { ...terms({ stageAmounts }), contractorId: lab.organisationId!, document: pdf('contract.pdf') }), 'registerContract')
  const pending = db.select().from(contracts).where(eq(contracts.id, contractId)).get()!
  unwrap(confirmVersion(lab, contractId, pending.pendingVersionId!), 'confirmVersion')
  const actIds: number[] = []
  if (options.acts !== false) {
    stageAmounts.forEach((amount, i) => {
      const { actId } = unwrap(recordAct(lab, contractId, { stageNumber: i + 1, number: `А-${i + 1}`, signedOn: '2025-06-01', amount, document: pdf(`act-${i + 1}.pdf`) }), 'recordAct')
      unwrap(answerRecord(company, contractId, 'act', actId, { decision: 'confirm' }), 'confirm act')
      actIds.push(actId)
    })
  }
  const paymentIds: number[] = []
  for (const [i, payment] of (options.payments ?? [{ amount: stageAmounts[0] }]).entries()) {
    const { paymentId } = unwrap(
      recordPayment(company, contractId, {
        paidOn: payment.paidOn ?? '2025-06-10',
        amount: payment.amount,
        orderNumber: String(100 + i),
        document: payment.scan === false ? undefined : pdf(`order-${i}.pdf`, `payment order ${i}`),
      }),
      'recordPayment',
    )
    unwrap(answerRecord(lab, contractId, 'payment', paymentId, { decision: 'confirm' }), 'confirm payment')
    paymentIds.push(paymentId)
  }
  return { contractId, paymentIds, actIds }
}

/** A programme open today that compensates 50 % with generous caps, unless told otherwise. */
export function programmeFields(overrides: Partial<ProgrammeFields> = {}): ProgrammeFields {
  return {
    year: 2026,
    title: 'Тестовая программа компенсации',
    totalBudget: rub(100_000_000),
    share: 5_000,
    capPerClaim: rub(50_000_000),
    capPerCompany: rub(100_000_000),
    eligibleContractorKinds: ['state_university', 'ras_institute', 'state_research_org'],
    requiredDocuments: ['contract', 'acceptance_act', 'payment_order'],
    contractsFrom: '2024-01-01',
    contractsTo: '2099-12-31',
    paymentsFrom: '2024-01-01',
    paymentsTo: '2099-12-31',
    opensOn: daysFromToday(-30),
    closesOn: daysFromToday(365),
    ...overrides,
  }
}

export function openProgramme(admin: Actor, overrides: Partial<ProgrammeFields> = {}): number {
  return unwrap(createProgramme(admin, programmeFields(overrides)), 'createProgramme').programmeId
}

/** The company declares its contractor unaffiliated, as it must before submitting a claim. */
export function declareUnaffiliated(company: Actor, claimId: number): void {
  unwrap(declareNoAffiliation(company, claimId), 'declareNoAffiliation')
}

/** The administration records that it found no affiliation between the parties, as it must before approving. */
export function clearAffiliation(admin: Actor, claimId: number): void {
  unwrap(recordAffiliationCheck(admin, claimId, { grounds: [], note: 'ЕГРЮЛ: учредители и ИНН не совпадают.' }), 'recordAffiliationCheck')
}
