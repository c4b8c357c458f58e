import { useTranslation } from 'react-i18next'
import type { ComputationStep } from '~/modules/claims/eligible-amount'
import type { Violation } from '~/modules/claims/rules'
import { useFormat } from '~/components/format'
import { TableScroll } from '~/components/table-scroll'
import { RuleSentence } from './eligibility'
import { numberFormat } from '~/modules/format/intl'

/** "50000.5" kopecks as an exact decimal of roubles, "500.005", to show what rounding down cut off. */
function exactRoubles(exactKopecks: string): string {
  const [whole, fraction = ''] = exactKopecks.split('.')
  const kopecks = BigInt(whole)
  return `${kopecks / 100n}.${String(kopecks % 100n).padStart(2, '0')}${fraction}`
}

/** The eligible amount spelled out step by step, as the programme's rules compute it. */
export function ComputationTable({ steps, resultKopecks }: { steps: ComputationStep[]; resultKopecks: number }) {
  const { t } = useTranslation()
  const { formatMoney, formatShare, locale } = useFormat()
  const exact = (k: string) =>
    numberFormat(locale === 'en' ? 'en-US' : 'ru-RU', { style: 'currency', currency: 'RUB', currencyDisplay: locale === 'en' ? 'code' : 'symbol', minimumFractionDigits: 2, maximumFractionDigits: 6 }).format(
      exactRoubles(k) as unknown as number,
    )
  const describe = (step: ComputationStep): string => {
    switch (step.rule) {
      case 'eligible_paid': {
        const base = t('claims.computation.eligiblePaid', { count: step.eligibleCount, total: step.totalCount })
        const category = step.category ? `${t(`claims.category.${step.category}`)}: ` : ''
        const vat =
          step.vatBase === 'without_vat' && step.vatKopecks
            ? ` ${t('claims.computation.withoutVat', { gross: formatMoney(step.grossKopecks ?? 0), vat: formatMoney(step.vatKopecks) })}`
            : ''
        const exempt = step.exemptKopecks ? ` ${t('claims.computation.vatExempt', { amount: formatMoney(step.exemptKopecks) })}` : ''
        return `${category}${base}${vat}${exempt}`
      }
      case 'category_cap':
        return t(step.applied ? 'claims.computation.categoryCapApplied' : 'claims.computation.categoryCap', { category: t(`claims.category.${step.category}`), limit: formatMoney(step.limitKopecks) })
      case 'category_not_compensated':
        return t('claims.computation.categoryNotCompensated', { category: t(`claims.category.${step.category}`), amount: formatMoney(step.grossKopecks) })
      case 'categories_total':
        return t('claims.computation.categoriesTotal')
      case 'share':
        return step.exactKopecks.includes('.')
          ? t('claims.computation.shareRounded', { share: formatShare(step.shareBp), exact: exact(step.exactKopecks) })
          : t('claims.computation.share', { share: formatShare(step.shareBp) })
      case 'cap_per_claim':
        return t(step.applied ? 'claims.computation.capPerClaimApplied' : 'claims.computation.capPerClaim', { limit: formatMoney(step.limitKopecks) })
      case 'cap_per_company':
        return t(step.applied ? 'claims.computation.capPerCompanyApplied' : 'claims.computation.capPerCompany', {
          cap: formatMoney(step.capKopecks ?? 0),
          committed: formatMoney(step.committedKopecks ?? 0),
          limit: formatMoney(step.limitKopecks),
        })
      case 'budget':
        return t(step.applied ? 'claims.computation.budgetApplied' : 'claims.computation.budget', { limit: formatMoney(step.limitKopecks) })
    }
  }
  return (
    // On a phone the amounts, which never break, scroll in their own region rather than widening the page.
    <TableScroll label={t('claims.computation.title')}>
      <table className="table computation">
        <caption className="visually-hidden">{t('claims.computation.title')}</caption>
        <tbody>
          {steps.map((step, index) => (
            <tr key={index} className={'applied' in step && step.applied ? 'applied' : undefined}>
              <td>{index + 1}.</td>
              <td>{describe(step)}</td>
              <td className="num">{formatMoney(step.amountKopecks)}</td>
            </tr>
          ))}
          <tr className="result">
            <td />
            <td>{t('claims.computation.result')}</td>
            <td className="num">{formatMoney(resultKopecks)}</td>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  )
}

/** Every rule the claim breaks, in words; a claim is submitted only when this list is empty. */
export function ViolationList({ violations }: { violations: Violation[] }) {
  const { t } = useTranslation()
  if (violations.length === 0) return null
  return (
    <div role="alert">
      <p>
        <strong>{t('claims.violations.title', { count: violations.length })}</strong>
      </p>
      <ul className="violations">
        {violations.map((v, i) => (
          <li key={`${v.rule}-${i}`}>
            <RuleSentence violation={v} />
          </li>
        ))}
      </ul>
    </div>
  )
}
