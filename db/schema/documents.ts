import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
import { documentMimeTypes } from './contract-values'
import { organisations } from './organisations'

// An uploaded file: the bytes live under UPLOADS_DIR named by their SHA-256, so the same content is
// stored once however often it is uploaded; each upload is a row of its own with its own name and
// uploader. Who may read it follows from the record that holds it (a contract, an act, a payment).
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hash: text('hash').notNull(),
    originalName: text('original_name').notNull(),
    // Decided from the content's magic bytes, never from the name or the declared type.
    mime: text('mime', { enum: documentMimeTypes }).notNull(),
    size: integer('size').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    organisationId: integer('organisation_id').references(() => organisations.id),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('documents_hash_idx').on(t.hash), check('documents_size_positive', sql`${t.size} > 0`)],
)
