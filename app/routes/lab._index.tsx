import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '~/modules/http/guards.server'

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:science')
  return json({ organisationName: actor.organisationName, verified: actor.organisationVerified })
}

export default function ScienceWorkspace() {
  const { t } = useTranslation()
  const { organisationName, verified } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>{t('workspace.science.title')}</h1>
      <p className="muted">{organisationName}</p>
      {!verified ? <p className="notice">{t('organisation.awaitingVerification')}</p> : null}
      <p>{t('workspace.science.lead')}</p>
      <ul className="list">
        <li>
          <Link to="/org">{t('workspace.manageOrganisation')}</Link>
        </li>
      </ul>
    </section>
  )
}
