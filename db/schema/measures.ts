import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { CompanySize } from './values'
import { coFinancingBases, measureKinds, measureLevels, measureStatuses, stackingRules, type ApplicantType, type MeasureStage } from './measure-values'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

// A regional or federal support measure (grant, subsidy, loan, tax relief, service) and who may
// apply for it. An empty list of organisation types, sizes, regions, sectors or stages means "any";
// a missing TRL bound, amount or deadline means "no limit". Measures are archived, never deleted.
export const supportMeasures = sqliteTable(
  'support_measures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    /** Who runs the measure, as people name it: «Фонд содействия инновациям», «Минпромторг России». */
    provider: text('provider').notNull(),
    level: text('level', { enum: measureLevels }).notNull(),
    kind: text('kind', { enum: measureKinds }).notNull(),
    description: text('description').notNull(),
    organisationTypes: text('organisation_types', { mode: 'json' }).$type<ApplicantType[]>().notNull(),
    companySizes: text('company_sizes', { mode: 'json' }).$type<CompanySize[]>().notNull(),
    /** Region codes (as organisations store them); empty: every region. */
    regions: text('regions', { mode: 'json' }).$type<string[]>().notNull(),
    /** First-level OECD FOS areas ("2") and project alliances ("pharma"); empty: every sector. */
    sectors: text('sectors', { mode: 'json' }).$type<string[]>().notNull(),
    stages: text('stages', { mode: 'json' }).$type<MeasureStage[]>().notNull(),
    trlMin: integer('trl_min'),
    trlMax: integer('trl_max'),
    amountMinKopecks: integer('amount_min_kopecks'),
    amountMaxKopecks: integer('amount_max_kopecks'),
    /** The applicant's own share, in basis points, of what `coFinancingBase` says. */
    coFinancingBp: integer('co_financing_bp'),
    coFinancingBase: text('co_financing_base', { enum: coFinancingBases }).notNull().default('project'),
    /** A multi-year measure: the amount bounds are per year, for up to this many years; null: one sum. */
    maxYears: integer('max_years'),
    /** Who must perform the R&D the measure pays for; empty: anyone. */
    contractorTypes: text('contractor_types', { mode: 'json' }).$type<ApplicantType[]>().notNull().default(sql`'[]'`),
    /** Whether the measure may be combined with others over the same costs; null: it pays no costs. */
    stacking: text('stacking', { enum: stackingRules }),
    /** The last day applications are accepted (YYYY-MM-DD, region's calendar); null: open-ended. */
    deadline: text('deadline'),
    requiredDocuments: text('required_documents', { mode: 'json' }).$type<string[]>().notNull(),
    link: text('link').notNull(),
    /** The legal act or official page the measure's terms were read from, its name, and the day they were checked. */
    sourceUrl: text('source_url'),
    sourceTitle: text('source_title'),
    sourceCheckedOn: text('source_checked_on'),
    /** Demo data whose figures nobody has checked against the measure's rules: the pages say so. */
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: measureStatuses }).notNull().default('active'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('support_measures_status_idx').on(t.status),
    check('support_measures_trl', sql`(${t.trlMin} IS NULL OR ${t.trlMin} BETWEEN 1 AND 9) AND (${t.trlMax} IS NULL OR ${t.trlMax} BETWEEN 1 AND 9) AND (${t.trlMin} IS NULL OR ${t.trlMax} IS NULL OR ${t.trlMin} <= ${t.trlMax})`),
    check('support_measures_amounts', sql`(${t.amountMinKopecks} IS NULL OR ${t.amountMinKopecks} >= 0) AND (${t.amountMinKopecks} IS NULL OR ${t.amountMaxKopecks} IS NULL OR ${t.amountMinKopecks} <= ${t.amountMaxKopecks})`),
    check('support_measures_co_financing', sql`${t.coFinancingBp} IS NULL OR ${t.coFinancingBp} BETWEEN 0 AND 10000`),
  ],
)

export type SupportMeasure = typeof supportMeasures.$inferSelect
