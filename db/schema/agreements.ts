import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
import { ledgerKinds, reportStatuses, returnStatuses } from './claim-values'
import { compensationClaims, programmes } from './claims'
import { documents } from './documents'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

// What follows the payment of a subsidy: the agreement (соглашение) signed with the recipient, the
// result indicators it promises, the reports on them, and the return when results are missed.

export const subsidyAgreements = sqliteTable('subsidy_agreements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  claimId: integer('claim_id')
    .notNull()
    .unique()
    .references(() => compensationClaims.id),
  number: text('number').notNull(),
  signedOn: text('signed_on').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: text('created_at').notNull().default(now),
})

/** A result the recipient promises, e.g. revenue from the new product, jobs, patents: a whole number of its unit. */
export const resultIndicators = sqliteTable(
  'result_indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => subsidyAgreements.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    targetValue: integer('target_value').notNull(),
    dueOn: text('due_on').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('result_indicators_agreement_idx').on(t.agreementId), check('result_indicators_target', sql`${t.targetValue} > 0`)],
)

/**
 * A report the recipient owes by a deadline: what each indicator achieved, with evidence. The
 * administration accepts it or records a shortfall; reminders are sent before and after the deadline.
 */
export const indicatorReports = sqliteTable(
  'indicator_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => subsidyAgreements.id),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: reportStatuses }).notNull().default('due'),
    /** Indicator id → the value achieved. */
    achieved: text('achieved', { mode: 'json' }).$type<Record<string, number>>(),
    note: text('note'),
    evidenceDocumentId: integer('evidence_document_id').references(() => documents.id),
    submittedAt: text('submitted_at'),
    submittedBy: text('submitted_by').references(() => users.id),
    reviewNote: text('review_note'),
    reviewedAt: text('reviewed_at'),
    reviewedBy: text('reviewed_by').references(() => users.id),
    /** The days a reminder was sent: before the deadline, and once it passed unreported. */
    remindedOn: text('reminded_on'),
    overdueNoticeOn: text('overdue_notice_on'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('indicator_reports_agreement_idx').on(t.agreementId), index('indicator_reports_due_idx').on(t.status, t.dueOn)],
)

/** A return demanded after a shortfall, computed by the programme's formula, followed until it is returned. */
export const subsidyReturns = sqliteTable(
  'subsidy_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => compensationClaims.id),
    reportId: integer('report_id')
      .notNull()
      .references(() => indicatorReports.id),
    amountKopecks: integer('amount_kopecks').notNull(),
    computation: text('computation', { mode: 'json' }).$type<unknown>().notNull(),
    status: text('status', { enum: returnStatuses }).notNull().default('demanded'),
    returnedOn: text('returned_on'),
    orderNumber: text('order_number'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('subsidy_returns_report_idx').on(t.reportId), index('subsidy_returns_claim_idx').on(t.claimId), check('subsidy_returns_amount', sql`${t.amountKopecks} > 0`)],
)

/**
 * Every movement of a programme's budget, written in the transaction that moves it: the programme's
 * reserved, paid and returned figures are the sums of these rows (app/modules/agreements/ledger.server.ts).
 */
export const programmeLedger = sqliteTable(
  'programme_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    kind: text('kind', { enum: ledgerKinds }).notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => compensationClaims.id),
    returnId: integer('return_id').references(() => subsidyReturns.id),
    /** Null for movements carried over from before the ledger existed. */
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('programme_ledger_programme_idx').on(t.programmeId, t.id), check('programme_ledger_amount', sql`${t.amountKopecks} > 0`)],
)
