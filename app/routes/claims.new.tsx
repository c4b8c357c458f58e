import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldErrors, StatusBadge } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { FormErrors, SubmitButton } from '~/components/forms'
import { createClaim } from '~/modules/claims/claims.server'
import { claimFormOptions } from '~/modules/claims/queries.server'
import { NewClaimSchema } from '~/modules/claims/schemas'
import { requirePermission } from '~/modules/http/guards.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Новая заявка · New claim' }]

function positive(value: string | null): number | undefined {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : undefined
}

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'claim:file')
  const url = new URL(request.url)
  const { programmes, contracts, contract, payments } = loaderValue(claimFormOptions(actor, { programmeId: positive(url.searchParams.get('programme')), contractId: positive(url.searchParams.get('contract')) }))
  const programmeId = positive(url.searchParams.get('programme')) ?? (programmes.length === 1 ? programmes[0].id : undefined)
  return json({
    programmes: programmes.map((p) => ({ id: p.id, title: p.title })),
    contracts,
    programme: programmes.find((p) => p.id === programmeId) ?? null,
    contract,
    payments,
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'claim:file')
  const submission = parseSubmission(await request.formData(), NewClaimSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, createClaim(actor, submission.value), {
    redirectTo: (v) => `/claims/${v.claimId}`,
    toast: { type: 'success', key: 'claims.toast.drafted' },
  })
}

export default function NewClaim() {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const { programmes, contracts, programme, contract, payments } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({ lastResult, constraint: getZodConstraint(NewClaimSchema), shouldValidate: 'onBlur' })
  const selectable = payments.filter((p) => p.heldByClaim === null && p.status !== 'declined')
  return (
    <section>
      <p>
        <Link to="/claims">{t('claims.backToList')}</Link>
      </p>
      <h1>{t('claims.new.title')}</h1>
      <p className="muted">{t('claims.new.lead')}</p>
      {programmes.length === 0 ? (
        <p className="empty">
          {t('claims.new.noOpenProgramme')} <Link to="/programmes">{t('claims.seeProgrammes')}</Link>
        </p>
      ) : contracts.length === 0 ? (
        <p className="empty">
          {t('claims.new.noConfirmedContract')} <Link to="/contracts">{t('contracts.title')}</Link>
        </p>
      ) : (
        <>
          <Form method="get" className="panel">
            <h2>{t('claims.new.step1')}</h2>
            <div className="row">
              <div className="field">
                <label htmlFor="programme">{t('claims.programme')}</label>
                <select id="programme" name="programme" defaultValue={programme?.id ?? ''} required>
                  <option value="">{t('common.choose')}</option>
                  {programmes.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="contract">{t('claims.contract')}</label>
                <select id="contract" name="contract" defaultValue={contract?.id ?? ''} required>
                  <option value="">{t('common.choose')}</option>
                  {contracts.map((c) => (
                    <option key={c.id} value={c.id}>
                      {t('contracts.numberAndDate', { number: c.number, date: formatDate(c.signedOn) })} — {c.contractorName}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <button type="submit" className="button">
              {t('claims.new.showPayments')}
            </button>
          </Form>
          {programme && contract ? (
            <Form method="post" {...getFormProps(form)} className="panel">
              <h2>{t('claims.new.step2')}</h2>
              <FormErrors errors={form.errors} id={form.errorId} />
              <input type="hidden" name="programmeId" value={programme.id} />
              <input type="hidden" name="contractId" value={contract.id} />
              {payments.length === 0 ? (
                <p className="empty">
                  {t('claims.new.noPayments')} <Link to={`/contracts/${contract.id}`}>{t('claims.new.toContract')}</Link>
                </p>
              ) : (
                <fieldset>
                  <legend>{t('claims.payments')}</legend>
                  <ul className="checkbox-list">
                    {payments.map((p) => {
                      const disabled = p.heldByClaim !== null || p.status === 'declined'
                      return (
                        <li key={p.id}>
                          <input type="checkbox" id={`payment-${p.id}`} name="paymentIds" value={p.id} defaultChecked={!disabled} disabled={disabled} />
                          <label htmlFor={`payment-${p.id}`}>
                            {t('claims.paymentLine', { order: p.orderNumber, date: formatDate(p.paidOn), amount: formatMoney(p.amountKopecks) })}{' '}
                            <StatusBadge status={p.status} prefix="contracts.recordStatus" />
                            {p.documentId ? null : <span className="badge warning">{t('claims.noPaymentOrder')}</span>}
                            {p.heldByClaim !== null ? <span className="muted"> {t('claims.heldBy', { id: p.heldByClaim })}</span> : null}
                          </label>
                        </li>
                      )
                    })}
                  </ul>
                  <FieldErrors id={fields.paymentIds.errorId} errors={fields.paymentIds.errors} />
                </fieldset>
              )}
              <p className="hint">{t('claims.new.draftHint')}</p>
              {selectable.length > 0 ? <SubmitButton>{t('claims.new.createDraft')}</SubmitButton> : null}
            </Form>
          ) : null}
        </>
      )}
    </section>
  )
}
