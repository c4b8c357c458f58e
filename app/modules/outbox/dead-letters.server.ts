import { and, asc, count, eq, gte } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { DEAD_LETTER_ATTEMPTS, deadIn, decodeOutboxPayload } from '#db/outbox'
import { matchRefreshQueue, outbox, type OutboxTopic } from '#db/schema'
import { db } from '~/db.server'
import { audit } from '../audit/audit.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'

// The side effects that gave up (search sync, e-mail, proposal refresh), as one list for the
// administration, and the one way to send them on their way again.

export const outboxKinds = ['search', 'mail', 'refresh'] as const
export type OutboxKind = (typeof outboxKinds)[number]

export interface DeadLetter {
  kind: OutboxKind
  /** The row's key within its kind: an outbox id, or "lab:12" for a proposal refresh. */
  key: string
  /** What it was for, in words the administration can act on: an index and record, a masked recipient and subject. */
  subject: string
  attempts: number
  lastError: string | null
  since: string
}

export type DeadLetterCounts = Record<OutboxKind, number>

const LIST_LIMIT = 50

const deadRefresh = gte(matchRefreshQueue.attempts, DEAD_LETTER_ATTEMPTS)

export function deadLetterCounts(database: DbOrTx = db): DeadLetterCounts {
  return {
    search: database.select({ n: count() }).from(outbox).where(deadIn('search')).get()?.n ?? 0,
    mail: database.select({ n: count() }).from(outbox).where(deadIn('mail')).get()?.n ?? 0,
    refresh: database.select({ n: count() }).from(matchRefreshQueue).where(deadRefresh).get()?.n ?? 0,
  }
}

/** An address shown enough to tell whose it is, not enough to copy: i***@tpu.ru. */
function maskedAddress(address: string): string {
  const at = address.lastIndexOf('@')
  if (at <= 0) return '***'
  return `${address[0]}***${address.slice(at)}`
}

/** What a dead row was for; one whose payload cannot be read is shown as "?", its error says why. */
function subjectOf(topic: OutboxTopic, payload: string): string {
  try {
    if (topic === 'search') {
      const { indexName, documentId } = decodeOutboxPayload('search', payload)
      return `${indexName} #${documentId}`
    }
    const { to, subject } = decodeOutboxPayload('mail', payload)
    return `${maskedAddress(to)} · ${subject}`
  } catch {
    return '?'
  }
}

export function listDeadLetters(actor: Actor): Result<DeadLetter[], 'forbidden'> {
  if (!can(actor, 'outbox:retry')) return refuse('forbidden')
  const dead = (topic: OutboxTopic) =>
    db
      .select()
      .from(outbox)
      .where(deadIn(topic))
      .orderBy(asc(outbox.id))
      .limit(LIST_LIMIT)
      .all()
      .map((r) => ({ kind: topic, key: String(r.id), subject: subjectOf(topic, r.payload), attempts: r.attempts, lastError: r.lastError, since: r.createdAt }))
  const refresh = db.select().from(matchRefreshQueue).where(deadRefresh).orderBy(asc(matchRefreshQueue.queuedAt)).limit(LIST_LIMIT).all()
  return ok([
    ...dead('search'),
    ...dead('mail'),
    ...refresh.map((r) => ({ kind: 'refresh' as const, key: `${r.entityType}:${r.entityId}`, subject: `${r.entityType} #${r.entityId}`, attempts: r.attempts, lastError: r.lastError, since: r.queuedAt })),
  ])
}

/**
 * Puts a dead letter back in its queue, due at once with its attempts counted afresh; the worker
 * takes it on its next turn. Retrying what is no longer dead (already retried, or sent meanwhile)
 * is refused as not found, so two administrators clicking together retry it once.
 */
export function retryDeadLetter(actor: Actor, kind: OutboxKind, key: string): Result<null, 'forbidden' | 'not_found'> {
  if (!can(actor, 'outbox:retry')) return refuse('forbidden')
  const fresh = { attempts: 0, nextAttemptAt: null }
  return db.transaction((tx) => {
    let changes = 0
    if (kind === 'search' || kind === 'mail') {
      if (!/^[1-9]\d{0,14}$/.test(key)) return refuse('not_found')
      changes = tx.update(outbox).set(fresh).where(and(eq(outbox.id, Number(key)), deadIn(kind))).run().changes
    } else {
      const match = /^(lab|request):([1-9]\d{0,14})$/.exec(key)
      if (!match) return refuse('not_found')
      const entityType = match[1] as 'lab' | 'request'
      changes = tx
        .update(matchRefreshQueue)
        .set(fresh)
        .where(and(eq(matchRefreshQueue.entityType, entityType), eq(matchRefreshQueue.entityId, Number(match[2])), deadRefresh))
        .run().changes
    }
    if (changes === 0) return refuse('not_found')
    audit(tx, actor, 'outbox.retried', { type: `outbox.${kind}`, id: key }, { dead: true }, { attempts: 0 })
    return ok(null)
  })
}
