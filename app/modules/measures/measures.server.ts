import { asc, count, desc, eq } from 'drizzle-orm'
import { supportMeasures, type SupportMeasure } from '#db/schema'
import { applicantTypes, coFinancingBases, measureKinds, measureLevels, measureStages, stackingRules, type MeasureStatus } from '#db/schema/measure-values'
import { companySizes } from '#db/schema/values'
import { enqueue } from '#search/sync'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { isIsoDate, regionToday } from '../calendar/calendar'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { regionCodes } from '../organisations/regions'
import { ok, refuse, type Refusal, type Result } from '../result'
import { measureSectors, type MeasureInput, type MeasureTransition } from './schemas'

export type { SupportMeasure }
export const ADMIN_MEASURES_PAGE_SIZE = 25

type MeasureRefusal = 'forbidden' | 'not_found' | 'invalid'

const allIn = (values: readonly string[] | undefined, allowed: readonly string[]) => (values ?? []).every((v) => allowed.includes(v))
const isAmount = (v: number | undefined) => v === undefined || (Number.isSafeInteger(v) && v >= 0)
const isTrl = (v: number | undefined) => v === undefined || (Number.isInteger(v) && v >= 1 && v <= 9)

/** What is wrong with a measure's fields: checked here too, because the domain trusts no caller. */
function measureProblem(input: MeasureInput): Refusal<'invalid'> | null {
  if (!input.title?.trim()) return refuse('invalid', { field: 'title' })
  if (!input.provider?.trim()) return refuse('invalid', { field: 'provider' })
  if (!(measureLevels as readonly string[]).includes(input.level)) return refuse('invalid', { field: 'level' })
  if (!(measureKinds as readonly string[]).includes(input.kind)) return refuse('invalid', { field: 'kind' })
  if (!allIn(input.organisationTypes, applicantTypes)) return refuse('invalid', { field: 'organisationTypes' })
  if (!allIn(input.companySizes, companySizes)) return refuse('invalid', { field: 'companySizes' })
  if (!allIn(input.regions, regionCodes)) return refuse('invalid', { field: 'regions' })
  if (!allIn(input.sectors, measureSectors)) return refuse('invalid', { field: 'sectors' })
  if (!allIn(input.stages, measureStages)) return refuse('invalid', { field: 'stages' })
  if (!isTrl(input.trlMin)) return refuse('invalid', { field: 'trlMin' })
  if (!isTrl(input.trlMax) || (input.trlMin !== undefined && input.trlMax !== undefined && input.trlMax < input.trlMin)) return refuse('invalid', { field: 'trlMax' })
  if (!isAmount(input.amountMin)) return refuse('invalid', { field: 'amountMin' })
  if (!isAmount(input.amountMax) || (input.amountMin !== undefined && input.amountMax !== undefined && input.amountMax < input.amountMin)) {
    return refuse('invalid', { field: 'amountMax' })
  }
  if (input.coFinancing !== undefined && (!Number.isInteger(input.coFinancing) || input.coFinancing < 0 || input.coFinancing > 10_000)) return refuse('invalid', { field: 'coFinancing' })
  if (input.deadline !== undefined && !isIsoDate(input.deadline)) return refuse('invalid', { field: 'deadline' })
  if (!(coFinancingBases as readonly string[]).includes(input.coFinancingBase)) return refuse('invalid', { field: 'coFinancingBase' })
  if (input.maxYears !== undefined && (!Number.isInteger(input.maxYears) || input.maxYears < 1 || input.maxYears > 10)) return refuse('invalid', { field: 'maxYears' })
  if (!allIn(input.contractorTypes, applicantTypes)) return refuse('invalid', { field: 'contractorTypes' })
  if (input.stacking !== undefined && !(stackingRules as readonly string[]).includes(input.stacking)) return refuse('invalid', { field: 'stacking' })
  if (!/^https:\/\//i.test(input.link ?? '')) return refuse('invalid', { field: 'link' })
  if (!/^https:\/\//i.test(input.sourceUrl ?? '')) return refuse('invalid', { field: 'sourceUrl' })
  if (!input.sourceTitle?.trim()) return refuse('invalid', { field: 'sourceTitle' })
  if (!isIsoDate(input.sourceCheckedOn) || input.sourceCheckedOn > regionToday()) return refuse('invalid', { field: 'sourceCheckedOn' })
  return null
}

function columnsOf(input: MeasureInput) {
  const unique = <T>(values: readonly T[] | undefined) => [...new Set(values ?? [])]
  return {
    title: input.title.trim(),
    provider: input.provider.trim(),
    level: input.level,
    kind: input.kind,
    description: input.description.trim(),
    organisationTypes: unique(input.organisationTypes),
    companySizes: unique(input.companySizes),
    regions: unique(input.regions),
    sectors: unique(input.sectors),
    stages: unique(input.stages),
    trlMin: input.trlMin ?? null,
    trlMax: input.trlMax ?? null,
    amountMinKopecks: input.amountMin ?? null,
    amountMaxKopecks: input.amountMax ?? null,
    coFinancingBp: input.coFinancing ?? null,
    coFinancingBase: input.coFinancingBase,
    maxYears: input.maxYears ?? null,
    contractorTypes: unique(input.contractorTypes),
    stacking: input.stacking ?? null,
    deadline: input.deadline ?? null,
    requiredDocuments: unique(input.requiredDocuments),
    link: input.link.trim(),
    sourceUrl: input.sourceUrl.trim(),
    sourceTitle: input.sourceTitle.trim(),
    sourceCheckedOn: input.sourceCheckedOn,
    isDemo: input.isDemo ?? false,
  }
}

/** The administration adds a measure to the catalogue; it is searchable once the outbox drains. */
export function createMeasure(actor: Actor, input: MeasureInput): Result<SupportMeasure, MeasureRefusal> {
  if (!can(actor, 'measure:manage')) return refuse('forbidden')
  const problem = measureProblem(input)
  if (problem) return problem
  return db.transaction((tx) => {
    const created = tx.insert(supportMeasures).values(columnsOf(input)).returning().get()
    audit(tx, auditActor(actor), 'measure.created', { type: 'measure', id: created.id }, null, created)
    enqueue(tx, 'measures', String(created.id))
    return ok(created)
  })
}

/** Corrects a measure, archived or not: an archived one stays out of the index. */
export function updateMeasure(actor: Actor, measureId: number, input: MeasureInput): Result<SupportMeasure, MeasureRefusal> {
  if (!can(actor, 'measure:manage')) return refuse('forbidden')
  const problem = measureProblem(input)
  if (problem) return problem
  return db.transaction((tx) => {
    const before = tx.select().from(supportMeasures).where(eq(supportMeasures.id, measureId)).get()
    if (!before) return refuse('not_found')
    const after = tx
      .update(supportMeasures)
      .set({ ...columnsOf(input), updatedAt: new Date().toISOString() })
      .where(eq(supportMeasures.id, measureId))
      .returning()
      .get()
    audit(tx, auditActor(actor), 'measure.updated', { type: 'measure', id: measureId }, before, after)
    enqueue(tx, 'measures', String(measureId))
    return ok(after)
  })
}

const transitions: Record<MeasureTransition, { from: MeasureStatus; to: MeasureStatus; event: string }> = {
  archive: { from: 'active', to: 'archived', event: 'measure.archived' },
  restore: { from: 'archived', to: 'active', event: 'measure.restored' },
}

/** Archives a measure (it leaves the navigator and the index) or brings it back; nothing is deleted. */
export function changeMeasureStatus(
  actor: Actor,
  measureId: number,
  transition: MeasureTransition,
): Result<SupportMeasure, MeasureRefusal | 'transition_not_allowed'> {
  if (!can(actor, 'measure:manage')) return refuse('forbidden')
  const rule = transitions[transition]
  if (!rule) return refuse('invalid')
  return db.transaction((tx) => {
    const before = tx.select().from(supportMeasures).where(eq(supportMeasures.id, measureId)).get()
    if (!before) return refuse('not_found')
    if (before.status !== rule.from) return refuse('transition_not_allowed')
    const after = tx
      .update(supportMeasures)
      .set({ status: rule.to, updatedAt: new Date().toISOString() })
      .where(eq(supportMeasures.id, measureId))
      .returning()
      .get()
    audit(tx, auditActor(actor), rule.event, { type: 'measure', id: measureId }, { status: before.status }, { status: after.status })
    enqueue(tx, 'measures', String(measureId))
    return ok(after)
  })
}

export function getMeasure(measureId: number): SupportMeasure | null {
  if (!Number.isSafeInteger(measureId) || measureId <= 0) return null
  return db.select().from(supportMeasures).where(eq(supportMeasures.id, measureId)).get() ?? null
}

/** The whole catalogue for the administration, active first, newest changes first. */
export function listMeasuresForAdmin(actor: Actor, page: number): Result<{ rows: SupportMeasure[]; total: number; pageCount: number }, 'forbidden'> {
  if (!can(actor, 'measure:manage')) return refuse('forbidden')
  const total = db.select({ n: count() }).from(supportMeasures).get()?.n ?? 0
  const rows = db
    .select()
    .from(supportMeasures)
    .orderBy(asc(supportMeasures.status), desc(supportMeasures.updatedAt), desc(supportMeasures.id))
    .limit(ADMIN_MEASURES_PAGE_SIZE)
    .offset((page - 1) * ADMIN_MEASURES_PAGE_SIZE)
    .all()
  return ok({ rows, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_MEASURES_PAGE_SIZE)) })
}
