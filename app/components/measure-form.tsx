import { getCollectionProps, getFormProps, getSelectProps, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { applicantTypes, coFinancingBases, measureKinds, measureLevels, measureStages, oecdAreas, stackingRules } from '#db/schema/measure-values'
import { alliances, companySizes } from '#db/schema/values'
import { MeasureFormSchema } from '~/modules/measures/schemas'
import { CheckboxField, Field, FormErrors, SelectField, SubmitButton, TextareaField, type AnyField } from './forms'
import { translateMessage } from './messages'
import { useAppForm } from './use-app-form'

function Errors({ meta }: { meta: AnyField }) {
  const { t } = useTranslation()
  if (!meta.errors?.length) return null
  return (
    <ul id={meta.errorId} className="field-errors" role="alert">
      {meta.errors.map((e) => (
        <li key={e}>{translateMessage(t, e)}</li>
      ))}
    </ul>
  )
}

function CheckboxGroup({ meta, legend, options, hint }: { meta: AnyField; legend: string; options: { value: string; label: string }[]; hint?: string }) {
  const inputs = getCollectionProps(meta, { type: 'checkbox', options: options.map((o) => o.value) })
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <ul className="measure-checkboxes">
        {inputs.map((props) => (
          <li key={props.key}>
            <input {...props} key={props.key} />
            <label htmlFor={props.id}>{options.find((o) => o.value === props.value)?.label}</label>
          </li>
        ))}
      </ul>
      <Errors meta={meta} />
    </fieldset>
  )
}

function MultiSelectField({ meta, label, options, hint }: { meta: AnyField; label: string; options: { value: string; label: string }[]; hint?: string }) {
  const props = getSelectProps(meta)
  return (
    <div className="field multi-select">
      <label htmlFor={meta.id}>{label}</label>
      <select {...props} key={props.key} multiple size={8}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? <p className="hint">{hint}</p> : null}
      <Errors meta={meta} />
    </div>
  )
}

/** The administration's one form for adding and correcting a support measure. */
export function MeasureForm({
  lastResult,
  defaultValue,
  regions,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue?: Record<string, string | string[] | undefined>
  regions: { value: string; label: string }[]
  submitLabel: string
}) {
  const { t } = useTranslation()
  const [form, fields] = useAppForm<z.input<typeof MeasureFormSchema>, z.output<typeof MeasureFormSchema>>({
    lastResult,
    defaultValue,
    constraint: getZodConstraint(MeasureFormSchema),
    onValidate: ({ formData }) => parseSubmission(formData, MeasureFormSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const trlOptions = Array.from({ length: 9 }, (_, i) => ({ value: String(i + 1), label: t('trl.level', { level: i + 1 }) }))
  const whoHint = t('measures.admin.form.whoHint')
  return (
    <Form method="post" {...getFormProps(form)} className="wide-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <fieldset>
        <legend>{t('measures.admin.form.about')}</legend>
        <Field label={t('measures.fields.title')} meta={fields.title} />
        <Field label={t('measures.fields.provider')} meta={fields.provider} />
        <div className="row">
          <SelectField label={t('measures.fields.level')} meta={fields.level} placeholder={t('measures.admin.form.choose')} options={measureLevels.map((v) => ({ value: v, label: t(`measures.level.${v}`) }))} />
          <SelectField label={t('measures.fields.kind')} meta={fields.kind} placeholder={t('measures.admin.form.choose')} options={measureKinds.map((v) => ({ value: v, label: t(`measures.kind.${v}`) }))} />
        </div>
        <TextareaField label={t('measures.fields.description')} meta={fields.description} rows={5} />
      </fieldset>
      <fieldset>
        <legend>{t('measures.admin.form.who')}</legend>
        <CheckboxGroup meta={fields.organisationTypes} legend={t('measures.fields.organisationTypes')} hint={whoHint} options={applicantTypes.map((v) => ({ value: v, label: t(`organisationType.${v}`) }))} />
        <CheckboxGroup meta={fields.companySizes} legend={t('measures.fields.companySizes')} hint={whoHint} options={companySizes.map((v) => ({ value: v, label: t(`companySize.${v}`) }))} />
        <MultiSelectField meta={fields.regions} label={t('measures.fields.regions')} options={regions} hint={t('measures.admin.form.regionsHint')} />
        <CheckboxGroup
          meta={fields.sectors}
          legend={t('measures.fields.sectors')}
          hint={whoHint}
          options={[...oecdAreas.map((v) => ({ value: v, label: `${v} ${t(`measures.area.${v}`)}` })), ...alliances.map((v) => ({ value: v, label: t(`alliance.${v}`) }))]}
        />
      </fieldset>
      <fieldset>
        <legend>{t('measures.admin.form.project')}</legend>
        <CheckboxGroup meta={fields.stages} legend={t('measures.fields.stages')} hint={whoHint} options={measureStages.map((v) => ({ value: v, label: t(`measures.stage.${v}`) }))} />
        <div className="row">
          <SelectField label={t('measures.fields.trlMin')} meta={fields.trlMin} placeholder={t('measures.admin.form.trlAny')} options={trlOptions} />
          <SelectField label={t('measures.fields.trlMax')} meta={fields.trlMax} placeholder={t('measures.admin.form.trlAny')} options={trlOptions} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('measures.admin.form.money')}</legend>
        <div className="row">
          <Field label={t('measures.fields.amountMin')} meta={fields.amountMin} hint={t('measures.admin.form.amountHint')} />
          <Field label={t('measures.fields.amountMax')} meta={fields.amountMax} hint={t('measures.admin.form.amountHint')} />
        </div>
        <div className="row">
          <Field label={t('measures.fields.coFinancingPercent')} meta={fields.coFinancing} hint={t('measures.admin.form.coFinancingHint')} />
          <SelectField label={t('measures.fields.coFinancingBase')} meta={fields.coFinancingBase} options={coFinancingBases.map((v) => ({ value: v, label: t(`measures.coFinancingBase.${v}`) }))} />
        </div>
        <div className="row">
          <Field label={t('measures.fields.maxYears')} meta={fields.maxYears} hint={t('measures.admin.form.maxYearsHint')} />
          <Field label={t('measures.fields.deadline')} meta={fields.deadline} type="date" hint={t('measures.admin.form.deadlineHint')} />
        </div>
        <CheckboxGroup meta={fields.contractorTypes} legend={t('measures.fields.contractorTypes')} hint={t('measures.admin.form.contractorHint')} options={applicantTypes.filter((v) => v !== 'company').map((v) => ({ value: v, label: t(`organisationType.${v}`) }))} />
        <SelectField label={t('measures.fields.stacking')} meta={fields.stacking} placeholder={t('measures.admin.form.stackingNone')} options={stackingRules.map((v) => ({ value: v, label: t(`measures.stacking.${v}`) }))} />
      </fieldset>
      <fieldset>
        <legend>{t('measures.admin.form.application')}</legend>
        <TextareaField label={t('measures.fields.requiredDocuments')} meta={fields.requiredDocuments} rows={4} hint={t('measures.admin.form.documentsHint')} />
        <Field label={t('measures.fields.link')} meta={fields.link} type="url" hint={t('measures.admin.form.linkHint')} />
      </fieldset>
      <fieldset>
        <legend>{t('measures.source.title')}</legend>
        <Field label={t('measures.fields.sourceUrl')} meta={fields.sourceUrl} type="url" hint={t('measures.admin.form.sourceUrlHint')} />
        <Field label={t('measures.fields.sourceTitle')} meta={fields.sourceTitle} hint={t('measures.admin.form.sourceTitleHint')} />
        <Field label={t('measures.fields.sourceCheckedOn')} meta={fields.sourceCheckedOn} type="date" hint={t('measures.admin.form.sourceCheckedOnHint')} />
        <CheckboxField label={t('measures.fields.isDemo')} meta={fields.isDemo} />
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  )
}
