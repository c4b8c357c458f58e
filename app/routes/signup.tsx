import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { alliances, companySizes } from '#db/schema/values'
import { CheckboxField, Field, FormErrors, SelectField, SubmitButton } from '~/components/forms'
import { openSession } from '~/modules/auth/account.server'
import { sessionCookieHeader } from '~/modules/auth/lucia.server'
import { signUp } from '~/modules/auth/sign-up.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { respondToForm } from '~/modules/http/respond.server'
import { HOME_REGION, regionOptions } from '~/modules/organisations/regions'
import { selfServiceOrganisationTypes, SignUpSchema } from '~/modules/organisations/schemas'

export const meta: MetaFunction = () => [{ title: 'Регистрация · Sign up' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (context.actor) throw redirect('/')
  const locale = await resolveLocale(request, null)
  return json({ regions: regionOptions(locale) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseSubmission(await request.formData(), SignUpSchema)
  if (submission.status !== 'success') return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  const result = await signUp(submission.value, { clientIp: context.clientIp })
  const sessionId = result.ok ? await openSession(result.value.userId) : null
  return respondToForm(
    submission,
    result,
    {
      redirectTo: '/org',
      toast: { type: 'success', key: 'toast.signedUp' },
      headers: sessionId ? { 'Set-Cookie': sessionCookieHeader(sessionId, context.secure) } : undefined,
    },
    { hideFields: ['password'] },
  )
}

export default function SignUp() {
  const { t } = useTranslation()
  const { regions } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    lastResult,
    constraint: getZodConstraint(SignUpSchema),
    defaultValue: { organisationType: 'company', region: HOME_REGION },
    onValidate: ({ formData }) => parseSubmission(formData, SignUpSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const type = fields.organisationType.value ?? 'company'
  const isCompany = type === 'company'
  return (
    <section className="narrow">
      <h1>{t('auth.signUp.title')}</h1>
      <p className="muted">{t('auth.signUp.lead')}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <fieldset>
          <legend>{t('auth.signUp.you')}</legend>
          <Field label={t('fields.name')} meta={fields.name} autoComplete="name" />
          <Field label={t('fields.email')} meta={fields.email} type="email" autoComplete="email" />
          <Field label={t('fields.password')} meta={fields.password} type="password" autoComplete="new-password" hint={t('fields.passwordHint')} />
        </fieldset>
        <fieldset>
          <legend>{t('auth.signUp.organisation')}</legend>
          <SelectField
            label={t('fields.organisationType')}
            meta={fields.organisationType}
            options={selfServiceOrganisationTypes.map((v) => ({ value: v, label: t(`organisationType.${v}`) }))}
          />
          <Field label={t('fields.organisationName')} meta={fields.organisationName} autoComplete="organization" />
          <Field label={t('fields.shortName')} meta={fields.shortName} />
          <div className="row">
            <Field label={t('fields.inn')} meta={fields.inn} hint={t('fields.innHint')} />
            <Field label={t('fields.ogrn')} meta={fields.ogrn} hint={t('fields.ogrnHint')} />
          </div>
          <div className="row">
            <SelectField label={t('fields.region')} meta={fields.region} options={regions} />
            <Field label={t('fields.city')} meta={fields.city} />
          </div>
          <Field label={t('fields.website')} meta={fields.website} type="url" hint={t('fields.websiteHint')} />
          {isCompany ? (
            <div className="row">
              <SelectField
                label={t('fields.size')}
                meta={fields.size}
                placeholder={t('common.choose')}
                options={companySizes.map((v) => ({ value: v, label: t(`companySize.${v}`) }))}
              />
              <SelectField
                label={t('fields.alliance')}
                meta={fields.alliance}
                placeholder={t('alliance.none')}
                options={alliances.map((v) => ({ value: v, label: t(`alliance.${v}`) }))}
              />
            </div>
          ) : (
            <>
              <SelectField
                label={t('fields.alliance')}
                meta={fields.alliance}
                placeholder={t('alliance.none')}
                options={alliances.map((v) => ({ value: v, label: t(`alliance.${v}`) }))}
              />
              <CheckboxField label={t('fields.isState')} meta={fields.isState} />
            </>
          )}
        </fieldset>
        <SubmitButton>{t('auth.signUp.submit')}</SubmitButton>
      </Form>
      <p>
        {t('auth.signUp.haveAccount')} <Link to="/login">{t('nav.signIn')}</Link>
      </p>
    </section>
  )
}
