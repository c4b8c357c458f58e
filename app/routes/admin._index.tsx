import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requirePermission } from '~/modules/http/guards.server'
import { pendingVerificationCount } from '~/modules/organisations/overview.server'

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, 'area:administration')
  return json({ pendingVerification: pendingVerificationCount() })
}

export default function AdministrationWorkspace() {
  const { t } = useTranslation()
  const { pendingVerification } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>{t('workspace.administration.title')}</h1>
      <p>{t('workspace.administration.lead')}</p>
      <p>
        <Link to="/admin/dashboard" className="button primary">
          {t('dashboard.title')}
        </Link>
      </p>
      <ul className="cards">
        <li className="card">
          <Link to="/admin/organisations">
            <strong className="figure">{pendingVerification}</strong>
            <span>{t('workspace.administration.pendingVerification', { count: pendingVerification })}</span>
          </Link>
        </li>
      </ul>
    </section>
  )
}
