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

/** One i18next instance per request on the server and one per page in the browser. */
export function createI18n(locale: Locale): i18n {
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
