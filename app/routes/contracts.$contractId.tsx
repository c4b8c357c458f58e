import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ActsSection, AttachForm, PaymentsSection } from '~/components/contracts/execution'
import { useIntentResult } from '~/components/contracts/intent'
import { HistoryList, StatusBadge } from '~/components/contracts/parts'
import { TermsDiff, TermsFacts } from '~/components/contracts/version-terms'
import { useFormat } from '~/components/format'
import { MeasuresForContract } from '~/components/measures-for-contract'
import { FormErrors, SubmitButton, TextareaField } from '~/components/forms'
import { confirmVersion, declineVersion, withdrawVersion } from '~/modules/contracts/answer.server'
import { answerRecord, attachDocument, recordAct, recordPayment } from '~/modules/contracts/execution.server'
import { getContractView } from '~/modules/contracts/queries.server'
import { AcceptanceActSchema, AttachDocumentSchema, DeclineSchema, PaymentSchema, RecordAnswerSchema, VersionAnswerSchema } from '~/modules/contracts/schemas'
import { readUploadForm, uploadFailureResponse } from '~/modules/documents/upload.server'
import { choice } from '~/modules/forms/fields'
import { requireActor } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { measuresForContract } from '~/modules/measures/for-contract.server'
import styles from '~/styles/contracts.css'
import { DestructiveIcon } from '~/components/icons'
import { TableScroll } from '~/components/table-scroll'
import measureStyles from '~/styles/measures.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: measureStyles },
]
export const meta: MetaFunction = () => [{ title: 'Договор · Contract' }]

export function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request)
  const contractId = parseId(params.contractId)
  const view = loaderValue(getContractView(actor, contractId), { conceal: true })
  const measures = loaderValue(measuresForContract(actor, contractId), { conceal: true })
  return json({ ...view, measures, myOrganisationId: actor.organisationId })
}

const DeclineVersionSchema = VersionAnswerSchema.merge(DeclineSchema)
const AnswerRecordSchema = RecordAnswerSchema.extend({ kind: choice(['act', 'payment'] as const) })

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request)
  const contractId = parseId(params.contractId)
  const upload = await readUploadForm(request)
  if (upload.failure) return uploadFailureResponse(request, upload.failure)
  const { formData, files } = upload
  const here = `/contracts/${contractId}`
  const intent = formData.get('intent')
  switch (intent) {
    case 'confirm-version':
    case 'withdraw-version': {
      const submission = parseSubmission(formData, VersionAnswerSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const result = intent === 'confirm-version' ? confirmVersion(actor, contractId, submission.value.versionId) : withdrawVersion(actor, contractId, submission.value.versionId)
      return respondToForm(submission, result, { redirectTo: here, toast: { type: 'success', key: intent === 'confirm-version' ? 'contracts.toast.confirmed' : 'contracts.toast.versionWithdrawn' } })
    }
    case 'decline-version': {
      const submission = parseSubmission(formData, DeclineVersionSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const result = declineVersion(actor, contractId, submission.value.versionId, submission.value.reason)
      return respondToForm(submission, result, { redirectTo: here, toast: { type: 'info', key: 'contracts.toast.versionDeclined' } })
    }
    case 'record-act': {
      const submission = parseSubmission(formData, AcceptanceActSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const result = recordAct(actor, contractId, { ...submission.value, document: files.get('document') })
      return respondToForm(submission, result, { redirectTo: here, toast: { type: 'success', key: 'contracts.toast.actRecorded' } })
    }
    case 'record-payment': {
      const submission = parseSubmission(formData, PaymentSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const result = recordPayment(actor, contractId, { ...submission.value, document: files.get('document') })
      return respondToForm(submission, result, { redirectTo: here, toast: { type: 'success', key: 'contracts.toast.paymentRecorded' } })
    }
    case 'confirm-record':
    case 'decline-record': {
      const submission = parseSubmission(formData, AnswerRecordSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const decision = intent === 'confirm-record' ? 'confirm' : 'decline'
      const result = answerRecord(actor, contractId, submission.value.kind, submission.value.recordId, { decision, reason: submission.value.reason })
      return respondToForm(submission, result, { redirectTo: here, toast: { type: 'success', key: decision === 'confirm' ? 'contracts.toast.recordConfirmed' : 'contracts.toast.recordDeclined' } })
    }
    case 'attach-document': {
      const submission = parseSubmission(formData, AttachDocumentSchema)
      if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
      const result = attachDocument(actor, contractId, { ...submission.value, document: files.get('document') })
      return respondToForm(submission, result, { redirectTo: here, toast: { type: 'success', key: 'contracts.toast.documentAttached' } })
    }
    default:
      return json({ status: 'error' as const, error: { '': ['errors.invalid'] } }, { status: 400 })
  }
}

function PendingVersion() {
  const { t } = useTranslation()
  const { formatDate } = useFormat()
  const { pending, current, permissions, company, contractor, documents } = useLoaderData<typeof loader>()
  const declineResult = useIntentResult('decline-version')
  const confirmResult = useIntentResult('confirm-version')
  const withdrawResult = useIntentResult('withdraw-version')
  const answerResult = confirmResult ?? withdrawResult
  const [form, fields] = useAppForm({ id: 'decline-version', lastResult: declineResult, constraint: getZodConstraint(DeclineSchema) })
  if (!pending) return null
  const proposer = pending.proposedByOrganisationId === company.id ? company : contractor
  return (
    <section className="panel pending" aria-labelledby="pending-title">
      <h2 id="pending-title">
        {current ? t('contracts.pending.amendmentTitle', { version: pending.version }) : t('contracts.pending.title')}
      </h2>
      <p>
        {t('contracts.pending.proposedBy', { organisation: proposer.shortName ?? proposer.name, date: formatDate(pending.createdAt) })}
        {pending.amendmentReason ? ` ${t('contracts.pending.reason', { reason: pending.amendmentReason })}` : ''}
      </p>
      {current ? <TermsDiff before={current} after={pending} /> : <TermsFacts terms={pending} documents={documents} />}
      {answerResult?.error?.[''] ? <FormErrors errors={answerResult.error['']} /> : null}
      {permissions.answerPending ? (
        <div className="button-row">
          <Form method="post">
            <input type="hidden" name="intent" value="confirm-version" />
            <input type="hidden" name="versionId" value={pending.id} />
            <SubmitButton>{current ? t('contracts.pending.confirmAmendment') : t('contracts.pending.confirm')}</SubmitButton>
          </Form>
          <details className="form-toggle" open={!!declineResult}>
            <summary>{t('contracts.decline')}</summary>
            <Form method="post" {...getFormProps(form)}>
              <FormErrors errors={form.errors} id={form.errorId} />
              <input type="hidden" name="intent" value="decline-version" />
              <input type="hidden" name="versionId" value={pending.id} />
              <TextareaField label={t('contracts.declineReason')} meta={fields.reason} rows={2} />
              <SubmitButton className="button danger"><DestructiveIcon />{t('contracts.decline')}</SubmitButton>
            </Form>
          </details>
        </div>
      ) : (
        <p className="muted">{t('contracts.pending.awaitingOther')}</p>
      )}
      {permissions.withdrawPending ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw-version" />
          <input type="hidden" name="versionId" value={pending.id} />
          <SubmitButton className="button small">{t('contracts.pending.withdraw')}</SubmitButton>
        </Form>
      ) : null}
    </section>
  )
}

export default function ContractPage() {
  const { t } = useTranslation()
  const { formatDate, formatMoney } = useFormat()
  const data = useLoaderData<typeof loader>()
  const { contract, company, contractor, current, pending, versions, acts, payments, totals, documents, history, permissions, measures, myOrganisationId } = data
  const shown = current ?? pending ?? versions[0]
  const claimLinks = permissions.isAdministration ? 'administration' : myOrganisationId === company.id ? 'company' : null
  return (
    <section>
      <p>
        <Link to="/contracts">{t('contracts.backToList')}</Link>
      </p>
      <div className="page-head">
        <h1>{t('contracts.heading', { number: shown.number, date: formatDate(shown.signedOn) })}</h1>
        <StatusBadge status={contract.status} prefix="contracts.status" />
        {current && pending ? <span className="badge warning">{t('contracts.amendmentPending')}</span> : null}
      </div>
      <dl className="facts">
        <dt>{t('contracts.company')}</dt>
        <dd>
          <Link to={`/orgs/${company.id}`}>{company.name}</Link>
        </dd>
        <dt>{t('contracts.contractor')}</dt>
        <dd>
          <Link to={`/orgs/${contractor.id}`}>{contractor.name}</Link>{' '}
          <span className="muted">
            ({t(`organisationType.${contractor.type}`)}
            {contractor.isState ? `, ${t('contracts.state')}` : ''})
          </span>
        </dd>
        {contract.engagementId ? (
          <>
            <dt>{t('contracts.engagement')}</dt>
            <dd>{t('contracts.engagementNumber', { id: contract.engagementId })}</dd>
          </>
        ) : null}
      </dl>

      <PendingVersion />
      {contract.status === 'declined' || contract.status === 'withdrawn' ? (
        <p className="notice danger">{t(`contracts.statusNote.${contract.status}`)}</p>
      ) : null}

      {/* A first version still waiting for its answer is shown once, in the panel above. */}
      {current || !pending ? (
        <>
          <h2>{current ? t('contracts.termsInForce', { version: current.version }) : t('contracts.termsProposed')}</h2>
          <TermsFacts terms={shown} documents={documents} acceptedByStage={current ? totals.acceptedByStage : undefined} />
        </>
      ) : null}
      {permissions.attachDocument ? (
        <AttachForm target="version" recordId={shown.id} label={shown.documentId ? t('documents.replaceContract') : t('documents.attachContract')} />
      ) : null}
      {permissions.proposeVersion ? (
        <p>
          <Link to={`/contracts/${contract.id}/amend`} className="button">
            {current ? t('contracts.proposeAmendment') : t('contracts.proposeCorrected')}
          </Link>
        </p>
      ) : null}

      {current ? (
        <>
          <ActsSection acts={acts} stages={current.stages} documents={documents} canRecord={permissions.recordAct} canAttach={permissions.attachDocument} />
          <PaymentsSection
            payments={payments}
            documents={documents}
            totals={totals}
            canRecord={permissions.recordPayment}
            canAttach={permissions.attachDocument}
            claimLinks={claimLinks}
          />
        </>
      ) : (
        <p className="muted">{t('contracts.executionAfterConfirmation')}</p>
      )}

      <MeasuresForContract data={measures} />

      <h2 id="versions-title">{t('contracts.versions.title')}</h2>
      <TableScroll labelledBy="versions-title">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('contracts.versions.version')}</th>
              <th scope="col">{t('contracts.statusLabel')}</th>
              <th scope="col">{t('contracts.versions.proposedBy')}</th>
              <th scope="col" className="num">
                {t('contracts.fields.price')}
              </th>
              <th scope="col">{t('contracts.versions.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>
                  {v.version === 1 ? t('contracts.versions.original') : t('contracts.versions.amendment', { n: v.version - 1 })} ·{' '}
                  {formatDate(v.createdAt)}
                </td>
                <td>
                  <StatusBadge status={v.status} prefix="contracts.versionStatus" />
                </td>
                <td>{v.proposedByOrganisationId === company.id ? company.shortName ?? company.name : contractor.shortName ?? contractor.name}</td>
                <td className="num">{formatMoney(v.priceKopecks)}</td>
                <td>{v.amendmentReason ?? v.declineReason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>{t('contracts.history')}</h2>
      <HistoryList items={history} prefix="contracts.events" />
    </section>
  )
}
