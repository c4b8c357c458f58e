import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import { organisationCounts } from '~/modules/organisations/overview.server'
import { rolesOf } from '~/modules/permissions/actor'

export function loader({ context }: LoaderFunctionArgs) {
  const counts = organisationCounts()
  return json({
    roles: rolesOf(context.actor),
    counts: {
      companies: counts.company ?? 0,
      universities: counts.university ?? 0,
      institutes: (counts.institute ?? 0) + (counts.research_org ?? 0),
    },
  })
}

const workspaceOf = { company: '/company', science: '/lab', administration: '/admin', platform_admin: '/platform' } as const

export default function Home() {
  const { t } = useTranslation()
  const { formatNumber } = useFormat()
  const { roles, counts } = useLoaderData<typeof loader>()
  return (
    <section className="home">
      <div className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        {roles.length ? (
          <p>
            {roles.map((r) => (
              <Link key={r} to={workspaceOf[r]} className="button primary">
                {t(`home.goTo.${r}`)}
              </Link>
            ))}
          </p>
        ) : (
          <p className="button-row">
            <Link to="/signup" className="button primary">
              {t('nav.signUp')}
            </Link>
            <Link to="/login" className="button">
              {t('nav.signIn')}
            </Link>
          </p>
        )}
      </div>
      <ul className="cards">
        <li className="card">
          <strong className="figure">{formatNumber(counts.companies)}</strong>
          <span>{t('home.companies', { count: counts.companies })}</span>
        </li>
        <li className="card">
          <strong className="figure">{formatNumber(counts.universities)}</strong>
          <span>{t('home.universities', { count: counts.universities })}</span>
        </li>
        <li className="card">
          <strong className="figure">{formatNumber(counts.institutes)}</strong>
          <span>{t('home.institutes', { count: counts.institutes })}</span>
        </li>
      </ul>
      <div className="columns">
        <div>
          <h2>{t('home.forCompanies.title')}</h2>
          <p>{t('home.forCompanies.text')}</p>
        </div>
        <div>
          <h2>{t('home.forScience.title')}</h2>
          <p>{t('home.forScience.text')}</p>
        </div>
        <div>
          <h2>{t('home.forAdministration.title')}</h2>
          <p>{t('home.forAdministration.text')}</p>
        </div>
      </div>
    </section>
  )
}
