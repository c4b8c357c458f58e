import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { DocumentField } from '~/components/contracts/parts'
import { ContractTermsFields } from '~/components/contracts/terms-fields'
import { FormErrors, SubmitButton, TextareaField } from '~/components/forms'
import { useFormat } from '~/components/format'
import { termsForNewVersion } from '~/modules/contracts/queries.server'
import { proposeVersion } from '~/modules/contracts/register.server'
import { ProposeVersionSchema } from '~/modules/contracts/schemas'
import { readUploadForm, uploadFailureResponse } from '~/modules/documents/upload.server'
import { kopecksToDecimal, type Kopecks } from '~/modules/format/money'
import { requireActor } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { redirectWithToast } from '~/modules/http/toast.server'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Изменение договора · Contract amendment' }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request)
  const contractId = parseId(params.contractId)
  const found = termsForNewVersion(actor, contractId)
  if (!found.ok && found.error === 'version_pending') return redirectWithToast(`/contracts/${contractId}`, { type: 'info', key: 'errors.version_pending' })
  const { contract, base, contractorName } = loaderValue(found)
  // The form starts from the terms in force, amounts as a person would type them.
  const money = (k: number) => kopecksToDecimal(k as Kopecks).replace('.', ',')
  return json({
    contractId: contract.id,
    isAmendment: contract.confirmedVersionId !== null,
    contractorName,
    base: { number: base.number, signedOn: base.signedOn, version: base.version },
    defaults: {
      number: base.number,
      signedOn: base.signedOn,
      subject: base.subject,
      price: money(base.priceKopecks),
      vatMode: base.vatMode,
      vatRate: base.vatRateBp !== null ? String(base.vatRateBp) : undefined,
      vatAmount: base.vatMode === 'amount' ? money(base.vatKopecks) : undefined,
      startsOn: base.startsOn,
      endsOn: base.endsOn,
      stages: base.stages.map((s) => ({ title: s.title, dueOn: s.dueOn, amount: money(s.amountKopecks) })),
    },
  })
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request)
  const contractId = parseId(params.contractId)
  const upload = await readUploadForm(request)
  if (upload.failure) return uploadFailureResponse(request, upload.failure)
  const submission = parseSubmission(upload.formData, ProposeVersionSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = proposeVersion(actor, contractId, { ...submission.value, document: upload.files.get('document') })
  return respondToForm(submission, result, { redirectTo: `/contracts/${contractId}`, toast: { type: 'success', key: 'contracts.toast.versionProposed' } })
}

export default function AmendContract() {
  const { t } = useTranslation()
  const { formatDate } = useFormat()
  const { contractId, isAmendment, contractorName, base, defaults } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm<z.input<typeof ProposeVersionSchema>, z.infer<typeof ProposeVersionSchema>>({
    lastResult,
    constraint: getZodConstraint(ProposeVersionSchema),
    defaultValue: defaults,
    onValidate: ({ formData }) => parseSubmission(formData, ProposeVersionSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="narrow">
      <p>
        <Link to={`/contracts/${contractId}`}>{t('contracts.backToContract')}</Link>
      </p>
      <h1>{isAmendment ? t('contracts.amend.title') : t('contracts.amend.correctedTitle')}</h1>
      <p className="muted">
        {t('contracts.amend.lead', { number: base.number, date: formatDate(base.signedOn), contractor: contractorName })}
      </p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        {isAmendment ? <TextareaField label={t('contracts.fields.amendmentReason')} meta={fields.amendmentReason} rows={3} /> : null}
        <ContractTermsFields form={form} fields={fields} />
        <fieldset>
          <legend>{t('contracts.form.document')}</legend>
          <DocumentField meta={fields.document} label={isAmendment ? t('contracts.fields.amendmentDocument') : t('contracts.fields.contractDocument')} />
        </fieldset>
        <p className="hint">{t('contracts.amend.confirmHint')}</p>
        <SubmitButton>{t('contracts.amend.submit')}</SubmitButton>
      </Form>
    </section>
  )
}
