import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { claimStatuses } from '#db/schema/claim-values'
import { StatusBadge } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'
import { BudgetPanel, ProgrammeRules } from '~/components/programmes/programme-facts'
import { ProgrammeLedger } from '~/components/programmes/ledger'
import { programmeLedgerView } from '~/modules/agreements/ledger.server'
import { notFound, requirePermission } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { budgetOf, getProgramme, phaseOf, programmeClaimSummary } from '~/modules/programmes/programmes.server'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Программа · Programme' }]

export function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'programme:manage')
  const programme = getProgramme(parseId(params.programmeId))
  if (!programme) notFound()
  const ledger = programmeLedgerView(actor, programme.id)
  if (!ledger.ok) notFound()
  return json({ programme, budget: budgetOf(programme), phase: phaseOf(programme), claims: programmeClaimSummary(programme.id), ledger: ledger.value })
}

export default function AdminProgramme() {
  const { t } = useTranslation()
  const { formatMoney } = useFormat()
  const { programme, budget, phase, claims, ledger } = useLoaderData<typeof loader>()
  return (
    <section>
      <p>
        <Link to="/admin/programmes">{t('programmes.backToList')}</Link>
      </p>
      <div className="page-head">
        <h1>{programme.title}</h1>
        <StatusBadge status={phase} prefix="programmes.phase" />
        <Link to={`/admin/programmes/${programme.id}/edit`} className="button small">
          {t('programmes.edit')}
        </Link>
        <Link to={`/admin/programmes/${programme.id}/round`} className="button small">
          {t('selection.link')}
        </Link>
      </div>
      <p>
        {t('selection.modeLabel')}: {t(`selection.mode.${programme.selectionMode}`)}
      </p>
      {programme.description ? <p className="prose">{programme.description}</p> : null}
      <BudgetPanel budget={budget} />
      <h2>{t('programmes.claims.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('claims.statusLabel')}</th>
            <th scope="col" className="num">
              {t('programmes.claims.count')}
            </th>
            <th scope="col" className="num">
              {t('claims.requested')}
            </th>
            <th scope="col" className="num">
              {t('claims.approved')}
            </th>
          </tr>
        </thead>
        <tbody>
          {claimStatuses
            .filter((s) => s !== 'draft' && s !== 'withdrawn')
            .map((s) => (
              <tr key={s}>
                <td>
                  <Link to={`/admin/claims?programme=${programme.id}&status=${s}`}>{t(`claims.status.${s}`)}</Link>
                </td>
                <td className="num">{claims[s]?.count ?? 0}</td>
                <td className="num">{formatMoney(claims[s]?.requestedKopecks ?? 0)}</td>
                <td className="num">{formatMoney(claims[s]?.approvedKopecks ?? 0)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <ProgrammeLedger {...ledger} />
      <h2>{t('programmes.rules.title')}</h2>
      <ProgrammeRules programme={programme} />
    </section>
  )
}
