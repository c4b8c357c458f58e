import type { DbOrTx } from '#db/client'
import type { SearchEngine } from '#search/engine'
import { searchCandidates } from './candidates.server'
import type { TextCorpus } from './corpus-statistics'
import { corpusTotals, termCountsById, type CorpusTotals } from './corpus-store.server'
import { explainMatch, type MatchExplanation } from './explanation'
import { NO_TRACK_RECORD, structuredFit, type Criterion, type LabFacts, type RequestFacts, type TrackRecord } from './fit'
import { labTextFor, requestTextOf } from './profile-codec'
import { loadLabProfiles, loadLabSurfaces, loadLabTitles, loadRequestProfiles, type LabProfile, type RequestProfile } from './profiles.server'
import { planRetrieval } from './retrieval'
import { combine, compareRanked, isProposable, MIN_REFERENCE, PROPOSALS_PER_SIDE, textRichness, type ScoreComponents } from './score'
import { scoreLabForRequest, textRelevanceScore } from './text-relevance'
import { trackRecords } from './track-record.server'
import { regionToday } from '../calendar/calendar'

// The matcher: for a request, the labs most able to do it; for a lab, the requests it could take.
// Candidates come from the search engine; every candidate pair is scored from the stored profiles
// (text relevance with the corpus statistics, structured fit, track record), and only the proposals
// kept are explained. Nothing here re-reads or re-analyses a text.

export interface Proposal {
  requestId: number
  labId: number
  score: number
  components: ScoreComponents
  explanation: MatchExplanation
}

export interface Ranking {
  proposals: Proposal[]
  /** Pairs asked for with `alsoScore` that are not among the proposals, scored afresh. */
  rescored: Proposal[]
  /** The request direction: the best raw text score, stored as the request's reference. */
  reference: number | null
}

export interface RankOptions {
  limit?: number
  /** Other counterparts to score as well (the pairs already kept), whether search finds them or not. */
  alsoScore?: readonly number[]
  /** YYYY-MM-DD; today by default. */
  today?: string
}

interface Scored {
  id: number
  lab: LabProfile
  request: RequestProfile
  score: number
  text: number
  components: ScoreComponents
  criteria: Criterion[]
  record: TrackRecord
}

/** A text in a third language, or with no words, is matched with nothing. */
function isReadable(profile: { facts: Pick<LabFacts | RequestFacts, 'readability'> }): boolean {
  return profile.facts.readability === 'readable'
}

/** The corpus as the relevance model reads it, over just the terms being scored. */
function corpusView(totals: CorpusTotals, counts: Map<string, number>): TextCorpus {
  return { termCounts: { get: (term: string) => counts.get(term), size: totals.distinctTerms }, totalTerms: totals.totalTerms }
}

function scorePair(lab: LabProfile, request: RequestProfile, raw: number, reference: number | null, record: TrackRecord, today: string) {
  const criteria = structuredFit(lab.facts, request.facts, record, today)
  const richness = textRichness(request.textLength, lab.textLength)
  const { score, components } = combine(raw, reference, criteria, richness)
  return { score, text: components.text, components, criteria }
}

/** Explains the pairs kept: only these need the lab's titles and the matched words. */
function explain(db: DbOrTx, totals: CorpusTotals, counts: Map<string, number>, pairs: Scored[]): Proposal[] {
  const titles = loadLabTitles(db, pairs.map((p) => p.lab.id))
  const corpus = corpusView(totals, counts)
  return pairs.map((p) => {
    const labText = labTextFor(p.lab.postings, titles.get(p.lab.id) ?? null, p.request.terms, p.lab.facts.documentScripts, p.lab.vectors, new Map(loadLabSurfaces(db, p.lab.id)))
    const relevance = scoreLabForRequest(corpus, labText, requestTextOf(p.request.terms, p.request.textLength, p.request.facts.reach, p.request.vector))
    return {
      requestId: p.request.id,
      labId: p.lab.id,
      score: p.score,
      components: p.components,
      explanation: explainMatch(
        { ...relevance, matchedTerms: relevance.matchedTerms.map((word) => ({ word, counterpart: relevance.counterparts[word] ?? null })) },
        p.criteria,
        p.record,
      ),
    }
  })
}

function split(scored: Scored[], limit: number, alsoScore: readonly number[]): { kept: Scored[]; rescored: Scored[] } {
  scored.sort(compareRanked)
  const kept = scored.filter((s) => isProposable(s.score, s.components)).slice(0, limit)
  const keptIds = new Set(kept.map((s) => s.id))
  const asked = new Set(alsoScore)
  return { kept, rescored: scored.filter((s) => asked.has(s.id) && !keptIds.has(s.id)) }
}

/** The labs most able to do a published request, best first, each explained. */
export async function proposeLabsForRequest(db: DbOrTx, engine: SearchEngine, requestId: number, options: RankOptions = {}): Promise<Ranking | null> {
  const request = loadRequestProfiles(db, [requestId]).get(requestId)
  if (!request || request.facts.status !== 'published' || !isReadable(request)) return null
  const totals = corpusTotals(db)
  const stats = termCountsById(db, request.terms.map(([id]) => id))
  const counts = new Map(request.terms.map(([id, term]) => [term, stats.get(id) ?? 0]))
  const queries = planRetrieval(
    request.terms.map(([id, term, surface, count]) => ({ term, surface, count, corpusCount: stats.get(id) ?? 0 })),
    totals.totalTerms,
  )
  const found = await searchCandidates(engine, 'labs', queries)
  const labs = [...loadLabProfiles(db, [...new Set([...found, ...(options.alsoScore ?? [])])]).values()].filter(isReadable)
  const corpus = corpusView(totals, counts)
  const requestText = requestTextOf(request.terms, request.textLength, request.facts.reach, request.vector)
  const raws = labs.map((lab) => ({ lab, raw: textRelevanceScore(corpus, labTextFor(lab.postings, null, request.terms, lab.facts.documentScripts, lab.vectors), requestText) }))
  const best = raws.reduce((max, { raw }) => Math.max(max, raw), 0)
  const reference = Math.max(best, MIN_REFERENCE)
  const records = trackRecords(db, raws.map(({ lab }) => lab.facts.organisationId))
  const today = options.today ?? regionToday()
  const scored: Scored[] = raws.map(({ lab, raw }) => {
    const record = records.get(lab.facts.organisationId) ?? NO_TRACK_RECORD
    return { id: lab.id, lab, request, record, ...scorePair(lab, request, raw, reference, record, today) }
  })
  const { kept, rescored } = split(scored, options.limit ?? PROPOSALS_PER_SIDE, options.alsoScore ?? [])
  return { proposals: explain(db, totals, counts, kept), rescored: explain(db, totals, counts, rescored), reference }
}

/** The published requests an active lab could take, best first, each explained. */
export async function proposeRequestsForLab(db: DbOrTx, engine: SearchEngine, labId: number, options: RankOptions = {}): Promise<Ranking | null> {
  const lab = loadLabProfiles(db, [labId]).get(labId)
  if (!lab || !isReadable(lab)) return null
  const totals = corpusTotals(db)
  const labCounts = lab.postings.termCounts()
  const stats = termCountsById(db, [...labCounts.keys()])
  const surfaces = loadLabSurfaces(db, labId)
  const queries = planRetrieval(
    // A lab's terms are only searched for, never shown: the spelling stands in for the term.
    surfaces.map(([id, surface]) => ({ term: surface, surface, count: labCounts.get(id) ?? 0, corpusCount: stats.get(id) ?? 0 })),
    totals.totalTerms,
  )
  const found = await searchCandidates(engine, 'requests', queries, [{ field: 'status', op: 'eq', value: 'published' }])
  const requests = [...loadRequestProfiles(db, [...new Set([...found, ...(options.alsoScore ?? [])])]).values()].filter((r) => r.facts.status === 'published' && isReadable(r))
  // Only the terms the lab and a request share are ever looked up in the corpus.
  const counts = new Map<string, number>()
  for (const request of requests) for (const [id, term] of request.terms) if (stats.has(id)) counts.set(term, stats.get(id)!)
  const corpus = corpusView(totals, counts)
  const raws = requests.map((request) => ({
    request,
    raw: textRelevanceScore(corpus, labTextFor(lab.postings, null, request.terms, lab.facts.documentScripts, lab.vectors), requestTextOf(request.terms, request.textLength, request.facts.reach, request.vector)),
  }))
  // A request not refreshed since it was published has no reference yet: the best here stands in.
  const fallback = raws.reduce((max, { raw }) => Math.max(max, raw), 0)
  const record = trackRecords(db, [lab.facts.organisationId]).get(lab.facts.organisationId) ?? NO_TRACK_RECORD
  const today = options.today ?? regionToday()
  const scored: Scored[] = raws.map(({ request, raw }) => ({
    id: request.id,
    lab,
    request,
    record,
    ...scorePair(lab, request, raw, request.referenceScore ?? fallback, record, today),
  }))
  const { kept, rescored } = split(scored, options.limit ?? PROPOSALS_PER_SIDE, options.alsoScore ?? [])
  return { proposals: explain(db, totals, counts, kept), rescored: explain(db, totals, counts, rescored), reference: null }
}
