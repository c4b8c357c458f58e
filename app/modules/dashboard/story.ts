// Pure arithmetic of the dashboard's story: the funnel's conversions, times as distributions, and
// the periods the trends are drawn over. No database here, so the rules are tested on their own.

/** The steps a request goes through on the platform, in order. */
export const funnelSteps = ['requests', 'proposals', 'engagements', 'agreements', 'contracts', 'claims', 'paid'] as const
export type FunnelStep = (typeof funnelSteps)[number]

export type FunnelCounts = Record<FunnelStep, number>

export interface FunnelStage {
  step: FunnelStep
  count: number
  /** Share of the previous step that reached this one, in basis points; null for the first step or after an empty one. */
  fromPreviousBp: number | null
  /** Share of all requests that reached this step, in basis points; null when no request was posted. */
  fromStartBp: number | null
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part * 10_000) / whole) : null)

export function funnelOf(counts: FunnelCounts): FunnelStage[] {
  return funnelSteps.map((step, i) => ({
    step,
    count: counts[step],
    fromPreviousBp: i === 0 ? null : share(counts[step], counts[funnelSteps[i - 1]]),
    fromStartBp: share(counts[step], counts.requests),
  }))
}

export interface Bucket {
  /** The first and last day the bucket holds; `to` is null for the open last bucket. */
  from: number
  to: number | null
  count: number
}

/**
 * Days sorted into buckets bounded by `edges` (the first day of each bucket). A time is never
 * negative: a negative one is counted apart, as work agreed before the request was posted.
 */
export function distributionOf(days: number[], edges: number[]): { buckets: Bucket[]; before: number; median: number | null } {
  const onPlatform = days.filter((d) => d >= 0)
  const buckets = edges.map((from, i) => ({ from, to: i + 1 < edges.length ? edges[i + 1] - 1 : null, count: 0 }))
  for (const d of onPlatform) {
    const whole = Math.floor(d)
    const bucket = buckets.find((b) => whole >= b.from && (b.to === null || whole <= b.to))
    if (bucket) bucket.count++
  }
  return { buckets, before: days.length - onPlatform.length, median: median(onPlatform) }
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const value = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return Math.round(value * 10) / 10
}

/** The months of a period, as "YYYY-MM", first to last. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = from.slice(0, 7).split('-').map(Number)
  const last = to.slice(0, 7)
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    if (key > last) return months
    months.push(key)
    month++
    if (month > 12) {
      month = 1
      year++
    }
  }
}

/** The calendar quarter of a date or month, as "YYYY-Qn". */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
}

export type ShareTrend = 'grows' | 'falls' | 'steady' | 'unknown'

/**
 * Whether a share grows across the quarters that have any contract: the last such quarter against
 * the first, with a margin of five percentage points so that one contract's noise is not a trend.
 */
export function trendOf(sharesBp: (number | null)[]): ShareTrend {
  const known = sharesBp.filter((s): s is number => s !== null)
  if (known.length < 2) return 'unknown'
  const change = known[known.length - 1] - known[0]
  return change > 500 ? 'grows' : change < -500 ? 'falls' : 'steady'
}
