import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// Written in the same transaction as any change to a searchable record; drained into the search
// engine by the sync worker, so an engine that is down never loses a write.
export const searchOutbox = sqliteTable(
  'search_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indexName: text('index_name').notNull(),
    documentId: text('document_id').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    processedAt: text('processed_at'),
  },
  (t) => [index('search_outbox_pending_idx').on(t.processedAt, t.id)],
)
