import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import { Logo } from '~/components/layout'
import { rolesOf } from '~/modules/permissions/actor'
import { clusterFigures, recentRequests } from '~/modules/workspace/cluster.server'

export function loader({ context }: LoaderFunctionArgs) {
  return json({ roles: rolesOf(context.actor), figures: clusterFigures(), requests: recentRequests(5) })
}

const workspaceOf = { company: '/company', science: '/lab', administration: '/admin', platform_admin: '/platform' } as const

/** One call to action per role: a visitor is asked to join, a member is taken to their work. */
const audiences = [
  { key: 'forCompanies', role: 'company', visitorTo: '/signup', visitorKey: 'home.forCompanies.cta' },
  { key: 'forScience', role: 'science', visitorTo: '/signup', visitorKey: 'home.forScience.cta' },
  { key: 'forAdministration', role: 'administration', visitorTo: '/login', visitorKey: 'home.forAdministration.cta' },
] as const

export default function Home() {
  const { t } = useTranslation()
  const { formatNumber, formatMoney, formatDate } = useFormat()
  const { roles, figures, requests } = useLoaderData<typeof loader>()
  const stats = [
    { key: 'openRequests', value: formatNumber(figures.openRequests), to: '/requests' },
    { key: 'activeLabs', value: formatNumber(figures.activeLabs), to: '/labs' },
    { key: 'companies', value: formatNumber(figures.companies), to: '/orgs?type=company' },
    { key: 'science', value: formatNumber(figures.universities + figures.institutes), to: '/orgs' },
    { key: 'contracts', value: formatNumber(figures.contracts), detail: formatMoney(figures.contractedKopecks, { wholeRoubles: true }) },
    { key: 'compensated', value: formatMoney(figures.compensatedKopecks, { wholeRoubles: true }) },
  ]
  return (
    <section className="home">
      <div className="hero">
        <div className="hero-text">
          <h1>{t('home.title')}</h1>
          <p className="lead">{t('home.lead')}</p>
          <p className="button-row">
            {roles.length ? (
              roles.map((r) => (
                <Link key={r} to={workspaceOf[r]} className="button primary">
                  {t(`home.goTo.${r}`)}
                </Link>
              ))
            ) : (
              <>
                <Link to="/signup" className="button primary">
                  {t('nav.signUp')}
                </Link>
                <Link to="/requests" className="button">
                  {t('home.browseRequests')}
                </Link>
              </>
            )}
          </p>
        </div>
        <div className="hero-mark" aria-hidden="true">
          <Logo size={120} />
        </div>
      </div>

      <h2 className="visually-hidden">{t('home.figuresTitle')}</h2>
      <ul className="stats" aria-label={t('home.figuresTitle')}>
        {stats.map((s) => (
          <li key={s.key} className="stat" data-testid={`figure-${s.key}`}>
            <strong className="stat-value">{s.value}</strong>
            <span className="stat-label">{s.to ? <Link to={s.to}>{t(`home.figures.${s.key}`)}</Link> : t(`home.figures.${s.key}`)}</span>
            {s.detail ? <span className="stat-detail">{t('home.figures.contractedSum', { amount: s.detail })}</span> : null}
          </li>
        ))}
      </ul>

      <div className="home-grid">
        <section aria-labelledby="recent-requests">
          <div className="page-head">
            <h2 id="recent-requests">{t('home.recentRequests')}</h2>
            <Link to="/requests">{t('home.allRequests')} →</Link>
          </div>
          {requests.length === 0 ? <p className="empty">{t('home.noRequests')}</p> : null}
          <ul className="recent">
            {requests.map((r) => (
              <li key={r.id} className="panel">
                <Link to={`/requests/${r.id}`} className="recent-title">
                  {r.title}
                </Link>
                <p className="muted clamp">{r.summary}</p>
                <p className="hit-facts">
                  <span>{r.companyName}</span>
                  {r.alliance ? <span>{t(`alliance.${r.alliance}`)}</span> : null}
                  <span>{t('home.upTo', { amount: formatMoney(r.budgetMax, { wholeRoubles: true }) })}</span>
                  <span>{t('home.deadline', { date: formatDate(`${r.deadline}T12:00:00Z`) })}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="audiences" className="audiences">
          <h2 id="audiences" className="visually-hidden">
            {t('home.audiencesTitle')}
          </h2>
          {audiences.map((a) => {
            const member = (roles as string[]).includes(a.role)
            return (
              <div key={a.key} className={`panel audience audience-${a.role}`}>
                <h3>{t(`home.${a.key}.title`)}</h3>
                <p>{t(`home.${a.key}.text`)}</p>
                <Link to={member ? workspaceOf[a.role] : a.visitorTo} className={member ? 'button primary' : 'button'}>
                  {member ? t(`home.goTo.${a.role}`) : t(a.visitorKey)}
                </Link>
              </div>
            )
          })}
        </section>
      </div>
    </section>
  )
}
