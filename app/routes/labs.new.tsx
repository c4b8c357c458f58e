import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LabForm } from '~/components/lab-form'
import { requirePermission } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { respondToForm } from '~/modules/http/respond.server'
import { labFormOptions } from '~/modules/labs/form-options.server'
import { createLab } from '~/modules/labs/labs.server'
import { LabFormSchema } from '~/modules/labs/schemas'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'lab:create')
  return json({ options: labFormOptions(await resolveLocale(request, actor)), contact: { contactName: actor.name, contactEmail: actor.email } })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'lab:create')
  const submission = parseSubmission(await request.formData(), LabFormSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, createLab(actor, submission.value), {
    redirectTo: (lab) => `/labs/${lab.id}`,
    toast: { type: 'success', key: 'toast.labCreated' },
  })
}

export default function NewLab() {
  const { t } = useTranslation()
  const { options, contact } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <section>
      <h1>{t('lab.new')}</h1>
      <p className="muted">{t('lab.newLead')}</p>
      <LabForm lastResult={lastResult} options={options} defaultValue={contact} submitLabel={t('lab.publish')} />
    </section>
  )
}
