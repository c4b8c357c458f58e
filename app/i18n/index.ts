import { createInstance, type i18n } from 'i18next'
import en from './en'
import ru from './ru'

export const locales = ['ru', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'ru'

export const resources = { ru: { translation: ru }, en: { translation: en } } as const

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/**
 * The i18next instance for a locale. Nothing changes an instance's language or resources after it
 * is made, so the server shares one per locale between requests instead of building one for every
 * page (building it was a visible share of each page's time); the browser makes one per page.
 */
export function createI18n(locale: Locale): i18n {
  if (typeof document !== 'undefined') return newInstance(locale)
  let instance = serverInstances.get(locale)
  if (!instance) {
    instance = newInstance(locale)
    serverInstances.set(locale, instance)
  }
  return instance
}

const serverInstances = new Map<Locale, i18n>()

function newInstance(locale: Locale): i18n {
  const instance = createInstance()
  void instance.init({
    lng: locale,
    fallbackLng: defaultLocale,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  })
  return instance
}
