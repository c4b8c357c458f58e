import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { DocumentLink, StatusBadge, type DocumentRef } from '~/components/contracts/parts'
import { useFormat } from '~/components/format'

interface ClaimDocumentsProps {
  contract: { id: number; version: { number: string; signedOn: string; documentId: number | null } }
  acts: { id: number; number: string; signedOn: string; amountKopecks: number; status: string; documentId: number | null }[]
  payments: { id: number; orderNumber: string; paidOn: string; documentId: number | null }[]
  documents: Record<string, DocumentRef>
  required: string[]
  /** The company may attach what is missing on the contract's page. */
  showFixLink: boolean
}

/** The documents a claim rests on, with the ones the programme requires and lacks marked. */
export function ClaimDocuments({ contract, acts, payments, documents, required, showFixLink }: ClaimDocumentsProps) {
  const { t } = useTranslation()
  const { formatDate, formatMoney } = useFormat()
  const missingKey = (kind: string) => (required.includes(kind) ? 'documents.missingRequired' : 'documents.none')
  return (
    <section aria-labelledby="claim-documents">
      <h2 id="claim-documents">{t('claims.documents.title')}</h2>
      <table className="table">
        <tbody>
          <tr>
            <th scope="row">{t('claims.documents.contract', { number: contract.version.number, date: formatDate(contract.version.signedOn) })}</th>
            <td>
              <DocumentLink document={contract.version.documentId ? documents[contract.version.documentId] : null} missingKey={missingKey('contract')} />
            </td>
          </tr>
          {acts
            .filter((a) => a.status !== 'declined')
            .map((a) => (
              <tr key={`act-${a.id}`}>
                <th scope="row">
                  {t('claims.documents.act', { number: a.number, date: formatDate(a.signedOn), amount: formatMoney(a.amountKopecks) })}{' '}
                  <StatusBadge status={a.status} prefix="contracts.recordStatus" />
                </th>
                <td>
                  <DocumentLink document={a.documentId ? documents[a.documentId] : null} missingKey={missingKey('acceptance_act')} />
                </td>
              </tr>
            ))}
          {payments.map((p) => (
            <tr key={`payment-${p.id}`}>
              <th scope="row">{t('claims.documents.paymentOrder', { number: p.orderNumber, date: formatDate(p.paidOn) })}</th>
              <td>
                <DocumentLink document={p.documentId ? documents[p.documentId] : null} missingKey={missingKey('payment_order')} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {showFixLink ? (
        <p className="hint">
          {t('claims.documents.fixHint')} <Link to={`/contracts/${contract.id}`}>{t('claims.documents.toContract')}</Link>
        </p>
      ) : null}
    </section>
  )
}

/** The latest decision, its reason and, once paid, the payment: what the company must see at once. */
export function DecisionPanel({
  claim,
}: {
  claim: { status: string; decisionReason: string | null; decidedAt: string | null; approvedKopecks: number | null; requestedKopecks: number | null; paidOn: string | null; paymentOrderNumber: string | null }
}) {
  const { t } = useTranslation()
  const { formatMoney, formatDate, formatDateTime } = useFormat()
  if (!claim.decidedAt && claim.status !== 'paid') return null
  const tone = claim.status === 'rejected' ? 'notice danger' : claim.status === 'returned' ? 'notice' : 'panel decision'
  return (
    <section className={tone} aria-labelledby="decision-title">
      <h2 id="decision-title">{t(`claims.decision.title.${claim.status}`)}</h2>
      {claim.approvedKopecks !== null ? (
        <p>
          {claim.requestedKopecks !== null && claim.approvedKopecks < claim.requestedKopecks
            ? t('claims.decision.approvedPart', { approved: formatMoney(claim.approvedKopecks), requested: formatMoney(claim.requestedKopecks) })
            : t('claims.decision.approvedFull', { approved: formatMoney(claim.approvedKopecks) })}
        </p>
      ) : null}
      {claim.decisionReason ? <p className="prose">{t('claims.decision.reason', { reason: claim.decisionReason })}</p> : null}
      {claim.decidedAt ? <p className="muted">{t('claims.decision.decidedAt', { date: formatDateTime(claim.decidedAt) })}</p> : null}
      {claim.status === 'paid' ? <p>{t('claims.decision.paid', { date: formatDate(claim.paidOn), order: claim.paymentOrderNumber })}</p> : null}
    </section>
  )
}
