import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const outboxTopics = ['search', 'mail'] as const
export type OutboxTopic = (typeof outboxTopics)[number]

// Every side effect of a change (a search document to push, an e-mail to send) is written here in the
// same transaction as the change and carried out later by the worker of its topic, with the retries
// and dead letters of db/outbox.ts. The payload is JSON, written and read only through db/outbox.ts.
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topic: text('topic', { enum: outboxTopics }).notNull(),
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    /** When the side effect was carried out (the document pushed, the mail sent); null while pending. */
    processedAt: text('processed_at'),
  },
  // Each worker reads its own topic's pending rows in id order.
  (t) => [index('outbox_pending_idx').on(t.topic, t.processedAt, t.id)],
)
