import { and, eq, isNotNull, notInArray, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { engagements, labs, organisations, programmes, rdRequests, users } from '#db/schema'
import { demoProgrammes, type DemoClaim, type DemoContract } from '#db/seed/demo-contracts'
import type { DeclineReason, EngagementStage } from '#db/schema/values'
import { seedContract, trail, type Who } from '../contracts/demo-seed.server'
import type { SeededOrganisations } from './seed.server'

// A year of the cluster's life behind the demo requests: labs answering them, agreements, contracts
// signed from those agreements, their acts and payments, and compensation claims up to payment. It is
// generated from a fixed seed, so every start gives the same story, and every date follows the
// request it belongs to, except one contract that was signed before its request was posted (work
// agreed outside the platform and registered here later), which the dashboard must show as such.

const DAY = 86_400_000

/**
 * The organisations of the README's walk-through (the demo company, lab and permafrost company)
 * stay untouched: the tour and its tests start their own engagements from a clean slate.
 */
const WALK_THROUGH_COMPANIES = ['sibpharmsynth', 'permafrost']
const WALK_THROUGH_LABS = ['tpu']

/** A small deterministic generator (mulberry32): the same numbers on every seed. */
function generator(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const isoTime = (ms: number) => new Date(ms).toISOString()

interface LabRow {
  id: number
  organisationId: number
  type: string
  alliance: string | null
  oecdFields: string[]
}

export interface ActivitySummary {
  engagements: number
  contracts: number
  claims: number
}

export function seedActivity(tx: Tx, seeded: SeededOrganisations, now = Date.now()): ActivitySummary {
  const random = generator(21)
  const keyOf = new Map([...seeded.ids].map(([key, id]) => [id, key]))
  const who = (organisationId: number): Who => ({ userId: seeded.owners.get(keyOf.get(organisationId)!) ?? null, organisationId })
  const administrationId = seeded.ids.get('administration')!
  const reviewerId = tx.select({ id: users.id }).from(users).where(eq(users.email, 'reviewer@demo.test')).get()?.id ?? who(administrationId).userId
  const reviewer: Who = { userId: reviewerId, organisationId: administrationId }
  const programmeIds = new Map(demoProgrammes.map((p) => [p.key, tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.year, p.year)).get()!.id]))
  const programme = demoProgrammes[0]

  const labRows: LabRow[] = tx
    .select({
      id: labs.id,
      organisationId: labs.organisationId,
      type: organisations.type,
      alliance: sql<string | null>`coalesce(${labs.alliance}, ${organisations.alliance})`,
      oecdFields: labs.oecdFields,
    })
    .from(labs)
    .innerJoin(organisations, eq(organisations.id, labs.organisationId))
    .where(notInArray(labs.organisationId, WALK_THROUGH_LABS.map((key) => seeded.ids.get(key)!)))
    .orderBy(labs.id)
    .all()
  const skipped = WALK_THROUGH_COMPANIES.map((key) => seeded.ids.get(key)!).filter(Boolean)
  const requests = tx
    .select()
    .from(rdRequests)
    .where(and(isNotNull(rdRequests.publishedAt), notInArray(rdRequests.organisationId, skipped)))
    .orderBy(rdRequests.publishedAt, rdRequests.id)
    .all()
  const firstPosted = Date.parse(requests[0]?.publishedAt ?? isoTime(now))

  const summary: ActivitySummary = { engagements: 0, contracts: 0, claims: 0 }
  let agreements = 0
  for (const request of requests) {
    const posted = Date.parse(request.publishedAt!)
    const age = (now - posted) / DAY
    if (age < 4) continue
    // Labs of the request's alliance (their own or their institute's) first, then of its field of science, in a shuffled order.
    const fits = (lab: LabRow) => (request.alliance && lab.alliance === request.alliance ? 2 : lab.oecdFields.includes(request.oecdField) ? 1 : 0)
    const candidates = labRows
      .map((lab) => ({ lab, order: fits(lab) + random() }))
      .filter((c) => c.order >= 1)
      .sort((a, b) => b.order - a.order)
      .map((c) => c.lab)
    const roll = random()
    const contacts = Math.min(candidates.length, roll < 0.15 ? 0 : roll < 0.5 ? 1 : roll < 0.8 ? 2 : 3)
    // RAS institutes take a growing share of the work over the year: the later the request, the more
    // often the lab it agrees with is an institute's.
    const yearShare = Math.min(1, (posted - firstPosted) / (330 * DAY))
    const preferInstitute = random() < 0.05 + 0.9 * yearShare
    const ordered = [...candidates.filter((l) => (l.type === 'institute') === preferInstitute), ...candidates.filter((l) => (l.type === 'institute') !== preferInstitute)]

    let contactDay = 1 + Math.round(random() ** 2 * 30)
    for (let j = 0; j < contacts; j++) {
      const lab = ordered[j]
      if (contactDay > age - 1) break
      const createdAt = posted + contactDay * DAY + Math.round(random() * 8) * 3_600_000
      const initiatedBy = random() < 0.6 ? 'lab' : 'company'
      const stage = stageOf(j, age - contactDay, random)
      const updatedAt = Math.min(now - DAY, createdAt + (5 + Math.round(random() * 25)) * DAY)
      const company = who(request.organisationId)
      const labSide = who(lab.organisationId)
      const agreed = stage === 'agreed'
      const declined = stage === 'declined'
      const reachedDiscussion = agreed || stage === 'discussion'
      const created = tx
        .insert(engagements)
        .values({
          requestId: request.id,
          labId: lab.id,
          companyOrganisationId: request.organisationId,
          labOrganisationId: lab.organisationId,
          initiatedBy,
          stage,
          approach: initiatedBy === 'lab' ? 'Выполним работу по отработанной методике: план экспериментов, испытания, отчёт с рекомендациями.' : null,
          timeline: initiatedBy === 'lab' ? `${3 + (j % 4)} месяцев` : null,
          priceEstimate: initiatedBy === 'lab' ? (1_000_000 + Math.round(random() * 40) * 100_000) * 100 : null,
          invitationNote: initiatedBy === 'company' ? 'Приглашаем обсудить задачу: ваш профиль близок к тому, что мы ищем.' : null,
          admissionOfferedAt: reachedDiscussion ? isoTime(createdAt + 3 * DAY) : null,
          admissionOfferedBy: reachedDiscussion ? company.userId : null,
          companyAgreedAt: agreed ? isoTime(updatedAt) : null,
          labAgreedAt: agreed ? isoTime(updatedAt) : null,
          declinedBy: declined ? (random() < 0.5 ? 'company' : 'lab') : null,
          declineReason: declined ? DECLINE_REASONS[Math.floor(random() * DECLINE_REASONS.length)] : null,
          createdAt: isoTime(createdAt),
          updatedAt: isoTime(updatedAt),
        })
        .returning()
        .get()
      trail(
        tx,
        created.createdAt,
        initiatedBy === 'lab' ? labSide : company,
        initiatedBy === 'lab' ? 'engagement.interest' : 'engagement.invited',
        { type: 'engagement', id: created.id },
        null,
        created
      )
      if (stage !== 'invited' && stage !== 'interest') trail(tx, created.updatedAt, company, `engagement.${stage}`, { type: 'engagement', id: created.id }, null, created)
      summary.engagements++

      if (agreed) {
        agreements++
        // The third agreement had been signed before the request was posted: registered from outside.
        const signed = agreements === 3 ? posted - 20 * DAY : updatedAt + (3 + Math.round(random() * 25)) * DAY
        if (signed > now - 2 * DAY) continue
        const parties = { companyKey: keyOf.get(request.organisationId)!, contractorKey: keyOf.get(lab.organisationId)! }
        const contract = contractFor(parties, request.title, agreements, signed, now, random, programme)
        summary.claims += seedContract(tx, contract, company, labSide, reviewer, programmeIds, created.id)
        summary.contracts++
      }
      contactDay += 2 + Math.round(random() * 12)
    }
  }
  return summary
}

const DECLINE_REASONS: DeclineReason[] = ['scope_mismatch', 'budget', 'timeline', 'capacity', 'chose_other']

/** The first contact of an old enough request often ends in an agreement; later ones rarely do. */
function stageOf(contactIndex: number, daysSinceContact: number, random: () => number): EngagementStage {
  const roll = random()
  if (contactIndex === 0 && daysSinceContact > 25 && roll < 0.6) return 'agreed'
  if (roll < 0.35) return 'declined'
  if (daysSinceContact < 10) return roll < 0.7 ? 'interest' : 'invited'
  return roll < 0.6 ? 'discussion' : roll < 0.8 ? 'shortlisted' : 'interest'
}

/**
 * A contract of two equal stages signed on `signed`: the first stage's act and payment when their
 * dates have come, and a claim for that payment when the programme's windows allow it, decided and
 * paid as far as the calendar has reached.
 */
function contractFor(
  parties: { companyKey: string; contractorKey: string },
  subject: string,
  sequence: number,
  signed: number,
  now: number,
  random: () => number,
  programme: (typeof demoProgrammes)[number]
): DemoContract {
  const price = (1_200_000 + Math.round(random() * 48) * 100_000) / 2
  const stageDue = signed + (70 + Math.round(random() * 30)) * DAY
  const ends = stageDue + 150 * DAY
  const actSigned = stageDue + 3 * DAY
  const paid = actSigned + (7 + Math.round(random() * 10)) * DAY
  const number = `ПЛ-${isoDate(signed).slice(2, 4)}/${String(sequence).padStart(3, '0')}`
  const contract: DemoContract = {
    ...parties,
    number,
    signedOn: isoDate(signed),
    subject,
    vat: { mode: 'exempt' },
    startsOn: isoDate(signed + 5 * DAY),
    endsOn: isoDate(ends),
    stages: [
      { title: 'Исследование и лабораторные испытания', dueOn: isoDate(stageDue), amount: price },
      { title: 'Опытный образец и отчёт', dueOn: isoDate(ends), amount: price },
    ],
    acts: actSigned < now ? [{ number: `${sequence}-1`, stage: 1, signedOn: isoDate(actSigned), amount: price, scan: true }] : [],
    payments: paid < now ? [{ key: `p${sequence}`, orderNumber: String(500 + sequence), paidOn: isoDate(paid), amount: price, scan: true }] : [],
    claims: [],
  }
  const submitted = paid + (5 + Math.round(random() * 10)) * DAY
  const withinProgramme =
    isoDate(signed) >= programme.contractsFrom &&
    isoDate(signed) <= programme.contractsTo &&
    isoDate(paid) >= programme.paymentsFrom &&
    isoDate(submitted) >= programme.opensOn &&
    isoDate(submitted) <= programme.closesOn
  if (contract.payments.length === 0 || submitted >= now || !withinProgramme) return contract
  const decided = submitted + (8 + Math.round(random() * 10)) * DAY
  const transferred = decided + 12 * DAY
  const approved = Math.floor(price / 2)
  const reason = 'Договор, акт этапа 1 и платёжное поручение проверены; расходы соответствуют условиям программы.'
  const roll = random()
  const claim: DemoClaim = {
    programmeKey: programme.key,
    paymentKeys: [`p${sequence}`],
    submittedAt: isoTime(submitted),
    ...(decided < now ? { decidedAt: isoTime(decided) } : {}),
    outcome:
      decided >= now
        ? { status: 'submitted' }
        : roll < 0.12
        ? { status: 'returned', reason: 'Приложите платёжное поручение с отметкой банка.' }
        : transferred < now
        ? { status: 'paid', approved, reason, paidOn: isoDate(transferred), orderNumber: `50-${String(sequence).padStart(4, '0')}` }
        : { status: 'approved', approved, reason },
  }
  return { ...contract, claims: [claim] }
}
