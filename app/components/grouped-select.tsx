import { getSelectProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import type { AnyField } from './forms'
import { translateMessage } from './messages'

export interface OptionGroup {
  label: string
  options: { value: string; label: string }[]
}

/** A select with option groups (fields of science under their area); `multiple` for several. */
export function GroupedSelectField({
  label,
  meta,
  groups,
  placeholder,
  multiple,
  hint,
}: {
  label: string
  meta: AnyField
  groups: OptionGroup[]
  placeholder?: string
  multiple?: boolean
  hint?: string
}) {
  const { t } = useTranslation()
  const props = getSelectProps(meta)
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <select {...props} key={props.key} multiple={multiple} size={multiple ? 8 : undefined}>
        {placeholder !== undefined && !multiple ? <option value="">{placeholder}</option> : null}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {hint ? <p className="hint">{hint}</p> : null}
      {meta.errors?.length ? (
        <ul id={meta.errorId} className="field-errors" role="alert">
          {meta.errors.map((e) => (
            <li key={e}>{translateMessage(t, e)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
