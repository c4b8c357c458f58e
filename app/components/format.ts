import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime } from '~/modules/format/dates'
import { formatMoney, formatShare } from '~/modules/format/money'
import { numberFormat } from '~/modules/format/intl'

/** Formatters bound to the page's language. */
export function useFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en' : 'ru'
  return {
    locale,
    formatDate: (iso: string | null | undefined) => formatDate(iso, locale),
    formatDateTime: (iso: string | null | undefined) => formatDateTime(iso, locale),
    formatMoney: (kopecks: number, options?: { wholeRoubles?: boolean }) => formatMoney(kopecks, locale, options),
    formatShare: (bp: number) => formatShare(bp, locale),
    formatNumber: (n: number) => numberFormat(locale === 'en' ? 'en-US' : 'ru-RU').format(n),
  } as const
}
