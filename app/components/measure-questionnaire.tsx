import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { applicantTypes, measureStages, oecdAreas } from '#db/schema/measure-values'
import { alliances, companySizes } from '#db/schema/values'
import type { Answers, QuestionField } from '~/modules/measures/questionnaire'

function Question({ name, label, value, options, hint }: { name: QuestionField; label: string; value: string; options: { value: string; label: string }[]; hint?: string }) {
  const { t } = useTranslation()
  const id = `question-${name}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} aria-describedby={hint ? `${id}-hint` : undefined}>
        <option value="">{t('measures.questionnaire.unknown')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/**
 * The navigator's questionnaire, inside the page's GET form: every answer may stay "don't know".
 * Without JavaScript the button applies it; with JavaScript a choice applies at once.
 */
export function QuestionnaireFields({
  answers,
  regions,
  fromProfile,
  invalid,
}: {
  answers: Answers
  regions: { value: string; label: string }[]
  fromProfile: boolean
  invalid: QuestionField[]
}) {
  const { t } = useTranslation()
  const label = (field: QuestionField) => t(`measures.questionnaire.${field}`)
  return (
    <fieldset className="questionnaire">
      <legend>{t('measures.questionnaire.title')}</legend>
      <p className="hint">{fromProfile ? t('measures.questionnaire.fromProfile') : t('measures.questionnaire.lead')}</p>
      {invalid.length ? (
        <p className="field-errors" role="alert">
          {t('measures.questionnaire.invalid', { fields: invalid.map(label).join(', ') })}
        </p>
      ) : null}
      <Question name="type" label={label('type')} value={answers.type} options={applicantTypes.map((v) => ({ value: v, label: t(`organisationType.${v}`) }))} />
      <Question name="size" label={label('size')} value={answers.size} options={companySizes.map((v) => ({ value: v, label: t(`companySize.${v}`) }))} />
      <Question name="region" label={label('region')} value={answers.region} options={regions} />
      <Question name="alliance" label={label('alliance')} value={answers.alliance} options={alliances.map((v) => ({ value: v, label: t(`alliance.${v}`) }))} />
      <Question
        name="field"
        label={label('field')}
        // A request's link may carry a second-level field ("2.3"): keep it as an option of its own.
        value={answers.field}
        options={[
          ...oecdAreas.map((v) => ({ value: v, label: `${v} ${t(`measures.area.${v}`)}` })),
          ...(answers.field && !(oecdAreas as readonly string[]).includes(answers.field) ? [{ value: answers.field, label: answers.field }] : []),
        ]}
      />
      <Question name="stage" label={label('stage')} value={answers.stage} options={measureStages.map((v) => ({ value: v, label: t(`measures.stage.${v}`) }))} />
      <Question name="trl" label={label('trl')} value={answers.trl} options={Array.from({ length: 9 }, (_, i) => ({ value: String(i + 1), label: t('trl.level', { level: i + 1 }) }))} />
      <div className="field">
        <label htmlFor="question-amount">{label('amount')}</label>
        <input id="question-amount" name="amount" defaultValue={answers.amount} inputMode="decimal" maxLength={40} aria-describedby="question-amount-hint" />
        <p className="hint" id="question-amount-hint">
          {t('measures.questionnaire.amountHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="question-date">{label('date')}</label>
        <input id="question-date" name="date" type="date" defaultValue={answers.date} aria-describedby="question-date-hint" />
        <p className="hint" id="question-date-hint">
          {t('measures.questionnaire.dateHint')}
        </p>
      </div>
      <div className="button-row">
        <button type="submit" className="button primary">
          {t('measures.questionnaire.submit')}
        </button>
        <Link to="/measures?answered=1">{t('measures.questionnaire.reset')}</Link>
      </div>
    </fieldset>
  )
}
