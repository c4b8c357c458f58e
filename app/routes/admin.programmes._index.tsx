import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusBadge } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { Pagination } from '~/components/layout'
import { requirePermission } from '~/modules/http/guards.server'
import { budgetOf, listProgrammes, phaseOf } from '~/modules/programmes/programmes.server'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Программы · Programmes' }]

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, 'programme:manage')
  const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1)
  const list = listProgrammes(page)
  return json({ ...list, page, rows: list.rows.map((p) => ({ ...p, budget: budgetOf(p), phase: phaseOf(p) })) })
}

export default function AdminProgrammes() {
  const { t } = useTranslation()
  const { formatMoney, formatShare } = useFormat()
  const { rows, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-head">
        <h1>{t('programmes.adminTitle')}</h1>
        <Link to="/admin/programmes/new" className="button primary">
          {t('programmes.new.title')}
        </Link>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{t('programmes.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('programmes.fields.title')}</th>
              <th scope="col">{t('programmes.fields.share')}</th>
              <th scope="col" className="num">
                {t('programmes.budget.total')}
              </th>
              <th scope="col" className="num">
                {t('programmes.budget.reserved')}
              </th>
              <th scope="col" className="num">
                {t('programmes.budget.paid')}
              </th>
              <th scope="col" className="num">
                {t('programmes.budget.remaining')}
              </th>
              <th scope="col">{t('programmes.phaseLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/admin/programmes/${p.id}`}>{p.title}</Link>
                </td>
                <td>{formatShare(p.shareBp)}</td>
                <td className="num">{formatMoney(p.budget.totalKopecks)}</td>
                <td className="num">{formatMoney(p.budget.reservedKopecks)}</td>
                <td className="num">{formatMoney(p.budget.paidKopecks)}</td>
                <td className="num">{formatMoney(p.budget.remainingKopecks)}</td>
                <td>
                  <StatusBadge status={p.phase} prefix="programmes.phase" />
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
