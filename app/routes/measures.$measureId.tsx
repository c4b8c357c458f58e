import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TrlRange } from '~/components/catalogue'
import { useFormat } from '~/components/format'
import { DemoBadge, ReasonList, useAmountRange, VerdictBadge } from '~/components/measures'
import { parseId } from '~/modules/http/params.server'
import { loaderValue } from '~/modules/http/respond.server'
import { viewMeasure } from '~/modules/measures/navigator.server'
import { regionName } from '~/modules/organisations/regions'
import styles from '~/styles/measures.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.measure.title ?? 'Мера поддержки · Support measure' }]

export function loader({ request, params, context }: LoaderFunctionArgs) {
  return json(loaderValue(viewMeasure(context.actor, parseId(params.measureId), new URL(request.url).searchParams), { conceal: true }))
}

export default function MeasurePage() {
  const { t } = useTranslation()
  const { formatDate, formatShare, locale } = useFormat()
  const amountRange = useAmountRange()
  const { measure: m, answered, fromProfile, answersQuery, eligibility, canManage } = useLoaderData<typeof loader>()
  const navigator = answered || fromProfile ? `/measures?${answersQuery}` : '/measures'
  const listOr = (values: string[], label: (v: string) => string, none: string) => (values.length ? values.map(label).join(', ') : none)
  const sectorLabel = (v: string) => (/^\d$/.test(v) ? t(`measures.area.${v}`) : t(`alliance.${v}`))
  return (
    <article className="detail">
      <p>
        <Link to={navigator}>{t('measures.backToNavigator')}</Link>
      </p>
      <p className="badges">
        <span className="badge">{t(`measures.kind.${m.kind}`)}</span>
        <span className="badge">{t(`measures.level.${m.level}`)}</span>
        {m.isDemo ? <DemoBadge /> : null}
        {m.status === 'archived' ? <span className="badge danger">{t('measures.status.archived')}</span> : null}
      </p>
      <div className="page-head">
        <h1>{m.title}</h1>
        {canManage ? (
          <Link to={`/admin/measures/${m.id}/edit`} className="button">
            {t('measures.edit')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{m.provider}</p>
      {m.status === 'archived' ? <p className="notice danger">{t('measures.archivedNotice')}</p> : null}
      {m.isDemo ? <p className="notice">{t('measures.demoNotice')}</p> : null}

      <section className="card verdict-box" aria-labelledby="verdict-title">
        <h2 id="verdict-title">
          {t('measures.eligibility.title')} <VerdictBadge verdict={eligibility.verdict} />
        </h2>
        <p className="hint">{answered ? t('measures.eligibility.byAnswers') : fromProfile ? t('measures.eligibility.byProfile') : t('measures.eligibility.noAnswers')}</p>
        <ReasonList reasons={eligibility.reasons} />
        <p>
          <Link to={navigator}>{t('measures.eligibility.change')}</Link>
        </p>
      </section>

      <div className="detail-grid">
        <div>
          <h2>{t('measures.fields.description')}</h2>
          <p className="prose">{m.description}</p>
          <h2>{t('measures.fields.documents')}</h2>
          {m.requiredDocuments.length ? (
            <ul className="documents">
              {m.requiredDocuments.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">—</p>
          )}
          <p>
            <a href={m.link} rel="noopener noreferrer" target="_blank" className="button">
              {t('measures.openLink')}
            </a>{' '}
            <span className="muted">{m.link}</span>
          </p>
          <h2>{t('measures.source.title')}</h2>
          {m.sourceUrl && m.sourceCheckedOn ? (
            <p className="measure-source">
              <a href={m.sourceUrl} rel="noopener noreferrer" target="_blank">
                {m.sourceTitle ?? m.sourceUrl}
              </a>
              <br />
              <span className="muted">{t('measures.source.checkedOn', { date: formatDate(`${m.sourceCheckedOn}T12:00:00Z`) })}</span>
            </p>
          ) : (
            <p className="notice">{t('measures.source.none')}</p>
          )}
        </div>
        <aside className="card">
          <dl className="facts stacked">
            <dt>{t('measures.fields.provider')}</dt>
            <dd>{m.provider}</dd>
            <dt>{t('measures.fields.amount')}</dt>
            <dd>
              {amountRange(m.amountMinKopecks, m.amountMaxKopecks)}
              {m.maxYears !== null ? ` ${t('measures.perYear', { count: m.maxYears })}` : ''}
            </dd>
            {m.coFinancingBp !== null ? (
              <>
                <dt>{t('measures.fields.coFinancing')}</dt>
                <dd>{t(`measures.coFinancingOf.${m.coFinancingBase}`, { share: formatShare(m.coFinancingBp) })}</dd>
              </>
            ) : m.coFinancingBase === 'grant' ? (
              <>
                <dt>{t('measures.fields.coFinancing')}</dt>
                <dd>{t('measures.coFinancingOfGrantUnset')}</dd>
              </>
            ) : null}
            {m.contractorTypes.length ? (
              <>
                <dt>{t('measures.fields.contractorTypes')}</dt>
                <dd>{m.contractorTypes.map((v) => t(`organisationType.${v}`)).join(', ')}</dd>
              </>
            ) : null}
            {m.stacking ? (
              <>
                <dt>{t('measures.fields.stacking')}</dt>
                <dd>{t(`measures.stacking.${m.stacking}`)}</dd>
              </>
            ) : null}
            <dt>{t('measures.fields.deadline')}</dt>
            <dd>{m.deadline ? formatDate(`${m.deadline}T12:00:00Z`) : t('measures.noDeadline')}</dd>
            <dt>{t('measures.fields.organisationTypes')}</dt>
            <dd>{listOr(m.organisationTypes, (v) => t(`organisationType.${v}`), t('measures.anyone'))}</dd>
            {m.organisationTypes.length === 0 || m.organisationTypes.includes('company') ? (
              <>
                <dt>{t('measures.fields.companySizes')}</dt>
                <dd>{listOr(m.companySizes, (v) => t(`companySize.${v}`), t('measures.anyone'))}</dd>
              </>
            ) : null}
            <dt>{t('measures.fields.regions')}</dt>
            <dd>{listOr(m.regions, (v) => regionName(v, locale), t('measures.allRegions'))}</dd>
            <dt>{t('measures.fields.sectors')}</dt>
            <dd>{listOr(m.sectors, sectorLabel, t('measures.anyone'))}</dd>
            <dt>{t('measures.fields.stages')}</dt>
            <dd>{listOr(m.stages, (v) => t(`measures.stage.${v}`), t('measures.anyone'))}</dd>
            <dt>{t('measures.fields.trl')}</dt>
            <dd>{m.trlMin !== null || m.trlMax !== null ? <TrlRange from={m.trlMin ?? 1} to={m.trlMax ?? 9} /> : t('measures.anyone')}</dd>
          </dl>
        </aside>
      </div>
    </article>
  )
}
