import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { alliances } from '#db/schema/values'
import { ColumnChart, FunnelChart, StackedBarChart, TrendChart } from '~/components/charts'
import { useFormat } from '~/components/format'
import { dashboard } from '~/modules/dashboard/dashboard.server'
import { formatShare } from '~/modules/format/share'
import { contractorTypes, filterFromUrl, filterQuery } from '~/modules/dashboard/filters'
import { requirePermission } from '~/modules/http/guards.server'
import { reportKinds, type ReportKind } from '~/modules/dashboard/records.server'
import { can } from '~/modules/permissions/can'
import type { Bucket } from '~/modules/dashboard/story'
import styles from '~/styles/dashboard.css'

export const links = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:administration')
  const url = new URL(request.url)
  const parsed = filterFromUrl(url)
  if (!parsed.success) throw json({ error: 'invalid' }, { status: 400 })
  const filter = parsed.data
  // A figure links to its list only where the list would open for this person.
  const listed = reportKinds.filter((kind) => can(actor, 'report:view', { kind }))
  return json({
    filter,
    query: filterQuery(filter),
    ...dashboard(filter),
    listed,
  })
}

function Figure({ value, label, to, note, money }: { value: string | number; label: string; to: string | null; note?: string; money?: boolean }) {
  const content = (
    <>
      <strong className={money ? 'figure figure-money' : 'figure'}>{value}</strong>
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
  const { t, i18n } = useTranslation()
  const { formatMoney, formatNumber } = useFormat()
  const { filter, query, figures, story, listed } = useLoaderData<typeof loader>()
  const list = (kind: ReportKind, extra = '') => (listed.includes(kind) ? `/admin/reports/${kind}?${query}${extra}` : null)
  const millions = (k: number) => formatMoney(k, { wholeRoubles: true })
  const percent = (bp: number) => formatShare(bp, i18n.language === 'en' ? 'en' : 'ru')
  const monthLabel = (month: string, i: number) => {
    const date = new Date(`${month}-15T00:00:00Z`)
    const name = new Intl.DateTimeFormat(i18n.language, {
      month: 'short',
      timeZone: 'UTC',
    }).format(date)
    return i === 0 || month.endsWith('-01') ? `${name} ${month.slice(2, 4)}` : name
  }
  const quarterLabel = (quarter: string) =>
    t('dashboard.contractors.quarter', {
      n: quarter.slice(-1),
      year: quarter.slice(0, 4),
    })
  const bucketLabel = (b: Bucket) => (b.to === null ? t('dashboard.times.bucketOpen', { from: b.from }) : t('dashboard.times.bucket', { from: b.from, to: b.to }))
  const medianText = (median: number | null) =>
    median === null
      ? t('dashboard.times.noMedian')
      : t('dashboard.times.median', {
          days: t('dashboard.days', { count: median }),
        })
  const known = story.contractors.quarters.filter((q) => q.instituteBp !== null)
  const shareVerdict =
    story.contractors.trend === 'unknown'
      ? t('dashboard.contractors.unknown')
      : t(`dashboard.contractors.${story.contractors.trend}`, {
          first: percent(known[0].instituteBp!),
          firstQuarter: quarterLabel(known[0].quarter),
          last: percent(known[known.length - 1].instituteBp!),
          lastQuarter: quarterLabel(known[known.length - 1].quarter),
        })
  const reachedList = (step: string) => list('requests', step === 'requests' ? '' : `&reached=${step}`)
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

      <div className="story">
        <FunnelChart
          title={t('dashboard.funnel.title')}
          renderLink={(to, children) => <Link to={to}>{children}</Link>}
          rows={story.funnel.map((stage) => ({
            key: stage.step,
            label: t(`dashboard.funnel.steps.${stage.step}`),
            count: stage.count,
            conversion:
              stage.fromPreviousBp === null
                ? null
                : t('dashboard.funnel.fromPrevious', {
                    percent: percent(stage.fromPreviousBp),
                  }),
            to: reachedList(stage.step),
          }))}
        />
        <p className="hint">{t('dashboard.funnel.hint')}</p>
      </div>

      <h2>{t('dashboard.sections.cooperation')}</h2>
      <ul className="cards">
        <Figure value={formatNumber(figures.requestsOpen)} label={t('dashboard.figures.requestsOpen')} to={list('requests', '&open=1')} />
        <Figure value={formatNumber(figures.matchesProposed)} label={t('dashboard.figures.matchesProposed')} to={list('matches')} />
        <Figure value={formatNumber(figures.matchesTakenUp)} label={t('dashboard.figures.matchesTakenUp')} to={list('matches', '&takenUp=1')} />
        <Figure value={formatNumber(figures.engagementsStarted)} label={t('dashboard.figures.engagementsStarted')} to={list('engagements')} />
        <Figure value={formatNumber(figures.contractsSigned)} label={t('dashboard.figures.contractsSigned')} to={list('contracts')} />
        <Figure
          money
          value={millions(figures.contractVolume.university)}
          label={t('dashboard.figures.volumeOf', {
            who: t('dashboard.figures.volumeUniversities'),
          })}
          to={list('contracts')}
        />
        <Figure
          money
          value={millions(figures.contractVolume.institute + figures.contractVolume.research_org)}
          label={t('dashboard.figures.volumeOf', {
            who: t('dashboard.figures.volumeInstitutes'),
          })}
          to={list('contracts')}
        />
      </ul>

      <div className="charts">
        <TrendChart
          title={t('dashboard.trends.title')}
          scrollLabel={t('dashboard.trends.title')}
          series={[
            { key: 'requests', name: t('dashboard.trends.requests') },
            { key: 'engagements', name: t('dashboard.trends.engagements') },
            { key: 'contracts', name: t('dashboard.trends.contracts') },
          ]}
          data={story.months.map((m, i) => ({
            label: monthLabel(m.month, i),
            requests: m.requests,
            engagements: m.engagements,
            contracts: m.contracts,
          }))}
        />
        <ColumnChart
          title={`${t('dashboard.times.contact')} · ${medianText(story.toFirstContact.median)}`}
          data={story.toFirstContact.buckets.map((b) => ({
            label: bucketLabel(b),
            value: b.count,
          }))}
        />
        <ColumnChart
          title={`${t('dashboard.times.contract')} · ${medianText(story.toContract.median)}`}
          data={[
            ...story.toContract.buckets.map((b) => ({
              label: bucketLabel(b),
              value: b.count,
            })),
            {
              label: t('dashboard.times.outside'),
              value: story.toContract.registeredOutside,
              apart: true,
            },
          ]}
          note={
            story.toContract.registeredOutside
              ? t('dashboard.registeredOutside', {
                  count: story.toContract.registeredOutside,
                })
              : undefined
          }
        />
        <div className="chart-with-verdict">
          <StackedBarChart
            title={t('dashboard.contractors.title')}
            width={440}
            labelWidth={90}
            series={[
              {
                key: 'university',
                name: t('dashboard.contractors.university'),
              },
              { key: 'institute', name: t('dashboard.contractors.institute') },
              {
                key: 'researchOrg',
                name: t('dashboard.contractors.researchOrg'),
              },
            ]}
            data={story.contractors.quarters.map((q) => ({
              label: quarterLabel(q.quarter),
              university: q.university,
              institute: q.institute,
              researchOrg: q.researchOrg,
            }))}
          />
          <p className="verdict">{shareVerdict}</p>
        </div>
      </div>

      {filter.alliance === null && story.byAlliance.length > 1 ? (
        <>
          <h2>{t('dashboard.alliances.title')}</h2>
          <div className="scroll-x" role="region" aria-label={t('dashboard.alliances.title')} tabIndex={0}>
            <table className="table funnel-table">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.alliances.alliance')}</th>
                  {story.funnel.map((stage) => (
                    <th key={stage.step} scope="col">
                      {t(`dashboard.funnel.steps.${stage.step}`)}
                    </th>
                  ))}
                  <th scope="col">{t('dashboard.alliances.conversion')}</th>
                </tr>
              </thead>
              <tbody>
                {story.byAlliance.map((row) => (
                  <tr key={row.alliance ?? 'none'}>
                    <th scope="row">{row.alliance ? <Link to={`?${query}&alliance=${row.alliance}`}>{t(`alliance.${row.alliance}`)}</Link> : t('dashboard.alliances.none')}</th>
                    {row.stages.map((stage) => (
                      <td key={stage.step}>{formatNumber(stage.count)}</td>
                    ))}
                    <td>{row.stages.find((s) => s.step === 'contracts')?.fromStartBp == null ? '—' : percent(row.stages.find((s) => s.step === 'contracts')!.fromStartBp!)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

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
            data={figures.programmes.map((p) => ({
              label: `${p.title.slice(0, 40)} (${p.year})`,
              paid: p.paid,
              reserved: p.reserved,
              remaining: p.remaining,
            }))}
          />
          <div className="scroll-x" role="region" aria-label={t('dashboard.sections.programmes')} tabIndex={0}>
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
          </div>
        </>
      ) : null}
    </section>
  )
}
