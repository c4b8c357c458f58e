import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { newSubmissionKey } from '~/modules/forms/submission-key.server'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { declineReasons } from '#db/schema/values'
import { useFormat } from '~/components/format'
import { FormErrors, SelectField, SubmitButton, TextareaField } from '~/components/forms'
import { translateMessage } from '~/components/messages'
import { documentAccept } from '~/modules/documents/sniff'
import { discardBody, readUploadForm, uploadFailureResponse } from '~/modules/documents/upload.server'
import { advanceEngagement, declineEngagement, isEngagementParty, viewEngagement } from '~/modules/engagements/engagements.server'
import { postMessage, readThread } from '~/modules/engagements/messages.server'
import { DeclineSchema, EngagementActionSchema, MessageSchema } from '~/modules/engagements/schemas'
import { contractOfEngagement } from '~/modules/contracts/queries.server'
import { notFound, requireActor } from '~/modules/http/guards.server'
import { can } from '~/modules/permissions/can'
import { parseId } from '~/modules/http/params.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { DestructiveIcon } from '~/components/icons'

export function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request)
  const id = parseId(params.engagementId)
  const view = loaderValue(viewEngagement(actor, id), { conceal: true })
  const agreed = view.engagement.stage === 'agreed'
  return json({
    ...view,
    messages: readThread(actor, id),
    // A new key on every render: the message form is drawn afresh (empty) after each post, and a
    // second click on the same form is recognised by the server as the same message.
    messageKey: newSubmissionKey(),
    // "Agreed" is where the company registers the contract; both sides then find it from here.
    contractId: agreed ? contractOfEngagement(id) : null,
    canRegisterContract: can(actor, 'engagement:register_contract', view.engagement),
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request)
  const id = parseId(params.engagementId)
  // Nothing sent to someone else's (or no) engagement is kept, let alone stored.
  if (!isEngagementParty(actor, id)) {
    await discardBody(request)
    notFound()
  }
  const upload = await readUploadForm(request)
  if (upload.failure) return uploadFailureResponse(request, upload.failure)
  const intent = upload.formData.get('intent')
  const back = `/engagements/${id}`
  if (intent === 'message') {
    const submission = parseSubmission(upload.formData, MessageSchema)
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    const result = postMessage(actor, id, { body: submission.value.body, submissionKey: submission.value.submissionKey, document: upload.files.get('attachment') })
    return respondToForm(submission, result, { redirectTo: back, toast: { type: 'success', key: 'toast.messageSent' } })
  }
  if (intent === 'decline') {
    const submission = parseSubmission(upload.formData, DeclineSchema)
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    return respondToForm(submission, declineEngagement(actor, id, submission.value), { redirectTo: back, toast: { type: 'info', key: 'toast.engagementDeclined' } })
  }
  const submission = parseSubmission(upload.formData, EngagementActionSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, advanceEngagement(actor, id, submission.value.action), {
    redirectTo: back,
    toast: { type: 'success', key: `toast.engagement.${submission.value.action}` },
  })
}

function intentOf(result: unknown): string | undefined {
  return result && typeof result === 'object' && 'initialValue' in result ? String((result as { initialValue?: { intent?: unknown } }).initialValue?.intent ?? '') : undefined
}

function MessageForm({ submissionKey }: { submissionKey: string }) {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    id: 'message',
    lastResult: intentOf(lastResult) === 'message' ? lastResult : undefined,
    constraint: getZodConstraint(MessageSchema),
    onValidate: ({ formData }) => parseSubmission(formData, MessageSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="card message-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="message" />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <TextareaField label={t('engagement.messages.new')} meta={fields.body} rows={3} />
      <div className="field">
        <label htmlFor="attachment">{t('engagement.messages.attachment')}</label>
        <input id="attachment" name="attachment" type="file" accept={documentAccept} aria-describedby="attachment-hint attachment-errors" />
        <p className="hint" id="attachment-hint">
          {t('engagement.messages.attachmentHint')}
        </p>
        {form.allErrors.attachment?.length ? (
          <ul className="field-errors" id="attachment-errors" role="alert">
            {form.allErrors.attachment.map((e) => (
              <li key={e}>{translateMessage(t, e)}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <SubmitButton>{t('engagement.messages.send')}</SubmitButton>
    </Form>
  )
}

function DeclineForm() {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    id: 'decline',
    lastResult: intentOf(lastResult) === 'decline' ? lastResult : undefined,
    constraint: getZodConstraint(DeclineSchema),
    onValidate: ({ formData }) => parseSubmission(formData, DeclineSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <details className="decline" open={intentOf(lastResult) === 'decline'}>
      <summary className="button danger"><DestructiveIcon />{t('engagement.decline.open')}</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="decline" />
        <SelectField label={t('engagement.decline.reason')} meta={fields.reason} placeholder={t('common.choose')} options={declineReasons.map((r) => ({ value: r, label: t(`engagement.declineReason.${r}`) }))} />
        <TextareaField label={t('engagement.decline.note')} meta={fields.note} rows={2} />
        <SubmitButton className="button danger"><DestructiveIcon />{t('engagement.decline.submit')}</SubmitButton>
      </Form>
    </details>
  )
}

export default function EngagementPage() {
  const { t } = useTranslation()
  const { formatMoney, formatDateTime } = useFormat()
  const data = useLoaderData<typeof loader>()
  const { engagement: e, request, lab, side, admittedAt, acceptedBy, confidentialDetails, actions, canDecline, messages } = data
  return (
    <article className="detail">
      <p className="muted">
        <span className={`status stage-${e.stage}`}>{t(`engagement.stage.${e.stage}`)}</span>
      </p>
      <h1>
        <Link to={`/requests/${request.id}`}>{request.title}</Link>
      </h1>
      <p className="muted">
        {data.companyName} ↔ <Link to={`/labs/${lab.id}`}>{lab.name}</Link> ({data.labOrganisationName})
      </p>

      <ol className="stages" aria-label={t('engagement.fields.stage')}>
        {(e.initiatedBy === 'company' ? (['invited', 'interest', 'shortlisted', 'discussion', 'agreed'] as const) : (['interest', 'shortlisted', 'discussion', 'agreed'] as const)).map((s) => (
          <li key={s} aria-current={e.stage === s ? 'step' : undefined}>
            {t(`engagement.stage.${s}`)}
          </li>
        ))}
      </ol>
      {e.stage === 'declined' ? (
        <p className="notice danger">
          {t('engagement.declinedBy', { side: t(`engagement.side.${e.declinedBy}`), reason: t(`engagement.declineReason.${e.declineReason}`) })}
          {e.declineNote ? ` — ${e.declineNote}` : ''}
        </p>
      ) : null}
      {e.stage === 'discussion' && (e.companyAgreedAt || e.labAgreedAt) ? (
        <p className="notice">{t(e.companyAgreedAt ? 'engagement.companyAgreed' : 'engagement.labAgreed')}</p>
      ) : null}

      {e.stage === 'agreed' ? (
        <p className="notice">
          {data.contractId ? (
            <Link to={`/contracts/${data.contractId}`}>{t('engagement.contract.open')}</Link>
          ) : data.canRegisterContract ? (
            <Link className="button primary" to={`/contracts/new?engagement=${e.id}`}>
              {t('engagement.contract.register')}
            </Link>
          ) : (
            t('engagement.contract.awaitingCompany')
          )}
        </p>
      ) : null}

      {actions.length || canDecline ? (
        <div className="button-row toolbar">
          <Form method="post" className="button-row">
            {actions.map((a) => (
              <button key={a} type="submit" name="action" value={a} className={a === 'agree' || a === 'accept_terms' ? 'button primary' : 'button'}>
                {t(`engagement.action.${a}`)}
              </button>
            ))}
          </Form>
          {/* Ending the engagement cannot be undone: it comes last, apart from the steps forward. */}
          {canDecline ? <DeclineForm /> : null}
        </div>
      ) : null}
      {actions.includes('accept_terms') ? <p className="notice">{t('engagement.termsText')}</p> : null}

      <div className="detail-grid">
        <div>
          {e.invitationNote ? (
            <>
              <h2>{t('engagement.fields.invitationNote')}</h2>
              <p className="prose">{e.invitationNote}</p>
            </>
          ) : null}
          {e.approach ? (
            <>
              <h2>{t('engagement.proposal')}</h2>
              <p className="prose">{e.approach}</p>
              <dl className="facts">
                <dt>{t('engagement.fields.timeline')}</dt>
                <dd>{e.timeline}</dd>
                <dt>{t('engagement.fields.priceEstimate')}</dt>
                <dd>{e.priceEstimate !== null ? formatMoney(e.priceEstimate) : '—'}</dd>
              </dl>
            </>
          ) : null}

          <h2>{t('request.fields.confidentialDetails')}</h2>
          {confidentialDetails !== null ? (
            <div className="confidential">
              <p className="hint">{side === 'company' ? t('request.confidentialShown') : t('engagement.youAcceptedAt', { date: formatDateTime(admittedAt) })}</p>
              <p className="prose">{confidentialDetails || t('request.noConfidential')}</p>
            </div>
          ) : (
            <p className="notice">
              {e.stage === 'declined' ? t('engagement.admissionEnded') : actions.includes('accept_terms') ? t('engagement.awaitingTerms') : t('request.confidentialHidden')}
            </p>
          )}

          <h2>{t('engagement.messages.title')}</h2>
          {messages.length === 0 ? <p className="muted">{t('engagement.messages.empty')}</p> : null}
          <ol className="thread">
            {messages.map((m) => (
              <li key={m.id} className={m.mine ? 'message mine' : 'message'}>
                <p className="muted">
                  {m.authorName} · {formatDateTime(m.createdAt)}
                </p>
                <p className="prose">{m.body}</p>
                {m.document ? (
                  <p>
                    <a href={`/documents/${m.document.id}`}>📎 {m.document.originalName}</a>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          {e.stage !== 'declined' ? <MessageForm key={data.messageKey} submissionKey={data.messageKey} /> : null}
        </div>
        <aside className="card">
          <dl className="facts stacked">
            <dt>{t('engagement.fields.initiatedBy')}</dt>
            <dd>{t(`engagement.side.${e.initiatedBy}`)}</dd>
            <dt>{t('engagement.admission')}</dt>
            <dd>
              {e.stage === 'declined' && e.admissionOfferedAt ? (
                t('engagement.admissionEnded')
              ) : acceptedBy.length ? (
                <ul className="list">
                  {acceptedBy.map((a) => (
                    <li key={`${a.name}-${a.acceptedAt}`}>{t('engagement.acceptedBy', { name: a.name, date: formatDateTime(a.acceptedAt) })}</li>
                  ))}
                </ul>
              ) : admittedAt ? (
                t('engagement.youAcceptedAt', { date: formatDateTime(admittedAt) })
              ) : e.admissionOfferedAt ? (
                t('engagement.admissionOffered', { date: formatDateTime(e.admissionOfferedAt) })
              ) : (
                t('engagement.notAdmitted')
              )}
            </dd>
          </dl>
        </aside>
      </div>
    </article>
  )
}
