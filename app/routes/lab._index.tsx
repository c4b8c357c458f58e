import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Agenda } from '~/components/agenda'
import { TrlRange } from '~/components/catalogue'
import { requirePermission } from '~/modules/http/guards.server'
import { listOrganisationLabs } from '~/modules/labs/labs.server'
import { workspaceAgenda } from '~/modules/workspace/current-agenda.server'

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:science')
  return json({
    organisationName: actor.organisationName,
    verified: actor.organisationVerified,
    agenda: workspaceAgenda(actor, 'lab'),
    labs: actor.organisationId ? listOrganisationLabs(actor.organisationId).map((l) => ({ id: l.id, name: l.name, trlMin: l.trlMin, trlMax: l.trlMax, keywords: l.keywords })) : [],
  })
}

export default function ScienceWorkspace() {
  const { t } = useTranslation()
  const { organisationName, verified, agenda, labs } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-head">
        <h1>{t('workspace.science.title')}</h1>
        <Link to="/labs/new" className="button primary">
          {t('lab.new')}
        </Link>
      </div>
      <p className="muted">{organisationName}</p>
      {!verified ? <p className="notice">{t('organisation.awaitingVerification')}</p> : null}
      <Agenda sections={agenda} />
      <h2>{t('workspace.science.labs')}</h2>
      {labs.length === 0 ? <p className="empty">{t('workspace.science.noLabs')}</p> : null}
      <ul className="cards">
        {labs.map((l) => (
          <li key={l.id} className="card">
            <Link to={`/labs/${l.id}`}>
              <strong>{l.name}</strong>
              <span className="muted">
                {' '}
                · <TrlRange from={l.trlMin} to={l.trlMax} />
              </span>
              <p className="muted">{l.keywords.slice(0, 5).join(', ')}</p>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/org">{t('workspace.manageOrganisation')}</Link> · <Link to="/requests">{t('catalogue.requests.title')}</Link>
      </p>
    </section>
  )
}
