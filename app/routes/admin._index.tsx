import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { matchingProgress } from '~/modules/health/report.server'
import { requirePermission } from '~/modules/http/guards.server'
import { pendingVerificationCount } from '~/modules/organisations/overview.server'

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, 'area:administration')
  return json({ pendingVerification: pendingVerificationCount(), matching: matchingProgress() })
}

export default function AdministrationWorkspace() {
  const { t } = useTranslation()
  const { pendingVerification, matching } = useLoaderData<typeof loader>()
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
        <li className="card" id="matching-progress">
          <strong className="figure">{matching.pending}</strong>
          <span>{t('workspace.administration.proposalsPending', { count: matching.pending })}</span>
          <p className="hint">
            {t('workspace.administration.matchingProgress', {
              state: t(`workspace.administration.backgroundState.${matching.background.state}`),
              refreshed: matching.background.refreshed,
              failing: matching.failing,
            })}
          </p>
        </li>
      </ul>
    </section>
  )
}
