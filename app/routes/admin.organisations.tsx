import { StatusTabs } from '~/components/status-tabs'
import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { verificationStatuses, type VerificationStatus } from '#db/schema/values'
import { useFormat } from '~/components/format'
import { FormErrors, SubmitButton, TextareaField } from '~/components/forms'
import { Pagination, VerificationBadge } from '~/components/layout'
import { requirePermission } from '~/modules/http/guards.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { regionName } from '~/modules/organisations/regions'
import { VerificationDecisionSchema } from '~/modules/organisations/schemas'
import { decideVerification, listOrganisationsForVerification, VERIFICATION_PAGE_SIZE } from '~/modules/organisations/verification.server'
import { DestructiveIcon } from '~/components/icons'

function readQuery(url: URL): { status: VerificationStatus; page: number } {
  const status = url.searchParams.get('status')
  const page = Number(url.searchParams.get('page') ?? '1')
  return {
    status: (verificationStatuses as readonly string[]).includes(status ?? '') ? (status as VerificationStatus) : 'unverified',
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  }
}

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'organisation:verify')
  const { status, page } = readQuery(new URL(request.url))
  const list = loaderValue(listOrganisationsForVerification(actor, status, page))
  return json({ ...list, status, page, pageCount: Math.max(1, Math.ceil(list.total / VERIFICATION_PAGE_SIZE)) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'organisation:verify')
  const submission = parseSubmission(await request.formData(), VerificationDecisionSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const url = new URL(request.url)
  return respondToForm(submission, decideVerification(actor, submission.value), {
    redirectTo: url.pathname + url.search,
    toast: { type: 'success', key: submission.value.decision === 'verify' ? 'toast.organisationVerified' : 'toast.organisationRejected' },
  })
}

function DecisionForm({ organisationId }: { organisationId: number }) {
  const { t } = useTranslation()
  const lastResult = useActionData<typeof action>()
  const mine = lastResult && 'initialValue' in lastResult && String(lastResult.initialValue?.organisationId) === String(organisationId)
  const [form, fields] = useAppForm({
    id: `decision-${organisationId}`,
    lastResult: mine ? lastResult : undefined,
    // Validated on the server only: which button was pressed decides whether a reason is required.
    constraint: getZodConstraint(VerificationDecisionSchema),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="decision-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <TextareaField label={t('verification.note')} meta={fields.note} rows={2} />
      <div className="button-row">
        <SubmitButton name="decision" value="verify">
          {t('verification.verify')}
        </SubmitButton>
        <SubmitButton name="decision" value="reject" className="button danger">
          <DestructiveIcon />
          {t('verification.reject')}
        </SubmitButton>
      </div>
    </Form>
  )
}

export default function VerificationQueue() {
  const { t } = useTranslation()
  const { formatDate, locale } = useFormat()
  const { rows, counts, status, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>{t('verification.title')}</h1>
      <StatusTabs label={t('verification.filter')} statuses={verificationStatuses} current={status} labelOf={(s) => t(`verification.status.${s}`)} counts={counts} />
      {rows.length === 0 ? <p className="empty">{t('verification.empty')}</p> : null}
      <ul className="queue">
        {rows.map((o) => (
          <li key={o.id} id={`organisation-${o.id}`} className="card">
            <div className="page-head">
              <h2>
                <Link to={`/orgs/${o.id}`}>{o.name}</Link>
              </h2>
              <VerificationBadge status={o.verificationStatus} />
            </div>
            <p className="muted">
              {t(`organisationType.${o.type}`)} · {regionName(o.region, locale)} · {t('verification.registered', { date: formatDate(o.createdAt) })}
            </p>
            <dl className="facts">
              <dt>{t('fields.inn')}</dt>
              <dd>{o.inn}</dd>
              <dt>{t('fields.ogrn')}</dt>
              <dd>{o.ogrn}</dd>
              {o.identityChangedAt ? (
                <p className="notice" data-testid="identity-changed">
                  {t('verification.identityChanged', { date: formatDate(o.identityChangedAt) })}
                </p>
              ) : null}
              {o.verificationNote ? (
                <>
                  <dt>{t('verification.note')}</dt>
                  <dd>{o.verificationNote}</dd>
                </>
              ) : null}
            </dl>
            {o.verificationStatus !== 'verified' ? <DecisionForm organisationId={o.id} /> : null}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}
