import { numberFormat } from './intl'

/** A share in basis points as a whole percentage, the way each language writes it: "11 %" in Russian, "11%" in English. */
export function formatShare(basisPoints: number, locale: 'ru' | 'en'): string {
  return numberFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { style: 'percent', maximumFractionDigits: 0 }).format(basisPoints / 10_000)
}
