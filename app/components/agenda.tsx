import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { AgendaItem, AgendaSection } from '~/modules/workspace/agenda.server'
import { useFormat } from './format'
import { AgendaIcon } from './icons'

/**
 * A workspace's "what needs me now": one panel per kind of work, each item a link to the page where
 * it is done. Sections with nothing waiting shrink to one quiet line, so what does wait stands out.
 */
export function Agenda({ sections }: { sections: AgendaSection[] }) {
  const { t } = useTranslation()
  const busy = sections.filter((s) => s.items.length > 0)
  const quiet = sections.filter((s) => s.items.length === 0)
  return (
    <div className="agenda">
      {busy.length === 0 ? <p className="empty">{t('workspace.agenda.allDone')}</p> : null}
      <div className="agenda-grid">
        {busy.map((s) => (
          <section key={s.kind} className={`panel agenda-${s.kind}`} aria-labelledby={`agenda-${s.kind}`} data-testid={`agenda-${s.kind}`}>
            <header className="panel-head">
              <h2 id={`agenda-${s.kind}`}>
                <AgendaIcon kind={s.kind} />
                {t(`workspace.agenda.${s.kind}.title`)}
              </h2>
              {s.waiting > 0 ? <span className="pill pill-brand">{s.waiting}</span> : null}
            </header>
            <ul className="agenda-items">
              {s.items.map((item) => (
                <li key={item.key}>
                  <AgendaEntry item={item} />
                </li>
              ))}
            </ul>
            <Link to={s.href} className="panel-foot">
              {t(`workspace.agenda.${s.kind}.all`)} →
            </Link>
          </section>
        ))}
      </div>
      {quiet.length ? (
        <ul className="agenda-quiet" aria-label={t('workspace.agenda.nothingWaiting')}>
          {quiet.map((s) => (
            <li key={s.kind}>
              <Link to={s.href}>{t(`workspace.agenda.${s.kind}.title`)}</Link>: {t(`workspace.agenda.${s.kind}.empty`)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function AgendaEntry({ item }: { item: AgendaItem }) {
  const { t } = useTranslation()
  const { formatDate, formatMoney } = useFormat()
  return (
    <Link to={item.href} className="agenda-entry">
      <span className="agenda-main">
        <span className="agenda-title">{item.title}</span>
        {item.subtitle ? <span className="agenda-sub">{item.subtitle}</span> : null}
      </span>
      <span className="agenda-meta">
        {item.step ? <span className="agenda-step">{t(item.step)}</span> : null}
        {item.count ? <span className="pill">{item.count}</span> : null}
        {item.review ? (
          <span className={item.review.overdue ? 'pill pill-danger' : 'pill pill-warning'}>
            {t(item.review.overdue ? 'workspace.review.overdue' : 'workspace.review.waiting', { count: item.review.ageDays, due: formatDate(item.review.dueOn) })}
          </span>
        ) : item.date && item.overdue ? (
          <span className="pill pill-danger">{t('workspace.overdueSince', { date: formatDate(item.date) })}</span>
        ) : item.date && !item.budget ? (
          <span className="agenda-date">{formatDate(item.date)}</span>
        ) : null}
      </span>
      {item.budget ? <BudgetBar budget={item.budget} formatMoney={formatMoney} /> : null}
    </Link>
  )
}

function BudgetBar({ budget, formatMoney }: { budget: NonNullable<AgendaItem['budget']>; formatMoney: (k: number, o?: { wholeRoubles?: boolean }) => string }) {
  const { t } = useTranslation()
  const share = (k: number) => `${budget.total > 0 ? (k / budget.total) * 100 : 0}%`
  return (
    <span className="budget">
      <span className="budget-bar" aria-hidden="true">
        <span className="budget-paid" style={{ width: share(budget.paid) }} />
        <span className="budget-reserved" style={{ width: share(budget.reserved) }} />
      </span>
      <span className="budget-legend">
        <span className="key key-paid">{t('workspace.budget.paid', { amount: formatMoney(budget.paid, { wholeRoubles: true }) })}</span>
        <span className="key key-reserved">{t('workspace.budget.reserved', { amount: formatMoney(budget.reserved, { wholeRoubles: true }) })}</span>
        <span className="key key-remaining">{t('workspace.budget.remaining', { amount: formatMoney(budget.remaining, { wholeRoubles: true }) })}</span>
      </span>
    </span>
  )
}
