import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import styles from '~/styles/dashboard.css'
import { FunnelChart, SimpleBarChart } from '~/components/charts'
import { useFormat } from '~/components/format'
import { dashboard, figuresTable } from '~/modules/dashboard/dashboard.server'
import { formatShare } from '~/modules/format/share'
import { filterFromUrl } from '~/modules/dashboard/filters'
import { requirePermission } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'

export const links = () => [{ rel: 'stylesheet', href: styles }]

/** A report of a period that prints cleanly: the figures as a table and the charts, nothing else. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:administration')
  const parsed = filterFromUrl(new URL(request.url))
  if (!parsed.success) throw json({ error: 'invalid' }, { status: 400 })
  const shown = dashboard(parsed.data)
  return json({ filter: parsed.data, ...shown, table: figuresTable(shown, await resolveLocale(request, actor)) })
}

export default function PrintableReport() {
  const { t, i18n } = useTranslation()
  const { formatDate, formatMoney } = useFormat()
  const { filter, figures, story, table } = useLoaderData<typeof loader>()
  return (
    <article className="print-report">
      <h1>{t('dashboard.reportTitle')}</h1>
      <p className="muted">
        {t('dashboard.period', { from: formatDate(`${filter.from}T12:00:00Z`), to: formatDate(`${filter.to}T12:00:00Z`) })}
        {filter.alliance ? ` · ${t(`alliance.${filter.alliance}`)}` : ''}
        {filter.orgType ? ` · ${t(`organisationType.${filter.orgType}`)}` : ''}
      </p>
      <p className="no-print">
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('dashboard.printNow')}
        </button>
      </p>
      <table className="table">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              <td>{row.figure}</td>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="charts">
        <FunnelChart
          title={t('dashboard.funnel.title')}
          renderLink={(_, children) => children}
          rows={story.funnel.map((stage) => ({ key: stage.step, label: t(`dashboard.funnel.steps.${stage.step}`), count: stage.count, conversion: stage.fromPreviousBp === null ? null : formatShare(stage.fromPreviousBp, i18n.language === 'en' ? 'en' : 'ru'), to: null }))}
        />
        <SimpleBarChart
          empty={t('dashboard.noData')}
          title={t('dashboard.charts.contractVolume')}
          format={(k) => formatMoney(k, { wholeRoubles: true })}
          data={[
            { label: t('dashboard.figures.volumeUniversities'), value: figures.contractVolume.university },
            { label: t('dashboard.figures.volumeInstitutes'), value: figures.contractVolume.institute + figures.contractVolume.research_org },
          ]}
        />
      </div>
    </article>
  )
}
