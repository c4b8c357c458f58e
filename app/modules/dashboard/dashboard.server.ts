import type { Locale } from '~/i18n'
import { translator } from '~/i18n/translator.server'
import { formatMoney } from '../format/money'
import { formatShare } from '../format/share'
import type { ExportColumn, ExportRow } from '../exports/table-export.server'
import { dashboardFigures, type DashboardFigures } from './figures.server'
import type { DashboardFilter } from './filters'
import { dashboardStory, type DashboardStory } from './story.server'

export interface Dashboard {
  figures: DashboardFigures
  story: DashboardStory
}

/** Everything the dashboard shows for a period and its filters. */
export function dashboard(filter: DashboardFilter): Dashboard {
  return { figures: dashboardFigures(filter), story: dashboardStory(filter) }
}


/** The dashboard's figures as one table: what the page shows, for export and print. */
export function figuresTable({ figures, story }: Dashboard, locale: Locale): { columns: ExportColumn[]; rows: ExportRow[] } {
  const t = translator(locale)
  const money = (k: number) => formatMoney(k, locale)
  const percent = (bp: number | null) => (bp === null ? '—' : formatShare(bp, locale))
  const rows: ExportRow[] = [
    ...story.funnel.map((stage) => ({
      figure: `${t('dashboard.funnel.title')}: ${t(`dashboard.funnel.steps.${stage.step}`)}`,
      value: stage.fromPreviousBp === null ? stage.count : `${stage.count} (${percent(stage.fromPreviousBp)})`,
    })),
    { figure: t('dashboard.figures.requestsOpen'), value: figures.requestsOpen },
    { figure: t('dashboard.figures.matchesProposed'), value: figures.matchesProposed },
    { figure: t('dashboard.figures.matchesTakenUp'), value: figures.matchesTakenUp },
    { figure: t('dashboard.figures.engagementsStarted'), value: figures.engagementsStarted },
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
    { figure: t('dashboard.figures.daysToFirstContact'), value: story.toFirstContact.median ?? '—' },
    { figure: t('dashboard.figures.daysToContract'), value: story.toContract.median ?? '—' },
    { figure: t('dashboard.figures.registeredOutside'), value: story.toContract.registeredOutside },
    ...story.contractors.quarters.map((q) => ({ figure: `${t('dashboard.figures.instituteShare')}, ${q.quarter}`, value: percent(q.instituteBp) })),
  ]
  return {
    columns: [
      { key: 'figure', header: t('dashboard.columns.figure'), width: 60 },
      { key: 'value', header: t('dashboard.columns.value'), width: 24 },
    ],
    rows,
  }
}
