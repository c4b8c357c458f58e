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
export const meta: MetaFunction = () => [{ title: 'Программы компенсации · Compensation programmes' }]

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, 'programme:view')
  const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1)
  const list = listProgrammes(page)
  return json({ ...list, page, rows: list.rows.map((p) => ({ ...p, remainingKopecks: budgetOf(p).remainingKopecks, phase: phaseOf(p) })) })
}

export default function Programmes() {
  const { t } = useTranslation()
  const { formatMoney, formatShare, formatDate } = useFormat()
  const { rows, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>{t('programmes.title')}</h1>
      <p className="muted">{t('programmes.lead')}</p>
      {rows.length === 0 ? <p className="empty">{t('programmes.empty')}</p> : null}
      <ul className="queue">
        {rows.map((p) => (
          <li key={p.id} className="card">
            <div className="page-head">
              <h2>
                <Link to={`/programmes/${p.id}`}>{p.title}</Link>
              </h2>
              <StatusBadge status={p.phase} prefix="programmes.phase" />
            </div>
            <p>
              {t('programmes.summary', {
                share: formatShare(p.shareBp),
                cap: formatMoney(p.capPerClaimKopecks),
                from: formatDate(p.opensOn),
                to: formatDate(p.closesOn),
                remaining: formatMoney(p.remainingKopecks),
              })}
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}
