import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { useFormat } from '~/components/format'
import { deleteAlert, listAlerts, saveAlert } from '~/modules/engagements/alerts.server'
import { AlertSchema } from '~/modules/engagements/schemas'
import { idField } from '~/modules/forms/fields'
import { requirePermission } from '~/modules/http/guards.server'
import { respondToForm } from '~/modules/http/respond.server'
import { redirectWithToast } from '~/modules/http/toast.server'

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'alert:manage')
  return json({ alerts: listAlerts(actor) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'alert:manage')
  const formData = await request.formData()
  if (formData.get('intent') === 'delete') {
    const submission = parseSubmission(formData, z.object({ alertId: idField }))
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    return respondToForm(submission, deleteAlert(actor, submission.value.alertId), { redirectTo: '/alerts', toast: { type: 'info', key: 'toast.alertDeleted' } })
  }
  const submission = parseSubmission(formData, AlertSchema)
  if (submission.status !== 'success') {
    // The form lives on the catalogue page: go back there and say what was wrong.
    return redirectWithToast(`/requests?${formData.get('query') ?? ''}`, { type: 'error', key: 'errors.alert_name' })
  }
  const result = saveAlert(actor, submission.value)
  if (!result.ok) return redirectWithToast(`/requests?${submission.value.query}`, { type: 'error', key: `errors.${result.error}` })
  return redirectWithToast('/alerts', { type: 'success', key: 'toast.alertSaved' })
}

export default function Alerts() {
  const { t } = useTranslation()
  const { formatDate } = useFormat()
  const { alerts } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>{t('alerts.title')}</h1>
      <p className="muted">{t('alerts.lead')}</p>
      {alerts.length === 0 ? (
        <p className="empty">
          {t('alerts.empty')} <Link to="/requests">{t('catalogue.requests.title')}</Link>
        </p>
      ) : null}
      <ul className="queue">
        {alerts.map((a) => (
          <li key={a.id} className="card page-head">
            <div>
              <strong>
                <Link to={`/requests?${a.query}`}>{a.name}</Link>
              </strong>
              <p className="muted">{t('alerts.checked', { date: formatDate(a.checkedUntil) })}</p>
            </div>
            <Form method="post">
              <input type="hidden" name="alertId" value={a.id} />
              <button type="submit" name="intent" value="delete" className="button small danger">
                {t('alerts.delete')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  )
}
