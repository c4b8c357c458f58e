import { sql } from 'drizzle-orm'
import { blob, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { labs } from './labs'
import { matchDismissReasons, matchEntityTypes, matchStatuses } from './match-values'
import { rdRequests } from './requests'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

// What the matcher knows of each lab and published request, analysed once when the record changes
// (through the search outbox), so that proposing never re-reads or re-analyses texts. Only public
// text goes in: a request's confidential details never reach a profile.
export const matchProfiles = sqliteTable(
  'match_profiles',
  {
    entityType: text('entity_type', { enum: matchEntityTypes }).notNull(),
    entityId: integer('entity_id').notNull(),
    /** A lab's texts indexed by term id (see app/modules/matching/profile-codec.ts); null for a request. */
    postings: blob('postings', { mode: 'buffer' }),
    /** A request: [termId, term, surface, count] for each of its terms. A lab: [termId, surface]. */
    terms: text('terms').notNull(),
    /** A lab: the titles of its texts (null for its own profile text), in the order of `postings`. */
    documents: text('documents'),
    /** The structured facts the fit rules read (fields, alliance, TRL, region, budget, deadline). */
    facts: text('facts', { mode: 'json' }).notNull(),
    /** Term occurrences in all the entity's texts: how rich its text is. */
    textLength: integer('text_length').notNull(),
    /** Sentence vectors of its English texts (app/modules/matching/profile-codec.ts `encodeVectors`):
     *  a lab's, one per text in the order of `documents`; a request's, one. Null when none is in English. */
    vectors: blob('vectors', { mode: 'buffer' }),
    /** A request: the best raw text score among its candidate labs at its last refresh. */
    referenceScore: real('reference_score'),
    /** The analysis that made it (app/modules/matching/text-terms.ts `textAnalysis`): another one's profiles are rebuilt. */
    analysis: text('analysis').notNull().default(''),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId] })],
)

// The matcher's corpus statistics: how often each term occurs over every profile, updated in the
// transaction that changes a profile. Rows are never deleted, so a term keeps its id.
export const matchTermStats = sqliteTable(
  'match_term_stats',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    term: text('term').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [uniqueIndex('match_term_stats_term_idx').on(t.term)],
)

// Labs and requests whose proposals are to be computed again, drained by the background process
// (app/modules/matching/refresh-queue.server.ts). Queuing a record that is already queued bumps its
// generation, so that a computation finishing meanwhile does not clear the newer change. It is not a
// topic of the outbox: one row per record, deduplicated and ordered by priority, where the outbox keeps
// one row per write in order. It shares the outbox's retries and dead letters (db/outbox.ts).
export const matchRefreshQueue = sqliteTable(
  'match_refresh_queue',
  {
    entityType: text('entity_type', { enum: matchEntityTypes }).notNull(),
    entityId: integer('entity_id').notNull(),
    /** 1 for a change someone is waiting to see, 0 for the preparation of a whole catalogue. */
    priority: integer('priority').notNull().default(0),
    /** Whether new proposals are announced: not while the record is part of a catalogue's first build. */
    announce: integer('announce', { mode: 'boolean' }).notNull().default(false),
    generation: integer('generation').notNull().default(0),
    queuedAt: text('queued_at').notNull().default(now),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId] }), index('match_refresh_queue_order_idx').on(t.priority, t.entityType, t.queuedAt)],
)

/** The corpus totals, one row (id 1). */
export const matchCorpus = sqliteTable('match_corpus', {
  id: integer('id').primaryKey(),
  totalTerms: integer('total_terms').notNull().default(0),
  distinctTerms: integer('distinct_terms').notNull().default(0),
})

// A proposal of a lab for a request, kept so that it can be announced, followed and set aside. Each
// side has its own status: a company setting a lab aside is not the lab's decision, and a proposal
// one side has opened is still new to the other.
export const matches = sqliteTable(
  'matches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => rdRequests.id),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id),
    score: real('score').notNull(),
    components: text('components', { mode: 'json' }).notNull(),
    explanation: text('explanation', { mode: 'json' }).notNull(),
    /** Place among the request's proposed labs at its last refresh; null when out of its top. */
    requestRank: integer('request_rank'),
    /** Place among the lab's proposed requests at its last refresh; null when out of its top. */
    labRank: integer('lab_rank'),
    companyStatus: text('company_status', { enum: matchStatuses }).notNull().default('new'),
    companyDismissedReason: text('company_dismissed_reason', { enum: matchDismissReasons }),
    companyDismissedNote: text('company_dismissed_note'),
    labStatus: text('lab_status', { enum: matchStatuses }).notNull().default('new'),
    labDismissedReason: text('lab_dismissed_reason', { enum: matchDismissReasons }),
    labDismissedNote: text('lab_dismissed_note'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('matches_request_lab_unique').on(t.requestId, t.labId),
    index('matches_lab_idx').on(t.labId, t.score),
    index('matches_request_idx').on(t.requestId, t.score),
    check('matches_company_dismissal', sql`(${t.companyStatus} = 'dismissed') = (${t.companyDismissedReason} IS NOT NULL)`),
    check('matches_lab_dismissal', sql`(${t.labStatus} = 'dismissed') = (${t.labDismissedReason} IS NOT NULL)`),
  ],
)
