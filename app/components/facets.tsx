import { Form, useSubmit } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface FacetOption {
  value: string
  label: string
  count: number
}

/** A group of checkboxes in the catalogue's GET form; values with no hits and not chosen are hidden. */
export function FacetGroup({ name, legend, options, selected }: { name: string; legend: string; options: FacetOption[]; selected: readonly string[] }) {
  const visible = options.filter((o) => o.count > 0 || selected.includes(o.value))
  if (visible.length === 0) return null
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      {visible.map((o) => (
        <label key={o.value} className="facet-option">
          <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} />
          <span>{o.label}</span>
          <span className="facet-count">{o.count}</span>
        </label>
      ))}
    </fieldset>
  )
}

/**
 * The search box, sort and facets of a catalogue page as one GET form: it works without JavaScript
 * (a button applies it), and with JavaScript every change applies at once.
 */
export function CatalogueSearchForm({
  q,
  placeholder,
  sort,
  sortOptions,
  children,
}: {
  q: string
  placeholder: string
  sort: string
  sortOptions: { value: string; label: string }[]
  children: ReactNode
}) {
  const { t } = useTranslation()
  const submit = useSubmit()
  return (
    <Form
      method="get"
      className="catalogue-form"
      onChange={(event) => {
        // Typing in the search box waits for Enter; every other control applies at once.
        if ((event.target as HTMLInputElement).name !== 'q') submit(event.currentTarget)
      }}
    >
      <div className="search-row">
        <label htmlFor="catalogue-q" className="visually-hidden">
          {t('catalogue.search')}
        </label>
        <input id="catalogue-q" type="search" name="q" defaultValue={q} placeholder={placeholder} maxLength={200} />
        <button type="submit" className="button primary">
          {t('catalogue.search')}
        </button>
        <label htmlFor="catalogue-sort" className="sort-label">
          {t('catalogue.sort')}
        </label>
        <select id="catalogue-sort" name="sort" defaultValue={sort}>
          {sortOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="facets">
        {children}
        <noscript>
          <button type="submit" className="button">
            {t('catalogue.apply')}
          </button>
        </noscript>
      </div>
    </Form>
  )
}

/** One TRL level to filter by, or any. */
export function TrlFacet({ label, selected }: { label: string; selected: number | undefined }) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor="facet-trl">{label}</label>
      <select id="facet-trl" name="trl" defaultValue={selected ?? ''}>
        <option value="">{t('catalogue.any')}</option>
        {Array.from({ length: 9 }, (_, i) => (
          <option key={i + 1} value={i + 1}>
            {t('trl.one', { level: i + 1 })}
          </option>
        ))}
      </select>
    </div>
  )
}

export function facetOptions(counts: Record<string, number> | undefined, labelOf: (value: string) => string, all?: readonly string[]): FacetOption[] {
  const values = all ?? Object.keys(counts ?? {})
  return values.map((value) => ({ value, label: labelOf(value), count: counts?.[value] ?? 0 })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
}
