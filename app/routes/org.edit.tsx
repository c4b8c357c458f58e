import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { alliances, companySizes } from '#db/schema/values'
import { CheckboxField, Field, FormErrors, SelectField, SubmitButton, TextareaField } from '~/components/forms'
import { forbidden, requireActor } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { respondToForm } from '~/modules/http/respond.server'
import { getOrganisation, updateOrganisationProfile } from '~/modules/organisations/organisations.server'
import { regionOptions } from '~/modules/organisations/regions'
import { OrganisationProfileSchema } from '~/modules/organisations/schemas'
import { scienceOrganisationTypes } from '~/modules/permissions/actor'
import { can } from '~/modules/permissions/can'

function requireEditor(context: LoaderFunctionArgs['context'], request: Request) {
  const actor = requireActor(context, request)
  if (!actor.organisationId || !can(actor, 'organisation:edit', { organisationId: actor.organisationId })) forbidden()
  return { actor, organisationId: actor.organisationId }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, organisationId } = requireEditor(context, request)
  const organisation = getOrganisation(organisationId)
  if (!organisation) forbidden()
  return json({ organisation, regions: regionOptions(await resolveLocale(request, actor)) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, organisationId } = requireEditor(context, request)
  const submission = parseSubmission(await request.formData(), OrganisationProfileSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { organisationName, organisationType, ...rest } = submission.value
  const result = updateOrganisationProfile(actor, organisationId, {
    name: organisationName,
    shortName: rest.shortName || null,
    inn: rest.inn,
    ogrn: rest.ogrn,
    ...(organisationType ? { type: organisationType, isState: rest.isState } : {}),
    region: rest.region,
    city: rest.city || null,
    alliance: rest.alliance ?? null,
    size: rest.size ?? null,
    website: rest.website || null,
    description: rest.description || null,
  })
  return respondToForm(submission, result, { redirectTo: '/org', toast: { type: 'success', key: 'toast.saved' } })
}

export default function EditOrganisation() {
  const { t } = useTranslation()
  const { organisation, regions } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    lastResult,
    defaultValue: {
      organisationName: organisation.name,
      shortName: organisation.shortName ?? '',
      inn: organisation.inn,
      ogrn: organisation.ogrn,
      organisationType: organisation.type === 'company' ? '' : organisation.type,
      isState: organisation.isState ? 'on' : '',
      region: organisation.region,
      city: organisation.city ?? '',
      alliance: organisation.alliance ?? '',
      size: organisation.size ?? '',
      website: organisation.website ?? '',
      description: organisation.description ?? '',
    },
    constraint: getZodConstraint(OrganisationProfileSchema),
    onValidate: ({ formData }) => parseSubmission(formData, OrganisationProfileSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="narrow">
      <h1>{t('organisation.edit')}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        {organisation.verificationStatus === 'verified' ? <p className="notice">{t('organisation.identityChangeWarning')}</p> : null}
        <Field label={t('fields.organisationName')} meta={fields.organisationName} />
        <Field label={t('fields.shortName')} meta={fields.shortName} />
        <div className="row">
          <Field label={t('fields.inn')} meta={fields.inn} />
          <Field label={t('fields.ogrn')} meta={fields.ogrn} />
        </div>
        {organisation.type !== 'company' ? (
          <>
            <SelectField
              label={t('fields.organisationType')}
              meta={fields.organisationType}
              options={scienceOrganisationTypes.map((v) => ({ value: v, label: t(`organisationType.${v}`) }))}
            />
            <CheckboxField label={t('fields.isState')} meta={fields.isState} />
          </>
        ) : null}
        <div className="row">
          <SelectField label={t('fields.region')} meta={fields.region} options={regions} />
          <Field label={t('fields.city')} meta={fields.city} />
        </div>
        <SelectField
          label={t('fields.alliance')}
          meta={fields.alliance}
          placeholder={t('alliance.none')}
          options={alliances.map((v) => ({ value: v, label: t(`alliance.${v}`) }))}
        />
        {organisation.type === 'company' ? (
          <SelectField
            label={t('fields.size')}
            meta={fields.size}
            placeholder={t('common.choose')}
            options={companySizes.map((v) => ({ value: v, label: t(`companySize.${v}`) }))}
          />
        ) : null}
        <Field label={t('fields.website')} meta={fields.website} type="url" />
        <TextareaField label={t('fields.description')} meta={fields.description} rows={6} />
        <SubmitButton>{t('common.save')}</SubmitButton>
      </Form>
    </section>
  )
}
