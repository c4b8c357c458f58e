import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field, FormErrors, SelectField, SubmitButton, TextareaField } from '~/components/forms'
import { useFormat } from '~/components/format'
import { TableScroll } from '~/components/table-scroll'
import { AcceptanceActSchema, AttachDocumentSchema, PaymentSchema, RecordAnswerSchema } from '~/modules/contracts/schemas'
import { useIntentResult } from './intent'
import { DocumentField, DocumentLink, StatusBadge, textMeta, type DocumentRef } from './parts'

interface ExecutionRecord {
  id: number
  status: string
  documentId: number | null
  declineReason: string | null
  canAnswer: boolean
}

export interface ActRow extends ExecutionRecord {
  stageNumber: number
  number: string
  signedOn: string
  amountKopecks: number
}

export interface PaymentRow extends ExecutionRecord {
  paidOn: string
  orderNumber: string
  amountKopecks: number
  claim: { claimId: number; status: string } | null
}

/** Confirm, or decline with a reason, what the other party recorded. */
function RecordAnswer({ kind, record }: { kind: 'act' | 'payment'; record: ExecutionRecord }) {
  const { t } = useTranslation()
  const lastResult = useIntentResult('decline-record', `${kind}-${record.id}`)
  const [form, fields] = useAppForm({
    id: `decline-${kind}-${record.id}`,
    lastResult,
    constraint: getZodConstraint(RecordAnswerSchema),
  })
  return (
    <div className="inline-actions">
      <Form method="post">
        <input type="hidden" name="intent" value="confirm-record" />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="recordId" value={record.id} />
        <SubmitButton className="button small primary">{t('contracts.confirm')}</SubmitButton>
      </Form>
      <details className="form-toggle" open={!!lastResult}>
        <summary>{t('contracts.decline')}</summary>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="intent" value="decline-record" />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="recordId" value={record.id} />
          <input type="hidden" name="formKey" value={`${kind}-${record.id}`} />
          <TextareaField label={t('contracts.declineReason')} meta={fields.reason} rows={2} />
          <SubmitButton className="button small danger">{t('contracts.decline')}</SubmitButton>
        </Form>
      </details>
    </div>
  )
}

/** Attach (or replace) the scan of an act or a payment order. */
export function AttachForm({ target, recordId, label }: { target: 'version' | 'act' | 'payment'; recordId: number; label: string }) {
  const { t } = useTranslation()
  const lastResult = useIntentResult('attach-document', `${target}-${recordId}`)
  const [form, fields] = useAppForm({ id: `attach-${target}-${recordId}`, lastResult, constraint: getZodConstraint(AttachDocumentSchema) })
  return (
    <details className="form-toggle" open={!!lastResult}>
      <summary>{label}</summary>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="attach-document" />
        <input type="hidden" name="target" value={target} />
        <input type="hidden" name="recordId" value={recordId} />
        <input type="hidden" name="formKey" value={`${target}-${recordId}`} />
        <DocumentField meta={fields.document} label={t('documents.file')} required />
        <SubmitButton className="button small">{t('documents.attach')}</SubmitButton>
      </Form>
    </details>
  )
}

export function ActsSection({
  acts,
  stages,
  documents,
  canRecord,
  canAttach,
}: {
  acts: ActRow[]
  stages: { number: number; title: string }[]
  documents: Record<string, DocumentRef>
  canRecord: boolean
  canAttach: boolean
}) {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const lastResult = useIntentResult('record-act')
  const [form, fields] = useAppForm({
    id: 'record-act',
    lastResult,
    constraint: getZodConstraint(AcceptanceActSchema),
    onValidate: ({ formData }) => parseSubmission(formData, AcceptanceActSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section aria-labelledby="acts-title">
      <h2 id="acts-title">{t('contracts.acts.title')}</h2>
      {acts.length === 0 ? (
        <p className="empty">{t('contracts.acts.empty')}</p>
      ) : (
        <TableScroll labelledBy="acts-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('contracts.acts.number')}</th>
                <th scope="col">{t('contracts.acts.stage')}</th>
                <th scope="col">{t('contracts.acts.signedOn')}</th>
                <th scope="col" className="num">
                  {t('contracts.acts.amount')}
                </th>
                <th scope="col">{t('documents.document')}</th>
                <th scope="col">{t('contracts.statusLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {acts.map((a) => (
                <tr key={a.id}>
                  <td>{a.number}</td>
                  <td>{a.stageNumber}</td>
                  <td>{formatDate(a.signedOn)}</td>
                  <td className="num">{formatMoney(a.amountKopecks)}</td>
                  <td>
                    <DocumentLink document={a.documentId ? documents[a.documentId] : null} />
                    {canAttach ? <AttachForm target="act" recordId={a.id} label={a.documentId ? t('documents.replace') : t('documents.attachScan')} /> : null}
                  </td>
                  <td>
                    <StatusBadge status={a.status} prefix="contracts.recordStatus" />
                    {a.declineReason ? <p className="muted">{t('contracts.declinedBecause', { reason: a.declineReason })}</p> : null}
                    {a.canAnswer ? <RecordAnswer kind="act" record={a} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canRecord ? (
        <details className="form-toggle" open={!!lastResult}>
          <summary>{t('contracts.acts.record')}</summary>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="panel">
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="intent" value="record-act" />
            <SelectField
              label={t('contracts.acts.stage')}
              meta={textMeta(fields.stageNumber)}
              placeholder={t('common.choose')}
              options={stages.map((s) => ({ value: String(s.number), label: `${s.number}. ${s.title}` }))}
            />
            <div className="row">
              <Field label={t('contracts.acts.number')} meta={fields.number} />
              <Field label={t('contracts.acts.signedOn')} meta={fields.signedOn} type="date" />
              <Field label={t('contracts.acts.amount')} meta={fields.amount} />
            </div>
            <DocumentField meta={fields.document} label={t('contracts.acts.document')} />
            <SubmitButton>{t('contracts.acts.submit')}</SubmitButton>
          </Form>
        </details>
      ) : null}
    </section>
  )
}

export function PaymentsSection({
  payments,
  documents,
  totals,
  canRecord,
  canAttach,
  claimLinks,
}: {
  payments: PaymentRow[]
  documents: Record<string, DocumentRef>
  totals: { priceKopecks: number; paidKopecks: number; confirmedPaidKopecks: number; unpaidKopecks: number }
  canRecord: boolean
  canAttach: boolean
  /** Where a claim's number links to: the company's page or the administration's. */
  claimLinks: 'company' | 'administration' | null
}) {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const lastResult = useIntentResult('record-payment')
  const [form, fields] = useAppForm({
    id: 'record-payment',
    lastResult,
    constraint: getZodConstraint(PaymentSchema),
    onValidate: ({ formData }) => parseSubmission(formData, PaymentSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section aria-labelledby="payments-title">
      <h2 id="payments-title">{t('contracts.payments.title')}</h2>
      <p>
        {t('contracts.payments.summary', {
          paid: formatMoney(totals.paidKopecks),
          price: formatMoney(totals.priceKopecks),
          unpaid: formatMoney(totals.unpaidKopecks),
        })}
      </p>
      {payments.length === 0 ? (
        <p className="empty">{t('contracts.payments.empty')}</p>
      ) : (
        <TableScroll labelledBy="payments-title">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('contracts.payments.paidOn')}</th>
                <th scope="col">{t('contracts.payments.orderNumber')}</th>
                <th scope="col" className="num">
                  {t('contracts.payments.amount')}
                </th>
                <th scope="col">{t('contracts.payments.document')}</th>
                <th scope="col">{t('contracts.statusLabel')}</th>
                <th scope="col">{t('contracts.payments.claim')}</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => {
                const locked = p.claim !== null && ['submitted', 'approved', 'paid'].includes(p.claim.status)
                return (
                  <tr key={p.id}>
                    <td>{formatDate(p.paidOn)}</td>
                    <td>{p.orderNumber}</td>
                    <td className="num">{formatMoney(p.amountKopecks)}</td>
                    <td>
                      <DocumentLink document={p.documentId ? documents[p.documentId] : null} />
                      {canAttach && !locked ? (
                        <AttachForm target="payment" recordId={p.id} label={p.documentId ? t('documents.replace') : t('documents.attachScan')} />
                      ) : null}
                    </td>
                    <td>
                      <StatusBadge status={p.status} prefix="contracts.recordStatus" />
                      {p.declineReason ? <p className="muted">{t('contracts.declinedBecause', { reason: p.declineReason })}</p> : null}
                      {p.canAnswer ? <RecordAnswer kind="payment" record={p} /> : null}
                    </td>
                    <td>
                      {p.claim ? (
                        claimLinks ? (
                          <Link to={claimLinks === 'company' ? `/claims/${p.claim.claimId}` : `/admin/claims/${p.claim.claimId}`}>
                            {t('claims.numberShort', { id: p.claim.claimId })}
                          </Link>
                        ) : (
                          t('claims.numberShort', { id: p.claim.claimId })
                        )
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canRecord ? (
        <details className="form-toggle" open={!!lastResult}>
          <summary>{t('contracts.payments.record')}</summary>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="panel">
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="intent" value="record-payment" />
            <div className="row">
              <Field label={t('contracts.payments.paidOn')} meta={fields.paidOn} type="date" />
              <Field label={t('contracts.payments.orderNumber')} meta={fields.orderNumber} />
              <Field label={t('contracts.payments.amount')} meta={fields.amount} hint={t('contracts.payments.unpaidHint', { unpaid: formatMoney(totals.unpaidKopecks) })} />
            </div>
            <DocumentField meta={fields.document} label={t('contracts.payments.document')} />
            <SubmitButton>{t('contracts.payments.submit')}</SubmitButton>
          </Form>
        </details>
      ) : null}
    </section>
  )
}
