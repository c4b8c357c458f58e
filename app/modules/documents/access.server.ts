import fs from 'node:fs'
import { db } from '~/db.server'
import { claimsHoldingDocument, reportsHoldingDocument } from '../agreements/document-holder.server'
import { contractsHoldingDocument } from '../contracts/document-holder.server'
import { engagementsHoldingDocument } from '../engagements/documents.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { documentFilePath, getDocument } from './store.server'

/**
 * Who may read a document follows from the records that hold it, each asked through `can`. A new
 * capability that attaches documents (message attachments, say) adds its holder here.
 */
const holders: ((actor: Actor, documentId: number) => boolean)[] = [
  (actor, documentId) => contractsHoldingDocument(db, documentId).some((contract) => can(actor, 'contract:view', contract)),
  (actor, documentId) => engagementsHoldingDocument(db, documentId).some((engagement) => can(actor, 'engagement:view', engagement)),
  (actor, documentId) => [...claimsHoldingDocument(db, documentId), ...reportsHoldingDocument(db, documentId)].some((claim) => can(actor, 'claim:view', claim)),
]

export function openDocument(actor: Actor, documentId: number): Result<{ file: string; name: string; mime: string; size: number }, 'not_found'> {
  if (!Number.isSafeInteger(documentId) || documentId <= 0) return refuse('not_found')
  const document = getDocument(db, documentId)
  if (!document) return refuse('not_found')
  // A document one may not read does not exist for them: 404, never a 403 that confirms it.
  if (!holders.some((mayRead) => mayRead(actor, documentId))) return refuse('not_found')
  const file = documentFilePath(document.hash)
  if (!fs.existsSync(file)) return refuse('not_found')
  return ok({ file, name: document.originalName, mime: document.mime, size: document.size })
}

/** Content-Disposition with a plain-ASCII fallback and the real (e.g. Cyrillic) name per RFC 6266/5987. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`
}
