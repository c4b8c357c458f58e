import type { Filter, IndexSettings } from '../engine'
import type { DocumentColumns } from './columns'
import { storedValue } from './values'

export type DocumentPredicate = (doc: number) => boolean

/**
 * All filters as one test on a doc. A filter accepts a set of dictionary values of its field (so a
 * value that no document holds accepts nothing, whatever characters it contains); eq null and
 * in [null] accept documents that have no value for the field.
 */
export function compileFilters(filters: Filter[], columns: DocumentColumns, settings: IndexSettings): DocumentPredicate | null {
  if (filters.length === 0) return null
  const tests = filters.map((filter) => {
    assertFilterable(filter.field, settings)
    const column = columns.column(filter.field)
    const accepted = new Uint8Array(column.dictionary.length)
    let missing = false
    if (filter.op === 'range') {
      for (const bound of [filter.gte, filter.lte]) {
        if (bound !== undefined && !Number.isFinite(bound)) throw new Error(`range bound on "${filter.field}" is not a finite number`)
      }
      column.dictionary.forEach((value, id) => {
        if (typeof value !== 'number') return
        if ((filter.gte === undefined || value >= filter.gte) && (filter.lte === undefined || value <= filter.lte)) accepted[id] = 1
      })
    } else {
      for (const value of filter.op === 'eq' ? [filter.value] : filter.values) {
        const stored = storedValue(value)
        if (stored === null) missing = true
        else {
          const id = column.idOf(stored)
          if (id !== undefined) accepted[id] = 1
        }
      }
    }
    return (doc: number) => column.some(doc, accepted, missing)
  })
  return (doc) => tests.every((test) => test(doc))
}

export function assertFilterable(field: string, settings: IndexSettings): void {
  if (!settings.filterable.includes(field)) throw new Error(`field "${field}" is not filterable`)
}

export function assertSortable(field: string, settings: IndexSettings): void {
  if (!settings.sortable.includes(field)) throw new Error(`field "${field}" is not sortable`)
}
