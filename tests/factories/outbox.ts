import { asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { decodeOutboxPayload, type OutboxRow } from '#db/outbox'
import { outbox, type OutboxTopic } from '#db/schema'

/** A topic's rows, oldest first, with their payloads read. */
export function outboxRows<T extends OutboxTopic>(db: DbOrTx, topic: T): OutboxRow<T>[] {
  return db
    .select()
    .from(outbox)
    .where(eq(outbox.topic, topic))
    .orderBy(asc(outbox.id))
    .all()
    .map((row) => ({ ...row, topic, payload: decodeOutboxPayload(topic, row.payload) }))
}
