// What a request body may be, decided before any route reads it: every action takes an HTML form
// (urlencoded, or multipart where files are sent), so any other body is refused with the status
// that names the problem instead of failing inside the action with a 500.

/** A form without files is small: the longest text fields together stay far below this. */
export const MAX_FORM_BYTES = 1024 * 1024

/**
 * A refused body up to this size is read and thrown away before the answer, so that the sender sees
 * the answer instead of a broken connection; a larger one is not read at all: the connection closes.
 */
export const MAX_DRAINED_REFUSED_BYTES = 64 * 1024 * 1024

// The pages whose forms carry files (they read them with readUploadForm, which keeps each file
// within the document limit). tests/unit/body-guard.test.ts checks this list against the routes.
const UPLOAD_PATHS = [/^\/claims\/[^/]+$/, /^\/engagements\/[^/]+$/, /^\/contracts\/new$/, /^\/contracts\/[^/]+$/, /^\/contracts\/[^/]+\/amend$/]

export function acceptsFiles(path: string): boolean {
  return UPLOAD_PATHS.some((pattern) => pattern.test(path))
}

export interface BodyHead {
  method: string
  path: string
  contentType: string | undefined
  contentLength: string | undefined
  transferEncoding: string | undefined
}

export type BodyRefusal = { status: 400 | 411 | 413 | 415; message: string }

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function bodyRefusal(head: BodyHead): BodyRefusal | null {
  if (BODYLESS.has(head.method)) return null
  const type = (head.contentType ?? '').split(';')[0].trim().toLowerCase()
  const declared = head.contentLength === undefined ? null : Number(head.contentLength)
  const empty = declared === 0 || (declared === null && !head.transferEncoding)
  if (empty && !type) return null
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
    return { status: 415, message: '415 — ожидается отправка формы / a form submission is expected' }
  }
  if (type === 'multipart/form-data' && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(head.contentType ?? '')) {
    return { status: 400, message: '400 — форма без границы частей (boundary) / multipart form without a boundary' }
  }
  if (type === 'multipart/form-data' && acceptsFiles(head.path)) return null
  if (declared === null) return { status: 411, message: '411 — укажите длину формы (Content-Length) / a form must declare its length' }
  if (!Number.isFinite(declared) || declared > MAX_FORM_BYTES) return { status: 413, message: '413 — форма слишком велика / the form is too large' }
  return null
}
