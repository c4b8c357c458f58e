import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { Locale } from '~/i18n'
import { translator } from '~/i18n/translator.server'
import { kopecksToDecimal, type Kopecks } from '../format/money'

export interface ExportColumn {
  key: string
  header: string
  /** Amounts in kopecks: written as roubles with two decimals. */
  money?: boolean
  width?: number
}

export type ExportRow = Record<string, string | number | null>

/** A table as every export takes it: its columns, headers in the reader's language, and its rows. */
export interface ExportTable {
  columns: ExportColumn[]
  rows: ExportRow[]
}

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...) exfiltrates,
// =cmd|... runs commands): OWASP "CSV Injection" prescribes a leading quote, which shows as text.
// The full-width forms are included because some spreadsheets normalise them.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/

/** Text as a spreadsheet will show it and never run it; numbers are left alone. */
export function neutraliseFormula<T extends string | number | null>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value
}

/** CSV with a byte-order mark; Russian spreadsheets expect ";" between fields and "," in decimals. */
export function tableCsv(columns: ExportColumn[], rows: ExportRow[], locale: Locale): string {
  const money = (k: string | number | null) => (k === null ? '' : locale === 'ru' ? kopecksToDecimal(Number(k) as Kopecks).replace('.', ',') : kopecksToDecimal(Number(k) as Kopecks))
  const body = stringify(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, c.money ? money(row[c.key] ?? null) : neutraliseFormula(row[c.key] ?? '')]))),
    { header: true, columns: columns.map((c) => ({ key: c.key, header: c.header })), delimiter: locale === 'ru' ? ';' : ',' },
  )
  return `\uFEFF${body}`
}

export async function tableXlsx(columns: ExportColumn[], rows: ExportRow[], sheetName: string, creator: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = creator
  workbook.created = new Date()
  // Sheet names are limited to 31 characters and some punctuation.
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18, style: c.money ? { numFmt: '#,##0.00' } : undefined }))
  sheet.getRow(1).font = { bold: true }
  // A spreadsheet cell holds a binary float; two decimals of an amount below 10^13 ₽ survive it exactly.
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.money && row[c.key] !== null ? Number(kopecksToDecimal(Number(row[c.key]) as Kopecks)) : row[c.key]])))
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function attachmentHeaders(fileName: string, type: 'csv' | 'xlsx'): HeadersInit {
  return {
    'Content-Type': type === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Disposition': `attachment; filename="${fileName}.${type}"`,
    // Exports hold what only their reader may see: never kept by a shared cache, never sniffed.
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  }
}

/** The one way a table leaves the app as a file: CSV or XLSX, named `name`, in the reader's language. */
export async function tableFile(table: ExportTable, format: 'csv' | 'xlsx', name: string, sheet: string, locale: Locale): Promise<Response> {
  if (format === 'csv') return new Response(tableCsv(table.columns, table.rows, locale), { headers: attachmentHeaders(name, 'csv') })
  const body = await tableXlsx(table.columns, table.rows, sheet, translator(locale)('app.name'))
  return new Response(new Uint8Array(body), { headers: attachmentHeaders(name, 'xlsx') })
}
