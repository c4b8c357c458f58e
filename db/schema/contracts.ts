import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
import { contractStatuses, contractVersionStatuses, executionRecordStatuses, vatModes } from './contract-values'
import { documents } from './documents'
import { organisations } from './organisations'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

// A contracted R&D project between a company (the customer) and a science organisation (the
// contractor). Its terms live in versions: the first one and every amendment are confirmed by both
// parties; nothing is ever overwritten, so the history is the list of versions.
export const contracts = sqliteTable(
  'contracts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    companyId: integer('company_id')
      .notNull()
      .references(() => organisations.id),
    contractorId: integer('contractor_id')
      .notNull()
      .references(() => organisations.id),
    // The engagement the contract came from, when it did; that capability owns the reference.
    engagementId: integer('engagement_id'),
    status: text('status', { enum: contractStatuses }).notNull(),
    confirmedVersionId: integer('confirmed_version_id'),
    pendingVersionId: integer('pending_version_id'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('contracts_company_idx').on(t.companyId, t.id),
    index('contracts_contractor_idx').on(t.contractorId, t.id),
    check('contracts_two_parties', sql`${t.companyId} <> ${t.contractorId}`),
  ],
)

export const contractVersions = sqliteTable(
  'contract_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    version: integer('version').notNull(),
    number: text('number').notNull(),
    signedOn: text('signed_on').notNull(),
    subject: text('subject').notNull(),
    // Price including VAT; VAT shown apart as an amount, with the rate it came from when there is one.
    priceKopecks: integer('price_kopecks').notNull(),
    vatMode: text('vat_mode', { enum: vatModes }).notNull(),
    vatRateBp: integer('vat_rate_bp'),
    vatKopecks: integer('vat_kopecks').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    documentId: integer('document_id').references(() => documents.id),
    // Why the terms change: empty for the first version.
    amendmentReason: text('amendment_reason'),
    status: text('status', { enum: contractVersionStatuses }).notNull(),
    proposedByOrganisationId: integer('proposed_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    proposedBy: text('proposed_by')
      .notNull()
      .references(() => users.id),
    companyConfirmedAt: text('company_confirmed_at'),
    companyConfirmedBy: text('company_confirmed_by').references(() => users.id),
    contractorConfirmedAt: text('contractor_confirmed_at'),
    contractorConfirmedBy: text('contractor_confirmed_by').references(() => users.id),
    declineReason: text('decline_reason'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('contract_versions_number_idx').on(t.contractId, t.version),
    check('contract_versions_price', sql`${t.priceKopecks} > 0 AND ${t.vatKopecks} >= 0 AND ${t.vatKopecks} < ${t.priceKopecks}`),
    check('contract_versions_term', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
)

export const contractStages = sqliteTable(
  'contract_stages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => contractVersions.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    dueOn: text('due_on').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
  },
  (t) => [uniqueIndex('contract_stages_number_idx').on(t.versionId, t.number), check('contract_stages_amount', sql`${t.amountKopecks} > 0`)],
)

// An acceptance act closes (part of) a stage; it refers to the stage by its number, which amendments keep.
export const acceptanceActs = sqliteTable(
  'acceptance_acts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    stageNumber: integer('stage_number').notNull(),
    number: text('number').notNull(),
    signedOn: text('signed_on').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    documentId: integer('document_id').references(() => documents.id),
    status: text('status', { enum: executionRecordStatuses }).notNull(),
    recordedByOrganisationId: integer('recorded_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    confirmedAt: text('confirmed_at'),
    confirmedBy: text('confirmed_by').references(() => users.id),
    declineReason: text('decline_reason'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('acceptance_acts_contract_idx').on(t.contractId), check('acceptance_acts_amount', sql`${t.amountKopecks} > 0`)],
)

// A payment by the company to the contractor, recorded by the company and confirmed by the contractor.
export const contractPayments = sqliteTable(
  'contract_payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    paidOn: text('paid_on').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    orderNumber: text('order_number').notNull(),
    documentId: integer('document_id').references(() => documents.id),
    status: text('status', { enum: executionRecordStatuses }).notNull(),
    recordedByOrganisationId: integer('recorded_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    confirmedAt: text('confirmed_at'),
    confirmedBy: text('confirmed_by').references(() => users.id),
    declineReason: text('decline_reason'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('contract_payments_contract_idx').on(t.contractId), check('contract_payments_amount', sql`${t.amountKopecks} > 0`)],
)
