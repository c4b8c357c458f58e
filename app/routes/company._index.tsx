import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Agenda } from '~/components/agenda'
import { useFormat } from '~/components/format'
import { TableScroll } from '~/components/table-scroll'
import { requirePermission } from '~/modules/http/guards.server'
import { listOrganisationRequests } from '~/modules/requests/requests.server'
import { workspaceAgenda } from '~/modules/workspace/current-agenda.server'

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:company')
  return json({
    organisationName: actor.organisationName,
    verified: actor.organisationVerified,
    agenda: workspaceAgenda(actor, 'company'),
    requests: actor.organisationId ? listOrganisationRequests(actor.organisationId, { includeDrafts: true }) : [],
  })
}

export default function CompanyWorkspace() {
  const { t } = useTranslation()
  const { formatDate } = useFormat()
  const { organisationName, verified, agenda, requests } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-head">
        <h1>{t('workspace.company.title')}</h1>
        <Link to="/requests/new" className="button primary">
          {t('request.new')}
        </Link>
      </div>
      <p className="muted">{organisationName}</p>
      {!verified ? <p className="notice">{t('organisation.awaitingVerification')}</p> : null}
      <Agenda sections={agenda} />
      <h2>{t('workspace.company.requests')}</h2>
      {requests.length === 0 ? <p className="empty">{t('workspace.company.noRequests')}</p> : null}
      {requests.length ? (
        <TableScroll label={t('workspace.company.requests')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('request.fields.title')}</th>
                <th scope="col">{t('catalogue.facets.status')}</th>
                <th scope="col">{t('request.fields.deadline')}</th>
                <th scope="col">{t('request.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/requests/${r.id}`}>{r.title}</Link>
                  </td>
                  <td>
                    <span className={`status status-${r.status}`}>{t(`request.status.${r.status}`)}</span>
                  </td>
                  <td>{formatDate(`${r.deadline}T12:00:00Z`)}</td>
                  <td>{formatDate(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <p>
        <Link to="/org">{t('workspace.manageOrganisation')}</Link> · <Link to="/labs">{t('catalogue.labs.title')}</Link>
      </p>
    </section>
  )
}
