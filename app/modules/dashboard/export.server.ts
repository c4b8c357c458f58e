import type { Locale } from '~/i18n'
import { translator } from '~/i18n/translator.server'
import { tableFile } from '../exports/table-export.server'
import { dashboard, figuresTable } from './dashboard.server'
import type { DashboardFilter } from './filters'
import type { Actor } from '../permissions/actor'
import { ok, type Result } from '../result'
import { readReport, type ReportKind, type ReportRefinement } from './records.server'

export function exportFigures(filter: DashboardFilter, format: 'csv' | 'xlsx', locale: Locale): Promise<Response> {
  const table = figuresTable(dashboard(filter), locale)
  return tableFile(table, format, `dashboard-${filter.from}-${filter.to}`, translator(locale)('dashboard.title'), locale)
}

/** A figure's list as a file, in the reader's language: statuses and types translated, money in roubles. */
export async function exportReport(actor: Actor, kind: ReportKind, filter: DashboardFilter, refinement: ReportRefinement, format: 'csv' | 'xlsx', locale: Locale): Promise<Result<Response, 'forbidden'>> {
  const t = translator(locale)
  const read = readReport(actor, kind, filter, refinement)
  if (!read.ok) return read
  const result = read.value
  const columns = result.columns.map((c) => ({ key: c.key, header: t(`dashboard.columns.${c.label}`), money: c.money }))
  const rows = result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c.key, c.translate && row[c.key] ? t(`${c.translate}.${row[c.key]}`) : row[c.key]])))
  return ok(await tableFile({ columns, rows }, format, `${kind}-${filter.from}-${filter.to}`, t(`dashboard.reports.${kind}`), locale))
}
