import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import { TableScroll } from '~/components/table-scroll'
import { DocumentLink, type DocumentRef } from './parts'

export interface VersionTerms {
  version: number
  number: string
  signedOn: string
  subject: string
  priceKopecks: number
  vatMode: string
  vatRateBp: number | null
  vatKopecks: number
  startsOn: string
  endsOn: string
  documentId: number | null
  stages: { id: number; number: number; title: string; dueOn: string; amountKopecks: number }[]
}

export function useVatText() {
  const { t } = useTranslation()
  const { formatMoney } = useFormat()
  return (v: Pick<VersionTerms, 'vatMode' | 'vatRateBp' | 'vatKopecks'>) =>
    v.vatMode === 'exempt'
      ? t('contracts.vatExempt')
      : v.vatRateBp !== null
        ? t('contracts.vatAtRate', { amount: formatMoney(v.vatKopecks), rate: v.vatRateBp / 100 })
        : formatMoney(v.vatKopecks)
}

/** The terms of one version: the facts and the stages with what was accepted of each. */
export function TermsFacts({ terms, documents, acceptedByStage }: { terms: VersionTerms; documents: Record<string, DocumentRef>; acceptedByStage?: Record<string, number> }) {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const vat = useVatText()
  return (
    <>
      <dl className="facts">
        <dt>{t('contracts.fields.subject')}</dt>
        <dd>{terms.subject}</dd>
        <dt>{t('contracts.fields.price')}</dt>
        <dd>{formatMoney(terms.priceKopecks)}</dd>
        <dt>{t('contracts.fields.vat')}</dt>
        <dd>{vat(terms)}</dd>
        <dt>{t('contracts.term')}</dt>
        <dd>{t('contracts.termRange', { from: formatDate(terms.startsOn), to: formatDate(terms.endsOn) })}</dd>
        <dt>{t('contracts.fields.contractDocument')}</dt>
        <dd>
          <DocumentLink document={terms.documentId ? documents[terms.documentId] : null} />
        </dd>
      </dl>
      <TableScroll label={t('contracts.form.stages')}>
        <table className="table">
          <caption className="visually-hidden">{t('contracts.form.stages')}</caption>
          <thead>
            <tr>
              <th scope="col">№</th>
              <th scope="col">{t('contracts.fields.stageTitle')}</th>
              <th scope="col">{t('contracts.fields.dueOn')}</th>
              <th scope="col" className="num">
                {t('contracts.fields.stageAmount')}
              </th>
              {acceptedByStage ? (
                <th scope="col" className="num">
                  {t('contracts.accepted')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {terms.stages.map((s) => (
              <tr key={s.id}>
                <td>{s.number}</td>
                <td>{s.title}</td>
                <td>{formatDate(s.dueOn)}</td>
                <td className="num">{formatMoney(s.amountKopecks)}</td>
                {acceptedByStage ? <td className="num">{formatMoney(acceptedByStage[s.number] ?? 0)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  )
}

/** What an amendment changes, field by field, so the other party confirms knowingly. */
export function TermsDiff({ before, after }: { before: VersionTerms; after: VersionTerms }) {
  const { t } = useTranslation()
  const { formatMoney, formatDate } = useFormat()
  const vat = useVatText()
  const stagesText = (v: VersionTerms) => v.stages.map((s) => `${s.number}. ${s.title} — ${formatDate(s.dueOn)}, ${formatMoney(s.amountKopecks)}`).join('\n')
  const rows: [string, string, string][] = [
    [t('contracts.fields.number'), before.number, after.number],
    [t('contracts.fields.signedOn'), formatDate(before.signedOn), formatDate(after.signedOn)],
    [t('contracts.fields.subject'), before.subject, after.subject],
    [t('contracts.fields.price'), formatMoney(before.priceKopecks), formatMoney(after.priceKopecks)],
    [t('contracts.fields.vat'), vat(before), vat(after)],
    [t('contracts.fields.startsOn'), formatDate(before.startsOn), formatDate(after.startsOn)],
    [t('contracts.fields.endsOn'), formatDate(before.endsOn), formatDate(after.endsOn)],
    [t('contracts.form.stages'), stagesText(before), stagesText(after)],
  ]
  const changed = rows.filter(([, a, b]) => a !== b)
  if (changed.length === 0) return <p className="muted">{t('contracts.noChanges')}</p>
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('contracts.diff.field')}</th>
          <th scope="col">{t('contracts.diff.before')}</th>
          <th scope="col">{t('contracts.diff.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changed.map(([label, a, b]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="prose">{a}</td>
            <td className="prose">
              <strong>{b}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
