import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { conflictRules } from '~/modules/measures/for-contract'
import type { MeasuresForContract as MeasuresForContractData } from '~/modules/measures/for-contract.server'
import { useFormat } from './format'
import { DemoBadge, keyReasons, ReasonList, useAmountRange, VerdictBadge } from './measures'

/**
 * The support measures that could fund a contract, with a warning on each that cannot be combined
 * with another over the same costs. Pass what measuresForContract() returned; renders nothing for null.
 */
export function MeasuresForContract({ data }: { data: MeasuresForContractData | null }) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const amountRange = useAmountRange()
  if (!data) return null
  return (
    <section className="measures-for-contract" aria-labelledby="measures-for-contract-title">
      <h2 id="measures-for-contract-title">{t('measures.forContract.title')}</h2>
      <p className="hint">{t('measures.forContract.lead')}</p>
      {data.items.length === 0 ? (
        <p className="empty">{t('measures.forContract.none')}</p>
      ) : (
        <>
          {data.conflicted > 0 ? <p className="notice">{t('measures.forContract.stackingNotice')}</p> : null}
          <ul className="list">
            {data.items.map(({ measure, eligibility, conflicts }) => (
              <li key={measure.id}>
                <Link to={`/measures/${measure.id}`}>{measure.title}</Link> <VerdictBadge verdict={eligibility.verdict} />
                {measure.isDemo ? <DemoBadge /> : null}
                <p className="hint">
                  {[
                    measure.provider,
                    t(`measures.kind.${measure.kind}`),
                    measure.amountMinKopecks !== null || measure.amountMaxKopecks !== null
                      ? `${amountRange(measure.amountMinKopecks, measure.amountMaxKopecks)}${measure.maxYears !== null ? ` ${t('measures.perYear', { count: measure.maxYears })}` : ''}`
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <ReasonList reasons={keyReasons(eligibility, 3)} />
                {conflicts.length ? (
                  <ul className="stacking-warnings" aria-label={t('measures.forContract.conflictsLabel')}>
                    {conflictRules
                      .map((rule) => ({ rule, titles: conflicts.filter((c) => c.rule === rule).map((c) => t('measures.forContract.quoted', { title: c.title })) }))
                      .filter(({ titles }) => titles.length > 0)
                      .map(({ rule, titles }) => (
                        <li key={rule}>{t(`measures.forContract.conflict.${rule}`, { titles: new Intl.ListFormat(locale, { type: 'conjunction' }).format(titles) })}</li>
                      ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/measures">{t('measures.forRequest.all')}</Link>
      </p>
    </section>
  )
}
