import { sql } from 'drizzle-orm'
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale', { enum: ['ru', 'en'] }),
  isPlatformAdmin: integer('is_platform_admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  passwordChangedAt: text('password_changed_at'),
})

// The shape @lucia-auth/adapter-drizzle expects: expires_at in Unix seconds.
export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: integer('expires_at').notNull(),
})

// Sign-in attempts counted per key (account and address, account alone, address alone), kept in the
// database so a restart forgets nothing. An attempt counts before its password is checked.
export const loginAttempts = sqliteTable('login_attempts', {
  key: text('key').primaryKey(),
  /** When the current run of failures began. */
  windowStart: text('window_start').notNull(),
  failures: integer('failures').notNull(),
  /** No attempt under this key before then: the back-off grows with the failures. */
  nextAttemptAt: text('next_attempt_at'),
})

/** Addresses a person has signed in from: their usual places, which an attack on the account elsewhere does not slow. */
export const signInAddresses = sqliteTable(
  'sign_in_addresses',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.address] })],
)
