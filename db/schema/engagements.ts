import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
import { documents } from './documents'
import { labs } from './labs'
import { organisations } from './organisations'
import { rdRequests } from './requests'
import { declineReasons, engagementStages } from './values'

// The work between a company's request and one lab, from the first contact to an agreement.
// One per (request, lab): a lab cannot express interest twice, a company cannot invite twice.
export const engagements = sqliteTable(
  'engagements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => rdRequests.id),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id),
    companyOrganisationId: integer('company_organisation_id')
      .notNull()
      .references(() => organisations.id),
    labOrganisationId: integer('lab_organisation_id')
      .notNull()
      .references(() => organisations.id),
    initiatedBy: text('initiated_by', { enum: ['company', 'lab'] }).notNull(),
    stage: text('stage', { enum: engagementStages }).notNull(),
    /** The lab's proposal when it expresses interest. */
    approach: text('approach'),
    timeline: text('timeline'),
    priceEstimate: integer('price_estimate'),
    invitationNote: text('invitation_note'),
    // Admission to the confidential part: the company offers it, the lab accepts the terms.
    admissionOfferedAt: text('admission_offered_at'),
    admissionOfferedBy: text('admission_offered_by').references(() => users.id),
    termsAcceptedAt: text('terms_accepted_at'),
    termsAcceptedBy: text('terms_accepted_by').references(() => users.id),
    // "Agreed" needs both sides.
    companyAgreedAt: text('company_agreed_at'),
    labAgreedAt: text('lab_agreed_at'),
    declinedBy: text('declined_by', { enum: ['company', 'lab'] }),
    declineReason: text('decline_reason', { enum: declineReasons }),
    declineNote: text('decline_note'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    uniqueIndex('engagements_request_lab_unique').on(t.requestId, t.labId),
    index('engagements_company_idx').on(t.companyOrganisationId, t.updatedAt),
    index('engagements_lab_org_idx').on(t.labOrganisationId, t.updatedAt),
  ],
)

/**
 * Who may read a request's confidential part through an engagement: each person of the lab's
 * organisation accepts the terms personally. It counts only while the engagement is live and the
 * person is still a member of the lab's organisation (see liveAdmissionOf in permissions/can.ts).
 */
export const engagementAdmissions = sqliteTable(
  'engagement_admissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    engagementId: integer('engagement_id')
      .notNull()
      .references(() => engagements.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    acceptedAt: text('accepted_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex('engagement_admissions_unique').on(t.engagementId, t.userId), index('engagement_admissions_user_idx').on(t.userId)],
)

export const engagementMessages = sqliteTable(
  'engagement_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    engagementId: integer('engagement_id')
      .notNull()
      .references(() => engagements.id),
    authorUserId: text('author_user_id')
      .notNull()
      .references(() => users.id),
    authorOrganisationId: integer('author_organisation_id')
      .notNull()
      .references(() => organisations.id),
    body: text('body').notNull(),
    documentId: integer('document_id').references(() => documents.id),
    // The key the message form carried (one per render of the form): the same key twice is one
    // message, so a double click or a resubmitted page never posts it again.
    submissionKey: text('submission_key'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index('engagement_messages_engagement_idx').on(t.engagementId, t.id),
    uniqueIndex('engagement_messages_submission_key_idx').on(t.engagementId, t.authorUserId, t.submissionKey),
  ],
)

/** How far each person has read each thread, for unread counts. */
export const engagementReads = sqliteTable(
  'engagement_reads',
  {
    engagementId: integer('engagement_id')
      .notNull()
      .references(() => engagements.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadMessageId: integer('last_read_message_id').notNull(),
  },
  (t) => [uniqueIndex('engagement_reads_unique').on(t.engagementId, t.userId)],
)

/** A saved search of requests that sends new matches in a digest. */
export const savedSearches = sqliteTable(
  'saved_searches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The catalogue's query string, e.g. "q=лидар&alliance=arctic". */
    query: text('query').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    /** Requests published after this moment are new to the digest. */
    checkedUntil: text('checked_until').notNull(),
  },
  (t) => [index('saved_searches_user_idx').on(t.userId)],
)
