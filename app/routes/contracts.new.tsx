import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DocumentField, textMeta } from '~/components/contracts/parts'
import { ContractTermsFields } from '~/components/contracts/terms-fields'
import { FormErrors, SelectField, SubmitButton } from '~/components/forms'
import { agreedEngagementOf, contractorOptions } from '~/modules/contracts/queries.server'
import { registerContract } from '~/modules/contracts/register.server'
import { RegisterContractSchema } from '~/modules/contracts/schemas'
import { readUploadForm, uploadFailureResponse } from '~/modules/documents/upload.server'
import { requirePermission } from '~/modules/http/guards.server'
import { respondToForm } from '~/modules/http/respond.server'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Новый договор · New contract' }]

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'contract:register')
  const url = new URL(request.url)
  const preselected = Number(url.searchParams.get('contractor'))
  // Coming from an agreed engagement, its lab's organisation is the contractor.
  const engagement = url.searchParams.has('engagement') ? agreedEngagementOf(actor, Number(url.searchParams.get('engagement'))) : null
  if (engagement?.contractId) throw redirect(`/contracts/${engagement.contractId}`)
  const contractorId = engagement?.contractorId ?? (Number.isSafeInteger(preselected) && preselected > 0 ? preselected : undefined)
  return json({
    contractors: contractorOptions(),
    contractorId: contractorId === undefined ? undefined : String(contractorId),
    engagement,
    engagementRefused: url.searchParams.has('engagement') && !engagement,
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'contract:register')
  const upload = await readUploadForm(request)
  if (upload.failure) return uploadFailureResponse(request, upload.failure)
  const submission = parseSubmission(upload.formData, RegisterContractSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = registerContract(actor, { ...submission.value, document: upload.files.get('document') })
  return respondToForm(submission, result, {
    redirectTo: (v) => `/contracts/${v.contractId}`,
    toast: { type: 'success', key: 'contracts.toast.registered' },
  })
}

export default function NewContract() {
  const { t } = useTranslation()
  const { contractors, contractorId, engagement, engagementRefused } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    lastResult,
    constraint: getZodConstraint(RegisterContractSchema),
    defaultValue: { contractorId, vatMode: 'exempt', stages: [{ title: '', dueOn: '', amount: '' }] },
    onValidate: ({ formData }) => parseSubmission(formData, RegisterContractSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="narrow">
      <p>
        <Link to="/contracts">{t('contracts.backToList')}</Link>
      </p>
      <h1>{t('contracts.new.title')}</h1>
      <p className="muted">{t('contracts.new.lead')}</p>
      {engagement ? (
        <p className="notice">
          {t('contracts.new.fromEngagement', { request: engagement.requestTitle, lab: engagement.labName })}{' '}
          <Link to={`/engagements/${engagement.id}`}>{t('contracts.new.openEngagement')}</Link>
        </p>
      ) : null}
      {engagementRefused ? <p className="notice danger">{t('errors.engagement_not_agreed')}</p> : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        {engagement ? <input type="hidden" name="engagementId" value={engagement.id} /> : null}
        <fieldset>
          <legend>{t('contracts.form.parties')}</legend>
          <SelectField
            label={t('contracts.fields.contractor')}
            meta={textMeta(fields.contractorId)}
            placeholder={t('common.choose')}
            options={contractors.map((c) => ({
              value: String(c.id),
              label: `${c.shortName ?? c.name} — ${t(`organisationType.${c.type}`)}${c.isState ? '' : ` (${t('contracts.notState')})`}`,
            }))}
          />
          <p className="hint">{t('contracts.new.contractorHint')}</p>
        </fieldset>
        <ContractTermsFields form={form} fields={fields} />
        <fieldset>
          <legend>{t('contracts.form.document')}</legend>
          <DocumentField meta={fields.document} label={t('contracts.fields.contractDocument')} />
        </fieldset>
        <p className="hint">{t('contracts.new.confirmHint')}</p>
        <SubmitButton>{t('contracts.new.submit')}</SubmitButton>
      </Form>
    </section>
  )
}
