import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { textLanguage } from '#search/documents/catalogue-order'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { classificationName } from '#db/classifications'
import { alliances } from '#db/schema/values'
import type { LabDocument } from '#search/documents/labs'
import { Highlighted, TrlRange } from '~/components/catalogue'
import { CatalogueSearchForm, FacetGroup, facetOptions, TrlFacet } from '~/components/facets'
import { Pagination, UnverifiedBadge } from '~/components/layout'
import { resolveLocale } from '~/modules/http/locale.server'
import { regionName } from '~/modules/organisations/regions'
import { can } from '~/modules/permissions/can'
import { CATALOGUE_PAGE_SIZE, parseLabSearch, runCatalogueQuery, queryHasNoWords, queryWasShortened } from '~/modules/search/catalogue-search.server'

export const meta: MetaFunction = () => [{ title: 'Лаборатории · Labs' }]

type LabHit = LabDocument & { organisationType: string; organisationVerified: boolean; oecdFields: string[]; trlMin: number; trlMax: number; publicationCount: number }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await resolveLocale(request, context.actor)
  const parsed = parseLabSearch(new URL(request.url), locale)
  if (!parsed.ok) throw json({ error: 'invalid' }, { status: 400 })
  const query = parsed.value
  const found = await runCatalogueQuery<LabHit>(query)
  const codes = new Set([...Object.keys(found.result?.facets.oecdFields ?? {}), ...query.params.field, ...(found.result?.hits ?? []).flatMap((h) => h.document.oecdFields)])
  const regions = new Set([...Object.keys(found.result?.facets.region ?? {}), ...query.params.region])
  return json({
    params: query.params,
    degraded: found.degraded,
    noWords: queryHasNoWords(query.q),
    shortened: queryWasShortened(new URL(request.url)),
    hits: found.result?.hits ?? [],
    total: found.result?.total ?? 0,
    facets: found.result?.facets ?? {},
    labels: {
      field: Object.fromEntries([...codes].map((c) => [c, `${c} ${classificationName('oecd', c, locale)}`])),
      region: Object.fromEntries([...regions].map((c) => [c, regionName(c, locale)])),
    },
    canCreate: can(context.actor, 'lab:create'),
    pageCount: Math.max(1, Math.ceil((found.result?.total ?? 0) / CATALOGUE_PAGE_SIZE)),
  })
}

export default function LabCatalogue() {
  const { t, i18n } = useTranslation()
  // A reader of the English interface sees a profile's English version where it has one.
  const english = (d: { nameEn: string | null }) => i18n.language === 'en' && Boolean(d.nameEn)
  const { params, degraded, noWords, shortened, hits, total, facets, labels, canCreate, pageCount } = useLoaderData<typeof loader>()
  return (
    <section className="catalogue">
      <div className="page-head">
        <h1>{t('catalogue.labs.title')}</h1>
        {canCreate ? (
          <Link to="/labs/new" className="button primary">
            {t('lab.new')}
          </Link>
        ) : null}
      </div>
      <CatalogueSearchForm
        q={params.q}
        placeholder={t('catalogue.labs.placeholder')}
        sort={params.sort}
        sortOptions={['relevance', 'name', 'publications'].map((v) => ({ value: v, label: t(`catalogue.sortBy.${v}`) }))}
      >
        <FacetGroup name="orgType" legend={t('catalogue.facets.organisationType')} selected={params.orgType} options={facetOptions(facets.organisationType, (v) => t(`organisationType.${v}`), ['university', 'institute', 'research_org'])} />
        <FacetGroup name="alliance" legend={t('fields.alliance')} selected={params.alliance} options={facetOptions(facets.alliance, (v) => t(`alliance.${v}`), alliances)} />
        <FacetGroup name="field" legend={t('catalogue.facets.field')} selected={params.field} options={facetOptions(facets.oecdFields, (v) => labels.field[v] ?? v)} />
        <FacetGroup name="region" legend={t('fields.region')} selected={params.region} options={facetOptions(facets.region, (v) => labels.region[v] ?? v)} />
        <TrlFacet label={t('catalogue.facets.trlLab')} selected={params.trl} />
      </CatalogueSearchForm>
      <div className="results">
        {shortened ? <p className="notice" role="status">{t('catalogue.queryShortened', { max: shortened })}</p> : null}
        {noWords ? <p className="notice" role="status">{t('catalogue.noWords')}</p> : null}
        {degraded ? <p className="notice danger" role="alert">{t('catalogue.degraded')}</p> : <p className="muted">{t('catalogue.labs.found', { count: total })}</p>}
        {!degraded && hits.length === 0 ? <p className="empty">{t('catalogue.empty')}</p> : null}
        <ol className="hits">
          {hits.map(({ document: d, highlights }) => (
            <li key={d.id} className="card hit">
              <h2 lang={textLanguage(english(d) ? d.nameEn : d.name) ?? undefined}>
                <Link to={`/labs/${d.id}`}>
                  <Highlighted text={english(d) ? (highlights.nameEn ?? d.nameEn ?? d.name) : (highlights.name ?? d.name)} />
                </Link>
              </h2>
              <p className="muted">
                {d.organisationName} · {t(`organisationType.${d.organisationType}`)}
                {!d.organisationVerified ? <UnverifiedBadge /> : null}
              </p>
              <p className="clamp" lang={textLanguage(english(d) ? d.descriptionEn : d.description) ?? undefined}>
                <Highlighted text={english(d) ? (highlights.descriptionEn ?? d.descriptionEn ?? d.description) : (highlights.description ?? d.description)} />
              </p>
              <p className="hit-facts">
                <span>{d.oecdFields.map((c) => labels.field[c] ?? c).join('; ')}</span>
                <span>
                  <TrlRange from={d.trlMin} to={d.trlMax} />
                </span>
                <span>{t('lab.publications', { count: d.publicationCount })}</span>
              </p>
            </li>
          ))}
        </ol>
        <Pagination page={params.page} pageCount={pageCount} />
      </div>
    </section>
  )
}
