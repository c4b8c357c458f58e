import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ClaimDocuments, DecisionPanel } from '~/components/claims/claim-parts'
import { ComputationTable, ViolationList } from '~/components/claims/computation'
import { storedComputation } from '~/modules/claims/eligible-amount'
import { useIntentResult } from '~/components/contracts/intent'
import { FieldErrors, HistoryList, StatusBadge } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { FormErrors, SubmitButton } from '~/components/forms'
import { AfterPayment } from '~/components/claims/after-payment'
import { AffiliationPanel, DocumentChecklist } from '~/components/claims/eligibility'
import { submitReport } from '~/modules/agreements/agreements.server'
import { ClaimDocumentSchema, RemoveClaimDocumentSchema, ReportSchema } from '~/modules/agreements/schemas'
import { submitClaim, updateClaimPayments, withdrawClaim } from '~/modules/claims/claims.server'
import { attachClaimDocument, declareNoAffiliation, removeClaimDocument } from '~/modules/claims/eligibility.server'
import { readUploadForm, uploadFailureResponse } from '~/modules/documents/upload.server'
import { getClaimView } from '~/modules/claims/queries.server'
import { selectionOfClaim } from '~/modules/selection/queries.server'
import { SelectionResult } from '~/components/claims/selection-result'
import { ClaimPaymentsSchema, SubmitClaimSchema } from '~/modules/claims/schemas'
import { requireActor } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { can } from '~/modules/permissions/can'
import styles from '~/styles/contracts.css'
import { DestructiveIcon } from '~/components/icons'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Заявка на компенсацию · Compensation claim' }]

export function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request)
  // The administration reviews a claim on its own page.
  if (can(actor, 'claim:review')) throw redirect(`/admin/claims/${params.claimId}`)
  const claimId = parseId(params.claimId)
  return json({ ...loaderValue(getClaimView(actor, claimId), { conceal: true }), selection: loaderValue(selectionOfClaim(actor, claimId), { conceal: true }) })
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request)
  const claimId = parseId(params.claimId)
  const upload = await readUploadForm(request)
  if (upload.failure) return uploadFailureResponse(request, upload.failure)
  const { formData, files } = upload
  const here = `/claims/${claimId}`
  switch (formData.get('intent')) {
    case 'declare': {
      const submission = parseSubmission(formData, SubmitClaimSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, declareNoAffiliation(actor, claimId), { redirectTo: here, toast: { type: 'success', key: 'claims.toast.declared' } })
    }
    case 'attach-claim-document': {
      const submission = parseSubmission(formData, ClaimDocumentSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const result = attachClaimDocument(actor, claimId, { ...submission.value, document: files.get('document') })
      return respondToForm(submission, result, { redirectTo: here, toast: { type: 'success', key: 'claims.toast.documentAttached' } })
    }
    case 'remove-document': {
      const submission = parseSubmission(formData, RemoveClaimDocumentSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, removeClaimDocument(actor, claimId, submission.value.recordId), { redirectTo: here, toast: { type: 'info', key: 'claims.toast.documentRemoved' } })
    }
    case 'file-report': {
      const submission = parseSubmission(formData, ReportSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const { recordId, achieved, note } = submission.value
      const result = submitReport(actor, claimId, recordId, { achieved, note, document: files.get('document') })
      return respondToForm(submission, result, { redirectTo: here, toast: { type: 'success', key: 'claims.toast.reportSubmitted' } })
    }
    case 'update-payments': {
      const submission = parseSubmission(formData, ClaimPaymentsSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, updateClaimPayments(actor, claimId, submission.value), { redirectTo: here, toast: { type: 'success', key: 'toast.saved' } })
    }
    case 'submit': {
      const submission = parseSubmission(formData, SubmitClaimSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, submitClaim(actor, claimId, submission.value), { redirectTo: here, toast: { type: 'success', key: 'claims.toast.submitted' } })
    }
    case 'withdraw': {
      const submission = parseSubmission(formData, SubmitClaimSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, withdrawClaim(actor, claimId), { redirectTo: here, toast: { type: 'info', key: 'claims.toast.withdrawn' } })
    }
    default:
      return json({ status: 'error' as const, error: { '': ['errors.invalid'] } }, { status: 400 })
  }
}

function PaymentSelection() {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const { claim, payments, selectedPaymentIds } = useLoaderData<typeof loader>()
  const lastResult = useIntentResult('update-payments')
  const [form, fields] = useAppForm({ id: 'update-payments', lastResult, constraint: getZodConstraint(ClaimPaymentsSchema), shouldValidate: 'onBlur' })
  return (
    <Form method="post" {...getFormProps(form)} className="panel">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="update-payments" />
      <input type="hidden" name="revision" value={claim.revision} />
      <fieldset>
        <legend>{t('claims.payments')}</legend>
        <ul className="checkbox-list">
          {payments.map((p) => {
            const disabled = p.heldByClaim !== null || p.status === 'declined'
            return (
              <li key={p.id}>
                <input type="checkbox" id={`payment-${p.id}`} name="paymentIds" value={p.id} defaultChecked={selectedPaymentIds.includes(p.id)} disabled={disabled} />
                <label htmlFor={`payment-${p.id}`}>
                  {t('claims.paymentLine', { order: p.orderNumber, date: formatDate(p.paidOn), amount: formatMoney(p.amountKopecks) })}{' '}
                  <StatusBadge status={p.status} prefix="contracts.recordStatus" />
                  {p.heldByClaim !== null ? <span className="muted"> {t('claims.heldBy', { id: p.heldByClaim })}</span> : null}
                </label>
              </li>
            )
          })}
        </ul>
        <FieldErrors id={fields.paymentIds.errorId} errors={fields.paymentIds.errors} />
      </fieldset>
      <SubmitButton className="button">{t('claims.savePayments')}</SubmitButton>
    </Form>
  )
}

export default function ClaimPage() {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const view = useLoaderData<typeof loader>()
  const { claim, programme, contract, contractor, payments, selectedPaymentIds, acts, documents, claimDocuments, afterPayment, assessment, history, permissions } = view
  const submitResult = useIntentResult('submit')
  const withdrawResult = useIntentResult('withdraw')
  const stored = claim.computation
  const selected = payments.filter((p) => selectedPaymentIds.includes(p.id))
  return (
    <section>
      <p>
        <Link to="/claims">{t('claims.backToList')}</Link>
      </p>
      <div className="page-head">
        <h1>{t('claims.heading', { id: claim.id })}</h1>
        <StatusBadge status={claim.status} prefix="claims.status" />
      </div>
      <dl className="facts">
        <dt>{t('claims.programme')}</dt>
        <dd>
          <Link to={`/programmes/${programme.id}`}>{programme.title}</Link>
        </dd>
        <dt>{t('claims.contract')}</dt>
        <dd>
          <Link to={`/contracts/${contract.id}`}>{t('contracts.numberAndDate', { number: contract.version.number, date: formatDate(contract.version.signedOn) })}</Link> —{' '}
          {contractor.shortName ?? contractor.name}
        </dd>
        {claim.submittedAt ? (
          <>
            <dt>{t('claims.submittedAt')}</dt>
            <dd>{formatDate(claim.submittedAt)}</dd>
          </>
        ) : null}
        {claim.requestedKopecks !== null ? (
          <>
            <dt>{t('claims.requested')}</dt>
            <dd>{formatMoney(claim.requestedKopecks)}</dd>
          </>
        ) : null}
      </dl>
      <DecisionPanel claim={claim} />
      <SelectionResult selection={view.selection} />

      <AfterPayment view={afterPayment} documents={documents} returnFormula={programme.returnFormula} permissions={permissions} />

      {permissions.edit ? (
        <>
          <h2>{t('claims.prepare')}</h2>
          <AffiliationPanel declaredAt={claim.affiliationDeclaredAt} check={null} canDeclare revision={claim.revision} canCheck={false} />
          <PaymentSelection />
          <h2>{t('claims.computation.title')}</h2>
          <ComputationTable steps={assessment.computation.steps} resultKopecks={assessment.computation.resultKopecks} />
          <ViolationList violations={assessment.violations} />
          {submitResult?.error?.[''] ? <FormErrors errors={submitResult.error['']} /> : null}
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="revision" value={claim.revision} />
            {assessment.violations.length === 0 ? (
              <SubmitButton>{claim.status === 'returned' ? t('claims.resubmit') : t('claims.submit')}</SubmitButton>
            ) : (
              <p className="muted">{t('claims.fixBeforeSubmit')}</p>
            )}
          </Form>
        </>
      ) : (
        <>
          <h2>{t('claims.payments')}</h2>
          <ul className="list">
            {selected.map((p) => (
              <li key={p.id}>{t('claims.paymentLine', { order: p.orderNumber, date: formatDate(p.paidOn), amount: formatMoney(p.amountKopecks) })}</li>
            ))}
          </ul>
          {stored ? (
            <>
              <h2>{t('claims.computation.atSubmission')}</h2>
              <ComputationTable {...storedComputation(stored)} />
            </>
          ) : null}
        </>
      )}

      <DocumentChecklist checklist={assessment.checklist} attached={claimDocuments} documents={documents} canEdit={permissions.edit} revision={claim.revision} />
      <ClaimDocuments contract={contract} acts={acts} payments={selected} documents={documents} required={programme.requiredDocuments} showFixLink={permissions.edit} />

      {permissions.withdraw ? (
        <Form method="post" className="panel">
          {withdrawResult?.error?.[''] ? <FormErrors errors={withdrawResult.error['']} /> : null}
          <input type="hidden" name="intent" value="withdraw" />
          <input type="hidden" name="revision" value={claim.revision} />
          <p className="hint">{t('claims.withdrawHint')}</p>
          <SubmitButton className="button danger"><DestructiveIcon />{t('claims.withdraw')}</SubmitButton>
        </Form>
      ) : null}

      <h2>{t('claims.history')}</h2>
      <HistoryList items={history} prefix="claims.events" />
    </section>
  )
}
