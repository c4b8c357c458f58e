import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { alliances } from '#db/schema/values'
import type { OrganisationDocument } from '#search/documents/organisations'
import { Highlighted } from '~/components/catalogue'
import { CatalogueSearchForm, FacetGroup, facetOptions } from '~/components/facets'
import { Pagination, UnverifiedBadge } from '~/components/layout'
import { resolveLocale } from '~/modules/http/locale.server'
import { regionName } from '~/modules/organisations/regions'
import { CATALOGUE_PAGE_SIZE, parseOrganisationSearch, runCatalogueQuery, queryHasNoWords, queryWasShortened } from '~/modules/search/catalogue-search.server'

export const meta: MetaFunction = () => [{ title: 'Организации · Organisations' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = parseOrganisationSearch(new URL(request.url))
  if (!parsed.ok) throw json({ error: 'invalid' }, { status: 400 })
  const query = parsed.value
  const locale = await resolveLocale(request, context.actor)
  const found = await runCatalogueQuery<OrganisationDocument & { description: string | null; region: string }>(query)
  const regions = new Set([...Object.keys(found.result?.facets.region ?? {}), ...query.params.region, ...(found.result?.hits ?? []).map((h) => h.document.region)])
  return json({
    params: query.params,
    degraded: found.degraded,
    noWords: queryHasNoWords(query.q),
    shortened: queryWasShortened(new URL(request.url)),
    hits: found.result?.hits ?? [],
    total: found.result?.total ?? 0,
    facets: found.result?.facets ?? {},
    regionLabels: Object.fromEntries([...regions].map((c) => [c, regionName(c, locale)])),
    pageCount: Math.max(1, Math.ceil((found.result?.total ?? 0) / CATALOGUE_PAGE_SIZE)),
  })
}

export default function OrganisationCatalogue() {
  const { t } = useTranslation()
  const { params, degraded, noWords, shortened, hits, total, facets, regionLabels, pageCount } = useLoaderData<typeof loader>()
  return (
    <section className="catalogue">
      <h1>{t('catalogue.organisations.title')}</h1>
      <CatalogueSearchForm
        q={params.q}
        placeholder={t('catalogue.organisations.placeholder')}
        sort={params.sort}
        sortOptions={['relevance', 'name'].map((v) => ({ value: v, label: t(`catalogue.sortBy.${v}`) }))}
      >
        <FacetGroup name="type" legend={t('catalogue.facets.organisationType')} selected={params.type} options={facetOptions(facets.type, (v) => t(`organisationType.${v}`), ['company', 'university', 'institute', 'research_org'])} />
        <FacetGroup name="alliance" legend={t('fields.alliance')} selected={params.alliance} options={facetOptions(facets.alliance, (v) => t(`alliance.${v}`), alliances)} />
        <FacetGroup name="region" legend={t('fields.region')} selected={params.region} options={facetOptions(facets.region, (v) => regionLabels[v] ?? v)} />
      </CatalogueSearchForm>
      <div className="results">
        {shortened ? <p className="notice" role="status">{t('catalogue.queryShortened', { max: shortened })}</p> : null}
        {noWords ? <p className="notice" role="status">{t('catalogue.noWords')}</p> : null}
        {degraded ? <p className="notice danger" role="alert">{t('catalogue.degraded')}</p> : <p className="muted">{t('catalogue.organisations.found', { count: total })}</p>}
        {!degraded && hits.length === 0 ? <p className="empty">{t('catalogue.empty')}</p> : null}
        <ol className="hits">
          {hits.map(({ document: d, highlights }) => (
            <li key={d.id} className="card hit">
              <h2>
                <Link to={`/orgs/${d.id}`}>
                  <Highlighted text={highlights.name ?? d.name} />
                </Link>
                {!d.verified ? <UnverifiedBadge /> : null}
              </h2>
              <p className="muted">
                {t(`organisationType.${d.type}`)} · {regionLabels[d.region] ?? d.region}
              </p>
              {d.description ? (
                <p className="clamp">
                  <Highlighted text={highlights.description ?? d.description} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
        <Pagination page={params.page} pageCount={pageCount} />
      </div>
    </section>
  )
}
