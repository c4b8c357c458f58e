import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
import { alliances, companySizes, membershipRoles, organisationTypes, verificationStatuses } from './values'

export const organisations = sqliteTable(
  'organisations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: organisationTypes }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    inn: text('inn').notNull().unique(),
    ogrn: text('ogrn').notNull().unique(),
    region: text('region').notNull(),
    city: text('city'),
    alliance: text('alliance', { enum: alliances }),
    // A company's size decides which support measures fit it; science and administration have none.
    size: text('size', { enum: companySizes }),
    // State ownership makes a contractor eligible for the regional compensation programme.
    isState: integer('is_state', { mode: 'boolean' }).notNull().default(false),
    website: text('website'),
    description: text('description'),
    verificationStatus: text('verification_status', { enum: verificationStatuses }).notNull().default('unverified'),
    verificationNote: text('verification_note'),
    verifiedAt: text('verified_at'),
    verifiedBy: text('verified_by').references(() => users.id),
    // When a verified organisation changed its legal name, INN/OGRN, type or state status: it is
    // unverified from then on until the administration checks it again, which clears this.
    identityChangedAt: text('identity_changed_at'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    archivedAt: text('archived_at'),
  },
  (t) => [index('organisations_type_idx').on(t.type), index('organisations_verification_idx').on(t.verificationStatus)],
)

// A person belongs to one organisation; what they may do follows from its type and their role in it.
export const memberships = sqliteTable('memberships', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: text('user_id')
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  organisationId: integer('organisation_id')
    .notNull()
    .references(() => organisations.id),
  role: text('role', { enum: membershipRoles }).notNull(),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
})

export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    // Only a hash is kept: the token itself travels in the invitation link alone.
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    expiresAt: text('expires_at').notNull(),
    acceptedAt: text('accepted_at'),
    acceptedBy: text('accepted_by').references(() => users.id),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('invitations_org_idx').on(t.organisationId)],
)
