import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field, FormErrors, SelectField, SubmitButton, TextareaField } from '~/components/forms'
import { expressInterest } from '~/modules/engagements/engagements.server'
import { interestLabChoice } from '~/modules/engagements/interest-lab.server'
import { InterestSchema } from '~/modules/engagements/schemas'
import { requirePermission } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { listOrganisationLabs } from '~/modules/labs/labs.server'
import { viewRequest } from '~/modules/requests/requests.server'

export function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:science')
  const view = loaderValue(viewRequest(actor, parseId(params.requestId)), { conceal: true })
  const organisationLabs = listOrganisationLabs(actor.organisationId!)
  const asked = Number(new URL(request.url).searchParams.get('labId'))
  const chosen = interestLabChoice(view.request.id, organisationLabs.map((l) => l.id), Number.isSafeInteger(asked) && asked > 0 ? asked : null)
  return json({
    request: { id: view.request.id, title: view.request.title, status: view.request.status, company: view.organisation.name },
    labs: organisationLabs.map((l) => ({ value: String(l.id), label: l.name })),
    chosen: chosen === undefined ? undefined : String(chosen),
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'area:science')
  const requestId = parseId(params.requestId)
  const submission = parseSubmission(await request.formData(), InterestSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = expressInterest(actor, requestId, submission.value)
  return respondToForm(submission, result, { redirectTo: (e) => `/engagements/${e.id}`, toast: { type: 'success', key: 'toast.interestSent' } })
}

export default function ExpressInterest() {
  const { t } = useTranslation()
  const { request, labs, chosen } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    lastResult,
    defaultValue: { labId: chosen },
    constraint: getZodConstraint(InterestSchema),
    onValidate: ({ formData }) => parseSubmission(formData, InterestSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="narrow">
      <h1>{t('engagement.interest.title')}</h1>
      <p className="muted">
        <Link to={`/requests/${request.id}`}>{request.title}</Link> · {request.company}
      </p>
      {labs.length === 0 ? (
        <p className="empty">
          {t('engagement.interest.noLabs')} <Link to="/labs/new">{t('lab.new')}</Link>
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <SelectField label={t('engagement.fields.lab')} meta={fields.labId} options={labs} />
          <TextareaField label={t('engagement.fields.approach')} meta={fields.approach} rows={6} hint={t('engagement.fields.approachHint')} />
          <Field label={t('engagement.fields.timeline')} meta={fields.timeline} hint={t('engagement.fields.timelineHint')} />
          <Field label={t('engagement.fields.priceEstimate')} meta={fields.priceEstimate} hint={t('request.fields.budgetHint')} />
          <SubmitButton>{t('engagement.interest.submit')}</SubmitButton>
        </Form>
      )}
    </section>
  )
}
