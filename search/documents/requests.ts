import { eq, inArray, max } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { classificationSearchText, oecdParent } from '../../db/classifications'
import { engagements, organisations, rdRequests } from '../../db/schema'
import { publicRequestStatuses } from '../../db/schema/values'
import type { IndexSettings, SearchDocument } from '../engine'
import { budgetBand } from './budget-band'
import { otherLanguageText } from '../crosslingual'
import { catalogueSynonyms } from './synonyms'
import { completeness, latest, readableIn } from './catalogue-order'

// Only what anyone may read goes into the index: never a draft, never the confidential details.

export const requestIndexSettings: IndexSettings = {
  // otherLanguage: the request's terms in the other language, so that a search in either finds it.
  searchable: ['title', 'titleEn', 'keywords', 'summary', 'summaryEn', 'problem', 'expectedResult', 'fieldNames', 'organisationName', 'otherLanguage'],
  filterable: ['status', 'alliance', 'oecdField', 'oecdArea', 'region', 'trlNow', 'trlWanted', 'budgetBand', 'organisationId', 'organisationVerified'],
  sortable: ['publishedAt', 'deadline', 'budgetMax', 'title', 'inRussian', 'inEnglish', 'completeness', 'activeAt'],
  synonyms: catalogueSynonyms,
}

export interface RequestDocument extends SearchDocument {
  title: string
  summary: string
  /** The optional English version, shown to readers of the English interface. */
  titleEn: string | null
  summaryEn: string | null
  status: string
  organisationId: number
  organisationName: string
  organisationVerified: boolean
}

export function buildRequestDocument(db: Db, id: string): RequestDocument | null {
  const row = db
    .select({ request: rdRequests, organisationName: organisations.name, verification: organisations.verificationStatus })
    .from(rdRequests)
    .innerJoin(organisations, eq(organisations.id, rdRequests.organisationId))
    .where(eq(rdRequests.id, Number(id)))
    .get()
  if (!row || !(publicRequestStatuses as readonly string[]).includes(row.request.status)) return null
  const r = row.request
  return {
    id: String(r.id),
    title: r.title,
    summary: r.summary,
    titleEn: r.titleEn,
    summaryEn: r.summaryEn,
    problem: r.problem,
    expectedResult: r.expectedResult,
    keywords: r.keywords,
    fieldNames: classificationSearchText('oecd', r.oecdField),
    otherLanguage: otherLanguageText([r.title, r.summary, r.problem, r.expectedResult, ...r.keywords, r.titleEn, r.summaryEn]),
    organisationId: r.organisationId,
    organisationName: row.organisationName,
    organisationVerified: row.verification === 'verified',
    status: r.status,
    alliance: r.alliance,
    oecdField: r.oecdField,
    oecdArea: oecdParent(r.oecdField),
    region: r.region,
    trlNow: r.trlNow,
    trlWanted: r.trlWanted,
    budgetMin: r.budgetMin,
    budgetMax: r.budgetMax,
    budgetBand: budgetBand(r.budgetMax),
    deadline: r.deadline,
    publishedAt: r.publishedAt ?? r.createdAt,
    ...readableIn([`${r.title} ${r.summary}`, r.titleEn && `${r.titleEn} ${r.summaryEn ?? ''}`]),
    completeness: completeness([
      r.summary.length >= 80,
      r.problem.length >= 200,
      r.expectedResult.length >= 100,
      r.keywords.length >= 3,
      r.budgetMax !== null,
      r.deadline !== null,
      r.trlNow !== null && r.trlWanted !== null,
    ]),
    // Active: published or edited, or talked about in an engagement.
    activeAt: latest([r.publishedAt, r.updatedAt, db.select({ at: max(engagements.updatedAt) }).from(engagements).where(eq(engagements.requestId, r.id)).get()?.at]),
  }
}

export function allRequestIds(db: Db): string[] {
  return db
    .select({ id: rdRequests.id })
    .from(rdRequests)
    .where(inArray(rdRequests.status, [...publicRequestStatuses]))
    .all()
    .map((r) => String(r.id))
}
