import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'

export interface BudgetFigures {
  totalKopecks: number
  reservedKopecks: number
  paidKopecks: number
  remainingKopecks: number
}

/** Budget, reserved by approvals, paid out, remaining: the four figures always add up. */
export function BudgetPanel({ budget }: { budget: BudgetFigures }) {
  const { t } = useTranslation()
  const { formatMoney } = useFormat()
  const percent = (k: number) => (budget.totalKopecks > 0 ? `${(k / budget.totalKopecks) * 100}%` : '0')
  return (
    <section className="panel" aria-labelledby="budget-title">
      <h2 id="budget-title">{t('programmes.budget.title')}</h2>
      <div className="budget-bar" role="img" aria-label={t('programmes.budget.bar', { remaining: formatMoney(budget.remainingKopecks), total: formatMoney(budget.totalKopecks) })}>
        <span className="paid" style={{ width: percent(budget.paidKopecks) }} />
        <span className="reserved" style={{ width: percent(budget.reservedKopecks) }} />
      </div>
      <dl className="facts">
        <dt>{t('programmes.budget.total')}</dt>
        <dd className="num" style={{ textAlign: 'left' }}>
          {formatMoney(budget.totalKopecks)}
        </dd>
        <dt>{t('programmes.budget.reserved')}</dt>
        <dd>{formatMoney(budget.reservedKopecks)}</dd>
        <dt>{t('programmes.budget.paid')}</dt>
        <dd>{formatMoney(budget.paidKopecks)}</dd>
        <dt>{t('programmes.budget.remaining')}</dt>
        <dd>
          <strong>{formatMoney(budget.remainingKopecks)}</strong>
        </dd>
      </dl>
    </section>
  )
}

export interface ProgrammeRulesView {
  year: number
  shareBp: number
  capPerClaimKopecks: number
  capPerCompanyKopecks: number
  eligibleContractorKinds: string[]
  requiredDocuments: string[]
  documentMaxAgeDays: Partial<Record<string, number>>
  contractsFrom: string
  contractsTo: string
  paymentsFrom: string
  paymentsTo: string
  opensOn: string
  closesOn: string
}

/** The programme's rules in words, as a company reads them before filing a claim. */
export function ProgrammeRules({ programme }: { programme: ProgrammeRulesView }) {
  const { t } = useTranslation()
  const { formatMoney, formatDate, formatShare } = useFormat()
  const range = (from: string, to: string) => t('programmes.range', { from: formatDate(from), to: formatDate(to) })
  return (
    <dl className="facts">
      <dt>{t('programmes.fields.year')}</dt>
      <dd>{programme.year}</dd>
      <dt>{t('programmes.fields.share')}</dt>
      <dd>{formatShare(programme.shareBp)}</dd>
      <dt>{t('programmes.fields.capPerClaim')}</dt>
      <dd>{formatMoney(programme.capPerClaimKopecks)}</dd>
      <dt>{t('programmes.fields.capPerCompany')}</dt>
      <dd>{formatMoney(programme.capPerCompanyKopecks)}</dd>
      <dt>{t('programmes.fields.eligibleContractorKinds')}</dt>
      <dd>{programme.eligibleContractorKinds.map((k) => t(`programmes.contractorKind.${k}`)).join('; ')}</dd>
      <dt>{t('programmes.rules.contracts')}</dt>
      <dd>{range(programme.contractsFrom, programme.contractsTo)}</dd>
      <dt>{t('programmes.rules.payments')}</dt>
      <dd>{range(programme.paymentsFrom, programme.paymentsTo)}</dd>
      <dt>{t('programmes.rules.window')}</dt>
      <dd>{range(programme.opensOn, programme.closesOn)}</dd>
      <dt>{t('programmes.fields.requiredDocuments')}</dt>
      <dd>
        {programme.requiredDocuments.length
          ? programme.requiredDocuments
              .map((k) => {
                const days = programme.documentMaxAgeDays[k]
                return days ? `${t(`programmes.documentKind.${k}`)} (${t('programmes.rules.maxAge', { days })})` : t(`programmes.documentKind.${k}`)
              })
              .join('; ')
          : t('programmes.rules.noDocuments')}
      </dd>
    </dl>
  )
}
