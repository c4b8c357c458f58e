import { REGION_TIME_ZONE } from '../format/dates'
import { dateTimeFormat } from '../format/intl'

/** Today's date (YYYY-MM-DD) in the region: claim windows open and close by the region's calendar. */
export function regionToday(now: Date = new Date()): string {
  return dateTimeFormat('en-CA', { timeZone: REGION_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** Inclusive at both ends: a date on the first or the last day is inside. */
export function isWithin(date: string, from: string, to: string): boolean {
  return from <= date && date <= to
}
