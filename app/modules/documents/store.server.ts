import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { eq, inArray, sum } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import type { DocumentMimeType } from '#db/schema/contract-values'
import { documents } from '#db/schema'
import { env } from '~/env.server'
import type { Actor } from '../permissions/actor'
import { ok, refuse, type Result } from '../result'
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_MEGABYTES, MAX_ORGANISATION_UPLOAD_BYTES, MAX_ORGANISATION_UPLOAD_MEGABYTES } from './limits'
import { db } from '~/db.server'
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
  | 'document_quota_exceeded'

/**
 * A file name fit to keep and to send back in Content-Disposition: no path, no control characters,
 * and no bidirectional overrides or isolates ("scan\u202Efdp.exe" shows as "scanexe.pdf").
 */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/[\u0000-\u001F\u007F"\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').trim()
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

/** Bytes of documents an organisation has uploaded so far. */
export function uploadedBytes(organisationId: number): number {
  return Number(db.select({ total: sum(documents.size) }).from(documents).where(eq(documents.organisationId, organisationId)).get()?.total ?? 0)
}

/**
 * Checks a file and puts its bytes on disk under their SHA-256 (once per distinct content). Done
 * before the transaction that records it: a file on disk that no row names is harmless (the hourly
 * sweep removes it), a row without its file is not. Callers check that the uploader may attach
 * to the record first; `uploader` is held to its organisation's quota.
 */
export function prepareDocument(document: IncomingDocument, field = 'document', uploader?: { organisationId: number | null }): Result<PreparedDocument, DocumentRefusal> {
  const checked = checkDocument(document, field)
  if (!checked.ok) return checked
  if (uploader?.organisationId != null && uploadedBytes(uploader.organisationId) + document.size > MAX_ORGANISATION_UPLOAD_BYTES) {
    return refuse('document_quota_exceeded', { field, params: { name: cleanFileName(document.name), max: MAX_ORGANISATION_UPLOAD_MEGABYTES } })
  }
  const bytes = document.bytes!
  const hash = createHash('sha256').update(bytes).digest('hex')
  const file = documentFilePath(hash)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    // Written aside and renamed, so a reader never sees half a file.
    const temporary = `${file}.${randomBytes(6).toString('hex')}.part`
    fs.writeFileSync(temporary, bytes, { mode: 0o640 })
    fs.renameSync(temporary, file)
  } else {
    // Fresh again, so that the orphan sweep never takes a file this upload is about to name.
    const now = new Date()
    fs.utimesSync(file, now, now)
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

/** Files left behind longer than this with no row naming them are removed; younger ones may be mid-upload. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000

/**
 * Removes files under UPLOADS_DIR that no document names (an upload refused after its file was
 * written, a crash between the two) and unfinished ".part" files, once they are old enough.
 */
export function removeOrphanFiles(now = Date.now()): { removed: number; bytes: number } {
  const root = path.resolve(env.UPLOADS_DIR)
  if (!fs.existsSync(root)) return { removed: 0, bytes: 0 }
  let removed = 0
  let bytes = 0
  for (const bucket of fs.readdirSync(root, { withFileTypes: true })) {
    if (!bucket.isDirectory() || !/^[0-9a-f]{2}$/.test(bucket.name)) continue
    for (const name of fs.readdirSync(path.join(root, bucket.name))) {
      const file = path.join(root, bucket.name, name)
      const stat = fs.statSync(file)
      if (!stat.isFile() || now - stat.mtimeMs < ORPHAN_GRACE_MS) continue
      const hash = name.slice(0, 64)
      const named = !name.endsWith('.part') && db.select({ id: documents.id }).from(documents).where(eq(documents.hash, hash)).get()
      if (named) continue
      fs.rmSync(file, { force: true })
      removed++
      bytes += stat.size
    }
  }
  return { removed, bytes }
}
