import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field, FormErrors, SubmitButton } from '~/components/forms'
import { changePassword } from '~/modules/auth/account.server'
import { sessionCookieHeader } from '~/modules/auth/lucia.server'
import { ChangePasswordSchema } from '~/modules/auth/schemas'
import { requirePermission } from '~/modules/http/guards.server'
import { respondToForm } from '~/modules/http/respond.server'

const secretFields = ['currentPassword', 'newPassword', 'confirmPassword']

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, 'account:manage')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'account:manage')
  const submission = parseSubmission(await request.formData(), ChangePasswordSchema)
  if (submission.status !== 'success') return json(submission.reply({ hideFields: secretFields }), { status: 400 })
  const result = await changePassword(actor, submission.value)
  return respondToForm(
    submission,
    result,
    {
      redirectTo: '/account',
      toast: { type: 'success', key: 'toast.passwordChanged' },
      headers: result.ok ? { 'Set-Cookie': sessionCookieHeader(result.value.sessionId, context.secure) } : undefined,
    },
    { hideFields: secretFields },
  )
}

export default function ChangePassword() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    lastResult,
    constraint: getZodConstraint(ChangePasswordSchema),
    onValidate: ({ formData }) => parseSubmission(formData, ChangePasswordSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="narrow">
      <h1>{t('account.changePassword')}</h1>
      <p className="muted">{t('account.changePasswordLead')}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <Field label={t('fields.currentPassword')} meta={fields.currentPassword} type="password" autoComplete="current-password" />
        <Field label={t('fields.newPassword')} meta={fields.newPassword} type="password" autoComplete="new-password" hint={t('fields.passwordHint')} />
        <Field label={t('fields.confirmPassword')} meta={fields.confirmPassword} type="password" autoComplete="new-password" />
        <SubmitButton>{t('account.changePassword')}</SubmitButton>
      </Form>
    </section>
  )
}
