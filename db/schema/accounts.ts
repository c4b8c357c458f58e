import { sql } from 'drizzle-orm'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

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

// Failed sign-ins per account and per address, kept in the database so a restart forgets nothing.
export const loginAttempts = sqliteTable('login_attempts', {
  key: text('key').primaryKey(),
  windowStart: text('window_start').notNull(),
  failures: integer('failures').notNull(),
})
