import { getFormProps } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import type { SerializeFrom } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useIntentResult } from '~/components/contracts/intent'
import { DocumentField, DocumentLink, StatusBadge, type DocumentRef } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { Field, FormErrors, SubmitButton, TextareaField } from '~/components/forms'
import { useAppForm } from '~/components/use-app-form'
import type { AgreementView } from '~/modules/agreements/agreements.server'
import type { ReturnAmount } from '~/modules/agreements/return-amount'
import { AgreementSchema, IndicatorSchema, ReportSchema, ReturnReceivedSchema, ReviewReportSchema, ScheduleReportSchema } from '~/modules/agreements/schemas'
import { DestructiveIcon } from '../icons'

type View = SerializeFrom<AgreementView>
type Report = View['reports'][number]

interface AfterPaymentProps {
  view: View | null
  documents: Record<string, DocumentRef>
  returnFormula: string
  permissions: { manageAgreement: boolean; reviewReports: boolean; fileReports: boolean }
}

/** What followed the payment: the agreement, its indicators, the reports on them and any return. */
export function AfterPayment({ view, documents, returnFormula, permissions }: AfterPaymentProps) {
  const { t } = useTranslation()
  const { formatDate, formatNumber } = useFormat()
  if (!view && !permissions.manageAgreement) return null
  return (
    <section aria-labelledby="after-payment" className="after-payment">
      <h2 id="after-payment">{t('subsidy.title')}</h2>
      {view ? <p>{t('subsidy.agreement', { number: view.agreement.number, date: formatDate(view.agreement.signedOn) })}</p> : <p className="empty">{t('subsidy.noAgreement')}</p>}
      {!view && permissions.manageAgreement ? <AgreementForm /> : null}
      {view ? (
        <>
          <h3>{t('subsidy.indicators')}</h3>
          {view.indicators.length === 0 ? (
            <p className="empty">{t('subsidy.noIndicators')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('subsidy.indicator')}</th>
                  <th scope="col">{t('subsidy.unit')}</th>
                  <th scope="col" className="num">
                    {t('subsidy.target')}
                  </th>
                  <th scope="col">{t('subsidy.dueOn')}</th>
                </tr>
              </thead>
              <tbody>
                {view.indicators.map((i) => (
                  <tr key={i.id}>
                    <td>{i.name}</td>
                    <td>{i.unit}</td>
                    <td className="num">{formatNumber(i.targetValue)}</td>
                    <td>{formatDate(i.dueOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {permissions.manageAgreement ? <IndicatorForm /> : null}
          <h3 id="reports">{t('subsidy.reports')}</h3>
          {view.reports.length === 0 ? <p className="empty">{t('subsidy.noReports')}</p> : null}
          {view.reports.map((report) => (
            <ReportCard key={report.id} report={report} view={view} documents={documents} returnFormula={returnFormula} permissions={permissions} />
          ))}
          {permissions.manageAgreement && view.indicators.length > 0 ? <ScheduleForm /> : null}
        </>
      ) : null}
    </section>
  )
}

function ReportCard({ report, view, documents, returnFormula, permissions }: { report: Report; view: View; documents: Record<string, DocumentRef>; returnFormula: string; permissions: AfterPaymentProps['permissions'] }) {
  const { t } = useTranslation()
  const { formatDate, formatNumber, formatMoney } = useFormat()
  const demanded = view.returns.find((r) => r.reportId === report.id)
  const computation = demanded?.computation as ReturnAmount | undefined
  return (
    <article className="panel report" data-report={report.id}>
      <h4>
        {t('subsidy.reportDue', { date: formatDate(report.dueOn) })} <StatusBadge status={report.status} prefix="subsidy.reportStatus" />
      </h4>
      {report.achieved ? (
        <ul className="plain">
          {view.indicators.map((i) => (
            <li key={i.id}>
              {i.name}: {t('subsidy.achieved')} {formatNumber(report.achieved?.[String(i.id)] ?? 0)} / {formatNumber(i.targetValue)} {i.unit}
            </li>
          ))}
        </ul>
      ) : null}
      {report.note ? <p className="prose">{report.note}</p> : null}
      {report.evidenceDocumentId ? (
        <p>
          {t('subsidy.evidence')}: <DocumentLink document={documents[report.evidenceDocumentId]} />
        </p>
      ) : null}
      {report.reviewNote ? <p>{t('subsidy.reviewNote')}: {report.reviewNote}</p> : null}
      {demanded ? (
        <div className="return">
          <p>
            <strong>{t('subsidy.returnLine', { amount: formatMoney(demanded.amountKopecks) })}</strong> <StatusBadge status={demanded.status} prefix="subsidy.returnStatus" />{' '}
            {computation ? <span className="muted">({t('subsidy.returnExact', { exact: computation.exactKopecks })})</span> : null}
          </p>
          {computation ? (
            <ul className="plain">
              {computation.steps.map((s) => (
                <li key={s.indicatorId}>{t('subsidy.returnStep', { name: s.name, target: formatNumber(s.targetValue), achieved: formatNumber(s.achievedValue), shortfall: s.shortfall })}</li>
              ))}
            </ul>
          ) : null}
          {demanded.status === 'returned' ? <p>{t('subsidy.returnedLine', { date: formatDate(demanded.returnedOn), order: demanded.orderNumber })}</p> : null}
          {demanded.status === 'demanded' && permissions.reviewReports ? <ReturnReceivedForm returnId={demanded.id} /> : null}
        </div>
      ) : null}
      {report.status === 'due' && permissions.fileReports ? <ReportForm report={report} view={view} /> : null}
      {report.status === 'submitted' && permissions.reviewReports ? <ReviewForm reportId={report.id} returnFormula={returnFormula} /> : null}
    </article>
  )
}

function AgreementForm() {
  const { t } = useTranslation()
  const lastResult = useIntentResult('record-agreement')
  const [form, fields] = useAppForm({ id: 'record-agreement', lastResult, constraint: getZodConstraint(AgreementSchema), shouldValidate: 'onBlur' })
  return (
    <Form method="post" {...getFormProps(form)} className="panel">
      <h3>{t('subsidy.agreementForm')}</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="record-agreement" />
      <div className="row">
        <Field label={t('subsidy.agreementNumber')} meta={fields.number} />
        <Field label={t('subsidy.agreementDate')} meta={fields.signedOn} type="date" />
      </div>
      <SubmitButton>{t('subsidy.agreementForm')}</SubmitButton>
    </Form>
  )
}

function IndicatorForm() {
  const { t } = useTranslation()
  const lastResult = useIntentResult('add-indicator')
  const [form, fields] = useAppForm({ id: 'add-indicator', lastResult, constraint: getZodConstraint(IndicatorSchema), shouldValidate: 'onBlur' })
  return (
    <details className="form-toggle" open={!!lastResult}>
      <summary>{t('subsidy.indicatorForm')}</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="add-indicator" />
        <Field label={t('subsidy.indicatorName')} meta={fields.name} />
        <div className="row">
          <Field label={t('subsidy.unit')} meta={fields.unit} />
          <Field label={t('subsidy.targetValue')} meta={fields.targetValue} />
          <Field label={t('subsidy.dueOn')} meta={fields.dueOn} type="date" />
        </div>
        <SubmitButton className="button">{t('subsidy.indicatorForm')}</SubmitButton>
      </Form>
    </details>
  )
}

function ScheduleForm() {
  const { t } = useTranslation()
  const lastResult = useIntentResult('schedule-report')
  const [form, fields] = useAppForm({ id: 'schedule-report', lastResult, constraint: getZodConstraint(ScheduleReportSchema), shouldValidate: 'onBlur' })
  return (
    <Form method="post" {...getFormProps(form)} className="panel">
      <h3>{t('subsidy.scheduleForm')}</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="schedule-report" />
      <Field label={t('subsidy.reportDeadline')} meta={fields.dueOn} type="date" />
      <SubmitButton className="button">{t('subsidy.scheduleForm')}</SubmitButton>
    </Form>
  )
}

function ReportForm({ report, view }: { report: Report; view: View }) {
  const { t } = useTranslation()
  const lastResult = useIntentResult('file-report', report.id)
  const [form, fields] = useAppForm<z.input<typeof ReportSchema>>({ id: `file-report-${report.id}`, lastResult, constraint: getZodConstraint(ReportSchema), shouldValidate: 'onBlur' })
  const achieved = fields.achieved.getFieldset()
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="file-report" />
      <input type="hidden" name="recordId" value={report.id} />
      {view.indicators.map((i) => {
        const meta = achieved[String(i.id)]
        return <Field key={i.id} label={`${i.name} (${i.unit}): ${t('subsidy.achieved')}`} meta={meta} />
      })}
      <TextareaField label={t('subsidy.reportNote')} meta={fields.note} rows={2} />
      <DocumentField meta={fields.document} label={t('subsidy.evidence')} required />
      <SubmitButton>{t('subsidy.fileReport')}</SubmitButton>
    </Form>
  )
}

function ReviewForm({ reportId, returnFormula }: { reportId: number; returnFormula: string }) {
  const { t } = useTranslation()
  const lastResult = useIntentResult('review-report', reportId)
  const [form, fields] = useAppForm({ id: `review-report-${reportId}`, lastResult, constraint: getZodConstraint(ReviewReportSchema), shouldValidate: 'onBlur' })
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="review-report" />
      <input type="hidden" name="recordId" value={reportId} />
      <TextareaField label={t('subsidy.reviewNote')} meta={fields.note} rows={2} hint={t('subsidy.shortfallHint', { formula: t(`programmes.returnFormulaOption.${returnFormula}`) })} />
      <div className="button-row">
        <SubmitButton name="decision" value="accept" className="button">
          {t('subsidy.accept')}
        </SubmitButton>
        <SubmitButton name="decision" value="shortfall" className="button danger">
          <DestructiveIcon />
          {t('subsidy.shortfall')}
        </SubmitButton>
      </div>
    </Form>
  )
}

function ReturnReceivedForm({ returnId }: { returnId: number }) {
  const { t } = useTranslation()
  const lastResult = useIntentResult('return-received', returnId)
  const [form, fields] = useAppForm({ id: `return-received-${returnId}`, lastResult, constraint: getZodConstraint(ReturnReceivedSchema), shouldValidate: 'onBlur' })
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="return-received" />
      <input type="hidden" name="recordId" value={returnId} />
      <div className="row">
        <Field label={t('subsidy.returnedOn')} meta={fields.returnedOn} type="date" />
        <Field label={t('subsidy.returnOrder')} meta={fields.orderNumber} />
      </div>
      <SubmitButton className="button">{t('subsidy.markReturned')}</SubmitButton>
    </Form>
  )
}
