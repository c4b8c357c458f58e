import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { Locale } from '~/i18n'
import { translator } from '~/i18n/translator.server'
import { neutraliseFormula } from '../exports/table-export.server'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import type { RegistryRow } from './queries.server'

// The registry of claims as a file for the administration's accounting: CSV (in the reader's
// language and the separators their spreadsheet expects) and XLSX (numbers as numbers).

const columns = [
  'claim',
  'status',
  'programme',
  'company',
  'companyInn',
  'contract',
  'contractDate',
  'contractor',
  'submittedAt',
  'requested',
  'approved',
  'decidedAt',
  'paidOn',
  'paymentOrder',
  'reason',
] as const

type Column = (typeof columns)[number]

function valuesOf(row: RegistryRow, t: ReturnType<typeof translator>, money: (k: number | null) => string | number | null): Record<Column, string | number | null> {
  return {
    claim: row.id,
    status: t(`claims.status.${row.status}`),
    programme: `${row.programmeTitle} (${row.programmeYear})`,
    company: row.companyName,
    companyInn: row.companyInn,
    contract: row.contractNumber,
    contractDate: row.contractSignedOn,
    contractor: row.contractorName,
    submittedAt: row.submittedAt?.slice(0, 10) ?? null,
    requested: money(row.requestedKopecks),
    approved: money(row.approvedKopecks),
    decidedAt: row.decidedAt?.slice(0, 10) ?? null,
    paidOn: row.paidOn,
    paymentOrder: row.paymentOrderNumber,
    reason: row.decisionReason,
  }
}

/** CSV with a byte-order mark; Russian spreadsheets expect ";" between fields and "," in decimals. */
export function registryCsv(rows: RegistryRow[], locale: Locale): string {
  const t = translator(locale)
  const decimal = (k: number | null) => (k === null ? '' : locale === 'ru' ? kopecksToDecimal(k as Kopecks).replace('.', ',') : kopecksToDecimal(k as Kopecks))
  const body = stringify(
    rows.map((row) => {
      const values = valuesOf(row, t, decimal)
      return Object.fromEntries(columns.map((c) => [c, c === 'requested' || c === 'approved' ? values[c] : neutraliseFormula(values[c])]))
    }),
    { header: true, columns: columns.map((c) => ({ key: c, header: t(`claims.registry.columns.${c}`) })), delimiter: locale === 'ru' ? ';' : ',' },
  )
  return `\uFEFF${body}`
}

export async function registryXlsx(rows: RegistryRow[], locale: Locale): Promise<Buffer> {
  const t = translator(locale)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = t('app.name')
  workbook.created = new Date()
  const sheet = workbook.addWorksheet(t('claims.registry.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({
    header: t(`claims.registry.columns.${c}`),
    key: c,
    width: c === 'programme' || c === 'reason' ? 40 : c === 'company' || c === 'contractor' ? 28 : 16,
    style: c === 'requested' || c === 'approved' ? { numFmt: '#,##0.00' } : undefined,
  }))
  sheet.getRow(1).font = { bold: true }
  // A spreadsheet cell holds a binary float; two decimals of an amount below 10^13 ₽ survive it exactly.
  const amount = (k: number | null) => (k === null ? null : Number(kopecksToDecimal(k as Kopecks)))
  for (const row of rows) sheet.addRow(valuesOf(row, t, amount))
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
