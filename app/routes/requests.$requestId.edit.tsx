import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RequestForm } from '~/components/request-form'
import { requireActor } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { requestFormOptions, requestFormValues } from '~/modules/requests/form-options.server'
import { getRequestForEdit, updateRequest } from '~/modules/requests/requests.server'
import { RequestFormSchema } from '~/modules/requests/schemas'
import { parseId } from '~/modules/http/params.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request)
  const rdRequest = loaderValue(getRequestForEdit(actor, parseId(params.requestId)))
  return json({ id: rdRequest.id, values: requestFormValues(rdRequest), options: requestFormOptions(await resolveLocale(request, actor)) })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request)
  const id = parseId(params.requestId)
  const submission = parseSubmission(await request.formData(), RequestFormSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, updateRequest(actor, id, submission.value), {
    redirectTo: `/requests/${id}`,
    toast: { type: 'success', key: 'toast.saved' },
  })
}

export default function EditRequest() {
  const { t } = useTranslation()
  const { values, options } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <section>
      <h1>{t('request.edit')}</h1>
      <RequestForm lastResult={lastResult} options={options} defaultValue={values} submitLabel={t('common.save')} />
    </section>
  )
}
