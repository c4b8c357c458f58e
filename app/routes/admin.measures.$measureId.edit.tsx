import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MeasureForm } from '~/components/measure-form'
import { notFound, requirePermission } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { parseId } from '~/modules/http/params.server'
import { respondToForm } from '~/modules/http/respond.server'
import { measureFormValues } from '~/modules/measures/form-values'
import { getMeasure, updateMeasure } from '~/modules/measures/measures.server'
import { MeasureFormSchema } from '~/modules/measures/schemas'
import { regionOptions } from '~/modules/organisations/regions'
import styles from '~/styles/measures.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Мера поддержки · Support measure' }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'measure:manage')
  const measure = getMeasure(parseId(params.measureId))
  if (!measure) notFound()
  return json({ id: measure.id, title: measure.title, values: measureFormValues(measure), regions: regionOptions(await resolveLocale(request, actor)) })
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'measure:manage')
  const id = parseId(params.measureId)
  const submission = parseSubmission(await request.formData(), MeasureFormSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, updateMeasure(actor, id, submission.value), {
    redirectTo: `/measures/${id}`,
    toast: { type: 'success', key: 'measures.admin.toast.saved' },
  })
}

export default function EditMeasure() {
  const { t } = useTranslation()
  const { id, title, values, regions } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <section>
      <p>
        <Link to="/admin/measures">{t('measures.admin.backToList')}</Link> · <Link to={`/measures/${id}`}>{t('measures.admin.view')}</Link>
      </p>
      <h1>{t('measures.admin.editTitle', { title })}</h1>
      <MeasureForm lastResult={lastResult} regions={regions} defaultValue={values} submitLabel={t('common.save')} />
    </section>
  )
}
