import type { DocumentMimeType } from '#db/schema/contract-values'

// What a file is, decided from its first bytes ("magic numbers"), never from its name or the type
// the browser declared: a renamed program or archive must not pass for a scan.

export type Sniffed =
  | { ok: true; mime: DocumentMimeType; label: string; extensions: readonly string[] }
  | { ok: false; /** What the content looks like, for the refusal's wording. */ actual: 'executable' | 'archive' | 'office' | 'html' | 'image' | 'unknown' }

const accepted: { mime: DocumentMimeType; label: string; extensions: readonly string[]; signatures: number[][] }[] = [
  { mime: 'application/pdf', label: 'PDF', extensions: ['pdf'], signatures: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  { mime: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], signatures: [[0xff, 0xd8, 0xff]] },
  { mime: 'image/png', label: 'PNG', extensions: ['png'], signatures: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  {
    mime: 'image/tiff',
    label: 'TIFF',
    extensions: ['tif', 'tiff'],
    signatures: [
      [0x49, 0x49, 0x2a, 0x00],
      [0x4d, 0x4d, 0x00, 0x2a],
    ],
  },
]

// Recognised only to say precisely why a file is refused.
const refused: { actual: Exclude<Extract<Sniffed, { ok: false }>['actual'], 'unknown'>; signatures: number[][] }[] = [
  { actual: 'executable', signatures: [[0x4d, 0x5a], [0x7f, 0x45, 0x4c, 0x46], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe], [0x23, 0x21]] },
  { actual: 'archive', signatures: [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0x52, 0x61, 0x72, 0x21], [0x37, 0x7a, 0xbc, 0xaf], [0x1f, 0x8b]] },
  { actual: 'office', signatures: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]] },
  { actual: 'image', signatures: [[0x47, 0x49, 0x46, 0x38], [0x42, 0x4d], [0x52, 0x49, 0x46, 0x46]] },
]

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)
}

export function sniffDocument(bytes: Uint8Array): Sniffed {
  for (const type of accepted) {
    if (type.signatures.some((s) => startsWith(bytes, s))) return { ok: true, mime: type.mime, label: type.label, extensions: type.extensions }
  }
  for (const type of refused) {
    if (type.signatures.some((s) => startsWith(bytes, s))) return { ok: false, actual: type.actual }
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase()
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<script') || head.startsWith('<svg')) return { ok: false, actual: 'html' }
  return { ok: false, actual: 'unknown' }
}

export function extensionOf(name: string): string | null {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name)
  return match ? match[1].toLowerCase() : null
}

/** Extensions that name one of the accepted types: a file named so must be that type. */
export const documentExtensions = accepted.flatMap((t) => t.extensions)

/** What the file input offers in the browser's picker; the server decides from the content. */
export const documentAccept = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', ...documentExtensions.map((e) => `.${e}`)].join(',')
