import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MeasureForm } from '~/components/measure-form'
import { requirePermission } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { respondToForm } from '~/modules/http/respond.server'
import { createMeasure } from '~/modules/measures/measures.server'
import { MeasureFormSchema } from '~/modules/measures/schemas'
import { regionOptions } from '~/modules/organisations/regions'
import styles from '~/styles/measures.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction = () => [{ title: 'Новая мера поддержки · New support measure' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'measure:manage')
  return json({ regions: regionOptions(await resolveLocale(request, actor)) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'measure:manage')
  const submission = parseSubmission(await request.formData(), MeasureFormSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, createMeasure(actor, submission.value), {
    redirectTo: (measure) => `/measures/${measure.id}`,
    toast: { type: 'success', key: 'measures.admin.toast.created' },
  })
}

export default function NewMeasure() {
  const { t } = useTranslation()
  const { regions } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <section>
      <p>
        <Link to="/admin/measures">{t('measures.admin.backToList')}</Link>
      </p>
      <h1>{t('measures.admin.newTitle')}</h1>
      <MeasureForm lastResult={lastResult} regions={regions} submitLabel={t('measures.admin.new')} />
    </section>
  )
}
