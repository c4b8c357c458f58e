import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'
import { redirectWithToast } from '../http/toast.server'
import { MAX_DOCUMENT_BYTES } from './limits'
import type { IncomingDocument } from './store.server'

// A file larger than the limit is read to its end and thrown away rather than cut off: a browser
// whose upload is cut off shows "connection reset", not our message. Only beyond this much, which no
// person sends by mistake, does reading stop (a proxy in front should refuse such bodies earlier).
const MAX_DRAINED_BYTES = 512 * 1024 * 1024
const MAX_TEXT_FIELD_BYTES = 256 * 1024

export interface UploadForm {
  formData: FormData
  /** The files of the form by field name; a file input left empty is absent. */
  files: Map<string, IncomingDocument>
  /**
   * Why the form could not be read: far beyond any limit (not read to its end), or not a
   * well-formed multipart body. Null when it was read.
   */
  failure: 'overflow' | 'malformed' | null
}

async function readText(data: AsyncIterable<Uint8Array>, name: string): Promise<string> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of data) {
    size += chunk.byteLength
    if (size > MAX_TEXT_FIELD_BYTES) throw new MaxPartSizeExceededError(name, MAX_TEXT_FIELD_BYTES)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Reads a form that may carry files (multipart/form-data) or not (urlencoded). File bytes are kept
 * in memory up to the document limit; what they are is decided later, from the content.
 */
export async function readUploadForm(request: Request, maxFileBytes = MAX_DOCUMENT_BYTES): Promise<UploadForm> {
  const files = new Map<string, IncomingDocument>()
  const contentType = request.headers.get('Content-Type') ?? ''
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    return { formData: await request.formData(), files, failure: null }
  }
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) return readText(data, name)
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of data) {
      size += chunk.byteLength
      if (size > MAX_DRAINED_BYTES) throw new MaxPartSizeExceededError(name, MAX_DRAINED_BYTES)
      if (size <= maxFileBytes) chunks.push(chunk)
    }
    // An empty file input still sends a part: no name and no bytes. That is "no file", not an empty file.
    if (filename === '' && size === 0) return undefined
    files.set(name, { name: filename || 'document', size, bytes: size <= maxFileBytes ? Buffer.concat(chunks) : null })
    return undefined
  }
  try {
    return { formData: await unstable_parseMultipartFormData(request, handler), files, failure: null }
  } catch (error) {
    // The body is what the client sent, so any failure to read it is the client's: refuse, never a 500.
    const failure = error instanceof MaxPartSizeExceededError ? 'overflow' : 'malformed'
    return { formData: new FormData(), files: new Map(), failure }
  }
}

/**
 * Reads a body to its end and keeps nothing, for a request refused before its form is read: a
 * client still sending when the answer comes sees "connection reset" instead of the answer.
 */
export async function discardBody(request: Request): Promise<void> {
  if (!request.body) return
  let size = 0
  try {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength
      if (size > MAX_DRAINED_BYTES) break
    }
  } catch {
    // The client went away: there is nobody left to answer.
  }
}

/** A form that could not be read at all comes back to its page with a message, never a 500. */
export function uploadFailureResponse(request: Request, failure: 'overflow' | 'malformed'): Promise<Response> {
  const url = new URL(request.url)
  const key = failure === 'overflow' ? 'errors.request_too_large' : 'errors.invalid'
  return redirectWithToast(url.pathname + url.search, { type: 'error', key, params: { max: MAX_DOCUMENT_BYTES / (1024 * 1024) } })
}
