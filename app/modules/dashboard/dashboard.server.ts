import type { Locale } from '~/i18n'
import { translator } from '~/i18n/translator.server'
import { formatMoney } from '../format/money'
import type { ExportColumn, ExportRow } from '../exports/table-export.server'
import type { DashboardFigures } from './figures.server'

/** The dashboard's figures as one table: what the page shows, for export and print. */
export function figuresTable(figures: DashboardFigures, locale: Locale): { columns: ExportColumn[]; rows: ExportRow[] } {
  const t = translator(locale)
  const money = (k: number) => formatMoney(k, locale)
  const rows: ExportRow[] = [
    { figure: t('dashboard.figures.requestsPosted'), value: figures.requestsPosted },
    { figure: t('dashboard.figures.requestsOpen'), value: figures.requestsOpen },
    { figure: t('dashboard.figures.matchesProposed'), value: figures.matchesProposed },
    { figure: t('dashboard.figures.matchesTakenUp'), value: figures.matchesTakenUp },
    { figure: t('dashboard.figures.engagementsStarted'), value: figures.engagementsStarted },
    { figure: t('dashboard.figures.engagementsAgreed'), value: figures.engagementsAgreed },
    { figure: t('dashboard.figures.contractsSigned'), value: figures.contractsSigned },
    { figure: t('dashboard.figures.volumeUniversities'), value: money(figures.contractVolume.university) },
    { figure: t('dashboard.figures.volumeInstitutes'), value: money(figures.contractVolume.institute + figures.contractVolume.research_org) },
    ...Object.entries(figures.claimsByStatus).map(([status, n]) => ({ figure: `${t('dashboard.figures.claims')}: ${t(`claims.status.${status}`)}`, value: n })),
    ...figures.programmes.flatMap((p) => [
      { figure: `${p.title}: ${t('dashboard.budget.total')}`, value: money(p.total) },
      { figure: `${p.title}: ${t('dashboard.budget.reserved')}`, value: money(p.reserved) },
      { figure: `${p.title}: ${t('dashboard.budget.paid')}`, value: money(p.paid) },
      { figure: `${p.title}: ${t('dashboard.budget.remaining')}`, value: money(p.remaining) },
    ]),
    { figure: t('dashboard.figures.daysToFirstContact'), value: figures.daysToFirstContact ?? '—' },
    { figure: t('dashboard.figures.daysToContract'), value: figures.daysToContract ?? '—' },
    { figure: t('dashboard.figures.registeredOutside'), value: figures.contractsRegisteredOutside },
  ]
  return {
    columns: [
      { key: 'figure', header: t('dashboard.columns.figure'), width: 60 },
      { key: 'value', header: t('dashboard.columns.value'), width: 24 },
    ],
    rows,
  }
}
