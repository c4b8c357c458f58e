import { unbreakable } from './dates'
import { numberFormat } from './intl'

// Money is an integer number of kopecks; shares are basis points (1 % = 100 bp). No float ever
// holds an amount: conversions go through strings and integer arithmetic.

export type Kopecks = number & { readonly __brand: 'kopecks' }
export type BasisPoints = number & { readonly __brand: 'basisPoints' }

export function kopecks(value: number): Kopecks {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of kopecks: ${value}`)
  return value as Kopecks
}

export function basisPoints(value: number): BasisPoints {
  if (!Number.isSafeInteger(value) || value < 0 || value > 10_000) throw new RangeError(`not a share in basis points: ${value}`)
  return value as BasisPoints
}

/** "1234567.89" for 123456789 kopecks: the exact decimal, as a string. */
export function kopecksToDecimal(amount: Kopecks): string {
  const sign = amount < 0 ? '-' : ''
  const abs = Math.abs(amount)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * Reads an amount in roubles as a person types it ("1 234 567,89", "1234567.5", "1,500,000.50",
 * "100") into kopecks; null when it is not an amount (letters, more than two decimals, empty).
 */
export function parseRoubles(input: string): Kopecks | null {
  // A currency sign may stand at either end; spaces may only group thousands. Commas group them as
  // English writes them ("1,500,000", then a point for kopecks): a comma before three digits can only
  // be that, since kopecks take two.
  const bare = input.trim().replace(/^(₽|RUB)\s*|\s*(₽|руб\.?|рублей|RUB)$/gi, '')
  const match =
    /^(-?)(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d{1,13})(?:[.,](\d{1,2}))?$/.exec(bare) ?? /^(-?)(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/.exec(bare)
  if (!match) return null
  const [, sign, whole, fraction = ''] = match
  const digits = whole.replace(/\D/g, '')
  if (digits.length > 13) return null
  const value = Number(digits) * 100 + Number(fraction.padEnd(2, '0'))
  return kopecks(sign ? -value : value)
}

/** 1 234 567,89 ₽ in Russian, RUB 1,234,567.89 in English. */
export function formatMoney(amount: Kopecks | number, locale: 'ru' | 'en', options: { wholeRoubles?: boolean } = {}): string {
  const digits = options.wholeRoubles ? 0 : 2
  const format = numberFormat(locale === 'en' ? 'en-US' : 'ru-RU', {
    style: 'currency',
    currency: 'RUB',
    currencyDisplay: locale === 'en' ? 'code' : 'symbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
  // Intl takes the exact decimal string, so no float rounding touches the kopecks.
  return unbreakable(format.format(kopecksToDecimal(amount as Kopecks) as unknown as number))
}

export function formatShare(share: BasisPoints | number, locale: 'ru' | 'en'): string {
  return numberFormat(locale === 'en' ? 'en-US' : 'ru-RU', { style: 'percent', maximumFractionDigits: 2 }).format(share / 10_000)
}
