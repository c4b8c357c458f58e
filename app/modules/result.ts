// Domain functions say "no" in their return type, never by throwing: a refusal is an expected
// outcome that the route turns into a status and a message in one place (http/respond.server.ts).

export type Ok<T> = { ok: true; value: T }
export type Refusal<K extends string = string> = {
  ok: false
  error: K
  /** A form field the refusal is about, so the page can show the message next to it. */
  field?: string
  /** Values the message needs, such as the minutes left before another sign-in attempt. */
  params?: Record<string, string | number>
}
export type Result<T, K extends string = string> = Ok<T> | Refusal<K>

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value }
}

export function refuse<K extends string>(error: K, extra: Omit<Refusal<K>, 'ok' | 'error'> = {}): Refusal<K> {
  return { ok: false, error, ...extra }
}

/** The refusals every capability shares; each capability adds its own kinds, which map to 409. */
export const commonRefusalStatus: Record<string, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  too_many_attempts: 429,
}
