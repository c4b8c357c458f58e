import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { textLanguage } from '#search/documents/catalogue-order'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { classificationName } from '#db/classifications'
import { alliances, publicRequestStatuses } from '#db/schema/values'
import { budgetBands } from '#search/documents/budget-band'
import type { RequestDocument } from '#search/documents/requests'
import { Highlighted } from '~/components/catalogue'
import { CatalogueSearchForm, FacetGroup, facetOptions, TrlFacet } from '~/components/facets'
import { useFormat } from '~/components/format'
import { Pagination, UnverifiedBadge } from '~/components/layout'
import { resolveLocale } from '~/modules/http/locale.server'
import { regionName } from '~/modules/organisations/regions'
import { can } from '~/modules/permissions/can'
import { CATALOGUE_PAGE_SIZE, parseRequestSearch, runCatalogueQuery, queryHasNoWords, queryWasShortened } from '~/modules/search/catalogue-search.server'

export const meta: MetaFunction = () => [{ title: 'Запросы на НИОКР · R&D requests' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await resolveLocale(request, context.actor)
  const parsed = parseRequestSearch(new URL(request.url), locale)
  if (!parsed.ok) throw json({ error: 'invalid' }, { status: 400 })
  const query = parsed.value
  const found = await runCatalogueQuery<RequestDocument & { budgetMin: number; budgetMax: number; deadline: string; oecdField: string; trlNow: number; trlWanted: number }>(query)
  const fieldCodes = Object.keys(found.result?.facets.oecdField ?? {})
  const regionCodesFound = Object.keys(found.result?.facets.region ?? {})
  return json({
    params: query.params,
    degraded: found.degraded,
    noWords: queryHasNoWords(query.q),
    shortened: queryWasShortened(new URL(request.url)),
    hits: found.result?.hits ?? [],
    total: found.result?.total ?? 0,
    facets: found.result?.facets ?? {},
    labels: {
      field: Object.fromEntries([...new Set([...fieldCodes, ...query.params.field])].map((c) => [c, `${c} ${classificationName('oecd', c, locale)}`])),
      region: Object.fromEntries([...new Set([...regionCodesFound, ...query.params.region])].map((c) => [c, regionName(c, locale)])),
    },
    canCreate: can(context.actor, 'request:create'),
    canSaveAlert: can(context.actor, 'alert:manage'),
    query: new URL(request.url).searchParams.toString(),
    pageCount: Math.max(1, Math.ceil((found.result?.total ?? 0) / CATALOGUE_PAGE_SIZE)),
  })
}

export default function RequestCatalogue() {
  const { t, i18n } = useTranslation()
  // A reader of the English interface sees a request's English version where it has one.
  const english = (d: { titleEn: string | null }) => i18n.language === 'en' && Boolean(d.titleEn)
  const { formatMoney, formatDate } = useFormat()
  const { params, degraded, noWords, shortened, hits, total, facets, labels, canCreate, canSaveAlert, query, pageCount } = useLoaderData<typeof loader>()
  return (
    <section className="catalogue">
      <div className="page-head">
        <h1>{t('catalogue.requests.title')}</h1>
        {canCreate ? (
          <Link to="/requests/new" className="button primary">
            {t('request.new')}
          </Link>
        ) : null}
      </div>
      <CatalogueSearchForm
        q={params.q}
        placeholder={t('catalogue.requests.placeholder')}
        sort={params.sort}
        sortOptions={['relevance', 'newest', 'deadline', 'budget'].map((v) => ({ value: v, label: t(`catalogue.sortBy.${v}`) }))}
      >
        <FacetGroup name="status" legend={t('catalogue.facets.status')} selected={params.status} options={facetOptions(facets.status, (v) => t(`request.status.${v}`), publicRequestStatuses)} />
        <FacetGroup name="alliance" legend={t('fields.alliance')} selected={params.alliance} options={facetOptions(facets.alliance, (v) => t(`alliance.${v}`), alliances)} />
        <FacetGroup name="field" legend={t('catalogue.facets.field')} selected={params.field} options={facetOptions(facets.oecdField, (v) => labels.field[v] ?? v)} />
        <FacetGroup name="budget" legend={t('catalogue.facets.budget')} selected={params.budget} options={facetOptions(facets.budgetBand, (v) => t(`budgetBand.${v}`), budgetBands)} />
        <FacetGroup name="region" legend={t('fields.region')} selected={params.region} options={facetOptions(facets.region, (v) => labels.region[v] ?? v)} />
        <TrlFacet label={t('catalogue.facets.trl')} selected={params.trl} />
      </CatalogueSearchForm>

      <div className="results">
        {shortened ? <p className="notice" role="status">{t('catalogue.queryShortened', { max: shortened })}</p> : null}
        {noWords ? <p className="notice" role="status">{t('catalogue.noWords')}</p> : null}
        {degraded ? <p className="notice danger" role="alert">{t('catalogue.degraded')}</p> : <p className="muted">{t('catalogue.requests.found', { count: total })}</p>}
        {!degraded && hits.length === 0 ? <p className="empty">{t('catalogue.empty')}</p> : null}
        {canSaveAlert ? (
          <Form method="post" action="/alerts" className="inline-form save-alert">
            <input type="hidden" name="query" value={query} />
            <label htmlFor="alert-name">{t('alerts.nameLabel')}</label>
            <input id="alert-name" name="name" required minLength={2} maxLength={120} defaultValue={params.q || t('alerts.defaultName')} />
            <button type="submit" className="button small">
              {t('alerts.save')}
            </button>
          </Form>
        ) : null}
        <ol className="hits">
          {hits.map(({ document: d, highlights }) => (
            <li key={d.id} className="card hit">
              <h2 lang={textLanguage(english(d) ? d.titleEn : d.title) ?? undefined}>
                <Link to={`/requests/${d.id}`}>
                  <Highlighted text={english(d) ? (highlights.titleEn ?? d.titleEn ?? d.title) : (highlights.title ?? d.title)} />
                </Link>
              </h2>
              <p className="muted">
                {d.organisationName}
                {!d.organisationVerified ? <UnverifiedBadge /> : null}
                {d.status !== 'published' ? <span className="badge">{t(`request.status.${d.status}`)}</span> : null}
              </p>
              <p lang={textLanguage(english(d) ? d.summaryEn : d.summary) ?? undefined}>
                <Highlighted text={english(d) ? (highlights.summaryEn ?? d.summaryEn ?? d.summary) : (highlights.summary ?? d.summary)} />
              </p>
              <p className="hit-facts">
                <span>{labels.field[d.oecdField] ?? d.oecdField}</span>
                <span>{t('request.trlFromTo', { from: d.trlNow, to: d.trlWanted })}</span>
                <span>
                  {formatMoney(d.budgetMin, { wholeRoubles: true })} — {formatMoney(d.budgetMax, { wholeRoubles: true })}
                </span>
                <span>{t('request.until', { date: formatDate(`${d.deadline}T12:00:00Z`) })}</span>
              </p>
            </li>
          ))}
        </ol>
        <Pagination page={params.page} pageCount={pageCount} />
      </div>
    </section>
  )
}
