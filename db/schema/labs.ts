import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { organisations } from './organisations'
import { alliances, labStatuses } from './values'

// A lab or department of a university or institute and what it can do for industry.
export const labs = sqliteTable(
  'labs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    description: text('description').notNull(),
    // Optional English name and description beside the Russian ones, for readers of the English interface.
    nameEn: text('name_en'),
    descriptionEn: text('description_en'),
    oecdFields: text('oecd_fields', { mode: 'json' }).$type<string[]>().notNull(),
    grnti: text('grnti', { mode: 'json' }).$type<string[]>().notNull(),
    alliance: text('alliance', { enum: alliances }),
    keywords: text('keywords', { mode: 'json' }).$type<string[]>().notNull(),
    equipment: text('equipment', { mode: 'json' }).$type<string[]>().notNull(),
    services: text('services', { mode: 'json' }).$type<string[]>().notNull(),
    trlMin: integer('trl_min').notNull(),
    trlMax: integer('trl_max').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    status: text('status', { enum: labStatuses }).notNull().default('active'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index('labs_org_idx').on(t.organisationId)],
)

export const labPublications = sqliteTable(
  'lab_publications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    abstract: text('abstract'),
    year: integer('year'),
    link: text('link'),
  },
  (t) => [index('lab_publications_lab_idx').on(t.labId)],
)

export const labProjects = sqliteTable(
  'lab_projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    year: integer('year'),
    customer: text('customer'),
    description: text('description'),
  },
  (t) => [index('lab_projects_lab_idx').on(t.labId)],
)
