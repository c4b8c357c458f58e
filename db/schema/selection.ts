import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
import type { WeightedCriterion } from './claim-values'
import { roundStatuses, selectionCriteria, selectionOutcomes } from './claim-values'
import { compensationClaims, programmes } from './claims'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

// The competitive round of a programme: claims submitted by its deadline (inclusive, the region's
// day) are its applications; a commission scores them on weighted criteria from 0 to scale_max.
export const selectionRounds = sqliteTable(
  'selection_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    deadline: text('deadline').notNull(),
    scaleMax: integer('scale_max').notNull(),
    criteria: text('criteria', { mode: 'json' }).$type<WeightedCriterion[]>().notNull(),
    status: text('status', { enum: roundStatuses }).notNull().default('open'),
    closedAt: text('closed_at'),
    closedBy: text('closed_by').references(() => users.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('selection_rounds_programme_idx').on(t.programmeId), check('selection_rounds_scale', sql`${t.scaleMax} BETWEEN 1 AND 100`)],
)

// Declarations, scores and results each concern one application (a claim) of one round; the first
// two are also one member's. Functions, since a column belongs to the one table it is built for.
const onApplication = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  roundId: integer('round_id')
    .notNull()
    .references(() => selectionRounds.id),
  claimId: integer('claim_id')
    .notNull()
    .references(() => compensationClaims.id),
})

const memberOnApplication = () => ({
  ...onApplication(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
})

export const commissionMembers = sqliteTable(
  'commission_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id')
      .notNull()
      .references(() => selectionRounds.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    addedBy: text('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: text('added_at').notNull().default(now),
  },
  (t) => [uniqueIndex('commission_members_once_idx').on(t.roundId, t.userId)],
)

// A member's declaration, per application, made once before scoring it: a declared conflict keeps
// the member from scoring that application for good.
export const conflictDeclarations = sqliteTable(
  'conflict_declarations',
  {
    ...memberOnApplication(),
    conflicted: integer('conflicted', { mode: 'boolean' }).notNull(),
    note: text('note'),
    declaredAt: text('declared_at').notNull().default(now),
  },
  (t) => [uniqueIndex('conflict_declarations_once_idx').on(t.claimId, t.userId)],
)

export const selectionScores = sqliteTable(
  'selection_scores',
  {
    ...memberOnApplication(),
    criterion: text('criterion', { enum: selectionCriteria }).notNull(),
    score: integer('score').notNull(),
    scoredAt: text('scored_at').notNull().default(now),
  },
  (t) => [uniqueIndex('selection_scores_once_idx').on(t.claimId, t.userId, t.criterion), index('selection_scores_round_idx').on(t.roundId), check('selection_scores_score', sql`${t.score} >= 0`)],
)

// What the close decided for each application, kept as the protocol's record.
export const selectionResults = sqliteTable(
  'selection_results',
  {
    ...onApplication(),
    rank: integer('rank'),
    /** The weighted mean score × 100, rounded: for showing; the ranking itself compares exact fractions. */
    scoreHundredths: integer('score_hundredths'),
    sheetCount: integer('sheet_count').notNull(),
    outcome: text('outcome', { enum: selectionOutcomes }).notNull(),
    requestedKopecks: integer('requested_kopecks').notNull(),
  },
  (t) => [uniqueIndex('selection_results_claim_idx').on(t.claimId), index('selection_results_round_idx').on(t.roundId)],
)
