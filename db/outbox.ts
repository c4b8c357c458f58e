// The retry policy every outbox shares: search sync, e-mail and proposal refresh. A row that fails is
// tried again after 1 s, 2 s, 4 s … up to 15 minutes apart, so a short outage costs a few retries and
// a long one does not hammer the service. After DEAD_LETTER_ATTEMPTS failures (about two hours of
// trying) the row is a dead letter: it is no longer tried on its own, /healthz counts it and the
// administration sees it with a button to try again. Nothing is ever dropped.

export const MAX_RETRY_DELAY_MS = 15 * 60_000
export const DEAD_LETTER_ATTEMPTS = 16

/** When a row that has now failed `attempts` times is due again. */
export function nextAttemptAt(attempts: number, now: Date): string {
  const delay = Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS)
  return new Date(now.getTime() + delay).toISOString()
}

/** The error a row keeps for the administration to read. */
export function failureMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
