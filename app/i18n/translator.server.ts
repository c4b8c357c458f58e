import type { TFunction } from 'i18next'
import { createI18n, type Locale } from './index'

const translators = new Map<Locale, TFunction>()

/** A t() for text made outside a page: e-mails, exports, notifications. */
export function translator(locale: Locale): TFunction {
  let t = translators.get(locale)
  if (!t) {
    t = createI18n(locale).t
    translators.set(locale, t)
  }
  return t
}
