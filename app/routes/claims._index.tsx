import { StatusTabs } from '~/components/status-tabs'
import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { claimStatuses } from '#db/schema/claim-values'
import { StatusBadge } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { Pagination } from '~/components/layout'
import { listCompanyClaims } from '~/modules/claims/queries.server'
import { readClaimQuery } from '~/modules/claims/query'
import { requirePermission } from '~/modules/http/guards.server'
import { loaderValue } from '~/modules/http/respond.server'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Заявки на компенсацию · Compensation claims' }]

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'claim:file')
  const query = readClaimQuery(new URL(request.url))
  return json({ ...loaderValue(listCompanyClaims(actor, query)), status: query.status ?? null, page: query.page })
}

export default function CompanyClaims() {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const { rows, counts, status, page, pageCount, total } = useLoaderData<typeof loader>()
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)
  return (
    <section>
      <div className="page-head">
        <h1>{t('claims.title')}</h1>
        <Link to="/claims/new" className="button primary">
          {t('claims.new.title')}
        </Link>
      </div>
      <p className="muted">
        {t('claims.lead')} <Link to="/programmes">{t('claims.seeProgrammes')}</Link>
      </p>
      <StatusTabs label={t('claims.filter')} statuses={claimStatuses} current={status} labelOf={(s) => t(`claims.status.${s}`)} counts={counts} all={{ label: t('claims.allStatuses'), count: all }} />
      {rows.length === 0 ? (
        <p className="empty">{total === 0 && status === null ? t('claims.empty') : t('claims.emptyFiltered')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('claims.number')}</th>
              <th scope="col">{t('claims.programme')}</th>
              <th scope="col">{t('claims.contract')}</th>
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
                  <Link to={`/claims/${c.id}`}>{t('claims.numberShort', { id: c.id })}</Link>
                </td>
                <td>{c.programmeTitle}</td>
                <td>
                  {t('contracts.numberAndDate', { number: c.contractNumber, date: formatDate(c.contractSignedOn) })}
                  <br />
                  <span className="muted">{c.contractorName}</span>
                </td>
                <td className="num">{c.requestedKopecks !== null ? formatMoney(c.requestedKopecks) : '—'}</td>
                <td className="num">{c.approvedKopecks !== null ? formatMoney(c.approvedKopecks) : '—'}</td>
                <td>
                  <StatusBadge status={c.status} prefix="claims.status" />
                  {c.decisionReason && (c.status === 'returned' || c.status === 'rejected') ? <p className="muted">{c.decisionReason}</p> : null}
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
