import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { translateMessage } from './messages'

// Components take any field: the schema, not the component, decides what a field holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyField = FieldMetadata<any, any, string[]>

function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((e) => (
        <li key={e}>{translateMessage(t, e)}</li>
      ))}
    </ul>
  )
}

export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null
  return (
    <div className="form-errors">
      <ErrorList id={id} errors={errors} />
    </div>
  )
}

type InputType = 'text' | 'email' | 'password' | 'number' | 'date' | 'url' | 'search' | 'tel' | 'hidden'

export function Field({
  label,
  meta,
  type = 'text',
  hint,
  autoComplete,
  readOnly,
}: {
  label: string
  meta: AnyField
  type?: InputType
  hint?: string
  autoComplete?: string
  readOnly?: boolean
}) {
  const props = getInputProps(meta, { type, ariaDescribedBy: hint ? `${meta.id}-hint` : undefined })
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input {...props} key={props.key} autoComplete={autoComplete} readOnly={readOnly} />
      {hint ? (
        <p className="hint" id={`${meta.id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function TextareaField({ label, meta, rows = 5, hint }: { label: string; meta: AnyField; rows?: number; hint?: string }) {
  const props = getTextareaProps(meta)
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <textarea {...props} key={props.key} rows={rows} />
      {hint ? <p className="hint">{hint}</p> : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function SelectField({
  label,
  meta,
  options,
  placeholder,
}: {
  label: string
  meta: AnyField
  options: { value: string; label: string }[]
  placeholder?: string
}) {
  const props = getSelectProps(meta)
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select {...props} key={props.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function CheckboxField({ label, meta }: { label: string; meta: AnyField }) {
  const props = getInputProps(meta, { type: 'checkbox' })
  return (
    <div className="field checkbox">
      <input {...props} key={props.key} />
      <label htmlFor={meta.id}>{label}</label>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

export function SubmitButton({ children, name, value, className }: { children: ReactNode; name?: string; value?: string; className?: string }) {
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  return (
    <button type="submit" name={name} value={value} className={className ?? 'button primary'} disabled={busy} aria-busy={busy}>
      {children}
    </button>
  )
}
