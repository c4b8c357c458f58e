import { Link, useSearchParams } from '@remix-run/react'

/**
 * Tabs that filter a list by its status: an "all" tab (when there is one) and a tab per status, with
 * counts when known. A tab keeps the page's other filters and goes back to the first page.
 */
export function StatusTabs<Status extends string>({
  label,
  statuses,
  current,
  labelOf,
  counts,
  all,
  param = 'status',
}: {
  label: string
  statuses: readonly Status[]
  current: Status | null
  labelOf: (status: Status) => string
  counts?: Partial<Record<Status, number>>
  /** The "all" tab: its label, its count, and the parameter value it sets (none: the parameter is dropped). */
  all?: { label: string; count?: number; value?: string }
  param?: string
}) {
  const [searchParams] = useSearchParams()
  const href = (value: string | null) => {
    const params = new URLSearchParams(searchParams)
    if (value) params.set(param, value)
    else params.delete(param)
    params.delete('page')
    return `?${params}`
  }
  const withCount = (text: string, count: number | undefined) => (count === undefined ? text : `${text} (${count})`)
  return (
    <nav className="tabs" aria-label={label}>
      {all ? (
        <Link to={href(all.value ?? null)} aria-current={current === null ? 'page' : undefined}>
          {withCount(all.label, all.count)}
        </Link>
      ) : null}
      {statuses.map((s) => (
        <Link key={s} to={href(s)} aria-current={s === current ? 'page' : undefined}>
          {withCount(labelOf(s), counts ? (counts[s] ?? 0) : undefined)}
        </Link>
      ))}
    </nav>
  )
}
