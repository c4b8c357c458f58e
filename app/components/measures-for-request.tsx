import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { MeasuresForRequest as MeasuresForRequestData } from '~/modules/measures/for-request.server'
import { useFormat } from './format'
import { DemoBadge, keyReasons, ReasonList, useAmountRange, VerdictBadge } from './measures'

/**
 * The support measures that may fund a request, for its page: pass it what measuresForRequest()
 * returned (through the loader's JSON). Renders nothing for null.
 */
export function MeasuresForRequest({ data }: { data: MeasuresForRequestData | null }) {
  const { t } = useTranslation()
  const { formatDate } = useFormat()
  const amountRange = useAmountRange()
  if (!data) return null
  return (
    <section className="measures-for-request" aria-labelledby="measures-for-request-title">
      <h2 id="measures-for-request-title">{t('measures.forRequest.title')}</h2>
      <p className="hint">{t('measures.forRequest.lead')}</p>
      {data.items.length === 0 ? (
        <p className="empty">{t('measures.forRequest.none')}</p>
      ) : (
        <>
          <p className="muted">{t('measures.forRequest.counts', { fits: data.counts.fits, may: data.counts.may_fit })}</p>
          <ul className="list">
            {data.items.map(({ measure, eligibility }) => (
              <li key={measure.id}>
                <Link to={`/measures/${measure.id}?${data.navigatorQuery}`}>{measure.title}</Link> <VerdictBadge verdict={eligibility.verdict} />
                {measure.isDemo ? <DemoBadge /> : null}
                <p className="hint">
                  {[
                    measure.provider,
                    t(`measures.kind.${measure.kind}`),
                    measure.amountMinKopecks !== null || measure.amountMaxKopecks !== null ? amountRange(measure.amountMinKopecks, measure.amountMaxKopecks) : null,
                    measure.deadline ? `${t('measures.fields.deadline')} ${formatDate(`${measure.deadline}T12:00:00Z`)}` : t('measures.openEnded'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <ReasonList reasons={keyReasons(eligibility, 2)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={`/measures?${data.navigatorQuery}`}>{t('measures.forRequest.all')}</Link>
      </p>
    </section>
  )
}
