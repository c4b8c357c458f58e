import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { VerificationBadge } from '~/components/layout'
import { notFound } from '~/modules/http/guards.server'
import { getOrganisation } from '~/modules/organisations/organisations.server'
import { regionName } from '~/modules/organisations/regions'

export function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.orgId)
  const organisation = Number.isSafeInteger(id) && id > 0 ? getOrganisation(id) : null
  if (!organisation || organisation.archivedAt) notFound()
  // The public card: registration facts a partner may check, nothing about the people.
  const { id: orgId, type, name, shortName, inn, ogrn, region, city, alliance, website, description, verificationStatus } = organisation
  return json({ organisation: { id: orgId, type, name, shortName, inn, ogrn, region, city, alliance, website, description, verificationStatus } })
}

export default function OrganisationPage() {
  const { t, i18n } = useTranslation()
  const { organisation } = useLoaderData<typeof loader>()
  const locale = i18n.language === 'en' ? 'en' : 'ru'
  return (
    <section>
      <div className="page-head">
        <h1>{organisation.name}</h1>
        <VerificationBadge status={organisation.verificationStatus} />
      </div>
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
    </section>
  )
}
