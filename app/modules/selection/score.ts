import { numberFormat } from '../format/intl'

/** A weighted mean kept as hundredths, shown with two decimals in the reader's language: 7,25 / 7.25. */
export function formatScore(hundredths: number, locale: 'ru' | 'en'): string {
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(hundredths / 100)
}
