import { getCollectionProps, type FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { contractorKinds, requiredDocumentKinds, returnFormulas, type ContractorKind, type DocumentMaxAges, type RequiredDocumentKind, type ReturnFormula } from '#db/schema/claim-values'
import { FieldErrors } from '~/components/contracts/parts'
import { Field, TextareaField } from '~/components/forms'

export interface ProgrammeFieldMetadata {
  year: FieldMetadata<number>
  title: FieldMetadata<string>
  description: FieldMetadata<string | undefined>
  totalBudget: FieldMetadata<string>
  share: FieldMetadata<string>
  capPerClaim: FieldMetadata<string>
  capPerCompany: FieldMetadata<string>
  eligibleContractorKinds: FieldMetadata<string[]>
  requiredDocuments: FieldMetadata<string[] | undefined>
  documentMaxAgeDays: FieldMetadata<Record<string, string | number | undefined> | undefined>
  returnFormula: FieldMetadata<string | undefined>
  contractsFrom: FieldMetadata<string>
  contractsTo: FieldMetadata<string>
  paymentsFrom: FieldMetadata<string>
  paymentsTo: FieldMetadata<string>
  opensOn: FieldMetadata<string>
  closesOn: FieldMetadata<string>
}

function CheckboxGroup({ meta, legend, options }: { meta: FieldMetadata<string[] | undefined>; legend: string; options: { value: string; label: string }[] }) {
  const inputs = getCollectionProps(meta, { type: 'checkbox', options: options.map((o) => o.value) })
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul className="checkbox-list">
        {inputs.map((props) => (
          <li key={props.key}>
            <input {...props} key={props.key} />
            <label htmlFor={props.id}>{options.find((o) => o.value === props.value)?.label}</label>
          </li>
        ))}
      </ul>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </fieldset>
  )
}

/** The oldest each kind of document may be on the day a claim is filed. */
function MaxAgeFields({ meta }: { meta: ProgrammeFieldMetadata['documentMaxAgeDays'] }) {
  const { t } = useTranslation()
  const ages = meta.getFieldset()
  return (
    <fieldset>
      <legend>{t('programmes.maxAge')}</legend>
      <p className="hint">{t('programmes.maxAgeHint')}</p>
      <div className="row wrap">
        {requiredDocumentKinds.map((kind) => (
          <Field key={kind} label={t(`programmes.documentKind.${kind}`)} meta={ages[kind]} type="number" />
        ))}
      </div>
    </fieldset>
  )
}

/** A programme's rules: budget and share, caps, who is eligible, periods, documents, claim window. */
export function ProgrammeFields({ fields }: { fields: ProgrammeFieldMetadata }) {
  const { t } = useTranslation()
  return (
    <>
      <fieldset>
        <legend>{t('programmes.form.general')}</legend>
        <div className="row">
          <Field label={t('programmes.fields.year')} meta={fields.year} type="number" />
          <Field label={t('programmes.fields.title')} meta={fields.title} />
        </div>
        <TextareaField label={t('programmes.fields.description')} meta={fields.description} rows={3} />
      </fieldset>
      <fieldset>
        <legend>{t('programmes.form.money')}</legend>
        <div className="row">
          <Field label={t('programmes.fields.totalBudget')} meta={fields.totalBudget} hint={t('contracts.form.moneyHint')} />
          <Field label={t('programmes.fields.share')} meta={fields.share} hint={t('programmes.form.shareHint')} />
        </div>
        <div className="row">
          <Field label={t('programmes.fields.capPerClaim')} meta={fields.capPerClaim} />
          <Field label={t('programmes.fields.capPerCompany')} meta={fields.capPerCompany} />
        </div>
      </fieldset>
      <CheckboxGroup
        meta={fields.eligibleContractorKinds}
        legend={t('programmes.fields.eligibleContractorKinds')}
        options={contractorKinds.map((k) => ({ value: k, label: t(`programmes.contractorKind.${k}`) }))}
      />
      <fieldset>
        <legend>{t('programmes.form.periods')}</legend>
        <p className="hint">{t('programmes.form.periodsHint')}</p>
        <div className="row">
          <Field label={t('programmes.fields.contractsFrom')} meta={fields.contractsFrom} type="date" />
          <Field label={t('programmes.fields.contractsTo')} meta={fields.contractsTo} type="date" />
        </div>
        <div className="row">
          <Field label={t('programmes.fields.paymentsFrom')} meta={fields.paymentsFrom} type="date" />
          <Field label={t('programmes.fields.paymentsTo')} meta={fields.paymentsTo} type="date" />
        </div>
        <div className="row">
          <Field label={t('programmes.fields.opensOn')} meta={fields.opensOn} type="date" />
          <Field label={t('programmes.fields.closesOn')} meta={fields.closesOn} type="date" />
        </div>
      </fieldset>
      <CheckboxGroup
        meta={fields.requiredDocuments}
        legend={t('programmes.fields.requiredDocuments')}
        options={requiredDocumentKinds.map((k) => ({ value: k, label: t(`programmes.documentKind.${k}`) }))}
      />
      <MaxAgeFields meta={fields.documentMaxAgeDays} />
      <fieldset>
        <legend>{t('programmes.returnFormula')}</legend>
        <ul className="checkbox-list">
          {returnFormulas.map((formula) => (
            <li key={formula}>
              <input type="radio" id={`formula-${formula}`} name={fields.returnFormula.name} value={formula} defaultChecked={(fields.returnFormula.initialValue ?? 'shortfall_sum') === formula} />
              <label htmlFor={`formula-${formula}`}>{t(`programmes.returnFormulaOption.${formula}`)}</label>
            </li>
          ))}
        </ul>
        <FieldErrors id={fields.returnFormula.errorId} errors={fields.returnFormula.errors} />
      </fieldset>
    </>
  )
}

/** The form's values for an existing programme, amounts as a person would type them. */
export function programmeDefaults(p: {
  year: number
  title: string
  description: string | null
  totalBudgetKopecks: number
  shareBp: number
  capPerClaimKopecks: number
  capPerCompanyKopecks: number
  eligibleContractorKinds: ContractorKind[]
  requiredDocuments: RequiredDocumentKind[]
  documentMaxAgeDays: DocumentMaxAges
  returnFormula: ReturnFormula
  contractsFrom: string
  contractsTo: string
  paymentsFrom: string
  paymentsTo: string
  opensOn: string
  closesOn: string
}) {
  const money = (k: number) => `${Math.trunc(k / 100)},${String(k % 100).padStart(2, '0')}`
  const share = `${Math.trunc(p.shareBp / 100)}${p.shareBp % 100 ? `,${String(p.shareBp % 100).padStart(2, '0')}` : ''}`
  return {
    year: p.year,
    title: p.title,
    description: p.description ?? '',
    totalBudget: money(p.totalBudgetKopecks),
    share,
    capPerClaim: money(p.capPerClaimKopecks),
    capPerCompany: money(p.capPerCompanyKopecks),
    eligibleContractorKinds: p.eligibleContractorKinds,
    requiredDocuments: p.requiredDocuments,
    documentMaxAgeDays: Object.fromEntries(Object.entries(p.documentMaxAgeDays).map(([kind, days]) => [kind, String(days)])),
    returnFormula: p.returnFormula,
    contractsFrom: p.contractsFrom,
    contractsTo: p.contractsTo,
    paymentsFrom: p.paymentsFrom,
    paymentsTo: p.paymentsTo,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
  }
}
