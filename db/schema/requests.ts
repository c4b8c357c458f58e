import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
import { organisations } from './organisations'
import { alliances, requestStatuses } from './values'

// An R&D request a company posts. Everything but confidentialDetails is public once published;
// confidentialDetails reaches only labs the company has admitted.
export const rdRequests = sqliteTable(
  'rd_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    // Optional English version of the title and summary, for readers of the English interface.
    titleEn: text('title_en'),
    summaryEn: text('summary_en'),
    problem: text('problem').notNull(),
    expectedResult: text('expected_result').notNull(),
    confidentialDetails: text('confidential_details'),
    /** Second-level OECD Fields of Science code, e.g. "2.3". */
    oecdField: text('oecd_field').notNull(),
    /** Second-level GRNTI rubric, e.g. "31.15". */
    grnti: text('grnti'),
    alliance: text('alliance', { enum: alliances }),
    keywords: text('keywords', { mode: 'json' }).$type<string[]>().notNull(),
    trlNow: integer('trl_now').notNull(),
    trlWanted: integer('trl_wanted').notNull(),
    budgetMin: integer('budget_min').notNull(),
    budgetMax: integer('budget_max').notNull(),
    /** A calendar date, YYYY-MM-DD. */
    deadline: text('deadline').notNull(),
    region: text('region').notNull(),
    status: text('status', { enum: requestStatuses }).notNull().default('draft'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    publishedAt: text('published_at'),
  },
  (t) => [index('rd_requests_org_idx').on(t.organisationId, t.status), index('rd_requests_status_idx').on(t.status, t.publishedAt)],
)
