import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Agenda } from '~/components/agenda'
import { matchingProgress } from '~/modules/health/report.server'
import { requirePermission } from '~/modules/http/guards.server'
import { administrationAgenda } from '~/modules/workspace/agenda.server'
import { CLAIM_REVIEW_DAYS } from '~/modules/workspace/deadlines'

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:administration')
  return json({ agenda: administrationAgenda(actor), matching: matchingProgress() })
}

export default function AdministrationWorkspace() {
  const { t } = useTranslation()
  const { agenda, matching } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-head">
        <h1>{t('workspace.administration.title')}</h1>
        <Link to="/admin/dashboard" className="button">
          {t('dashboard.title')}
        </Link>
      </div>
      <p className="muted">{t('workspace.administration.lead', { days: CLAIM_REVIEW_DAYS })}</p>
      <Agenda sections={agenda} />
      <section className="panel" id="matching-progress" aria-labelledby="matching-progress-title">
        <header className="panel-head">
          <h2 id="matching-progress-title">{t('workspace.administration.matchingTitle')}</h2>
        </header>
        <p>
          <strong>{matching.pending}</strong> {t('workspace.administration.proposalsPending', { count: matching.pending })}
        </p>
        <p className="hint">
          {t('workspace.administration.matchingProgress', {
            state: t(`workspace.administration.backgroundState.${matching.background.state}`),
            refreshed: matching.background.refreshed,
            failing: matching.failing,
          })}
        </p>
      </section>
    </section>
  )
}
