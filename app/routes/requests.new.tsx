import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RequestForm } from '~/components/request-form'
import { requirePermission } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { respondToForm } from '~/modules/http/respond.server'
import { HOME_REGION } from '~/modules/organisations/regions'
import { requestFormOptions } from '~/modules/requests/form-options.server'
import { createRequest } from '~/modules/requests/requests.server'
import { RequestFormSchema } from '~/modules/requests/schemas'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'request:create')
  return json({ options: requestFormOptions(await resolveLocale(request, actor)) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'request:create')
  const submission = parseSubmission(await request.formData(), RequestFormSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, createRequest(actor, submission.value), {
    redirectTo: (created) => `/requests/${created.id}`,
    toast: { type: 'success', key: 'toast.requestDrafted' },
  })
}

export default function NewRequest() {
  const { t } = useTranslation()
  const { options } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <section>
      <h1>{t('request.new')}</h1>
      <p className="muted">{t('request.newLead')}</p>
      <RequestForm lastResult={lastResult} options={options} defaultValue={{ region: HOME_REGION }} submitLabel={t('request.saveDraft')} />
    </section>
  )
}
