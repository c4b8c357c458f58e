import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { alliances } from '#db/schema/values'
import { RequestFormSchema } from '~/modules/requests/schemas'
import { Field, FormErrors, SelectField, SubmitButton, TextareaField } from './forms'
import { GroupedSelectField, type OptionGroup } from './grouped-select'

export interface RequestFormOptions {
  regions: { value: string; label: string }[]
  oecdGroups: OptionGroup[]
  grntiGroups: OptionGroup[]
}

/** The one form for drafting and editing an R&D request; the same schema checks it on the server. */
export function RequestForm({
  lastResult,
  defaultValue,
  options,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue?: Record<string, string | undefined>
  options: RequestFormOptions
  submitLabel: string
}) {
  const { t } = useTranslation()
  const [form, fields] = useAppForm<z.input<typeof RequestFormSchema>, z.output<typeof RequestFormSchema>>({
    lastResult,
    defaultValue,
    constraint: getZodConstraint(RequestFormSchema),
    onValidate: ({ formData }) => parseSubmission(formData, RequestFormSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const trlOptions = Array.from({ length: 9 }, (_, i) => ({ value: String(i + 1), label: t(`trl.level`, { level: i + 1 }) }))
  return (
    <Form method="post" {...getFormProps(form)} className="wide-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <fieldset>
        <legend>{t('request.form.public')}</legend>
        <Field label={t('request.fields.title')} meta={fields.title} />
        <TextareaField label={t('request.fields.summary')} meta={fields.summary} rows={2} hint={t('request.fields.summaryHint')} />
        <Field label={t('request.fields.titleEn')} meta={fields.titleEn} hint={t('common.englishVersionHint')} />
        <TextareaField label={t('request.fields.summaryEn')} meta={fields.summaryEn} rows={2} />
        <TextareaField label={t('request.fields.problem')} meta={fields.problem} rows={6} />
        <TextareaField label={t('request.fields.expectedResult')} meta={fields.expectedResult} rows={4} />
        <Field label={t('request.fields.keywords')} meta={fields.keywords} hint={t('request.fields.keywordsHint')} />
      </fieldset>
      <fieldset>
        <legend>{t('request.form.classification')}</legend>
        <GroupedSelectField label={t('request.fields.oecdField')} meta={fields.oecdField} groups={options.oecdGroups} placeholder={t('common.choose')} />
        <GroupedSelectField label={t('request.fields.grnti')} meta={fields.grnti} groups={options.grntiGroups} placeholder={t('request.fields.grntiNone')} />
        <SelectField
          label={t('fields.alliance')}
          meta={fields.alliance}
          placeholder={t('alliance.none')}
          options={alliances.map((v) => ({ value: v, label: t(`alliance.${v}`) }))}
        />
        <div className="row">
          <SelectField label={t('request.fields.trlNow')} meta={fields.trlNow} placeholder={t('common.choose')} options={trlOptions} />
          <SelectField label={t('request.fields.trlWanted')} meta={fields.trlWanted} placeholder={t('common.choose')} options={trlOptions} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('request.form.terms')}</legend>
        <div className="row">
          <Field label={t('request.fields.budgetMin')} meta={fields.budgetMin} hint={t('request.fields.budgetHint')} />
          <Field label={t('request.fields.budgetMax')} meta={fields.budgetMax} />
        </div>
        <div className="row">
          <Field label={t('request.fields.deadline')} meta={fields.deadline} type="date" />
          <SelectField label={t('fields.region')} meta={fields.region} options={options.regions} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('request.form.confidential')}</legend>
        <p className="hint">{t('request.fields.confidentialHint')}</p>
        <TextareaField label={t('request.fields.confidentialDetails')} meta={fields.confidentialDetails} rows={5} />
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  )
}
