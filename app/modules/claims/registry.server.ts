import type { Locale } from '~/i18n'
import { translator } from '~/i18n/translator.server'
import { regionDateOf } from '../calendar/calendar'
import type { ExportTable } from '../exports/table-export.server'
import type { RegistryRow } from './queries.server'

// The registry of claims for the administration's accounting, as a table for the one table export
// (exports/table-export.server.ts): CSV in the reader's language and separators, XLSX with numbers
// as numbers, formula-like text neutralised, like every other export.

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

const MONEY: readonly Column[] = ['requested', 'approved']
const WIDTH: Partial<Record<Column, number>> = { programme: 40, reason: 40, company: 28, contractor: 28 }

export function registryTable(rows: RegistryRow[], locale: Locale): ExportTable {
  const t = translator(locale)
  return {
    columns: columns.map((c) => ({ key: c, header: t(`claims.registry.columns.${c}`), money: MONEY.includes(c), width: WIDTH[c] ?? 16 })),
    rows: rows.map((row) => ({
      claim: row.id,
      status: t(`claims.status.${row.status}`),
      programme: `${row.programmeTitle} (${row.programmeYear})`,
      company: row.companyName,
      companyInn: row.companyInn,
      contract: row.contractNumber,
      contractDate: row.contractSignedOn,
      contractor: row.contractorName,
      // Moments are stored in UTC; the registry gives the region's date of each.
      submittedAt: row.submittedAt ? regionDateOf(row.submittedAt) : null,
      requested: row.requestedKopecks,
      approved: row.approvedKopecks,
      decidedAt: row.decidedAt ? regionDateOf(row.decidedAt) : null,
      paidOn: row.paidOn,
      paymentOrder: row.paymentOrderNumber,
      reason: row.decisionReason,
    })),
  }
}
