import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import { TableScroll } from '~/components/table-scroll'
import { requirePermission } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue } from '~/modules/http/respond.server'
import { roundProtocol } from '~/modules/selection/queries.server'
import { formatScore } from '~/modules/selection/score'
import contractStyles from '~/styles/contracts.css'
import styles from '~/styles/protocol.css'

// The contracts' sheet right-aligns the tables' number columns, as on the round's own page.
export const links = () => [
  { rel: 'stylesheet', href: contractStyles },
  { rel: 'stylesheet', href: styles },
]
export const meta: MetaFunction = () => [{ title: 'Протокол отбора · Selection protocol' }]

/** The protocol of a closed competitive round, laid out to print: ranking, cut-off, every score, commission. */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'selection:manage')
  return json(loaderValue(roundProtocol(actor, parseId(params.programmeId))))
}

export default function RoundProtocol() {
  const { t, i18n } = useTranslation()
  const { formatDate, formatDateTime, formatMoney } = useFormat()
  const { programme, round, members, applications, fundedKopecks, cutOffAfterRank, closedBy } = useLoaderData<typeof loader>()
  const locale = i18n.language === 'en' ? 'en' : 'ru'
  const score = (hundredths: number | null) => (hundredths === null ? '—' : formatScore(hundredths, locale))
  const cutOffRow = (
    <tr className="cut-off">
      <td colSpan={5}>{t('selection.protocol.cutOff')}</td>
    </tr>
  )
  return (
    <article className="print-report protocol">
      <p className="no-print">
        <Link to={`/admin/programmes/${programme.id}/round`}>{t('selection.protocol.back')}</Link>
      </p>
      <h1>{t('selection.protocol.title')}</h1>
      <p>{t('selection.protocol.programme', { title: programme.title, year: programme.year })}</p>
      <p>{t('selection.protocol.date', { date: formatDateTime(round.closedAt) })}</p>
      <p>{t('selection.protocol.deadline', { deadline: formatDate(`${round.deadline}T12:00:00Z`), max: round.scaleMax })}</p>
      <p>{t('selection.protocol.budget', { total: formatMoney(programme.totalBudgetKopecks), funded: formatMoney(fundedKopecks) })}</p>
      <p className="muted">{t('selection.protocol.method')}</p>
      <p className="no-print">
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('selection.protocol.print')}
        </button>
      </p>
      <TableScroll label={t('selection.protocol.ranking')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('selection.protocol.rank')}
              </th>
              <th scope="col">{t('selection.protocol.claim')}</th>
              <th scope="col" className="num">
                {t('selection.applications.requested')}
              </th>
              <th scope="col" className="num">
                {t('selection.protocol.score')}
              </th>
              <th scope="col">{t('selection.protocol.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {cutOffAfterRank === null && applications.length > 0 ? cutOffRow : null}
            {applications.map((a) => (
              <Fragment key={a.claimId}>
                <tr>
                  <td className="num">{a.rank ?? '—'}</td>
                  <td>
                    {t('selection.number', { id: a.claimId })} — {a.company} · {a.contractor}
                  </td>
                  <td className="num">{formatMoney(a.requestedKopecks)}</td>
                  <td className="num">{score(a.scoreHundredths)}</td>
                  <td>{t(`selection.outcome.${a.outcome}`)}</td>
                </tr>
                {a.rank !== null && a.rank === cutOffAfterRank ? cutOffRow : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {applications.map((a) => (
        <section key={a.claimId} className="application-scores" aria-labelledby={`scores-${a.claimId}`}>
          <h3 id={`scores-${a.claimId}`}>
            {t('selection.claimNumber', { id: a.claimId })} — {a.company}
          </h3>
          <TableScroll labelledBy={`scores-${a.claimId}`}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('selection.protocol.member')}</th>
                  {round.criteria.map((c) => (
                    <th key={c.key} scope="col" className="num">
                      {t(`selection.criterion.${c.key}`)} ({t('selection.weight').toLowerCase()} {c.weight})
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('selection.protocol.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {a.sheets.map((sheet) => {
                  const member = members.find((m) => m.userId === sheet.userId)!
                  return (
                    <tr key={sheet.userId}>
                      <th scope="row">{member.name}</th>
                      {sheet.conflicted || !sheet.scores ? (
                        <td colSpan={round.criteria.length + 1}>{sheet.conflicted ? t('selection.protocol.conflict') : t('selection.protocol.noScores')}</td>
                      ) : (
                        <>
                          {round.criteria.map((c) => (
                            <td key={c.key} className="num">
                              {sheet.scores?.[c.key] ?? '—'}
                            </td>
                          ))}
                          <td className="num">{score(sheet.totalHundredths)}</td>
                        </>
                      )}
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
      <h2>{t('selection.protocol.commission')}</h2>
      <ul className="signatures">
        {members.map((m) => (
          <li key={m.userId}>
            <span>{m.name}</span>
            <span className="muted">{t('selection.protocol.signature')}</span>
          </li>
        ))}
      </ul>
      {closedBy ? <p className="muted">{t('selection.protocol.closedBy', { name: closedBy })}</p> : null}
    </article>
  )
}
