import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field, FormErrors, SubmitButton } from '~/components/forms'
import { openSession } from '~/modules/auth/account.server'
import { sessionCookieHeader } from '~/modules/auth/lucia.server'
import { SignInSchema } from '~/modules/auth/schemas'
import { signIn } from '~/modules/auth/sign-in.server'
import { loadActor } from '~/modules/auth/actor.server'
import { safeRedirect } from '~/modules/http/guards.server'
import { workspaceHome } from '~/modules/workspace/home'
import { respondToForm } from '~/modules/http/respond.server'

export const meta: MetaFunction = () => [{ title: 'Вход · Sign in' }]

export function loader({ context }: LoaderFunctionArgs) {
  if (context.actor) throw redirect(workspaceHome(context.actor))
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await request.formData(), SignInSchema)
  if (submission.status !== 'success') return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const result = await signIn({ ...submission.value, clientIp: context.clientIp })
  const sessionId = result.ok ? await openSession(result.value.userId) : null
  return respondToForm(
    submission,
    result,
    {
      // Without a page to return to, each role lands in its own workspace.
      redirectTo: safeRedirect(submission.value.redirectTo, result.ok ? workspaceHome(loadActor(result.value.userId)) : '/'),
      toast: { type: 'success', key: 'toast.signedIn' },
      headers: sessionId ? { 'Set-Cookie': sessionCookieHeader(sessionId, context.secure) } : undefined,
    },
    { hideFields: ['password'] },
  )
}

export default function Login() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useAppForm({
    lastResult,
    constraint: getZodConstraint(SignInSchema),
    onValidate: ({ formData }) => parseSubmission(formData, SignInSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="narrow">
      <h1>{t('auth.signIn.title')}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field label={t('fields.email')} meta={fields.email} type="email" autoComplete="username" />
        <Field label={t('fields.password')} meta={fields.password} type="password" autoComplete="current-password" />
        <SubmitButton>{t('auth.signIn.submit')}</SubmitButton>
      </Form>
      <p>
        {t('auth.signIn.noAccount')} <Link to="/signup">{t('nav.signUp')}</Link>
      </p>
    </section>
  )
}
