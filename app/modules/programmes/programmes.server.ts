import { and, count, desc, eq, inArray, sql, sum } from 'drizzle-orm'
import { contractorKinds, requiredDocumentKinds, returnFormulas, type ClaimStatus, type ReturnFormula } from '#db/schema/claim-values'
import { compensationClaims, programmes } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { isIsoDate, regionToday } from '../calendar/calendar'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Refusal, type Result } from '../result'

export type Programme = typeof programmes.$inferSelect

export interface ProgrammeFields {
  year: number
  title: string
  description?: string
  totalBudget: number
  share: number
  capPerClaim: number
  capPerCompany: number
  eligibleContractorKinds: string[]
  requiredDocuments: string[]
  /** Kind → the oldest, in days, a document of that kind may be when the claim is filed. */
  documentMaxAgeDays?: Record<string, number | undefined>
  returnFormula?: string
  contractsFrom: string
  contractsTo: string
  paymentsFrom: string
  paymentsTo: string
  opensOn: string
  closesOn: string
}

export const PROGRAMMES_PAGE_SIZE = 20

/** The budget as four figures that always add up: total = reserved + paid + remaining. */
export function budgetOf(programme: Pick<Programme, 'totalBudgetKopecks' | 'reservedKopecks' | 'paidKopecks'>) {
  return {
    totalKopecks: programme.totalBudgetKopecks,
    reservedKopecks: programme.reservedKopecks,
    paidKopecks: programme.paidKopecks,
    remainingKopecks: programme.totalBudgetKopecks - programme.reservedKopecks - programme.paidKopecks,
  }
}

export type ProgrammePhase = 'upcoming' | 'open' | 'closed'

export function phaseOf(programme: Pick<Programme, 'opensOn' | 'closesOn'>, today = regionToday()): ProgrammePhase {
  if (today < programme.opensOn) return 'upcoming'
  if (today > programme.closesOn) return 'closed'
  return 'open'
}

const isAmount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0

type ProgrammeRefusal = 'forbidden' | 'not_found' | 'invalid' | 'period_order' | 'contractor_kinds_required' | 'budget_below_committed'

/** What is wrong with the fields, checked here too because the domain trusts no caller. */
function programmeProblem(input: ProgrammeFields): Refusal<ProgrammeRefusal> | null {
  if (!Number.isSafeInteger(input.year) || input.year < 2020 || input.year > 2100) return refuse('invalid', { field: 'year' })
  if (!input.title?.trim()) return refuse('invalid', { field: 'title' })
  for (const field of ['totalBudget', 'capPerClaim', 'capPerCompany'] as const) if (!isAmount(input[field])) return refuse('invalid', { field })
  if (!Number.isSafeInteger(input.share) || input.share <= 0 || input.share > 10_000) return refuse('invalid', { field: 'share' })
  if (!input.eligibleContractorKinds?.length || !input.eligibleContractorKinds.every((k) => (contractorKinds as readonly string[]).includes(k))) {
    return refuse('contractor_kinds_required', { field: 'eligibleContractorKinds' })
  }
  if (!input.requiredDocuments.every((k) => (requiredDocumentKinds as readonly string[]).includes(k))) return refuse('invalid', { field: 'requiredDocuments' })
  for (const [kind, days] of Object.entries(input.documentMaxAgeDays ?? {})) {
    if (days === undefined) continue
    if (!(requiredDocumentKinds as readonly string[]).includes(kind) || !Number.isSafeInteger(days) || days < 1 || days > 3660) return refuse('invalid', { field: `maxAge.${kind}` })
  }
  if (input.returnFormula !== undefined && !(returnFormulas as readonly string[]).includes(input.returnFormula)) return refuse('invalid', { field: 'returnFormula' })
  const pairs = [['contractsFrom', 'contractsTo'], ['paymentsFrom', 'paymentsTo'], ['opensOn', 'closesOn']] as const
  for (const [from, to] of pairs) {
    if (!isIsoDate(input[from])) return refuse('invalid', { field: from })
    if (!isIsoDate(input[to])) return refuse('invalid', { field: to })
    if (input[to] < input[from]) return refuse('period_order', { field: to })
  }
  return null
}

function columnsOf(input: ProgrammeFields) {
  return {
    year: input.year,
    title: input.title.trim(),
    description: input.description?.trim() || null,
    totalBudgetKopecks: input.totalBudget,
    shareBp: input.share,
    capPerClaimKopecks: input.capPerClaim,
    capPerCompanyKopecks: input.capPerCompany,
    eligibleContractorKinds: [...new Set(input.eligibleContractorKinds)] as Programme['eligibleContractorKinds'],
    requiredDocuments: [...new Set(input.requiredDocuments)] as Programme['requiredDocuments'],
    documentMaxAgeDays: Object.fromEntries(Object.entries(input.documentMaxAgeDays ?? {}).filter(([, days]) => days !== undefined)) as Programme['documentMaxAgeDays'],
    returnFormula: (input.returnFormula ?? 'shortfall_sum') as ReturnFormula,
    contractsFrom: input.contractsFrom,
    contractsTo: input.contractsTo,
    paymentsFrom: input.paymentsFrom,
    paymentsTo: input.paymentsTo,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
  }
}

export function createProgramme(actor: Actor, input: ProgrammeFields): Result<{ programmeId: number }, ProgrammeRefusal> {
  if (!can(actor, 'programme:manage')) return refuse('forbidden')
  const problem = programmeProblem(input)
  if (problem) return problem
  return db.transaction((tx) => {
    const programme = tx
      .insert(programmes)
      .values({ ...columnsOf(input), createdBy: actor.userId })
      .returning()
      .get()
    audit(tx, auditActor(actor), 'programme.created', { type: 'programme', id: programme.id }, null, programme)
    return ok({ programmeId: programme.id })
  })
}

/**
 * Changes a programme's rules. The budget may not fall below what approved claims have already
 * reserved or been paid: the update is conditional on it, inside the same write lock as approvals.
 */
export function updateProgramme(actor: Actor, programmeId: number, input: ProgrammeFields): Result<null, ProgrammeRefusal> {
  if (!can(actor, 'programme:manage')) return refuse('forbidden')
  const problem = programmeProblem(input)
  if (problem) return problem
  return db.transaction(
    (tx) => {
      const before = tx.select().from(programmes).where(eq(programmes.id, programmeId)).get()
      if (!before) return refuse('not_found')
      const after = tx
        .update(programmes)
        .set({ ...columnsOf(input), updatedAt: new Date().toISOString() })
        .where(and(eq(programmes.id, programmeId), sql`${programmes.reservedKopecks} + ${programmes.paidKopecks} <= ${input.totalBudget}`))
        .returning()
        .get()
      if (!after) {
        return refuse('budget_below_committed', { field: 'totalBudget', params: { committed: kopecksToDecimal((before.reservedKopecks + before.paidKopecks) as Kopecks) } })
      }
      audit(tx, auditActor(actor), 'programme.updated', { type: 'programme', id: programmeId }, before, after)
      return ok(null)
    },
    { behavior: 'immediate' },
  )
}

export function getProgramme(programmeId: number): Programme | null {
  if (!Number.isSafeInteger(programmeId) || programmeId <= 0) return null
  return db.select().from(programmes).where(eq(programmes.id, programmeId)).get() ?? null
}

export function listProgrammes(page: number) {
  const total = db.select({ n: count() }).from(programmes).get()?.n ?? 0
  const rows = db
    .select()
    .from(programmes)
    .orderBy(desc(programmes.year), desc(programmes.id))
    .limit(PROGRAMMES_PAGE_SIZE)
    .offset((page - 1) * PROGRAMMES_PAGE_SIZE)
    .all()
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / PROGRAMMES_PAGE_SIZE)) }
}

/** Programmes a company may file a claim under today. */
export function openProgrammes(today = regionToday()): Programme[] {
  return db
    .select()
    .from(programmes)
    .where(and(sql`${programmes.opensOn} <= ${today}`, sql`${programmes.closesOn} >= ${today}`))
    .orderBy(desc(programmes.year), desc(programmes.id))
    .all()
}

/** How many claims and how much money sit in each status of a programme. */
export function programmeClaimSummary(programmeId: number) {
  const rows = db
    .select({ status: compensationClaims.status, n: count(), requested: sum(compensationClaims.requestedKopecks), approved: sum(compensationClaims.approvedKopecks) })
    .from(compensationClaims)
    .where(and(eq(compensationClaims.programmeId, programmeId), inArray(compensationClaims.status, ['submitted', 'returned', 'approved', 'rejected', 'paid'])))
    .groupBy(compensationClaims.status)
    .all()
  return Object.fromEntries(rows.map((r) => [r.status, { count: r.n, requestedKopecks: Number(r.requested ?? 0), approvedKopecks: Number(r.approved ?? 0) }])) as Partial<
    Record<ClaimStatus, { count: number; requestedKopecks: number; approvedKopecks: number }>
  >
}
