import type { SubmissionResult } from '@conform-to/react'
import { json } from '@remix-run/node'
import { commonRefusalStatus, type Refusal, type Result } from '../result'
import { forbidden, notFound } from './guards.server'
import { redirectWithToast, type Toast } from './toast.server'

/** The one place a refusal becomes an HTTP status: 400 invalid, 403, 404, 429, other refusals 409. */
export function statusOf(refusal: Refusal): number {
  // A file that is not what it must be is bad input, like a bad field.
  if (refusal.error.startsWith('document_')) return 400
  if (refusal.error === 'score_out_of_scale') return 400
  return commonRefusalStatus[refusal.error] ?? 409
}

/**
 * Answers a form action: on success a redirect with a toast; on a refusal the form comes back with
 * the message next to its field (or above the form), every typed value kept.
 */
export async function respondToForm<T>(
  submission: { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }): SubmissionResult<string[]> },
  result: Result<T>,
  success: { redirectTo: string | ((value: T) => string); toast: Toast | ((value: T) => Toast); headers?: HeadersInit },
  options: { hideFields?: string[] } = {},
) {
  if (result.ok) {
    const to = typeof success.redirectTo === 'function' ? success.redirectTo(result.value) : success.redirectTo
    const toast = typeof success.toast === 'function' ? success.toast(result.value) : success.toast
    return redirectWithToast(to, toast, { headers: success.headers })
  }
  if (result.error === 'forbidden') forbidden()
  if (result.error === 'not_found') notFound()
  const message = refusalMessage(result)
  const reply = result.field
    ? submission.reply({ fieldErrors: { [result.field]: [message] }, hideFields: options.hideFields })
    : submission.reply({ formErrors: [message], hideFields: options.hideFields })
  return json(reply, { status: statusOf(result) })
}

/** A refusal as a dictionary key with its parameters, the format the form components translate. */
export function refusalMessage(refusal: Refusal): string {
  const params = refusal.params ? `:${JSON.stringify(refusal.params)}` : ''
  return `errors.${refusal.error}${params}`
}

/**
 * A loader's domain result: its value, or the HTTP answer to its refusal, thrown to the error
 * boundary (the loader's counterpart of respondToForm). On the page of one object (`conceal`), an
 * object one may not see answers 404 like one that does not exist, so the page never tells which.
 */
export function loaderValue<T>(result: Result<T>, options: { conceal?: boolean } = {}): T {
  if (result.ok) return result.value
  if (result.error === 'not_found' || (options.conceal && result.error === 'forbidden')) notFound()
  if (result.error === 'forbidden') forbidden()
  throw json({ error: result.error }, { status: statusOf(result) })
}
