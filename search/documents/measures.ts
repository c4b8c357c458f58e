import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { supportMeasures } from '../../db/schema'
import type { IndexSettings, SearchDocument } from '../engine'
import { catalogueSynonyms } from './synonyms'

// Support measures: only active ones are searchable; an archived measure leaves the index.

export const measureIndexSettings: IndexSettings = {
  searchable: ['title', 'provider', 'kindNames', 'description', 'requiredDocuments'],
  filterable: ['status', 'level', 'kind', 'provider', 'organisationTypes', 'companySizes', 'regions', 'sectors', 'stages', 'trlMin', 'trlMax', 'isDemo'],
  sortable: ['title', 'deadline', 'amountMax', 'updatedAt'],
  synonyms: [
    ...catalogueSynonyms,
    ['ниокр', 'исследования и разработки', 'r&d'],
    ['фси', 'фонд содействия инновациям'],
    ['фрп', 'фонд развития промышленности'],
    ['заём', 'займ', 'кредит', 'loan'],
    ['льгота', 'преференция', 'relief'],
  ],
}

// Kinds and levels by the words people search for them with, in both languages: the dictionaries
// live in app/, which search/ does not import.
const kindWords: Record<string, string> = {
  grant: 'грант grant',
  subsidy: 'субсидия subsidy',
  compensation: 'компенсация возмещение затрат compensation',
  loan: 'заём льготный займ loan',
  tax_relief: 'налоговая льгота tax relief',
  service: 'услуга сервис service',
}
const levelWords: Record<string, string> = { federal: 'федеральная federal', regional: 'региональная областная regional' }

export interface MeasureDocument extends SearchDocument {
  title: string
  provider: string
  description: string
  level: string
  kind: string
  isDemo: boolean
}

export function buildMeasureDocument(db: Db, id: string): MeasureDocument | null {
  const measure = db.select().from(supportMeasures).where(eq(supportMeasures.id, Number(id))).get()
  if (!measure || measure.status !== 'active') return null
  return {
    id: String(measure.id),
    title: measure.title,
    provider: measure.provider,
    kindNames: `${kindWords[measure.kind] ?? ''} ${levelWords[measure.level] ?? ''}`,
    description: measure.description,
    requiredDocuments: measure.requiredDocuments,
    status: measure.status,
    level: measure.level,
    kind: measure.kind,
    organisationTypes: measure.organisationTypes,
    companySizes: measure.companySizes,
    regions: measure.regions,
    sectors: measure.sectors,
    stages: measure.stages,
    trlMin: measure.trlMin,
    trlMax: measure.trlMax,
    amountMin: measure.amountMinKopecks,
    amountMax: measure.amountMaxKopecks,
    deadline: measure.deadline,
    isDemo: measure.isDemo,
    updatedAt: measure.updatedAt,
  }
}

export function allMeasureIds(db: Db): string[] {
  return db
    .select({ id: supportMeasures.id })
    .from(supportMeasures)
    .where(eq(supportMeasures.status, 'active'))
    .all()
    .map((r) => String(r.id))
}
