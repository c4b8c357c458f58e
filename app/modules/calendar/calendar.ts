import { dateTimeFormat } from '../format/intl'

// One calendar for the whole platform: the region's. "Today", deadlines, claim windows and every date
// rule are read in Asia/Tomsk, never in UTC or the server's zone: between 00:00 and 07:00 in Tomsk
// the UTC date is still yesterday. Dates are calendar days written YYYY-MM-DD.

export const REGION_TIME_ZONE = 'Asia/Tomsk'

/** Today's date (YYYY-MM-DD) in the region. */
export function regionToday(now: Date = new Date()): string {
  return dateTimeFormat('en-CA', { timeZone: REGION_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** A calendar day that exists, written YYYY-MM-DD: 2027-02-28 is one, 2027-02-31 and 2027-2-3 are not. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** Inclusive at both ends: a date on the first or the last day is inside. */
export function isWithin(date: string, from: string, to: string): boolean {
  return from <= date && date <= to
}

/** The region's date of a moment stored as an ISO UTC string: 2027-03-09T18:30Z is the 10th in Tomsk. */
export function regionDateOf(instant: string): string {
  return regionToday(new Date(instant))
}

/** The region's current year. */
export function regionYear(now: Date = new Date()): number {
  return Number(regionToday(now).slice(0, 4))
}

/** The first day of the region's current year. */
export function regionYearStart(now: Date = new Date()): string {
  return `${regionYear(now)}-01-01`
}
