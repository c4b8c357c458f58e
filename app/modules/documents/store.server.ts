import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import type { DocumentMimeType } from '#db/schema/contract-values'
import { documents } from '#db/schema'
import { env } from '~/env.server'
import type { Actor } from '../permissions/actor'
import { ok, refuse, type Result } from '../result'
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_MEGABYTES } from './limits'
import { documentExtensions, extensionOf, sniffDocument } from './sniff'

/** A file as it arrived with a form, before anything is decided about it. */
export interface IncomingDocument {
  /** The name the person's computer gave the file. */
  name: string
  size: number
  /** The content; null when the file was larger than the limit and its bytes were not kept. */
  bytes: Uint8Array | null
}

/** A checked document whose bytes are already on disk, ready to be recorded in a transaction. */
export interface PreparedDocument {
  hash: string
  originalName: string
  mime: DocumentMimeType
  size: number
}

export type DocumentRefusal =
  | 'document_empty'
  | 'document_too_large'
  | 'document_executable'
  | 'document_archive'
  | 'document_office'
  | 'document_html'
  | 'document_type'
  | 'document_name_mismatch'

/** A file name fit to keep and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001F\u007F"]/g, '').trim()
  return (base || 'document').slice(0, 200)
}

/** Decides whether a file may be stored: not empty, not too large, a PDF or scan by its content. */
export function checkDocument(document: IncomingDocument, field = 'document'): Result<{ mime: DocumentMimeType; label: string }, DocumentRefusal> {
  const name = cleanFileName(document.name)
  if (document.size > MAX_DOCUMENT_BYTES || document.bytes === null) {
    return refuse('document_too_large', { field, params: { name, max: MAX_DOCUMENT_MEGABYTES } })
  }
  if (document.size === 0 || document.bytes.length === 0) return refuse('document_empty', { field, params: { name } })
  const sniffed = sniffDocument(document.bytes)
  if (!sniffed.ok) {
    const kind = sniffed.actual === 'unknown' || sniffed.actual === 'image' ? 'document_type' : (`document_${sniffed.actual}` as const)
    return refuse(kind, { field, params: { name } })
  }
  // A name that promises another accepted type is "not what its name says" either.
  const extension = extensionOf(name)
  if (extension && documentExtensions.includes(extension) && !sniffed.extensions.includes(extension)) {
    return refuse('document_name_mismatch', { field, params: { name, named: extension.toUpperCase(), actual: sniffed.label } })
  }
  return ok({ mime: sniffed.mime, label: sniffed.label })
}

export function documentFilePath(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('not a SHA-256 hash')
  return path.resolve(env.UPLOADS_DIR, hash.slice(0, 2), hash)
}

/**
 * Checks a file and puts its bytes on disk under their SHA-256 (once per distinct content). Done
 * before the transaction that records it: a file on disk that no row names is harmless, a row
 * without its file is not.
 */
export function prepareDocument(document: IncomingDocument, field = 'document'): Result<PreparedDocument, DocumentRefusal> {
  const checked = checkDocument(document, field)
  if (!checked.ok) return checked
  const bytes = document.bytes!
  const hash = createHash('sha256').update(bytes).digest('hex')
  const file = documentFilePath(hash)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    // Written aside and renamed, so a reader never sees half a file.
    const temporary = `${file}.${randomBytes(6).toString('hex')}.part`
    fs.writeFileSync(temporary, bytes, { mode: 0o640 })
    fs.renameSync(temporary, file)
  }
  return ok({ hash, originalName: cleanFileName(document.name), mime: checked.value.mime, size: bytes.length })
}

/** Records an upload in the caller's transaction and returns the document's id. */
export function insertDocument(tx: DbOrTx, actor: Actor, prepared: PreparedDocument): number {
  return tx
    .insert(documents)
    .values({ ...prepared, uploadedBy: actor.userId, organisationId: actor.organisationId })
    .returning({ id: documents.id })
    .get().id
}

export type DocumentSummary = { id: number; originalName: string; mime: DocumentMimeType; size: number; createdAt: string }

/** Names and sizes of documents for a page, by id. */
export function documentSummaries(tx: DbOrTx, ids: (number | null | undefined)[]): Map<number, DocumentSummary> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))]
  if (wanted.length === 0) return new Map()
  const rows = tx
    .select({ id: documents.id, originalName: documents.originalName, mime: documents.mime, size: documents.size, createdAt: documents.createdAt })
    .from(documents)
    .where(inArray(documents.id, wanted))
    .all()
  return new Map(rows.map((r) => [r.id, r]))
}

export function getDocument(tx: DbOrTx, id: number) {
  return tx.select().from(documents).where(eq(documents.id, id)).get() ?? null
}
