import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field, FormErrors, SubmitButton } from '~/components/forms'
import { openSession } from '~/modules/auth/account.server'
import { sessionCookieHeader } from '~/modules/auth/lucia.server'
import { respondToForm } from '~/modules/http/respond.server'
import { acceptInvitation, findInvitation } from '~/modules/organisations/invitations.server'
import { JoinSchema } from '~/modules/organisations/schemas'

export const meta: MetaFunction = () => [{ title: 'Приглашение · Invitation' }]

export function loader({ params, context }: LoaderFunctionArgs) {
  const found = findInvitation(params.token ?? '')
  if (!found.ok) return json({ invitation: null, signedIn: Boolean(context.actor) }, { status: 404 })
  const { email, organisationName, organisationType } = found.value
  return json({ invitation: { email, organisationName, organisationType }, signedIn: Boolean(context.actor) })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await request.formData(), JoinSchema)
  if (submission.status !== 'success') return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const result = await acceptInvitation(params.token ?? '', submission.value)
  const sessionId = result.ok ? await openSession(result.value.userId) : null
  return respondToForm(
    submission,
    result,
    {
      redirectTo: '/org',
      toast: { type: 'success', key: 'toast.joined' },
      headers: sessionId ? { 'Set-Cookie': sessionCookieHeader(sessionId, context.secure) } : undefined,
    },
    { hideFields: ['password'] },
  )
}

export default function Join() {
  const { t } = useTranslation()
  const { invitation, signedIn } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    lastResult,
    constraint: getZodConstraint(JoinSchema),
    onValidate: ({ formData }) => parseSubmission(formData, JoinSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  if (!invitation) {
    return (
      <section className="narrow">
        <h1>{t('join.invalidTitle')}</h1>
        <p>{t('join.invalidText')}</p>
      </section>
    )
  }
  if (signedIn) {
    return (
      <section className="narrow">
        <h1>{t('join.title', { organisation: invitation.organisationName })}</h1>
        <p>{t('join.signedIn')}</p>
      </section>
    )
  }
  return (
    <section className="narrow">
      <h1>{t('join.title', { organisation: invitation.organisationName })}</h1>
      <p className="muted">{t('join.lead', { email: invitation.email })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <div className="field">
          <label htmlFor="invited-email">{t('fields.email')}</label>
          <input id="invited-email" value={invitation.email} readOnly />
        </div>
        <Field label={t('fields.name')} meta={fields.name} autoComplete="name" />
        <Field label={t('fields.password')} meta={fields.password} type="password" autoComplete="new-password" hint={t('fields.passwordHint')} />
        <SubmitButton>{t('join.submit')}</SubmitButton>
      </Form>
      <p>
        <Link to="/login">{t('nav.signIn')}</Link>
      </p>
    </section>
  )
}
