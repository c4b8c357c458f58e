import { isRouteErrorResponse } from '@remix-run/react'

/**
 * How an error that reached Remix's handleError is logged: a refusal Remix answers itself (405 for a
 * POST to a page without an action, 404, …) is the client's mistake, logged as such with its
 * status; anything else is the server's, logged as an error with its message and stack.
 */
export function describeServerError(error: unknown): { level: 'info' | 'error'; error: { status?: number; message: string; stack?: string } } {
  if (isRouteErrorResponse(error)) return { level: 'info', error: { status: error.status, message: error.statusText || String(error.status) } }
  if (error instanceof Error) return { level: 'error', error: { message: error.message, stack: error.stack } }
  let message: string
  try {
    message = JSON.stringify(error) ?? String(error)
  } catch {
    message = String(error)
  }
  return { level: 'error', error: { message } }
}
