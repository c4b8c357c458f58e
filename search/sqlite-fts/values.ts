import type { FieldValue, SearchDocument } from '../engine'

export type SqlValue = string | number

/**
 * How a field value is stored and compared: numbers stay numbers, booleans become "true"/"false"
 * (as Meilisearch reads them), null is "no value" and stores nothing.
 */
export function storedValue(value: FieldValue): SqlValue | null {
  if (value === null) return null
  if (typeof value === 'boolean') return String(value)
  return value
}

/** The values a document holds in each filterable or sortable field, arrays flattened, duplicates dropped. */
export function fieldValuesOf(document: SearchDocument, fields: string[]): Record<string, SqlValue[]> {
  const fieldValues: Record<string, SqlValue[]> = {}
  for (const field of fields) {
    const raw = document[field]
    const items = Array.isArray(raw) ? raw : [raw ?? null]
    const values = [...new Set(items.map(storedValue))].filter((value): value is SqlValue => value !== null)
    if (values.length > 0) fieldValues[field] = values
  }
  return fieldValues
}

/** Numbers before text, as SQLite and Meilisearch order mixed fields. */
export function compareValues(a: SqlValue, b: SqlValue): number {
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
