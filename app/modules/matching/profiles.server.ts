import { and, count, eq, inArray, ne } from 'drizzle-orm'
import type { Db, DbOrTx } from '#db/client'
import { labPublications, labs, matchProfiles, organisations, rdRequests } from '#db/schema'
import type { MatchEntityType } from '#db/schema/match-values'
import { addCounts, applyTermDeltas, chunks, resetCorpus, termIds } from './corpus-store.server'
import type { LabFacts, RequestFacts } from './fit'
import { encodeEnglish } from '#search/sentence-encoder'
import { decodeVectors, encodeLabPostings, encodeScripts, encodeVectors, LabPostings, type StoredLabSurface, type StoredRequestTerm } from './profile-codec'
import type { DocumentVectors } from './semantic-relevance'
import { analyzeLab, analyzeRequest, labPassages, requestPassage, vectorsOf } from './text-relevance'
import { readability } from './readable-language'
import { textAnalysis } from './text-terms'

// Matching profiles: each active lab's and published request's analysed text and structured facts,
// with the corpus statistics over all of them, kept in step in one transaction. Only a request's
// public text (title, problem, expected result, keywords) is analysed: never its confidential part.

const BATCH = 500

export interface LabProfile {
  id: number
  postings: LabPostings
  facts: LabFacts
  textLength: number
  vectors: DocumentVectors | null
}

export interface RequestProfile {
  id: number
  terms: StoredRequestTerm[]
  facts: RequestFacts
  textLength: number
  referenceScore: number | null
  vector: Float32Array | null
}

interface LabSource {
  id: number
  facts: Omit<LabFacts, 'readability' | 'documentScripts'>
  description: string
  keywords: string[]
  publications: { title: string; abstract: string | null }[]
}

interface RequestSource {
  id: number
  facts: Omit<RequestFacts, 'readability' | 'reach'>
  title: string
  problem: string
  expectedResult: string
  keywords: string[]
}

function readLabSources(db: DbOrTx, ids: number[]): LabSource[] {
  if (ids.length === 0) return []
  const rows = db
    .select({ lab: labs, region: organisations.region })
    .from(labs)
    .innerJoin(organisations, eq(organisations.id, labs.organisationId))
    .where(and(inArray(labs.id, ids), eq(labs.status, 'active')))
    .all()
  const publications = new Map<number, LabSource['publications']>()
  for (const p of db.select().from(labPublications).where(inArray(labPublications.labId, ids)).all()) {
    const list = publications.get(p.labId) ?? []
    list.push({ title: p.title, abstract: p.abstract })
    publications.set(p.labId, list)
  }
  return rows.map(({ lab, region }) => ({
    id: lab.id,
    facts: {
      organisationId: lab.organisationId,
      oecdFields: lab.oecdFields,
      alliance: lab.alliance,
      trlMin: lab.trlMin,
      trlMax: lab.trlMax,
      region,
    },
    description: lab.description,
    keywords: lab.keywords,
    publications: publications.get(lab.id) ?? [],
  }))
}

/** Published requests only: a draft, paused or closed request is proposed to nobody. */
function readRequestSources(db: DbOrTx, ids: number[]): RequestSource[] {
  if (ids.length === 0) return []
  return db
    .select()
    .from(rdRequests)
    .where(and(inArray(rdRequests.id, ids), eq(rdRequests.status, 'published')))
    .all()
    .map((r) => ({
      id: r.id,
      facts: {
        organisationId: r.organisationId,
        oecdField: r.oecdField,
        alliance: r.alliance,
        trlNow: r.trlNow,
        trlWanted: r.trlWanted,
        budgetMin: r.budgetMin,
        budgetMax: r.budgetMax,
        deadline: r.deadline,
        region: r.region,
        status: r.status,
      },
      title: r.title,
      problem: r.problem,
      expectedResult: r.expectedResult,
      keywords: r.keywords,
    }))
}

/** The passages of the sources' texts, for their sentence vectors. */
function passagesOf(type: MatchEntityType, db: DbOrTx, ids: number[]): string[] {
  return type === 'lab' ? readLabSources(db, ids).flatMap((source) => labPassages(labText(source))) : readRequestSources(db, ids).map(requestPassage)
}

function labText(source: LabSource) {
  return { expertise: source.description, keywords: source.keywords, publications: source.publications }
}

/**
 * Brings the profiles of these labs or requests in line with the database, in one transaction with
 * the corpus statistics: a lab that is no longer active or a request no longer published loses its
 * profile. Returns the ids that have a profile now. The sentence model runs before the transaction
 * (it is asynchronous): a text changed meanwhile finds no vector made for it, and gets one at the
 * refresh its change queues.
 */
export async function updateProfiles(db: Db, type: MatchEntityType, ids: readonly number[]): Promise<number[]> {
  const kept: number[] = []
  for (const batch of chunks([...new Set(ids)], BATCH)) {
    const made = await encodeEnglish(passagesOf(type, db, batch))
    db.transaction((tx) => {
      const deltas = new Map<number, number>()
      const old = tx
        .select({ id: matchProfiles.entityId, postings: matchProfiles.postings, terms: matchProfiles.terms })
        .from(matchProfiles)
        .where(and(eq(matchProfiles.entityType, type), inArray(matchProfiles.entityId, batch)))
        .all()
      for (const row of old) {
        if (type === 'lab') addCounts(deltas, new LabPostings(row.postings!).termCounts(), -1)
        else addCounts(deltas, (JSON.parse(row.terms) as StoredRequestTerm[]).map(([id, , , count]) => [id, count]), -1)
      }
      tx.delete(matchProfiles).where(and(eq(matchProfiles.entityType, type), inArray(matchProfiles.entityId, batch))).run()
      const rows = type === 'lab' ? labRows(tx, readLabSources(tx, batch), deltas, made) : requestRows(tx, readRequestSources(tx, batch), deltas, made)
      for (const chunk of chunks(rows, 100)) tx.insert(matchProfiles).values(chunk).run()
      applyTermDeltas(tx, deltas)
      kept.push(...rows.map((row) => row.entityId))
    })
  }
  return kept
}

function labRows(tx: DbOrTx, sources: LabSource[], deltas: Map<number, number>, made: ReadonlyMap<string, Float32Array>): (typeof matchProfiles.$inferInsert)[] {
  const analysed = sources.map((source) => ({ source, text: analyzeLab(labText(source)), vectors: vectorsOf(labPassages(labText(source)), made) }))
  const ids = termIds(tx, analysed.flatMap(({ text }) => [...text.postings.keys()]))
  return analysed.map(({ source, text, vectors }) => {
    const postings = new Map<number, [number, number][]>()
    const counts: [number, number][] = []
    for (const [term, pairs] of text.postings) {
      const id = ids.get(term)!
      postings.set(id, pairs)
      counts.push([id, pairs.reduce((sum, [, count]) => sum + count, 0)])
    }
    addCounts(deltas, counts, 1)
    const surfaces: StoredLabSurface[] = [...(text.surfaces ?? [])].map(([term, surface]) => [ids.get(term)!, surface])
    return {
      entityType: 'lab' as const,
      entityId: source.id,
      postings: Buffer.from(encodeLabPostings(text.documents.map((d) => d.length), postings)),
      terms: JSON.stringify(surfaces),
      documents: JSON.stringify(text.documents.map((d) => d.publicationTitle)),
      facts: {
        ...source.facts,
        readability: readability([source.description, ...source.keywords, ...source.publications.flatMap((p) => [p.title, p.abstract])]),
        documentScripts: encodeScripts(text.documents.map((d) => d.script)),
      },
      textLength: text.documents.reduce((sum, d) => sum + d.length, 0),
      vectors: vectors ? Buffer.from(encodeVectors(vectors)) : null,
      analysis: textAnalysis(),
    }
  })
}

function requestRows(tx: DbOrTx, sources: RequestSource[], deltas: Map<number, number>, made: ReadonlyMap<string, Float32Array>): (typeof matchProfiles.$inferInsert)[] {
  const analysed = sources.map((source) => ({
    source,
    text: analyzeRequest({ title: source.title, problem: source.problem, expectedResult: source.expectedResult, keywords: source.keywords }),
  }))
  const ids = termIds(tx, analysed.flatMap(({ text }) => [...text.counts.keys()]))
  return analysed.map(({ source, text }) => {
    const terms: StoredRequestTerm[] = [...text.counts].map(([term, count]) => [ids.get(term)!, term, text.surfaces.get(term)!, count])
    addCounts(deltas, terms.map(([id, , , count]) => [id, count]), 1)
    return {
      entityType: 'request' as const,
      entityId: source.id,
      terms: JSON.stringify(terms),
      facts: { ...source.facts, readability: readability([source.title, source.problem, source.expectedResult, ...source.keywords]), reach: text.reach },
      textLength: text.length,
      vectors: made.has(requestPassage(source)) ? Buffer.from(encodeVectors([made.get(requestPassage(source))!])) : null,
      analysis: textAnalysis(),
    }
  })
}

/** Every profile again from the database: for a new installation, or after the analysis changed. */
export interface RebuildProgress {
  type: MatchEntityType
  /** Of this type's records. */
  done: number
  total: number
  /** Of all records, labs and requests. */
  overall: { done: number; total: number }
}

export async function rebuildProfiles(db: Db, onProgress?: (progress: RebuildProgress) => void): Promise<{ labs: number; requests: number }> {
  db.transaction((tx) => {
    tx.delete(matchProfiles).run()
    resetCorpus(tx)
  })
  const labIds = db.select({ id: labs.id }).from(labs).where(eq(labs.status, 'active')).all().map((r) => r.id)
  const requestIds = db.select({ id: rdRequests.id }).from(rdRequests).where(eq(rdRequests.status, 'published')).all().map((r) => r.id)
  const done = { labs: 0, requests: 0 }
  for (const [type, ids] of [['lab', labIds], ['request', requestIds]] as const) {
    for (let start = 0; start < ids.length; start += BATCH) {
      const kept = (await updateProfiles(db, type, ids.slice(start, start + BATCH))).length
      if (type === 'lab') done.labs += kept
      else done.requests += kept
      const reached = Math.min(start + BATCH, ids.length)
      onProgress?.({ type, done: reached, total: ids.length, overall: { done: (type === 'lab' ? 0 : labIds.length) + reached, total: labIds.length + requestIds.length } })
    }
  }
  return done
}

/** Whether some profile was made by an analysis other than today's (an upgrade, a changed glossary). */
export function profilesOutdated(db: DbOrTx): boolean {
  return db.select({ id: matchProfiles.entityId }).from(matchProfiles).where(ne(matchProfiles.analysis, textAnalysis())).limit(1).get() !== undefined
}

export function profileCount(db: DbOrTx): number {
  return db.select({ n: count() }).from(matchProfiles).get()?.n ?? 0
}

export function loadLabProfiles(db: DbOrTx, ids: readonly number[]): Map<number, LabProfile> {
  const profiles = new Map<number, LabProfile>()
  for (const chunk of chunks(ids, BATCH)) {
    const rows = db
      .select({ id: matchProfiles.entityId, postings: matchProfiles.postings, facts: matchProfiles.facts, textLength: matchProfiles.textLength, vectors: matchProfiles.vectors })
      .from(matchProfiles)
      .where(and(eq(matchProfiles.entityType, 'lab'), inArray(matchProfiles.entityId, chunk)))
      .all()
    for (const row of rows) {
      profiles.set(row.id, {
        id: row.id,
        postings: new LabPostings(row.postings!),
        facts: row.facts as LabFacts,
        textLength: row.textLength,
        vectors: row.vectors ? decodeVectors(row.vectors) : null,
      })
    }
  }
  return profiles
}

/** The titles of each lab's texts (null for its own profile text), for explaining a few proposals. */
export function loadLabTitles(db: DbOrTx, ids: readonly number[]): Map<number, (string | null)[]> {
  if (ids.length === 0) return new Map()
  const rows = db
    .select({ id: matchProfiles.entityId, documents: matchProfiles.documents })
    .from(matchProfiles)
    .where(and(eq(matchProfiles.entityType, 'lab'), inArray(matchProfiles.entityId, [...ids])))
    .all()
  return new Map(rows.map((row) => [row.id, JSON.parse(row.documents ?? '[]') as (string | null)[]]))
}

/** A lab's terms as its texts spell them, to search for them. */
export function loadLabSurfaces(db: DbOrTx, id: number): StoredLabSurface[] {
  const row = db
    .select({ terms: matchProfiles.terms })
    .from(matchProfiles)
    .where(and(eq(matchProfiles.entityType, 'lab'), eq(matchProfiles.entityId, id)))
    .get()
  return row ? (JSON.parse(row.terms) as StoredLabSurface[]) : []
}

export function loadRequestProfiles(db: DbOrTx, ids: readonly number[]): Map<number, RequestProfile> {
  const profiles = new Map<number, RequestProfile>()
  for (const chunk of chunks(ids, BATCH)) {
    const rows = db
      .select()
      .from(matchProfiles)
      .where(and(eq(matchProfiles.entityType, 'request'), inArray(matchProfiles.entityId, chunk)))
      .all()
    for (const row of rows) {
      profiles.set(row.entityId, {
        id: row.entityId,
        terms: JSON.parse(row.terms) as StoredRequestTerm[],
        facts: row.facts as RequestFacts,
        textLength: row.textLength,
        referenceScore: row.referenceScore,
        vector: row.vectors ? decodeVectors(row.vectors)[0] : null,
      })
    }
  }
  return profiles
}

/** Remembers the request's best raw text score, by which every pair with it is scaled. */
export function saveReferenceScore(db: DbOrTx, requestId: number, reference: number): void {
  db.update(matchProfiles)
    .set({ referenceScore: reference })
    .where(and(eq(matchProfiles.entityType, 'request'), eq(matchProfiles.entityId, requestId)))
    .run()
}
