import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { alliances } from '#db/schema/values'
import { LabFormSchema } from '~/modules/labs/schemas'
import { Field, FormErrors, SelectField, SubmitButton, TextareaField } from './forms'
import { GroupedSelectField, type OptionGroup } from './grouped-select'

/** The one form for publishing and editing a lab's competencies. */
export function LabForm({
  lastResult,
  defaultValue,
  options,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  defaultValue?: Record<string, string | string[] | undefined>
  options: { oecdGroups: OptionGroup[]; grntiGroups: OptionGroup[] }
  submitLabel: string
}) {
  const { t } = useTranslation()
  const [form, fields] = useAppForm<z.input<typeof LabFormSchema>, z.output<typeof LabFormSchema>>({
    lastResult,
    defaultValue,
    constraint: getZodConstraint(LabFormSchema),
    onValidate: ({ formData }) => parseSubmission(formData, LabFormSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const trlOptions = Array.from({ length: 9 }, (_, i) => ({ value: String(i + 1), label: t('trl.level', { level: i + 1 }) }))
  return (
    <Form method="post" {...getFormProps(form)} className="wide-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      <fieldset>
        <legend>{t('lab.form.about')}</legend>
        <Field label={t('lab.fields.name')} meta={fields.name} />
        <TextareaField label={t('lab.fields.description')} meta={fields.description} rows={6} />
        <Field label={t('lab.fields.nameEn')} meta={fields.nameEn} hint={t('common.englishVersionHint')} />
        <TextareaField label={t('lab.fields.descriptionEn')} meta={fields.descriptionEn} rows={4} />
        <Field label={t('request.fields.keywords')} meta={fields.keywords} hint={t('request.fields.keywordsHint')} />
        <TextareaField label={t('lab.fields.equipment')} meta={fields.equipment} rows={4} hint={t('lab.fields.onePerLine')} />
        <TextareaField label={t('lab.fields.services')} meta={fields.services} rows={4} hint={t('lab.fields.onePerLine')} />
      </fieldset>
      <fieldset>
        <legend>{t('request.form.classification')}</legend>
        <GroupedSelectField label={t('lab.fields.oecdFields')} meta={fields.oecdFields} groups={options.oecdGroups} multiple hint={t('lab.fields.multipleHint')} />
        <GroupedSelectField label={t('lab.fields.grnti')} meta={fields.grnti} groups={options.grntiGroups} multiple hint={t('lab.fields.multipleHint')} />
        <SelectField
          label={t('fields.alliance')}
          meta={fields.alliance}
          placeholder={t('alliance.none')}
          options={alliances.map((v) => ({ value: v, label: t(`alliance.${v}`) }))}
        />
        <div className="row">
          <SelectField label={t('lab.fields.trlMin')} meta={fields.trlMin} placeholder={t('common.choose')} options={trlOptions} />
          <SelectField label={t('lab.fields.trlMax')} meta={fields.trlMax} placeholder={t('common.choose')} options={trlOptions} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('lab.form.contact')}</legend>
        <Field label={t('lab.fields.contactName')} meta={fields.contactName} />
        <div className="row">
          <Field label={t('fields.email')} meta={fields.contactEmail} type="email" />
          <Field label={t('lab.fields.contactPhone')} meta={fields.contactPhone} type="tel" />
        </div>
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  )
}
