import { StatusTabs } from '~/components/status-tabs'
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { claimStatuses } from '#db/schema/claim-values'
import { StatusBadge } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { Pagination } from '~/components/layout'
import { reviewQueue } from '~/modules/claims/queries.server'
import { readClaimQuery } from '~/modules/claims/query'
import { requirePermission } from '~/modules/http/guards.server'
import { loaderValue } from '~/modules/http/respond.server'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Рассмотрение заявок · Claims review' }]

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'claim:review')
  const url = new URL(request.url)
  const query = readClaimQuery(url)
  // The queue opens on what waits for a decision; "all" is asked for explicitly.
  const status = url.searchParams.get('status') === 'all' ? undefined : (query.status ?? 'submitted')
  const queue = loaderValue(reviewQueue(actor, { ...query, status }))
  return json({ ...queue, status: status ?? null, programmeId: query.programmeId ?? null, page: query.page })
}

export default function ClaimsQueue() {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const { rows, counts, programmeOptions, status, programmeId, page, pageCount } = useLoaderData<typeof loader>()
  const exportParams = new URLSearchParams()
  if (status) exportParams.set('status', status)
  if (programmeId) exportParams.set('programme', String(programmeId))
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)
  return (
    <section>
      <div className="page-head">
        <h1>{t('review.title')}</h1>
        <a href={`/admin/claims/export?${exportParams}&format=csv`} className="button small" download>
          {t('review.exportCsv')}
        </a>
        <a href={`/admin/claims/export?${exportParams}&format=xlsx`} className="button small" download>
          {t('review.exportXlsx')}
        </a>
      </div>
      <Form method="get" className="inline-form">
        {status ? <input type="hidden" name="status" value={status} /> : <input type="hidden" name="status" value="all" />}
        <div className="field">
          <label htmlFor="programme-filter">{t('claims.programme')}</label>
          <select id="programme-filter" name="programme" defaultValue={programmeId ?? ''}>
            <option value="">{t('review.allProgrammes')}</option>
            {programmeOptions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('review.apply')}
        </button>
      </Form>
      <StatusTabs
        label={t('claims.filter')}
        statuses={claimStatuses.filter((s) => s !== 'draft')}
        current={status}
        labelOf={(s) => t(`claims.status.${s}`)}
        counts={counts}
        all={{ label: t('claims.allStatuses'), count: all, value: 'all' }}
      />
      {rows.length === 0 ? (
        <p className="empty">{t('review.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('claims.number')}</th>
              <th scope="col">{t('review.company')}</th>
              <th scope="col">{t('claims.contract')}</th>
              <th scope="col">{t('claims.submittedAt')}</th>
              <th scope="col" className="num">
                {t('claims.requested')}
              </th>
              <th scope="col" className="num">
                {t('claims.approved')}
              </th>
              <th scope="col">{t('claims.statusLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/admin/claims/${c.id}`}>{t('claims.numberShort', { id: c.id })}</Link>
                </td>
                <td>
                  {c.companyName}
                  <br />
                  <span className="muted">
                    {t('fields.inn')} {c.companyInn}
                  </span>
                </td>
                <td>
                  {t('contracts.numberAndDate', { number: c.contractNumber, date: formatDate(c.contractSignedOn) })}
                  <br />
                  <span className="muted">{c.contractorName}</span>
                </td>
                <td>{formatDate(c.submittedAt)}</td>
                <td className="num">{c.requestedKopecks !== null ? formatMoney(c.requestedKopecks) : '—'}</td>
                <td className="num">{c.approvedKopecks !== null ? formatMoney(c.approvedKopecks) : '—'}</td>
                <td>
                  <StatusBadge status={c.status} prefix="claims.status" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}
