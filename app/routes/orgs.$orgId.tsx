import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import { VerificationBadge } from '~/components/layout'
import { notFound } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { listOrganisationLabs } from '~/modules/labs/labs.server'
import { publicOrganisationCard } from '~/modules/organisations/organisations.server'
import { listOrganisationRequests } from '~/modules/requests/requests.server'
import { regionName } from '~/modules/organisations/regions'

export function loader({ params }: LoaderFunctionArgs) {
  const organisation = publicOrganisationCard(parseId(params.orgId))
  if (!organisation) notFound()
  return json({
    organisation,
    labs: listOrganisationLabs(organisation.id).map((l) => ({ id: l.id, name: l.name })),
    requests: organisation.type === 'company' ? listOrganisationRequests(organisation.id, { includeDrafts: false }).map((r) => ({ id: r.id, title: r.title, status: r.status })) : [],
  })
}

export default function OrganisationPage() {
  const { t, i18n } = useTranslation()
  const { organisation, labs, requests } = useLoaderData<typeof loader>()
  const locale = i18n.language === 'en' ? 'en' : 'ru'
  const { formatDate } = useFormat()
  return (
    <section>
      <div className="page-head">
        <h1>{organisation.name}</h1>
        <VerificationBadge status={organisation.verificationStatus} />
      </div>
      {organisation.verificationStatus === 'unverified' && organisation.identityChangedAt ? (
        <p className="notice" data-testid="identity-changed">
          {t('organisation.identityChanged', { date: formatDate(organisation.identityChangedAt) })}
        </p>
      ) : null}
      <p className="muted">
        {t(`organisationType.${organisation.type}`)} · {regionName(organisation.region, locale)}
        {organisation.city ? `, ${organisation.city}` : ''}
        {organisation.alliance ? ` · ${t(`alliance.${organisation.alliance}`)}` : ''}
      </p>
      {organisation.description ? <p className="prose">{organisation.description}</p> : null}
      <dl className="facts">
        <dt>{t('fields.inn')}</dt>
        <dd>{organisation.inn}</dd>
        <dt>{t('fields.ogrn')}</dt>
        <dd>{organisation.ogrn}</dd>
        {organisation.website ? (
          <>
            <dt>{t('fields.website')}</dt>
            <dd>
              <a href={organisation.website} rel="noopener noreferrer nofollow">
                {organisation.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {organisation.type !== 'company' ? (
        <>
          <h2>{t('organisation.labs')}</h2>
          {labs.length === 0 ? <p className="muted">{t('organisation.noLabs')}</p> : null}
          <ul className="list">
            {labs.map((l) => (
              <li key={l.id}>
                <Link to={`/labs/${l.id}`}>{l.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h2>{t('organisation.requests')}</h2>
          {requests.length === 0 ? <p className="muted">{t('organisation.noRequests')}</p> : null}
          <ul className="list">
            {requests.map((r) => (
              <li key={r.id}>
                <Link to={`/requests/${r.id}`}>{r.title}</Link> <span className="badge">{t(`request.status.${r.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
