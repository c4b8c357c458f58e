import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Agenda } from '~/components/agenda'
import { useFormat } from '~/components/format'
import { choice, requiredText } from '~/modules/forms/fields'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { matchingProgress } from '~/modules/health/report.server'
import { requirePermission } from '~/modules/http/guards.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { listDeadLetters, outboxKinds, retryDeadLetter } from '~/modules/outbox/dead-letters.server'
import { workspaceAgenda } from '~/modules/workspace/current-agenda.server'
import { CLAIM_REVIEW_DAYS } from '~/modules/workspace/deadlines'

const RetrySchema = z.object({ kind: choice(outboxKinds), key: requiredText(40) })

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:administration')
  return json({ agenda: workspaceAgenda(actor, 'administration'), matching: matchingProgress(), deadLetters: loaderValue(listDeadLetters(actor)) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'outbox:retry')
  const submission = parseSubmission(await request.formData(), RetrySchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, retryDeadLetter(actor, submission.value.kind, submission.value.key), {
    redirectTo: '/admin',
    toast: { type: 'success', key: 'workspace.administration.deadLetters.retried' },
  })
}

export default function AdministrationWorkspace() {
  const { t } = useTranslation()
  const { formatDateTime } = useFormat()
  const { agenda, matching, deadLetters } = useLoaderData<typeof loader>()
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
        {matching.background.profiles && (
          <p className="hint">{t('workspace.administration.profilesProgress', matching.background.profiles)}</p>
        )}
      </section>
      <section className="panel" id="dead-letters" aria-labelledby="dead-letters-title">
        <header className="panel-head">
          <h2 id="dead-letters-title">{t('workspace.administration.deadLetters.title')}</h2>
        </header>
        {deadLetters.length === 0 ? (
          <p className="muted">{t('workspace.administration.deadLetters.none')}</p>
        ) : (
          <>
            <p className="muted">{t('workspace.administration.deadLetters.lead')}</p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('workspace.administration.deadLetters.kind')}</th>
                  <th scope="col">{t('workspace.administration.deadLetters.subject')}</th>
                  <th scope="col">{t('workspace.administration.deadLetters.error')}</th>
                  <th scope="col">{t('workspace.administration.deadLetters.since')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {deadLetters.map((letter) => (
                  <tr key={`${letter.kind}-${letter.key}`}>
                    <td>{t(`workspace.administration.deadLetters.kinds.${letter.kind}`)}</td>
                    <td>{letter.subject}</td>
                    <td>
                      <code>{letter.lastError}</code>
                      <div className="muted">{t('workspace.administration.deadLetters.attempts', { count: letter.attempts })}</div>
                    </td>
                    <td>{formatDateTime(letter.since)}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="kind" value={letter.kind} />
                        <input type="hidden" name="key" value={letter.key} />
                        <button type="submit" className="button small" aria-label={`${t('workspace.administration.deadLetters.retry')}: ${letter.subject}`}>
                          {t('workspace.administration.deadLetters.retry')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </section>
  )
}
