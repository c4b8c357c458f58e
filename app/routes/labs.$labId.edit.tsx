import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LabForm } from '~/components/lab-form'
import { forbidden, requireActor } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { labFormOptions, labFormValues } from '~/modules/labs/form-options.server'
import { updateLab, viewLab } from '~/modules/labs/labs.server'
import { LabFormSchema } from '~/modules/labs/schemas'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request)
  const { lab, canEdit } = loaderValue(viewLab(actor, parseId(params.labId)), { conceal: true })
  if (!canEdit) forbidden()
  return json({ values: labFormValues(lab), options: labFormOptions(await resolveLocale(request, actor)) })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request)
  const id = parseId(params.labId)
  const submission = parseSubmission(await request.formData(), LabFormSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, updateLab(actor, id, submission.value), { redirectTo: `/labs/${id}`, toast: { type: 'success', key: 'toast.saved' } })
}

export default function EditLab() {
  const { t } = useTranslation()
  const { values, options } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <section>
      <h1>{t('lab.edit')}</h1>
      <LabForm lastResult={lastResult} options={options} defaultValue={values} submitLabel={t('common.save')} />
    </section>
  )
}
