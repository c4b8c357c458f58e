import type { FieldMetadata, FormMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { vatModes, vatRates } from '#db/schema/contract-values'
import { Field, SelectField, TextareaField } from '~/components/forms'
import { FieldErrors } from './parts'

type Stage = { title: string; dueOn: string; amount: string }

export interface TermsFieldMetadata {
  number: FieldMetadata<string>
  signedOn: FieldMetadata<string>
  subject: FieldMetadata<string>
  price: FieldMetadata<string>
  vatMode: FieldMetadata<string>
  vatRate: FieldMetadata<string | undefined>
  vatAmount: FieldMetadata<string | undefined>
  startsOn: FieldMetadata<string>
  endsOn: FieldMetadata<string>
  stages: FieldMetadata<Stage[]>
}

/**
 * The terms of a contract: number, date, subject, price with VAT apart, term and stages. Stages are
 * a list that grows and shrinks with buttons that work without JavaScript too (the server answers).
 */
export function ContractTermsFields({ form, fields }: { form: FormMetadata<any>; fields: TermsFieldMetadata }) {
  const { t } = useTranslation()
  const stages = fields.stages.getFieldList()
  return (
    <>
      <fieldset>
        <legend>{t('contracts.form.terms')}</legend>
        <div className="row">
          <Field label={t('contracts.fields.number')} meta={fields.number} />
          <Field label={t('contracts.fields.signedOn')} meta={fields.signedOn} type="date" />
        </div>
        <TextareaField label={t('contracts.fields.subject')} meta={fields.subject} rows={3} />
        <div className="row">
          <Field label={t('contracts.fields.price')} meta={fields.price} hint={t('contracts.form.moneyHint')} />
          <SelectField
            label={t('contracts.fields.vatMode')}
            meta={fields.vatMode}
            options={vatModes.map((m) => ({ value: m, label: t(`contracts.vatMode.${m}`) }))}
          />
        </div>
        <div className="row">
          <SelectField
            label={t('contracts.fields.vatRate')}
            meta={fields.vatRate}
            placeholder={t('common.choose')}
            options={vatRates.map((r) => ({ value: String(r), label: `${r / 100} %` }))}
          />
          <Field label={t('contracts.fields.vatAmount')} meta={fields.vatAmount} hint={t('contracts.form.vatAmountHint')} />
        </div>
        <div className="row">
          <Field label={t('contracts.fields.startsOn')} meta={fields.startsOn} type="date" />
          <Field label={t('contracts.fields.endsOn')} meta={fields.endsOn} type="date" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('contracts.form.stages')}</legend>
        <p className="hint">{t('contracts.form.stagesHint')}</p>
        <FieldErrors id={fields.stages.errorId} errors={fields.stages.errors} />
        {stages.map((stage, index) => {
          const s = stage.getFieldset()
          return (
            <fieldset key={stage.key}>
              <legend>{t('contracts.stageNumber', { n: index + 1 })}</legend>
              <div className="row">
                <Field label={t('contracts.fields.stageTitle')} meta={s.title} />
                <Field label={t('contracts.fields.dueOn')} meta={s.dueOn} type="date" />
                <Field label={t('contracts.fields.stageAmount')} meta={s.amount} />
              </div>
              {stages.length > 1 ? (
                <button {...form.remove.getButtonProps({ name: fields.stages.name, index })} className="button small link">
                  {t('contracts.form.removeStage', { n: index + 1 })}
                </button>
              ) : null}
            </fieldset>
          )
        })}
        <button {...form.insert.getButtonProps({ name: fields.stages.name })} className="button small">
          {t('contracts.form.addStage')}
        </button>
      </fieldset>
    </>
  )
}
