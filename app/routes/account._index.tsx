import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field, FormErrors, SubmitButton } from '~/components/forms'
import { updateProfile } from '~/modules/auth/account.server'
import { ProfileSchema } from '~/modules/auth/schemas'
import { requirePermission } from '~/modules/http/guards.server'
import { respondToForm } from '~/modules/http/respond.server'
import { rolesOf } from '~/modules/permissions/actor'

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'account:manage')
  return json({
    name: actor.name,
    email: actor.email,
    organisationName: actor.organisationName,
    roles: rolesOf(actor),
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'account:manage')
  const submission = parseSubmission(await request.formData(), ProfileSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, updateProfile(actor, submission.value), {
    redirectTo: '/account',
    toast: { type: 'success', key: 'toast.saved' },
  })
}

export default function Account() {
  const { t } = useTranslation()
  const account = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    lastResult,
    defaultValue: { name: account.name },
    constraint: getZodConstraint(ProfileSchema),
    onValidate: ({ formData }) => parseSubmission(formData, ProfileSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="narrow">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('fields.email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('account.organisation')}</dt>
        <dd>{account.organisationName ?? '—'}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{account.roles.map((r) => t(`role.${r}`)).join(', ') || '—'}</dd>
      </dl>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Field label={t('fields.name')} meta={fields.name} autoComplete="name" />
        <SubmitButton>{t('common.save')}</SubmitButton>
      </Form>
      <p>
        <Link to="/account/password">{t('account.changePassword')}</Link>
      </p>
    </section>
  )
}
