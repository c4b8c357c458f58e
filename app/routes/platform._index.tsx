import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import { Pagination } from '~/components/layout'
import { requirePermission } from '~/modules/http/guards.server'
import { listPeople, organisationCounts } from '~/modules/organisations/overview.server'

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, 'area:platform')
  const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1)
  return json({ counts: organisationCounts(), people: listPeople(page), page })
}

export default function PlatformOverview() {
  const { t } = useTranslation()
  const { formatDate } = useFormat()
  const { counts, people, page } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>{t('workspace.platform.title')}</h1>
      <ul className="cards">
        {Object.entries(counts).map(([type, n]) => (
          <li key={type} className="card">
            <strong className="figure">{n}</strong>
            <span>{t(`organisationType.${type}`)}</span>
          </li>
        ))}
      </ul>
      <h2>{t('workspace.platform.people', { count: people.total })}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('fields.name')}</th>
            <th scope="col">{t('fields.email')}</th>
            <th scope="col">{t('account.organisation')}</th>
            <th scope="col">{t('organisation.role')}</th>
            <th scope="col">{t('organisation.since')}</th>
          </tr>
        </thead>
        <tbody>
          {people.rows.map((p) => (
            <tr key={p.id}>
              <td>
                {p.name}
                {p.isPlatformAdmin ? <span className="badge">{t('role.platform_admin')}</span> : null}
              </td>
              <td>{p.email}</td>
              <td>{p.organisationId ? <Link to={`/orgs/${p.organisationId}`}>{p.organisationName}</Link> : '—'}</td>
              <td>{p.role ? t(`membershipRole.${p.role}`) : '—'}</td>
              <td>{formatDate(p.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pageCount={people.pageCount} />
    </section>
  )
}
