import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from './client'
import { outbox, type OutboxTopic } from './schema/outbox'

// One outbox (db/schema/outbox.ts) for search sync and e-mail, and the retry policy it shares with the
// proposal refresh queue. A row that fails is
// tried again after 1 s, 2 s, 4 s … up to 15 minutes apart, so a short outage costs a few retries and
// a long one does not hammer the service. After DEAD_LETTER_ATTEMPTS failures (about two hours of
// trying) the row is a dead letter: it is no longer tried on its own, /healthz counts it and the
// administration sees it with a button to try again. Nothing is ever dropped.

export const MAX_RETRY_DELAY_MS = 15 * 60_000
export const DEAD_LETTER_ATTEMPTS = 16

/** When a row that has now failed `attempts` times is due again. */
export function nextAttemptAt(attempts: number, now: Date): string {
  const delay = Math.min(1000 * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS)
  return new Date(now.getTime() + delay).toISOString()
}

/** The error a row keeps for the administration to read. */
export function failureMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

// Each topic's payload, checked with zod on the way in and on the way out, so that no caller writes or
// reads the JSON by hand.
const payloadSchemas = {
  search: z.object({ indexName: z.string().min(1), documentId: z.string().min(1) }),
  mail: z.object({ to: z.string().min(1), subject: z.string(), text: z.string() }),
} satisfies Record<OutboxTopic, z.ZodTypeAny>

export type OutboxPayload<T extends OutboxTopic> = z.infer<(typeof payloadSchemas)[T]>
export type OutboxRow<T extends OutboxTopic> = Omit<typeof outbox.$inferSelect, 'topic' | 'payload'> & { topic: T; payload: OutboxPayload<T> }

/** Queues a side effect inside the caller's transaction: it happens only if the change it follows holds. */
export function enqueueOutbox<T extends OutboxTopic>(tx: DbOrTx, topic: T, payload: OutboxPayload<T>): void {
  tx.insert(outbox).values({ topic, payload: JSON.stringify(payloadSchemas[topic].parse(payload)) }).run()
}

export function decodeOutboxPayload<T extends OutboxTopic>(topic: T, payload: string): OutboxPayload<T> {
  return payloadSchemas[topic].parse(JSON.parse(payload)) as OutboxPayload<T>
}

/** Rows of a topic not yet carried out, dead letters included. */
export const pendingIn = (topic: OutboxTopic) => and(eq(outbox.topic, topic), isNull(outbox.processedAt))
/** Rows of a topic that its worker still tries. */
export const triedIn = (topic: OutboxTopic) => and(pendingIn(topic), lt(outbox.attempts, DEAD_LETTER_ATTEMPTS))
/** Rows of a topic that gave up and wait for the administration. */
export const deadIn = (topic: OutboxTopic) => and(pendingIn(topic), gte(outbox.attempts, DEAD_LETTER_ATTEMPTS))

/** The search rows for one record, found by their payload. */
export const searchRowsFor = (indexName: string, documentId: string) =>
  and(
    eq(outbox.topic, 'search'),
    sql`json_extract(${outbox.payload}, '$.indexName') = ${indexName}`,
    sql`json_extract(${outbox.payload}, '$.documentId') = ${documentId}`,
  )

/**
 * A topic's rows that are due, oldest first. Each worker reads only its own topic, so two workers
 * never take each other's rows. A row whose payload cannot be read would fail for ever: it becomes a
 * dead letter at once, with the reason, instead of blocking the rows behind it.
 */
export function dueOutbox<T extends OutboxTopic>(db: DbOrTx, topic: T, now: Date, limit: number): OutboxRow<T>[] {
  const rows = db
    .select()
    .from(outbox)
    .where(and(triedIn(topic), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now.toISOString()))))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .all()
  const due: OutboxRow<T>[] = []
  for (const row of rows) {
    try {
      due.push({ ...row, topic, payload: decodeOutboxPayload(topic, row.payload) })
    } catch (error) {
      db.update(outbox).set({ attempts: DEAD_LETTER_ATTEMPTS, lastError: failureMessage(error) }).where(eq(outbox.id, row.id)).run()
    }
  }
  return due
}

export function markOutboxProcessed(tx: DbOrTx, ids: number[], at: Date): void {
  tx.update(outbox).set({ processedAt: at.toISOString(), lastError: null }).where(inArray(outbox.id, ids)).run()
}

/** Counts a failure against a row and backs its next attempt off; returns how many it has now. */
export function recordOutboxFailure(tx: DbOrTx, row: { id: number; attempts: number }, error: unknown, now: Date): number {
  const attempts = row.attempts + 1
  tx.update(outbox)
    .set({ attempts, lastError: failureMessage(error), nextAttemptAt: nextAttemptAt(attempts, now) })
    .where(eq(outbox.id, row.id))
    .run()
  return attempts
}
