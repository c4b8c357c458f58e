import { z } from 'zod'
import type { Locale } from '~/i18n'
import { isOecdField } from '#db/classifications'
import { alliances, organisationTypes, publicRequestStatuses } from '#db/schema/values'
import { analyze } from '#search/analyzer'
import { budgetBands } from '#search/documents/budget-band'
import { readerOrder } from '#search/documents/catalogue-order'
import { SearchUnavailableError, type Filter, type IndexName, type SearchDocument, type SearchResult, type Sort } from '#search/engine'
import { logger } from '../logger.server'
import { regionCodes } from '../organisations/regions'
import { ok, refuse, type Result } from '../result'
import { searchEngine } from './engine.server'

export const CATALOGUE_PAGE_SIZE = 20

const many = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(50).default([])
const trl = z.coerce.number().int().min(1).max(9).optional()
/** The search box takes this many characters; a longer query (a pasted page, a crafted link) is searched by its start. */
export const QUERY_MAX_LENGTH = 200
const common = {
  q: z
    .string()
    .default('')
    .transform((q) => q.slice(0, QUERY_MAX_LENGTH)),
  page: z.coerce.number().int().min(1).max(500).default(1),
  region: many(z.enum(regionCodes)),
  alliance: many(z.enum(alliances)),
}

const RequestParams = z.object({
  ...common,
  field: many(z.string().refine(isOecdField)),
  budget: many(z.enum(budgetBands)),
  status: many(z.enum(publicRequestStatuses)),
  trl,
  sort: z.enum(['relevance', 'newest', 'deadline', 'budget']).default('relevance'),
})

const LabParams = z.object({
  ...common,
  field: many(z.string().refine(isOecdField)),
  orgType: many(z.enum(['university', 'institute', 'research_org'])),
  trl,
  sort: z.enum(['relevance', 'name', 'publications']).default('relevance'),
})

const OrganisationParams = z.object({
  ...common,
  type: many(z.enum(organisationTypes)),
  verified: z.enum(['yes', 'no']).optional(),
  sort: z.enum(['relevance', 'name']).default('relevance'),
})

export type RequestSearchParams = z.infer<typeof RequestParams>
export type LabSearchParams = z.infer<typeof LabParams>
export type OrganisationSearchParams = z.infer<typeof OrganisationParams>

/** URL parameters as an object: repeated keys (?alliance=a&alliance=b) become arrays. */
function fromUrl(url: URL, arrays: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).filter((v) => v !== '')
    if (values.length === 0) continue
    out[key] = arrays.includes(key) ? values : values[values.length - 1]
  }
  return out
}

function inFilter(field: string, values: readonly (string | number)[]): Filter[] {
  return values.length ? [{ field, op: 'in', values: [...values] }] : []
}

export interface CatalogueQuery<P> {
  params: P
  index: IndexName
  q: string
  filters: Filter[]
  sort: Sort[]
  page: number
  facets: string[]
  highlight: string[]
}

function requestQuery(params: RequestSearchParams, locale: Locale): CatalogueQuery<RequestSearchParams> {
  const status = params.status.length ? params.status : ['published']
  const filters: Filter[] = [
    ...inFilter('status', status),
    ...inFilter('alliance', params.alliance),
    ...inFilter('oecdField', params.field),
    ...inFilter('region', params.region),
    ...inFilter('budgetBand', params.budget),
    // A TRL filter keeps the requests whose target work passes through that level.
    ...(params.trl ? [{ field: 'trlNow', op: 'range', lte: params.trl } as Filter, { field: 'trlWanted', op: 'range', gte: params.trl } as Filter] : []),
  ]
  const sort: Sort[] =
    params.sort === 'newest' ? [{ field: 'publishedAt', direction: 'desc' }]
    : params.sort === 'deadline' ? [{ field: 'deadline', direction: 'asc' }]
    : params.sort === 'budget' ? [{ field: 'budgetMax', direction: 'desc' }]
    : params.q ? [] : readerOrder(locale)
  return {
    params,
    index: 'requests',
    q: params.q,
    filters,
    sort,
    page: params.page,
    facets: ['status', 'alliance', 'oecdField', 'region', 'budgetBand'],
    highlight: ['title', 'summary', 'titleEn', 'summaryEn'],
  }
}

function labQuery(params: LabSearchParams, locale: Locale): CatalogueQuery<LabSearchParams> {
  const filters: Filter[] = [
    ...inFilter('alliance', params.alliance),
    ...inFilter('oecdFields', params.field),
    ...inFilter('region', params.region),
    ...inFilter('organisationType', params.orgType),
    ...(params.trl ? [{ field: 'trlMin', op: 'range', lte: params.trl } as Filter, { field: 'trlMax', op: 'range', gte: params.trl } as Filter] : []),
  ]
  const sort: Sort[] =
    params.sort === 'name' ? [{ field: 'name', direction: 'asc' }]
    : params.sort === 'publications' ? [{ field: 'publicationCount', direction: 'desc' }]
    : params.q ? [] : readerOrder(locale)
  return {
    params,
    index: 'labs',
    q: params.q,
    filters,
    sort,
    page: params.page,
    facets: ['alliance', 'oecdFields', 'region', 'organisationType'],
    highlight: ['name', 'description', 'nameEn', 'descriptionEn'],
  }
}

function organisationQuery(params: OrganisationSearchParams): CatalogueQuery<OrganisationSearchParams> {
  const filters: Filter[] = [
    ...inFilter('type', params.type),
    ...inFilter('region', params.region),
    ...inFilter('alliance', params.alliance),
    ...(params.verified ? [{ field: 'verified', op: 'eq', value: params.verified === 'yes' } as Filter] : []),
  ]
  return {
    params,
    index: 'organisations',
    q: params.q,
    filters,
    sort: params.sort === 'name' || !params.q ? [{ field: 'name', direction: 'asc' }] : [],
    page: params.page,
    facets: ['type', 'region', 'alliance', 'verified'],
    highlight: ['name', 'description'],
  }
}

const parsers = {
  requests: (url: URL) => RequestParams.safeParse(fromUrl(url, ['alliance', 'field', 'region', 'budget', 'status'])),
  labs: (url: URL) => LabParams.safeParse(fromUrl(url, ['alliance', 'field', 'region', 'orgType'])),
  organisations: (url: URL) => OrganisationParams.safeParse(fromUrl(url, ['type', 'region', 'alliance'])),
}

/** Reads a catalogue page's URL into a query; malformed or unknown values are refused, never guessed. */
/** Without a query, the reader's language orders the catalogue: see readerOrder. */
export function parseRequestSearch(url: URL, locale: Locale = 'ru'): Result<CatalogueQuery<RequestSearchParams>, 'invalid'> {
  const parsed = parsers.requests(url)
  return parsed.success ? ok(requestQuery(parsed.data, locale)) : refuse('invalid')
}

export function parseLabSearch(url: URL, locale: Locale = 'ru'): Result<CatalogueQuery<LabSearchParams>, 'invalid'> {
  const parsed = parsers.labs(url)
  return parsed.success ? ok(labQuery(parsed.data, locale)) : refuse('invalid')
}

export function parseOrganisationSearch(url: URL): Result<CatalogueQuery<OrganisationSearchParams>, 'invalid'> {
  const parsed = parsers.organisations(url)
  return parsed.success ? ok(organisationQuery(parsed.data)) : refuse('invalid')
}

/** The length the query was cut to, when it was longer than the search box takes (the page says so), or null. */
export function queryWasShortened(url: URL): number | null {
  return url.searchParams.getAll('q').some((q) => q.length > QUERY_MAX_LENGTH) ? QUERY_MAX_LENGTH : null
}

/** A query of symbols or stopwords only: the engines search it as an empty one, and the page says so. */
export function queryHasNoWords(q: string): boolean {
  return q.trim() !== '' && analyze(q).length === 0
}

export type CatalogueResult<D extends SearchDocument> = { degraded: false; result: SearchResult<D> } | { degraded: true; result: null }

/** Runs the query; an engine that is down makes the page say so instead of failing. */
export async function runCatalogueQuery<D extends SearchDocument>(query: CatalogueQuery<unknown>, perPage = CATALOGUE_PAGE_SIZE): Promise<CatalogueResult<D>> {
  try {
    const result = await searchEngine.search<D>(query.index, {
      q: query.q,
      filters: query.filters,
      facets: query.facets,
      sort: query.sort,
      page: query.page,
      perPage,
      highlight: query.highlight,
    })
    return { degraded: false, result }
  } catch (error) {
    logger.warn({ event: 'search.degraded', index: query.index, error: error instanceof Error ? error.message : String(error), unavailable: error instanceof SearchUnavailableError })
    return { degraded: true, result: null }
  }
}
