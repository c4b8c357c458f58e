import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SelectField, SubmitButton, TextareaField } from '~/components/forms'
import { inviteLab } from '~/modules/engagements/engagements.server'
import { InviteSchema } from '~/modules/engagements/schemas'
import { requirePermission } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { viewLab } from '~/modules/labs/labs.server'
import { listOrganisationRequests } from '~/modules/requests/requests.server'

export function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:company')
  const view = loaderValue(viewLab(actor, parseId(params.labId)), { conceal: true })
  const url = new URL(request.url)
  return json({
    lab: { id: view.lab.id, name: view.lab.name, organisation: view.organisation.name },
    requests: listOrganisationRequests(actor.organisationId!, { includeDrafts: false })
      .filter((r) => r.status === 'published')
      .map((r) => ({ value: String(r.id), label: r.title })),
    chosen: url.searchParams.get('requestId') ?? undefined,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'area:company')
  const labId = parseId(params.labId)
  const submission = parseSubmission(await request.formData(), InviteSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = inviteLab(actor, { ...submission.value, labId })
  return respondToForm(submission, result, { redirectTo: (e) => `/engagements/${e.id}`, toast: { type: 'success', key: 'toast.labInvited' } })
}

export default function InviteLab() {
  const { t } = useTranslation()
  const { lab, requests, chosen } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    lastResult,
    defaultValue: { requestId: chosen ?? requests[0]?.value },
    constraint: getZodConstraint(InviteSchema),
    onValidate: ({ formData }) => parseSubmission(formData, InviteSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="narrow">
      <h1>{t('engagement.invite.title')}</h1>
      <p className="muted">
        <Link to={`/labs/${lab.id}`}>{lab.name}</Link> · {lab.organisation}
      </p>
      {requests.length === 0 ? (
        <p className="empty">
          {t('engagement.invite.noRequests')} <Link to="/requests/new">{t('request.new')}</Link>
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <SelectField label={t('engagement.fields.request')} meta={fields.requestId} options={requests} />
          <TextareaField label={t('engagement.fields.invitationNote')} meta={fields.note} rows={4} />
          <SubmitButton>{t('engagement.invite.submit')}</SubmitButton>
        </Form>
      )}
    </section>
  )
}
