import { getFormProps } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { claimDocumentKinds, type AffiliationCheck } from '#db/schema/claim-values'
import { useIntentResult } from '~/components/contracts/intent'
import { DocumentField, DocumentLink, FieldErrors, useSentenceParams, type DocumentRef } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { TableScroll } from '~/components/table-scroll'
import { Field, FormErrors, SubmitButton, TextareaField } from '~/components/forms'
import { useAppForm } from '~/components/use-app-form'
import { AffiliationCheckSchema, ClaimDocumentSchema } from '~/modules/agreements/schemas'
import type { ChecklistItem } from '~/modules/claims/checklist'
import type { ReviewCheck, Violation } from '~/modules/claims/rules'

/** Params of a rule's sentence, with document kinds and affiliation grounds put into words. */
function useRuleParams() {
  const { t } = useTranslation()
  const sentence = useSentenceParams()
  return (params: Record<string, string | number> = {}) => {
    const words = { ...params }
    if (typeof params.kind === 'string') words.kind = t(`programmes.documentKind.${params.kind}`)
    if (typeof params.grounds === 'string') words.grounds = params.grounds.split(',').map((g) => t(`affiliation.grounds.${g}`)).join(', ')
    return { ...sentence(words), oldest: params.oldest ? sentence({ date: String(params.oldest) }).date : '' }
  }
}

/** Every unmet rule in words, with what the administration still has to check: the reviewer's list. */
export function UnmetRules({ violations, reviewChecks }: { violations: Violation[]; reviewChecks: ReviewCheck[] }) {
  const { t } = useTranslation()
  const words = useRuleParams()
  if (violations.length === 0 && reviewChecks.length === 0) return null
  return (
    <section className="notice" aria-labelledby="unmet-rules">
      <h2 id="unmet-rules">{t('unmetRules')}</h2>
      <ul className="violations">
        {violations.map((v, i) => (
          <li key={`${v.rule}-${i}`}>{t(`claims.violation.${v.rule}`, words(v.params))}</li>
        ))}
        {reviewChecks.map((check) => (
          <li key={check}>{t(`reviewChecks.${check}`)}</li>
        ))}
      </ul>
    </section>
  )
}

export function RuleSentence({ violation }: { violation: Violation }) {
  const { t } = useTranslation()
  const words = useRuleParams()
  return <>{t(`claims.violation.${violation.rule}`, words(violation.params))}</>
}

interface AttachedDocument {
  id: number
  kind: string
  issuedOn: string
  documentId: number
  name: string
}

/** The programme's checklist beside the documents: each kind, its age limit, and what the claim has of it. */
export function DocumentChecklist({
  checklist,
  attached,
  documents,
  canEdit,
  revision,
}: {
  checklist: ChecklistItem[]
  attached: AttachedDocument[]
  documents: Record<string, DocumentRef>
  canEdit: boolean
  revision: number
}) {
  const { t } = useTranslation()
  const { formatDate } = useFormat()
  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('checklist.title')}</h2>
      {/* On a phone the table scrolls in its own region rather than widening the page. */}
      <TableScroll labelledBy="checklist-title">
        <table className="table checklist">
          <thead>
            <tr>
              <th scope="col">{t('checklist.kind')}</th>
              <th scope="col">{t('checklist.maxAge')}</th>
              <th scope="col">{t('checklist.status')}</th>
            </tr>
          </thead>
          <tbody>
            {checklist.map((item) => (
              <tr key={item.kind} data-kind={item.kind}>
                <th scope="row">{t(`programmes.documentKind.${item.kind}`)}</th>
                <td>{item.maxAgeDays ? t('checklist.maxAgeDays', { days: item.maxAgeDays, date: formatDate(item.oldestAllowed) }) : t('checklist.noLimit')}</td>
                <td>
                  <span className={`badge ${item.status === 'complete' ? 'success' : 'warning'}`}>{t(`checklist.statuses.${item.status}`)}</span>
                  {item.documents.length ? (
                    <ul className="plain">
                      {item.documents.map((d, i) => (
                        <li key={i} className={d.tooOld ? 'danger' : undefined}>
                          {t('checklist.dated', { name: d.label, date: formatDate(d.date) })}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {attached.length ? (
        <>
          <h3>{t('checklist.attached')}</h3>
          <ul className="list">
            {attached.map((d) => (
              <li key={d.id}>
                {t(`programmes.documentKind.${d.kind}`)}, {formatDate(d.issuedOn)}: <DocumentLink document={documents[d.documentId]} />
                {canEdit ? (
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="remove-document" />
                    <input type="hidden" name="recordId" value={d.id} />
                    <input type="hidden" name="revision" value={revision} />
                    <SubmitButton className="button small">{t('checklist.remove')}</SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canEdit ? <AttachClaimDocumentForm /> : null}
    </section>
  )
}

function AttachClaimDocumentForm() {
  const { t } = useTranslation()
  const lastResult = useIntentResult('attach-claim-document')
  const [form, fields] = useAppForm({ id: 'attach-claim-document', lastResult, constraint: getZodConstraint(ClaimDocumentSchema), shouldValidate: 'onBlur' })
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="panel">
      <h3>{t('checklist.attachTitle')}</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="attach-claim-document" />
      <div className="row">
        <div className="field">
          <label htmlFor={fields.kind.id}>{t('checklist.kindField')}</label>
          <select id={fields.kind.id} name={fields.kind.name} defaultValue={fields.kind.initialValue as string | undefined}>
            {claimDocumentKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`programmes.documentKind.${kind}`)}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.kind.errorId} errors={fields.kind.errors} />
        </div>
        <Field label={t('checklist.issuedOn')} meta={fields.issuedOn} type="date" />
      </div>
      <DocumentField meta={fields.document} label={t('checklist.file')} required />
      <SubmitButton className="button">{t('checklist.attach')}</SubmitButton>
    </Form>
  )
}

/** The company's declaration and the administration's check of affiliation between the parties. */
export function AffiliationPanel({
  declaredAt,
  check,
  canDeclare,
  canCheck,
  revision,
}: {
  declaredAt: string | null
  check: AffiliationCheck | null
  canDeclare: boolean
  canCheck: boolean
  revision: number
}) {
  const { t } = useTranslation()
  const { formatDate } = useFormat()
  return (
    <section aria-labelledby="affiliation-title" className="panel">
      <h2 id="affiliation-title">{t('affiliation.title')}</h2>
      <p>{declaredAt ? t('affiliation.declared', { date: formatDate(declaredAt) }) : t('affiliation.notDeclared')}</p>
      {canDeclare && !declaredAt ? (
        <Form method="post">
          <input type="hidden" name="intent" value="declare" />
          <input type="hidden" name="revision" value={revision} />
          <p className="hint">{t('affiliation.declareHint')}</p>
          <SubmitButton className="button">{t('affiliation.declare')}</SubmitButton>
        </Form>
      ) : null}
      <h3>{t('affiliation.checkTitle')}</h3>
      <p className={check?.grounds.length ? 'danger' : undefined}>
        {!check
          ? t('affiliation.notChecked')
          : check.grounds.length
            ? t('affiliation.found', { date: formatDate(check.checkedAt), grounds: check.grounds.map((g) => t(`affiliation.grounds.${g}`)).join(', '), note: check.note })
            : t('affiliation.cleared', { date: formatDate(check.checkedAt), note: check.note })}
      </p>
      {canCheck ? <AffiliationCheckForm /> : null}
    </section>
  )
}

function AffiliationCheckForm() {
  const { t } = useTranslation()
  const lastResult = useIntentResult('check-affiliation')
  const [form, fields] = useAppForm({ id: 'check-affiliation', lastResult, constraint: getZodConstraint(AffiliationCheckSchema), shouldValidate: 'onBlur' })
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="check-affiliation" />
      <fieldset>
        <legend>{t('affiliation.groundsLegend')}</legend>
        <ul className="checkbox-list">
          {(['same_inn', 'same_founders', 'spin_off'] as const).map((g) => (
            <li key={g}>
              <input type="checkbox" id={`ground-${g}`} name="grounds" value={g} />
              <label htmlFor={`ground-${g}`}>{t(`affiliation.grounds.${g}`)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextareaField label={t('affiliation.note')} meta={fields.note} rows={2} hint={t('affiliation.noteHint')} />
      <SubmitButton className="button">{t('affiliation.record')}</SubmitButton>
    </Form>
  )
}
