import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import type { ClaimSelection } from '~/modules/selection/queries.server'
import { formatScore } from '~/modules/selection/score'

/**
 * Where a claim stands in its programme's competitive round: waiting, or the result and why. The
 * administration's page also links to the round, where the claim is scored and decided.
 */
export function SelectionResult({ selection, roundUrl }: { selection: ClaimSelection | null; roundUrl?: string }) {
  const { t, i18n } = useTranslation()
  const { formatDate } = useFormat()
  if (!selection) return null
  const text =
    selection.state === 'pending'
      ? t('selection.claim.pending', { deadline: formatDate(`${selection.deadline}T12:00:00Z`) })
      : t(`selection.claim.${selection.outcome}`, {
          rank: selection.rank,
          count: selection.applicationCount,
          score: selection.scoreHundredths === null ? '' : formatScore(selection.scoreHundredths, i18n.language === 'en' ? 'en' : 'ru'),
        })
  return (
    <section className="panel" aria-labelledby="selection-title">
      <h2 id="selection-title">{t('selection.claim.title')}</h2>
      <p>{text}</p>
      {roundUrl ? (
        <p>
          <Link to={roundUrl}>{t('selection.link')}</Link>
        </p>
      ) : null}
    </section>
  )
}
