import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useSubmit } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { measureKinds, measureLevels } from '#db/schema/measure-values'
import { Highlighted } from '~/components/catalogue'
import { FacetGroup, facetOptions } from '~/components/facets'
import { useFormat } from '~/components/format'
import { Pagination } from '~/components/layout'
import { DemoBadge, keyReasons, ReasonList, useAmountRange, VerdictBadge } from '~/components/measures'
import { QuestionnaireFields } from '~/components/measure-questionnaire'
import { resolveLocale } from '~/modules/http/locale.server'
import { loaderValue } from '~/modules/http/respond.server'
import { verdicts } from '~/modules/measures/eligibility'
import { navigateMeasures } from '~/modules/measures/navigator.server'
import { ANSWERED } from '~/modules/measures/questionnaire'
import { regionOptions } from '~/modules/organisations/regions'
import { can } from '~/modules/permissions/can'
import styles from '~/styles/measures.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Меры поддержки · Support measures' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const found = loaderValue(await navigateMeasures(context.actor, new URL(request.url)))
  const locale = await resolveLocale(request, context.actor)
  return json({ ...found, regions: regionOptions(locale), canManage: can(context.actor, 'measure:manage') })
}

// Text fields wait for Enter or the button; every other control applies at once when JavaScript runs.
const TYPED = ['q', 'amount', 'date']

export default function MeasureNavigator() {
  const { t } = useTranslation()
  const { formatDate, formatShare } = useFormat()
  const amountRange = useAmountRange()
  const submit = useSubmit()
  const location = useLocation()
  // The form's fields are uncontrolled: a page this form asked for keeps what the reader has typed
  // since, while any other navigation (a link, back and forward) starts the form afresh from the URL.
  const [formKey, setFormKey] = useState(0)
  const submitted = useRef(false)
  const mounted = useRef(false)
  useEffect(() => {
    if (!mounted.current) mounted.current = true
    else if (submitted.current) submitted.current = false
    else setFormKey((k) => k + 1)
  }, [location.key])
  const data = useLoaderData<typeof loader>()
  const { params, answers, fromProfile, invalid, answersQuery, degraded, items, total, verdictCounts, facets, page, pageCount, regions, canManage } = data
  return (
    <section className="catalogue">
      <div className="page-head">
        <h1>{t('measures.title')}</h1>
        {canManage ? (
          <Link to="/admin/measures" className="button">
            {t('measures.admin.navLabel')}
          </Link>
        ) : null}
      </div>
      <p className="muted lead-row">
        {t('measures.lead')}
      </p>
      <Form
        key={formKey}
        method="get"
        className="catalogue-form"
        onSubmit={() => {
          submitted.current = true
        }}
        onChange={(event) => {
          if (TYPED.includes((event.target as HTMLInputElement).name)) return
          submitted.current = true
          submit(event.currentTarget)
        }}
      >
        <input type="hidden" name={ANSWERED} value="1" />
        <div className="search-row">
          <label htmlFor="catalogue-q" className="visually-hidden">
            {t('catalogue.search')}
          </label>
          <input id="catalogue-q" type="search" name="q" defaultValue={params.q} placeholder={t('measures.placeholder')} maxLength={200} />
          <button type="submit" className="button primary">
            {t('catalogue.search')}
          </button>
          <label htmlFor="catalogue-sort" className="sort-label">
            {t('catalogue.sort')}
          </label>
          <select id="catalogue-sort" name="sort" defaultValue={params.sort}>
            {(['fit', 'deadline', 'amount', 'title'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`measures.sortBy.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="facets">
          <QuestionnaireFields answers={answers} regions={regions} fromProfile={fromProfile} invalid={invalid} />
          <FacetGroup name="verdict" legend={t('measures.facets.verdict')} selected={params.verdict} options={verdicts.map((v) => ({ value: v, label: t(`measures.verdict.${v}`), count: verdictCounts[v] }))} />
          <FacetGroup name="kind" legend={t('measures.facets.kind')} selected={params.kind} options={facetOptions(facets.kind, (v) => t(`measures.kind.${v}`), measureKinds)} />
          <FacetGroup name="level" legend={t('measures.facets.level')} selected={params.level} options={facetOptions(facets.level, (v) => t(`measures.level.${v}`), measureLevels)} />
          <FacetGroup name="provider" legend={t('measures.facets.provider')} selected={params.provider} options={facetOptions(facets.provider, (v) => v)} />
          <noscript>
            <button type="submit" className="button">
              {t('catalogue.apply')}
            </button>
          </noscript>
        </div>
      </Form>

      <div className="results">
        <p className="notice">{t('measures.demoNotice')}</p>
        {degraded ? (
          <p className="notice danger" role="alert">
            {t('measures.degraded')}
          </p>
        ) : null}
        <p className="muted">{t('measures.found', { count: total })}</p>
        {items.length === 0 ? <p className="empty">{t('measures.empty')}</p> : null}
        <ol className="hits">
          {items.map(({ measure: m, highlights, eligibility }) => (
            <li key={m.id} className={`card hit verdict-${eligibility.verdict}`}>
              <p className="badges">
                <VerdictBadge verdict={eligibility.verdict} />
                <span className="badge">{t(`measures.kind.${m.kind}`)}</span>
                <span className="badge">{t(`measures.level.${m.level}`)}</span>
                {m.isDemo ? <DemoBadge /> : null}
              </p>
              <h2>
                <Link to={`/measures/${m.id}?${answersQuery}`}>
                  <Highlighted text={highlights.title ?? m.title} />
                </Link>
              </h2>
              <p className="muted">{m.provider}</p>
              <p className="clamp">
                <Highlighted text={highlights.description ?? m.description} />
              </p>
              <p className="hit-facts">
                {m.amountMinKopecks !== null || m.amountMaxKopecks !== null ? <span>{amountRange(m.amountMinKopecks, m.amountMaxKopecks)}</span> : null}
                {m.coFinancingBp !== null ? (
                  <span>
                    {t('measures.fields.coFinancing')}: {formatShare(m.coFinancingBp)}
                  </span>
                ) : null}
                <span>{m.deadline ? `${t('measures.fields.deadline')}: ${formatDate(`${m.deadline}T12:00:00Z`)}` : t('measures.openEnded')}</span>
              </p>
              <ReasonList reasons={keyReasons(eligibility)} />
            </li>
          ))}
        </ol>
        <Pagination page={page} pageCount={pageCount} />
      </div>
    </section>
  )
}
