import { eq, max } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { classificationSearchText } from '../../db/classifications'
import { engagements, labProjects, labPublications, labs, organisations } from '../../db/schema'
import type { IndexSettings, SearchDocument } from '../engine'
import { otherLanguageText } from '../crosslingual'
import { catalogueSynonyms } from './synonyms'
import { completeness, latest, readableIn } from './catalogue-order'

export const labIndexSettings: IndexSettings = {
  // otherLanguage: the profile's terms in the other language, so that a search in either finds it.
  searchable: ['name', 'nameEn', 'keywords', 'description', 'descriptionEn', 'services', 'equipment', 'publications', 'projects', 'fieldNames', 'organisationName', 'otherLanguage'],
  filterable: ['alliance', 'oecdFields', 'oecdAreas', 'region', 'organisationType', 'organisationId', 'organisationVerified', 'trlMin', 'trlMax'],
  sortable: ['name', 'updatedAt', 'publicationCount', 'inRussian', 'inEnglish', 'completeness', 'activeAt'],
  synonyms: catalogueSynonyms,
}


export interface LabDocument extends SearchDocument {
  name: string
  description: string
  /** The optional English version, shown to readers of the English interface. */
  nameEn: string | null
  descriptionEn: string | null
  organisationId: number
  organisationName: string
}

export function buildLabDocument(db: Db, id: string): LabDocument | null {
  const row = db
    .select({ lab: labs, organisation: organisations })
    .from(labs)
    .innerJoin(organisations, eq(organisations.id, labs.organisationId))
    .where(eq(labs.id, Number(id)))
    .get()
  if (!row || row.lab.status !== 'active') return null
  const { lab, organisation } = row
  const publications = db.select().from(labPublications).where(eq(labPublications.labId, lab.id)).all()
  const projects = db.select().from(labProjects).where(eq(labProjects.labId, lab.id)).all()
  const publicationTexts = publications.map((p) => [p.title, p.abstract].filter(Boolean).join('. '))
  return {
    id: String(lab.id),
    name: lab.name,
    description: lab.description,
    nameEn: lab.nameEn,
    descriptionEn: lab.descriptionEn,
    keywords: lab.keywords,
    services: lab.services,
    equipment: lab.equipment,
    publications: publicationTexts,
    projects: projects.map((p) => [p.title, p.description].filter(Boolean).join('. ')),
    otherLanguage: otherLanguageText([lab.name, lab.description, lab.nameEn, lab.descriptionEn, ...lab.keywords, ...lab.services, ...lab.equipment, ...publicationTexts]),
    fieldNames: lab.oecdFields.map((code) => classificationSearchText('oecd', code)).join(' '),
    organisationId: organisation.id,
    organisationName: organisation.shortName ? `${organisation.shortName} ${organisation.name}` : organisation.name,
    organisationType: organisation.type,
    organisationVerified: organisation.verificationStatus === 'verified',
    region: organisation.region,
    alliance: lab.alliance,
    oecdFields: lab.oecdFields,
    oecdAreas: [...new Set(lab.oecdFields.map((code) => code.split('.')[0]))],
    trlMin: lab.trlMin,
    trlMax: lab.trlMax,
    publicationCount: publications.length,
    updatedAt: lab.updatedAt,
    ...readableIn([`${lab.name} ${lab.description}`, lab.nameEn && `${lab.nameEn} ${lab.descriptionEn ?? ''}`]),
    completeness: completeness([
      lab.description.length >= 200,
      lab.keywords.length >= 3,
      lab.equipment.length > 0,
      lab.services.length > 0,
      publications.length > 0,
      projects.length > 0,
      Boolean(lab.contactEmail || lab.contactPhone),
      lab.trlMin !== null && lab.trlMax !== null,
    ]),
    // Active: an edit of the profile, its newest publication or project, its latest engagement.
    activeAt: latest([
      lab.updatedAt > lab.createdAt ? lab.updatedAt : null,
      ...publications.map((p) => (p.year ? `${p.year}-07-01` : null)),
      ...projects.map((p) => (p.year ? `${p.year}-07-01` : null)),
      db.select({ at: max(engagements.updatedAt) }).from(engagements).where(eq(engagements.labId, lab.id)).get()?.at,
    ]),
  }
}

export function allLabIds(db: Db): string[] {
  return db
    .select({ id: labs.id })
    .from(labs)
    .where(eq(labs.status, 'active'))
    .all()
    .map((r) => String(r.id))
}
