import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'

interface LedgerProps {
  movements: { id: number; kind: string; amountKopecks: number; claimId: number; returnId: number | null; createdAt: string; companyName: string }[]
  fromLedger: { reservedKopecks: number; paidKopecks: number; returnedKopecks: number }
  recorded: { returnedKopecks: number }
  reconciles: boolean
}

/** Every movement of the programme's budget, each linked to its claim, and whether the figures reconcile to them. */
export function ProgrammeLedger({ movements, fromLedger, recorded, reconciles }: LedgerProps) {
  const { t } = useTranslation()
  const { formatMoney, formatDateTime } = useFormat()
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('programmes.ledger.title')}</h2>
      <p className={reconciles ? 'muted' : 'notice danger'} role={reconciles ? undefined : 'alert'}>
        {reconciles
          ? t('programmes.ledger.reconciles')
          : t('programmes.ledger.mismatch', { reserved: formatMoney(fromLedger.reservedKopecks), paid: formatMoney(fromLedger.paidKopecks), returned: formatMoney(fromLedger.returnedKopecks) })}
      </p>
      <p>
        {t('programmes.ledger.returned')}: {formatMoney(recorded.returnedKopecks)}
      </p>
      {movements.length === 0 ? (
        <p className="empty">{t('programmes.ledger.empty')}</p>
      ) : (
        <table className="table ledger">
          <thead>
            <tr>
              <th scope="col">{t('programmes.ledger.when')}</th>
              <th scope="col">{t('programmes.ledger.kind')}</th>
              <th scope="col">{t('programmes.ledger.claim')}</th>
              <th scope="col" className="num">
                {t('programmes.ledger.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {movements.map((m) => (
              <tr key={m.id} data-kind={m.kind}>
                <td>{formatDateTime(m.createdAt)}</td>
                <td>{t(`programmes.ledger.kinds.${m.kind}`)}</td>
                <td>
                  <Link to={`/admin/claims/${m.claimId}`}>{t('claims.numberShort', { id: m.claimId })}</Link> {m.companyName}
                  {m.returnId ? <span className="muted"> · {t('programmes.ledger.returnLink', { id: m.returnId })}</span> : null}
                </td>
                <td className="num">{formatMoney(m.amountKopecks)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
