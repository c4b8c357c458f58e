import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
import type { AffiliationCheck, CategoryRuleColumn, ContractorKind, CostWindow, DocumentMaxAges, RequiredDocumentKind } from './claim-values'
import { claimDocumentKinds, claimStatuses, ownCostCategories, returnFormulas, selectionModes, vatBases } from './claim-values'
import { contractPayments, contracts } from './contracts'
import { documents } from './documents'
import { organisations } from './organisations'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

// A regional budget programme that pays companies back a share of the R&D they order from state
// universities and institutes. Its budget is split into what is reserved by approved claims, what
// has been paid out, and what remains; the CHECK below makes overspending impossible at the
// storage level, whatever the code above it does.
export const programmes = sqliteTable(
  'programmes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    totalBudgetKopecks: integer('total_budget_kopecks').notNull(),
    reservedKopecks: integer('reserved_kopecks').notNull().default(0),
    paidKopecks: integer('paid_kopecks').notNull().default(0),
    shareBp: integer('share_bp').notNull(),
    capPerClaimKopecks: integer('cap_per_claim_kopecks').notNull(),
    capPerCompanyKopecks: integer('cap_per_company_kopecks').notNull(),
    eligibleContractorKinds: text('eligible_contractor_kinds', { mode: 'json' }).$type<ContractorKind[]>().notNull(),
    requiredDocuments: text('required_documents', { mode: 'json' }).$type<RequiredDocumentKind[]>().notNull(),
    // The oldest each required document may be on the day a claim is filed (e.g. a tax-debt
    // certificate: 30 days); a kind absent here has no age limit.
    documentMaxAgeDays: text('document_max_age_days', { mode: 'json' }).$type<DocumentMaxAges>().notNull().default(sql`'{}'`),
    // How a missed result indicator turns into a return of the subsidy (app/modules/agreements/return-amount.ts).
    returnFormula: text('return_formula', { enum: returnFormulas }).notNull().default('shortfall_sum'),
    // Subsidies paid and later returned by recipients that missed their results. Returned money goes
    // back to the budget's revenue, not to this programme: it does not raise what remains.
    returnedKopecks: integer('returned_kopecks').notNull().default(0),
    // The eligible base with or without VAT; the categories it pays for, each with a share and a cap
    // (empty: contractor R&D alone at share_bp, no cap of its own); a rolling window on costs, if any.
    vatBase: text('vat_base', { enum: vatBases }).notNull().default('with_vat'),
    costCategories: text('cost_categories', { mode: 'json' }).$type<CategoryRuleColumn[]>().notNull().default(sql`'[]'`),
    costWindow: text('cost_window', { mode: 'json' }).$type<CostWindow | null>(),
    // Inclusive date ranges (YYYY-MM-DD): contract dates and payment dates must fall inside them.
    contractsFrom: text('contracts_from').notNull(),
    contractsTo: text('contracts_to').notNull(),
    paymentsFrom: text('payments_from').notNull(),
    paymentsTo: text('payments_to').notNull(),
    // Claims are accepted from the opening day to the closing day inclusive, in the region's time.
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    // First come: each claim is decided on its own. Competitive: a commission scores a round's
    // applications and the round's close funds them in rank order (app/modules/selection).
    selectionMode: text('selection_mode', { enum: selectionModes }).notNull().default('first_come'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    check(
      'programmes_budget',
      sql`${t.totalBudgetKopecks} > 0 AND ${t.reservedKopecks} >= 0 AND ${t.paidKopecks} >= 0 AND ${t.reservedKopecks} + ${t.paidKopecks} <= ${t.totalBudgetKopecks}`,
    ),
    check('programmes_returned', sql`${t.returnedKopecks} >= 0 AND ${t.returnedKopecks} <= ${t.paidKopecks}`),
    check('programmes_share', sql`${t.shareBp} > 0 AND ${t.shareBp} <= 10000`),
    check('programmes_caps', sql`${t.capPerClaimKopecks} > 0 AND ${t.capPerCompanyKopecks} > 0`),
    check(
      'programmes_periods',
      sql`${t.contractsFrom} <= ${t.contractsTo} AND ${t.paymentsFrom} <= ${t.paymentsTo} AND ${t.opensOn} <= ${t.closesOn}`,
    ),
  ],
)

export interface ClaimComputationSnapshot {
  eligiblePaidKopecks: number
  steps: { rule: string; amountKopecks: number; limitKopecks?: number }[]
  resultKopecks: number
}

// A company's claim for compensation under a programme, naming one confirmed contract.
export const compensationClaims = sqliteTable(
  'compensation_claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    companyId: integer('company_id')
      .notNull()
      .references(() => organisations.id),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    status: text('status', { enum: claimStatuses }).notNull(),
    // Every change bumps the revision; a decision names the revision the reviewer saw.
    revision: integer('revision').notNull().default(1),
    // The eligible amount computed from the rules when the claim was (re)submitted, never typed in.
    requestedKopecks: integer('requested_kopecks'),
    computation: text('computation', { mode: 'json' }).$type<ClaimComputationSnapshot>(),
    approvedKopecks: integer('approved_kopecks'),
    decisionReason: text('decision_reason'),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by').references(() => users.id),
    submittedAt: text('submitted_at'),
    paidOn: text('paid_on'),
    paymentOrderNumber: text('payment_order_number'),
    // The company's declaration that its contractor is not affiliated with it, and the
    // administration's own check of the same (same INN, same founders, a spin-off).
    affiliationDeclaredAt: text('affiliation_declared_at'),
    affiliationDeclaredBy: text('affiliation_declared_by').references(() => users.id),
    affiliationCheck: text('affiliation_check', { mode: 'json' }).$type<AffiliationCheck>(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('claims_programme_status_idx').on(t.programmeId, t.status),
    index('claims_company_idx').on(t.companyId, t.id),
    index('claims_status_idx').on(t.status, t.submittedAt),
    check('claims_amounts', sql`(${t.requestedKopecks} IS NULL OR ${t.requestedKopecks} >= 0) AND (${t.approvedKopecks} IS NULL OR ${t.approvedKopecks} > 0)`),
  ],
)

// The payments a claim names. A payment can be in one claim only: the partial unique index holds
// among the rows not released. A claim releases its payments when it is withdrawn or rejected; a
// returned claim keeps them while the company corrects it.
export const claimPayments = sqliteTable(
  'claim_payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => compensationClaims.id),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => contractPayments.id),
    releasedAt: text('released_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('claim_payments_once_idx').on(t.paymentId).where(sql`released_at IS NULL`),
    index('claim_payments_claim_idx').on(t.claimId),
  ],
)

// The company's own costs a claim names besides its contractor's work: staff, materials, equipment,
// intellectual property. Each carries the VAT it includes and a supporting document.
export const claimCosts = sqliteTable(
  'claim_costs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => compensationClaims.id),
    category: text('category', { enum: ownCostCategories }).notNull(),
    description: text('description').notNull(),
    incurredOn: text('incurred_on').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    vatKopecks: integer('vat_kopecks').notNull().default(0),
    documentId: integer('document_id').references(() => documents.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    // A line taken out of a draft is kept, marked removed, like a released payment.
    removedAt: text('removed_at'),
  },
  (t) => [index('claim_costs_claim_idx').on(t.claimId), check('claim_costs_amounts', sql`${t.amountKopecks} > 0 AND ${t.vatKopecks} >= 0 AND ${t.vatKopecks} < ${t.amountKopecks}`)],
)

// Documents a company attaches to the claim itself (invoices, the R&D report, the subsidy
// calculation form, certificates and register extracts), each with the date it was issued, which
// the programme's maximum age is measured from. A replaced document is kept, marked removed.
export const claimDocuments = sqliteTable(
  'claim_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => compensationClaims.id),
    kind: text('kind', { enum: claimDocumentKinds }).notNull(),
    issuedOn: text('issued_on').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    removedAt: text('removed_at'),
  },
  (t) => [index('claim_documents_claim_idx').on(t.claimId, t.kind)],
)
