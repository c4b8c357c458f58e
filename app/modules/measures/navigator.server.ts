import { eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { supportMeasures, type SupportMeasure } from '#db/schema'
import { measureKinds, measureLevels } from '#db/schema/measure-values'
import type { MeasureDocument } from '#search/documents/measures'
import type { Filter, Sort } from '#search/engine'
import { db } from '~/db.server'
import { regionToday } from '../calendar/calendar'
import { getOrganisation } from '../organisations/organisations.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { runCatalogueQuery, type CatalogueQuery } from '../search/catalogue-search.server'
import { rankMeasures, verdicts, type Eligibility, type Verdict } from './eligibility'
import { answersFromOrganisation, answersQuery, blankAnswers, profileOf, readAnswers, type Answers, type QuestionField } from './questionnaire'

export const MEASURES_PAGE_SIZE = 20
// The catalogue holds tens of measures, not thousands: the engine finds and counts them, and the
// verdicts, which depend on the reader's answers, are ranked here over every hit.
const MAX_HITS = 1000

const many = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(50).default([])
const SearchParams = z.object({
  q: z.string().max(200).default(''),
  page: z.coerce.number().int().min(1).max(500).default(1),
  level: many(z.enum(measureLevels)),
  kind: many(z.enum(measureKinds)),
  provider: many(z.string().min(1).max(200)),
  verdict: many(z.enum(verdicts)),
  sort: z.enum(['fit', 'deadline', 'amount', 'title']).default('fit'),
})
export type MeasureSearchParams = z.infer<typeof SearchParams>
const ARRAYS = ['level', 'kind', 'provider', 'verdict']

function searchParamsOf(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(SearchParams.shape)) {
    const values = url.searchParams.getAll(key).filter((v) => v !== '')
    if (values.length) out[key] = ARRAYS.includes(key) ? values : values[values.length - 1]
  }
  return out
}

function inFilter(field: string, values: readonly string[]): Filter[] {
  return values.length ? [{ field, op: 'in', values: [...values] }] : []
}

function measureQuery(params: MeasureSearchParams): CatalogueQuery<MeasureSearchParams> {
  const sort: Sort[] =
    params.sort === 'deadline' ? [{ field: 'deadline', direction: 'asc' }]
    : params.sort === 'amount' ? [{ field: 'amountMax', direction: 'desc' }]
    : params.sort === 'title' || !params.q ? [{ field: 'title', direction: 'asc' }]
    : []
  return {
    params,
    index: 'measures',
    q: params.q,
    filters: [{ field: 'status', op: 'eq', value: 'active' }, ...inFilter('level', params.level), ...inFilter('kind', params.kind), ...inFilter('provider', params.provider)],
    sort,
    page: 1,
    facets: ['level', 'kind', 'provider'],
    highlight: ['title', 'description'],
  }
}

/** The answers the navigator works with: the ones in the URL, or else the reader's own organisation's. */
export function answersFor(actor: Actor | null, params: URLSearchParams): { answers: Answers; answered: boolean; fromProfile: boolean } {
  const read = readAnswers(params)
  if (read.answered) return { answers: read.answers, answered: true, fromProfile: false }
  const organisation = actor?.organisationId ? getOrganisation(actor.organisationId) : null
  if (organisation && organisation.type !== 'administration') return { answers: answersFromOrganisation(organisation), answered: false, fromProfile: true }
  return { answers: blankAnswers(), answered: false, fromProfile: false }
}

export interface MeasureSummary {
  id: number
  title: string
  provider: string
  level: SupportMeasure['level']
  kind: SupportMeasure['kind']
  amountMinKopecks: number | null
  amountMaxKopecks: number | null
  maxYears: number | null
  coFinancingBp: number | null
  deadline: string | null
  isDemo: boolean
}

export function summaryOf(m: SupportMeasure): MeasureSummary {
  return {
    id: m.id,
    title: m.title,
    provider: m.provider,
    level: m.level,
    kind: m.kind,
    amountMinKopecks: m.amountMinKopecks,
    amountMaxKopecks: m.amountMaxKopecks,
    maxYears: m.maxYears,
    coFinancingBp: m.coFinancingBp,
    deadline: m.deadline,
    isDemo: m.isDemo,
  }
}

export interface NavigatorItem {
  measure: MeasureSummary & { description: string }
  highlights: Record<string, string>
  eligibility: Eligibility
}

export interface NavigatorPage {
  params: MeasureSearchParams
  answers: Answers
  /** Whether the answers came from the reader's organisation rather than the questionnaire. */
  fromProfile: boolean
  invalid: QuestionField[]
  /** The answers as URL parameters, for links to a measure's page that keep them. */
  answersQuery: string
  /** The search engine could not answer: the whole catalogue is listed, without text search. */
  degraded: boolean
  items: NavigatorItem[]
  total: number
  verdictCounts: Record<Verdict, number>
  facets: Record<string, Record<string, number>>
  page: number
  pageCount: number
}

/**
 * One page of the navigator: the catalogue narrowed by text and facets through the search engine,
 * each measure judged against the answers, those that fit first.
 */
export async function navigateMeasures(actor: Actor | null, url: URL): Promise<Result<NavigatorPage, 'invalid'>> {
  const parsed = SearchParams.safeParse(searchParamsOf(url))
  if (!parsed.success) return refuse('invalid')
  const params = parsed.data
  const { answers, fromProfile } = answersFor(actor, url.searchParams)
  const { profile, invalid } = profileOf(answers, regionToday())

  const query = measureQuery(params)
  const found = await runCatalogueQuery<MeasureDocument>(query, MAX_HITS)
  let measures: SupportMeasure[]
  let highlights = new Map<number, Record<string, string>>()
  let facets: Record<string, Record<string, number>> = {}
  if (found.degraded) {
    measures = activeMeasures().filter(
      (m) => (!params.level.length || params.level.includes(m.level)) && (!params.kind.length || params.kind.includes(m.kind)) && (!params.provider.length || params.provider.includes(m.provider)),
    )
  } else {
    const ids = found.result.hits.map((h) => Number(h.document.id))
    const byId = new Map(measuresByIds(ids).map((m) => [m.id, m]))
    // The index may lag behind a change by a moment: the database has the last word on what is active.
    measures = ids.map((id) => byId.get(id)).filter((m): m is SupportMeasure => m !== undefined && m.status === 'active')
    highlights = new Map(found.result.hits.map((h) => [Number(h.document.id), h.highlights]))
    facets = found.result.facets
  }

  const ranked = rankMeasures(measures, profile)
  const verdictCounts = { fits: 0, may_fit: 0, does_not_fit: 0 } satisfies Record<Verdict, number>
  for (const r of ranked) verdictCounts[r.eligibility.verdict]++
  const shown = params.verdict.length ? ranked.filter((r) => params.verdict.includes(r.eligibility.verdict)) : ranked
  const pageCount = Math.max(1, Math.ceil(shown.length / MEASURES_PAGE_SIZE))
  const items = shown.slice((params.page - 1) * MEASURES_PAGE_SIZE, params.page * MEASURES_PAGE_SIZE).map(({ measure, eligibility }) => ({
    measure: { ...summaryOf(measure), description: measure.description },
    highlights: highlights.get(measure.id) ?? {},
    eligibility,
  }))
  return ok({
    params,
    answers,
    fromProfile,
    invalid,
    answersQuery: answersQuery(answers),
    degraded: found.degraded,
    items,
    total: shown.length,
    verdictCounts,
    facets,
    page: params.page,
    pageCount,
  })
}

function activeMeasures(): SupportMeasure[] {
  return db.select().from(supportMeasures).where(eq(supportMeasures.status, 'active')).orderBy(supportMeasures.title).all()
}

function measuresByIds(ids: number[]): SupportMeasure[] {
  return ids.length ? db.select().from(supportMeasures).where(inArray(supportMeasures.id, ids)).all() : []
}

export interface MeasurePage {
  measure: SupportMeasure
  answers: Answers
  /** The answers came from the questionnaire (the URL). */
  answered: boolean
  fromProfile: boolean
  answersQuery: string
  eligibility: Eligibility
  canManage: boolean
}

/** A measure with its verdict for the answers in the URL (or the reader's organisation); archived ones say so. */
export function viewMeasure(actor: Actor | null, measureId: number, params: URLSearchParams): Result<MeasurePage, 'not_found'> {
  const measure = db.select().from(supportMeasures).where(eq(supportMeasures.id, measureId)).get()
  if (!measure) return refuse('not_found')
  const { answers, answered, fromProfile } = answersFor(actor, params)
  const { profile } = profileOf(answers, regionToday())
  const [{ eligibility }] = rankMeasures([measure], profile)
  return ok({ measure, answers, answered, fromProfile, answersQuery: answersQuery(answers), eligibility, canManage: can(actor, 'measure:manage') })
}
