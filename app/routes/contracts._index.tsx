import { StatusTabs } from '~/components/status-tabs'
import { json, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { contractStatuses, type ContractStatus } from '#db/schema/contract-values'
import { StatusBadge } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { Pagination } from '~/components/layout'
import { listContracts } from '~/modules/contracts/queries.server'
import { forbidden, requireActor } from '~/modules/http/guards.server'
import { hasRole } from '~/modules/permissions/actor'
import { can } from '~/modules/permissions/can'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Договоры · Contracts' }]

function readQuery(url: URL) {
  const status = url.searchParams.get('status')
  const page = Number(url.searchParams.get('page') ?? '1')
  return {
    status: (contractStatuses as readonly string[]).includes(status ?? '') ? (status as ContractStatus) : undefined,
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  }
}

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request)
  if (!actor.organisationId && !hasRole(actor, 'administration')) forbidden()
  const query = readQuery(new URL(request.url))
  const list = listContracts(actor, query)
  return json({ ...list, status: query.status ?? null, page: query.page, myOrganisationId: actor.organisationId, canRegister: can(actor, 'contract:register') })
}

export default function Contracts() {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const { rows, counts, status, page, pageCount, canRegister, total } = useLoaderData<typeof loader>()
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)
  return (
    <section>
      <div className="page-head">
        <h1>{t('contracts.title')}</h1>
        {canRegister ? (
          <Link to="/contracts/new" className="button primary">
            {t('contracts.register')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t('contracts.lead')}</p>
      <StatusTabs label={t('contracts.filter')} statuses={contractStatuses} current={status} labelOf={(s) => t(`contracts.status.${s}`)} counts={counts} all={{ label: t('contracts.allStatuses'), count: all }} />
      {rows.length === 0 ? (
        <p className="empty">{total === 0 && status === null ? t('contracts.empty') : t('contracts.emptyFiltered')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('contracts.fields.number')}</th>
              <th scope="col">{t('contracts.fields.subject')}</th>
              <th scope="col">{t('contracts.company')}</th>
              <th scope="col">{t('contracts.contractor')}</th>
              <th scope="col">{t('contracts.fields.price')}</th>
              <th scope="col">{t('contracts.statusLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/contracts/${c.id}`}>{t('contracts.numberAndDate', { number: c.number, date: formatDate(c.signedOn) })}</Link>
                </td>
                <td>{c.subject}</td>
                <td>{c.companyName}</td>
                <td>{c.contractorName}</td>
                <td className="num">{formatMoney(c.priceKopecks)}</td>
                <td>
                  <StatusBadge status={c.status} prefix="contracts.status" />
                  {c.status === 'confirmed' && c.pendingVersionId ? <span className="badge warning">{t('contracts.amendmentPending')}</span> : null}
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
