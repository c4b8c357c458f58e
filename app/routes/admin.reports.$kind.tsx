import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import { filterFromUrl, filterQuery } from '~/modules/dashboard/filters'
import { readReport, ReportRefinementSchema, reportKinds, REPORT_ROW_LIMIT, type ReportKind } from '~/modules/dashboard/records.server'
import { notFound, requirePermission } from '~/modules/http/guards.server'
import { loaderValue } from '~/modules/http/respond.server'

export function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:administration')
  const kind = params.kind as ReportKind
  if (!reportKinds.includes(kind)) notFound()
  const url = new URL(request.url)
  const filter = filterFromUrl(url)
  const refinement = ReportRefinementSchema.safeParse(Object.fromEntries(url.searchParams))
  if (!filter.success || !refinement.success) throw json({ error: 'invalid' }, { status: 400 })
  const result = loaderValue(readReport(actor, kind, filter.data, refinement.data))
  return json({ kind, filter: filter.data, query: url.searchParams.toString(), back: filterQuery(filter.data), ...result, limited: result.rows.length === REPORT_ROW_LIMIT })
}

export default function Report() {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const { kind, filter, query, back, columns, rows, linkPrefix, limited } = useLoaderData<typeof loader>()
  return (
    <section>
      <p className="no-print">
        <Link to={`/admin/dashboard?${back}`}>← {t('dashboard.title')}</Link>
      </p>
      <div className="page-head">
        <h1>{t(`dashboard.reports.${kind}`)}</h1>
        <a href={`/admin/reports/${kind}/export?${query}&format=csv`} className="button" download>
          CSV
        </a>
        <a href={`/admin/reports/${kind}/export?${query}&format=xlsx`} className="button" download>
          XLSX
        </a>
      </div>
      <p className="muted">
        {t('dashboard.period', { from: formatDate(`${filter.from}T12:00:00Z`), to: formatDate(`${filter.to}T12:00:00Z`) })}
        {filter.alliance ? ` · ${t(`alliance.${filter.alliance}`)}` : ''}
        {filter.orgType ? ` · ${t(`organisationType.${filter.orgType}`)}` : ''} · {t('dashboard.rows', { count: rows.length })}
      </p>
      {limited ? <p className="notice">{t('dashboard.limited', { count: rows.length })}</p> : null}
      {rows.length === 0 ? <p className="empty">{t('dashboard.emptyReport')}</p> : null}
      {rows.length ? (
        <table className="table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {t(`dashboard.columns.${c.label}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.id}-${i}`}>
                {columns.map((c) => {
                  const value = row[c.key]
                  const text = value === null ? '—' : c.money ? formatMoney(Number(value)) : c.translate ? t(`${c.translate}.${value}`) : String(value)
                  return <td key={c.key}>{c.key === 'id' && linkPrefix ? <Link to={`${linkPrefix}${value}`}>{text}</Link> : text}</td>
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
