import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { alliances } from '#db/schema/values'
import { SimpleBarChart, StackedBarChart } from '~/components/charts'
import { useFormat } from '~/components/format'
import { dashboardFigures } from '~/modules/dashboard/figures.server'
import { contractorTypes, filterFromUrl, filterQuery } from '~/modules/dashboard/filters'
import { requirePermission } from '~/modules/http/guards.server'
import { reportKinds, type ReportKind } from '~/modules/dashboard/records.server'
import { can } from '~/modules/permissions/can'

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:administration')
  const url = new URL(request.url)
  const parsed = filterFromUrl(url)
  if (!parsed.success) throw json({ error: 'invalid' }, { status: 400 })
  const filter = parsed.data
  // A figure links to its list only where the list would open for this person.
  const listed = reportKinds.filter((kind) => can(actor, 'report:view', { kind }))
  return json({ filter, query: filterQuery(filter), figures: dashboardFigures(filter), listed })
}

function Figure({ value, label, to, note }: { value: string | number; label: string; to: string | null; note?: string }) {
  const content = (
    <>
      <strong className="figure">{value}</strong>
      <span>{label}</span>
    </>
  )
  return (
    <li className="card">
      {to ? <Link to={to}>{content}</Link> : content}
      {note ? <p className="hint">{note}</p> : null}
    </li>
  )
}

export default function Dashboard() {
  const { t } = useTranslation()
  const { formatMoney, formatNumber } = useFormat()
  const { filter, query, figures, listed } = useLoaderData<typeof loader>()
  const list = (kind: ReportKind, extra = '') => (listed.includes(kind) ? `/admin/reports/${kind}?${query}${extra}` : null)
  const millions = (k: number) => formatMoney(k, { wholeRoubles: true })
  return (
    <section className="dashboard">
      <div className="page-head no-print">
        <h1>{t('dashboard.title')}</h1>
        <Link to={`/admin/dashboard/print?${query}`} className="button">
          {t('dashboard.print')}
        </Link>
        <a href={`/admin/dashboard/export?${query}&format=csv`} className="button" download>
          CSV
        </a>
        <a href={`/admin/dashboard/export?${query}&format=xlsx`} className="button" download>
          XLSX
        </a>
      </div>
      <Form method="get" className="filters no-print">
        <div className="field">
          <label htmlFor="from">{t('dashboard.filters.from')}</label>
          <input id="from" name="from" type="date" defaultValue={filter.from} />
        </div>
        <div className="field">
          <label htmlFor="to">{t('dashboard.filters.to')}</label>
          <input id="to" name="to" type="date" defaultValue={filter.to} />
        </div>
        <div className="field">
          <label htmlFor="alliance">{t('fields.alliance')}</label>
          <select id="alliance" name="alliance" defaultValue={filter.alliance ?? ''}>
            <option value="">{t('dashboard.filters.allAlliances')}</option>
            {alliances.map((a) => (
              <option key={a} value={a}>
                {t(`alliance.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="orgType">{t('dashboard.filters.orgType')}</label>
          <select id="orgType" name="orgType" defaultValue={filter.orgType ?? ''}>
            <option value="">{t('dashboard.filters.allTypes')}</option>
            {contractorTypes.map((o) => (
              <option key={o} value={o}>
                {t(`organisationType.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button primary">
          {t('dashboard.filters.apply')}
        </button>
      </Form>

      <h2>{t('dashboard.sections.cooperation')}</h2>
      <ul className="cards">
        <Figure value={formatNumber(figures.requestsPosted)} label={t('dashboard.figures.requestsPosted')} to={list('requests')} />
        <Figure value={formatNumber(figures.requestsOpen)} label={t('dashboard.figures.requestsOpen')} to={list('requests', '&open=1')} />
        <Figure value={formatNumber(figures.matchesProposed)} label={t('dashboard.figures.matchesProposed')} to={list('matches')} />
        <Figure value={formatNumber(figures.matchesTakenUp)} label={t('dashboard.figures.matchesTakenUp')} to={list('matches', '&takenUp=1')} />
        <Figure value={formatNumber(figures.engagementsStarted)} label={t('dashboard.figures.engagementsStarted')} to={list('engagements')} />
        <Figure value={formatNumber(figures.engagementsAgreed)} label={t('dashboard.figures.engagementsAgreed')} to={list('engagements', '&stage=agreed')} />
        <Figure value={formatNumber(figures.contractsSigned)} label={t('dashboard.figures.contractsSigned')} to={list('contracts')} />
        <Figure
          value={figures.daysToFirstContact === null ? '—' : t('dashboard.days', { count: figures.daysToFirstContact })}
          label={t('dashboard.figures.daysToFirstContact')}
          to={list('engagements')}
        />
        <Figure
          value={figures.daysToContract === null ? '—' : t('dashboard.days', { count: figures.daysToContract })}
          label={t('dashboard.figures.daysToContract')}
          to={list('contracts')}
          note={figures.contractsRegisteredOutside ? t('dashboard.registeredOutside', { count: figures.contractsRegisteredOutside }) : undefined}
        />
      </ul>

      <div className="charts">
        <SimpleBarChart
          empty={t('dashboard.noData')}
          title={t('dashboard.charts.engagementsByStage')}
          data={Object.entries(figures.engagementsByStage).map(([stage, n]) => ({ label: t(`engagement.stage.${stage}`), value: n }))}
        />
        <SimpleBarChart
          empty={t('dashboard.noData')}
          title={t('dashboard.charts.contractVolume')}
          format={millions}
          data={[
            { label: t('dashboard.figures.volumeUniversities'), value: figures.contractVolume.university },
            { label: t('dashboard.figures.volumeInstitutes'), value: figures.contractVolume.institute + figures.contractVolume.research_org },
          ]}
        />
        <SimpleBarChart
          empty={t('dashboard.noData')}
          title={t('dashboard.charts.claimsByStatus')}
          data={Object.entries(figures.claimsByStatus).map(([status, n]) => ({ label: t(`claims.status.${status}`), value: n }))}
        />
      </div>

      <h2>{t('dashboard.sections.claims')}</h2>
      <ul className="cards">
        {Object.entries(figures.claimsByStatus).map(([status, n]) => (
          <Figure key={status} value={formatNumber(n)} label={t(`claims.status.${status}`)} to={list('claims', `&status=${status}`)} />
        ))}
        {Object.keys(figures.claimsByStatus).length === 0 ? <li className="empty">{t('dashboard.noClaims')}</li> : null}
      </ul>

      <h2>{t('dashboard.sections.programmes')}</h2>
      {figures.programmes.length === 0 ? <p className="empty">{t('dashboard.noProgrammes')}</p> : null}
      {figures.programmes.length ? (
        <>
          <StackedBarChart
            title={t('dashboard.charts.budget')}
            format={millions}
            series={[
              { key: 'paid', name: t('dashboard.budget.paid') },
              { key: 'reserved', name: t('dashboard.budget.reserved') },
              { key: 'remaining', name: t('dashboard.budget.remaining') },
            ]}
            data={figures.programmes.map((p) => ({ label: `${p.title.slice(0, 40)} (${p.year})`, paid: p.paid, reserved: p.reserved, remaining: p.remaining }))}
          />
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.columns.programme')}</th>
                <th scope="col">{t('dashboard.budget.total')}</th>
                <th scope="col">{t('dashboard.budget.reserved')}</th>
                <th scope="col">{t('dashboard.budget.paid')}</th>
                <th scope="col">{t('dashboard.budget.remaining')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.programmes.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/admin/programmes/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{formatMoney(p.total)}</td>
                  <td>{formatMoney(p.reserved)}</td>
                  <td>{formatMoney(p.paid)}</td>
                  <td>{formatMoney(p.remaining)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  )
}
