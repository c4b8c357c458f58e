import { useRevalidator } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

const POLL_MS = 700

/**
 * While a record's proposals are being computed in the background: says so, and polls `stateUrl`
 * (a small resource route) until they are there, then reloads the page's data. Without JavaScript
 * the line asks for a reload instead.
 */
export function PendingProposals({ pending, stateUrl, label }: { pending: boolean; stateUrl: string; label: string }) {
  const { t } = useTranslation()
  const revalidator = useRevalidator()
  const revalidate = useRef(revalidator.revalidate)
  revalidate.current = revalidator.revalidate

  useEffect(() => {
    if (!pending) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const poll = async () => {
      try {
        const response = await fetch(stateUrl, { headers: { accept: 'application/json' } })
        const state = response.ok ? ((await response.json()) as { pending: boolean }) : null
        // Polling goes on until the page's own data says done: a change may have come meanwhile.
        if (state && !state.pending && !stopped) revalidate.current()
      } catch {
        // The network failed for a moment: the next poll tries again.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS)
    }
    timer = setTimeout(poll, POLL_MS)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [pending, stateUrl])

  if (!pending) return null
  return (
    <p className="pending-proposals" aria-live="polite">
      <span>{label}</span>
      <noscript> {t('match.pendingReload')}</noscript>
    </p>
  )
}
