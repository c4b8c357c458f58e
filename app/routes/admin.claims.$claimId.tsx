import { TableScroll } from '~/components/table-scroll'
import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ClaimDocuments, DecisionPanel } from '~/components/claims/claim-parts'
import { ComputationTable } from '~/components/claims/computation'
import { storedComputation } from '~/modules/claims/eligible-amount'
import { useIntentResult } from '~/components/contracts/intent'
import { HistoryList, StatusBadge } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { Field, FormErrors, SubmitButton, TextareaField } from '~/components/forms'
import { AfterPayment } from '~/components/claims/after-payment'
import { AffiliationPanel, DocumentChecklist, UnmetRules } from '~/components/claims/eligibility'
import { acceptReport, addIndicator, recordAgreement, recordReturnReceived, recordShortfall, scheduleReport } from '~/modules/agreements/agreements.server'
import { AffiliationCheckSchema, AgreementSchema, IndicatorSchema, ReturnReceivedSchema, ReviewReportSchema, ScheduleReportSchema } from '~/modules/agreements/schemas'
import { cancelApproval, decideClaim, markClaimPaid } from '~/modules/claims/decide.server'
import { recordAffiliationCheck } from '~/modules/claims/eligibility.server'
import { getClaimView } from '~/modules/claims/queries.server'
import { selectionOfClaim } from '~/modules/selection/queries.server'
import { SelectionResult } from '~/components/claims/selection-result'
import { CancelApprovalSchema, DecideClaimSchema, MarkPaidSchema } from '~/modules/claims/schemas'
import { regionToday } from '~/modules/calendar/calendar'
import { notFound, requirePermission } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import styles from '~/styles/contracts.css'
import { DestructiveIcon } from '~/components/icons'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Рассмотрение заявки · Claim review' }]

export function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'claim:review')
  const claimId = parseId(params.claimId)
  const view = loaderValue(getClaimView(actor, claimId), { conceal: true })
  return json({ ...view, selection: loaderValue(selectionOfClaim(actor, claimId), { conceal: true }), today: regionToday() })
}

const decisionToast = { approve: 'claims.toast.approved', approve_partial: 'claims.toast.approved', return: 'claims.toast.returned', reject: 'claims.toast.rejected' } as const

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'claim:review')
  const claimId = parseId(params.claimId)
  const formData = await request.formData()
  const here = `/admin/claims/${claimId}`
  const done = (key: string) => ({ redirectTo: here, toast: { type: 'success' as const, key: `claims.toast.${key}` } })
  switch (formData.get('intent')) {
    case 'cancel-approval': {
      const submission = parseSubmission(formData, CancelApprovalSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, cancelApproval(actor, claimId, submission.value), { redirectTo: here, toast: { type: 'info', key: 'claims.toast.approvalCancelled' } })
    }
    case 'check-affiliation': {
      const submission = parseSubmission(formData, AffiliationCheckSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, recordAffiliationCheck(actor, claimId, submission.value), done('affiliationChecked'))
    }
    case 'record-agreement': {
      const submission = parseSubmission(formData, AgreementSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, recordAgreement(actor, claimId, submission.value), done('agreementRecorded'))
    }
    case 'add-indicator': {
      const submission = parseSubmission(formData, IndicatorSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, addIndicator(actor, claimId, submission.value), done('indicatorAdded'))
    }
    case 'schedule-report': {
      const submission = parseSubmission(formData, ScheduleReportSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      return respondToForm(submission, scheduleReport(actor, claimId, submission.value), done('reportScheduled'))
    }
    case 'review-report': {
      const submission = parseSubmission(formData, ReviewReportSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const { recordId, decision, note } = submission.value
      return decision === 'accept'
        ? respondToForm(submission, acceptReport(actor, claimId, recordId, { note }), done('reportAccepted'))
        : respondToForm(submission, recordShortfall(actor, claimId, recordId, { note }), done('shortfallRecorded'))
    }
    case 'return-received': {
      const submission = parseSubmission(formData, ReturnReceivedSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const { recordId, ...received } = submission.value
      return respondToForm(submission, recordReturnReceived(actor, claimId, recordId, received), done('returnReceived'))
    }
  }
  if (formData.get('intent') === 'mark-paid') {
    const submission = parseSubmission(formData, MarkPaidSchema)
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    return respondToForm(submission, markClaimPaid(actor, claimId, submission.value), { redirectTo: here, toast: { type: 'success', key: 'claims.toast.paid' } })
  }
  const submission = parseSubmission(formData, DecideClaimSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, decideClaim(actor, claimId, submission.value), {
    redirectTo: here,
    toast: { type: 'success', key: decisionToast[submission.value.decision] },
  })
}

function DecisionForm() {
  const { t } = useTranslation()
  const { formatMoney } = useFormat()
  const { claim, assessment } = useLoaderData<typeof loader>()
  const lastResult = useIntentResult('decide')
  const [form, fields] = useAppForm({ id: 'decide', lastResult, constraint: getZodConstraint(DecideClaimSchema), shouldValidate: 'onBlur' })
  return (
    <Form method="post" {...getFormProps(form)} className="panel decision">
      <h2>{t('review.decide')}</h2>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="revision" value={claim.revision} />
      <p>
        {t('review.requestedNow', {
          requested: formatMoney(claim.requestedKopecks ?? 0),
          eligible: formatMoney(assessment.computation.resultKopecks),
        })}
      </p>
      <TextareaField label={t('review.reason')} meta={fields.reason} rows={3} hint={t('review.reasonHint')} />
      <Field label={t('review.partialAmount')} meta={fields.amount} hint={t('review.partialHint')} />
      <div className="button-row">
        <SubmitButton name="decision" value="approve">
          {t('review.approve')}
        </SubmitButton>
        <SubmitButton name="decision" value="approve_partial" className="button">
          {t('review.approvePartial')}
        </SubmitButton>
        <SubmitButton name="decision" value="return" className="button">
          {t('review.return')}
        </SubmitButton>
        <SubmitButton name="decision" value="reject" className="button danger">
          <DestructiveIcon />
          {t('review.reject')}
        </SubmitButton>
      </div>
    </Form>
  )
}

function MarkPaidForm() {
  const { t } = useTranslation()
  const { claim, today } = useLoaderData<typeof loader>()
  const lastResult = useIntentResult('mark-paid')
  const [form, fields] = useAppForm<z.input<typeof MarkPaidSchema>>({ id: 'mark-paid', lastResult, constraint: getZodConstraint(MarkPaidSchema), defaultValue: { paidOn: today }, shouldValidate: 'onBlur' })
  return (
    <Form method="post" {...getFormProps(form)} className="panel">
      <h2>{t('review.markPaid')}</h2>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="mark-paid" />
      <input type="hidden" name="revision" value={claim.revision} />
      <div className="row">
        <Field label={t('review.paidOn')} meta={fields.paidOn} type="date" />
        <Field label={t('review.paymentOrder')} meta={fields.orderNumber} />
      </div>
      <SubmitButton>{t('review.markPaidSubmit')}</SubmitButton>
    </Form>
  )
}

function CancelApprovalForm() {
  const { t } = useTranslation()
  const { claim } = useLoaderData<typeof loader>()
  const lastResult = useIntentResult('cancel-approval')
  const [form, fields] = useAppForm({ id: 'cancel-approval', lastResult, constraint: getZodConstraint(CancelApprovalSchema), shouldValidate: 'onBlur' })
  return (
    <details className="form-toggle" open={!!lastResult}>
      <summary>{t('review.cancelApproval')}</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="cancel-approval" />
        <input type="hidden" name="revision" value={claim.revision} />
        <TextareaField label={t('review.cancelReason')} meta={fields.reason} rows={2} hint={t('review.cancelApprovalHint')} />
        <SubmitButton className="button danger"><DestructiveIcon />{t('review.cancelApproval')}</SubmitButton>
      </Form>
    </details>
  )
}

export default function ClaimReview() {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const view = useLoaderData<typeof loader>()
  const { claim, programme, contract, company, contractor, payments, acts, documents, claimDocuments, afterPayment, assessment, history, permissions } = view
  const stored = claim.computation
  const drifted = stored !== null && claim.status === 'submitted' && stored.resultKopecks !== assessment.computation.resultKopecks
  return (
    <section>
      <p>
        <Link to="/admin/claims">{t('review.backToQueue')}</Link>
      </p>
      <div className="page-head">
        <h1>{t('claims.heading', { id: claim.id })}</h1>
        <StatusBadge status={claim.status} prefix="claims.status" />
      </div>
      <dl className="facts">
        <dt>{t('review.company')}</dt>
        <dd>
          <Link to={`/orgs/${company.id}`}>{company.name}</Link> · {t('fields.inn')} {company.inn}{' '}
          {company.verificationStatus !== 'verified' ? <span className="badge warning">{t('organisation.unverified')}</span> : null}
        </dd>
        <dt>{t('claims.contract')}</dt>
        <dd>
          <Link to={`/contracts/${contract.id}`}>{t('contracts.numberAndDate', { number: contract.version.number, date: formatDate(contract.version.signedOn) })}</Link>
          {' — '}
          {contract.version.subject}
        </dd>
        <dt>{t('contracts.contractor')}</dt>
        <dd>
          {contractor.name} <span className="muted">({t(`organisationType.${contractor.type}`)}{contractor.isState ? `, ${t('contracts.state')}` : ''})</span>{' '}
          {contractor.verificationStatus !== 'verified' ? <span className="badge warning">{t('contractorUnverified')}</span> : null}
        </dd>
        <dt>{t('claims.programme')}</dt>
        <dd>
          <Link to={`/admin/programmes/${programme.id}`}>{programme.title}</Link> —{' '}
          {t('review.budgetRemaining', { remaining: formatMoney(programme.budget.remainingKopecks) })}
        </dd>
        <dt>{t('claims.submittedAt')}</dt>
        <dd>{formatDate(claim.submittedAt)}</dd>
      </dl>
      <DecisionPanel claim={claim} />
      <SelectionResult selection={view.selection} roundUrl={`/admin/programmes/${programme.id}/round`} />
      {claim.status === 'submitted' ? <UnmetRules violations={assessment.violations} reviewChecks={assessment.reviewChecks} /> : null}
      <AffiliationPanel declaredAt={claim.affiliationDeclaredAt} check={claim.affiliationCheck} canDeclare={false} canCheck={permissions.checkAffiliation} revision={claim.revision} />

      <h2 id="payments-title">{t('claims.payments')}</h2>
      <TableScroll labelledBy="payments-title">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('contracts.payments.paidOn')}</th>
              <th scope="col">{t('contracts.payments.orderNumber')}</th>
              <th scope="col" className="num">
                {t('contracts.payments.amount')}
              </th>
              <th scope="col">{t('contracts.statusLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr key={p.id}>
                <td>{formatDate(p.paidOn)}</td>
                <td>{p.orderNumber}</td>
                <td className="num">{formatMoney(p.amountKopecks)}</td>
                <td>
                  <StatusBadge status={p.status} prefix="contracts.recordStatus" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <div className="side-by-side">
        <DocumentChecklist checklist={assessment.checklist} attached={claimDocuments} documents={documents} canEdit={false} revision={claim.revision} />
        <ClaimDocuments contract={contract} acts={acts} payments={payments} documents={documents} required={programme.requiredDocuments} showFixLink={false} />
      </div>

      {stored ? (
        <>
          <h2>{t('claims.computation.atSubmission')}</h2>
          <ComputationTable {...storedComputation(stored)} />
        </>
      ) : null}
      {claim.status === 'submitted' ? (
        <>
          {drifted ? (
            <>
              <p className="notice">{t('review.drifted')}</p>
              <h2>{t('claims.computation.today')}</h2>
              <ComputationTable steps={assessment.computation.steps} resultKopecks={assessment.computation.resultKopecks} />
            </>
          ) : null}
        </>
      ) : null}

      {permissions.decide ? <DecisionForm /> : null}
      {permissions.markPaid ? <MarkPaidForm /> : null}
      {permissions.markPaid ? <CancelApprovalForm /> : null}
      <AfterPayment view={afterPayment} documents={documents} returnFormula={programme.returnFormula} permissions={{ ...permissions, fileReports: false }} />

      <h2>{t('claims.history')}</h2>
      <HistoryList items={history} prefix="claims.events" />
    </section>
  )
}
