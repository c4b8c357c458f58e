import type { ReactNode } from 'react'

/**
 * A wide table scrolls in its own region on a phone rather than widening the page. The region takes
 * focus, so it scrolls from the keyboard too, and is named after what it holds.
 */
export function TableScroll({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  )
}
