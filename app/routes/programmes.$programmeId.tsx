import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusBadge } from '~/components/contracts/parts'
import { BudgetPanel, ProgrammeRules } from '~/components/programmes/programme-facts'
import { notFound, requirePermission } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { can } from '~/modules/permissions/can'
import { budgetOf, getProgramme, phaseOf } from '~/modules/programmes/programmes.server'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Программа компенсации · Compensation programme' }]

export function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'programme:view')
  const programme = getProgramme(parseId(params.programmeId))
  if (!programme) notFound()
  const phase = phaseOf(programme)
  return json({
    programme,
    budget: budgetOf(programme),
    phase,
    canFile: can(actor, 'programme:file_claim', { phase }),
    canManage: can(actor, 'programme:manage'),
  })
}

export default function ProgrammePage() {
  const { t } = useTranslation()
  const { programme, budget, phase, canFile, canManage } = useLoaderData<typeof loader>()
  return (
    <section>
      <p>
        <Link to="/programmes">{t('programmes.backToPublicList')}</Link>
      </p>
      <div className="page-head">
        <h1>{programme.title}</h1>
        <StatusBadge status={phase} prefix="programmes.phase" />
      </div>
      {programme.description ? <p className="prose">{programme.description}</p> : null}
      {canFile ? (
        <p>
          <Link to={`/claims/new?programme=${programme.id}`} className="button primary">
            {t('claims.new.title')}
          </Link>
        </p>
      ) : null}
      {canManage ? (
        <p>
          <Link to={`/admin/programmes/${programme.id}`}>{t('programmes.manage')}</Link>
        </p>
      ) : null}
      <h2>{t('programmes.rules.title')}</h2>
      <ProgrammeRules programme={programme} />
      <BudgetPanel budget={budget} />
    </section>
  )
}
