import { REGION_TIME_ZONE } from '../calendar/calendar'
import { dateTimeFormat } from './intl'

// Dates are stored as ISO UTC strings and shown in the region's time zone.

export function formatDate(iso: string | null | undefined, locale: 'ru' | 'en', timeZone = REGION_TIME_ZONE): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return '—'
  return unbreakable(dateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'medium', timeZone }).format(date))
}

/** A date or an amount is read as one word: its spaces never let a line break inside it ("2027 / г."). */
export function unbreakable(text: string): string {
  return text.replace(/\s/g, '\u00a0')
}

export function formatDateTime(iso: string | null | undefined, locale: 'ru' | 'en', timeZone = REGION_TIME_ZONE): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return '—'
  return unbreakable(dateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date))
}
