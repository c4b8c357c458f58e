import { eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '#db/client'
import { labs, matches, rdRequests } from '#db/schema'
import type { IndexName, SearchEngine } from '#search/engine'
import { indexRegistry } from '#search/registry'
import { audit } from '../audit/audit.server'
import { notifyOrganisations } from '../notifications/notify.server'
import { proposeLabsForRequest, proposeRequestsForLab, type Proposal, type Ranking } from './matcher.server'
import { saveReferenceScore, updateProfiles } from './profiles.server'
import { isProposable, NOTIFY_THRESHOLD } from './score'

// Proposals are kept in the matches table and refreshed when a request or a lab changes: the search
// outbox queues the refresh once the engine has the record's new document, and the background
// process works the queue (refresh-queue.server.ts). A refresh
// ranks the record's counterparts afresh and reconciles its rows:
// - its new top gets a row each (new ones announced to both organisations above NOTIFY_THRESHOLD);
// - a row that falls out of the top is rescored and stays while either side has acted on it (viewed,
//   interested, dismissed) or it is still in the other record's top (and still worth proposing);
//   otherwise it is withdrawn;
// - a side's status is never touched: a dismissed proposal stays dismissed.

export interface RefreshOptions {
  /** Announce new proposals above the threshold; off for the first build of a whole catalogue. */
  notify: boolean
  /** YYYY-MM-DD, for the deadline rule; today by default. */
  today?: string
}

export interface RefreshSummary {
  proposed: number
  withdrawn: number
  announced: number
}

type Side = 'request' | 'lab'

const SYSTEM = { userId: null, organisationId: null }
const ensured = new WeakMap<SearchEngine, Promise<void>>()

/**
 * Both indexes the matcher searches exist before it searches them: a catalogue with labs but no
 * request yet has no requests index until the first request is synced. Once per engine and process.
 */
function ensureIndexes(engine: SearchEngine): Promise<void> {
  let ready = ensured.get(engine)
  if (!ready) {
    ready = Promise.all((['labs', 'requests'] as const).map((name) => engine.ensureIndex(name, indexRegistry[name]!.settings))).then(() => undefined)
    ready.catch(() => ensured.delete(engine))
    ensured.set(engine, ready)
  }
  return ready
}

export async function refreshRequestMatches(db: Db, engine: SearchEngine, requestId: number, options: RefreshOptions): Promise<RefreshSummary> {
  await ensureIndexes(engine)
  const existing = db.select({ labId: matches.labId }).from(matches).where(eq(matches.requestId, requestId)).all()
  const ranking = await proposeLabsForRequest(db, engine, requestId, { alsoScore: existing.map((row) => row.labId), today: options.today })
  return db.transaction((tx) => {
    if (ranking?.reference != null) saveReferenceScore(tx, requestId, ranking.reference)
    return reconcile(tx, 'request', requestId, ranking, options)
  })
}

export async function refreshLabMatches(db: Db, engine: SearchEngine, labId: number, options: RefreshOptions): Promise<RefreshSummary> {
  await ensureIndexes(engine)
  const existing = db.select({ requestId: matches.requestId }).from(matches).where(eq(matches.labId, labId)).all()
  const ranking = await proposeRequestsForLab(db, engine, labId, { alsoScore: existing.map((row) => row.requestId), today: options.today })
  return db.transaction((tx) => reconcile(tx, 'lab', labId, ranking, options))
}

function reconcile(tx: Tx, side: Side, id: number, ranking: Ranking | null, options: RefreshOptions): RefreshSummary {
  const own = side === 'request' ? matches.requestId : matches.labId
  const counterpartOf = (row: { requestId: number; labId: number }) => (side === 'request' ? row.labId : row.requestId)
  const rows = new Map(tx.select().from(matches).where(eq(own, id)).all().map((row) => [counterpartOf(row), row]))
  const summary: RefreshSummary = { proposed: 0, withdrawn: 0, announced: 0 }
  const created: Proposal[] = []
  const now = new Date().toISOString()
  const rankField = side === 'request' ? 'requestRank' : 'labRank'

  ranking?.proposals.forEach((proposal, index) => {
    const values = { score: proposal.score, components: proposal.components, explanation: proposal.explanation, [rankField]: index + 1, updatedAt: now }
    const row = rows.get(counterpartOf(proposal))
    if (row) {
      tx.update(matches).set(values).where(eq(matches.id, row.id)).run()
      rows.delete(counterpartOf(proposal))
      return
    }
    const inserted = tx
      .insert(matches)
      .values({ requestId: proposal.requestId, labId: proposal.labId, ...values })
      .returning()
      .get()
    audit(tx, SYSTEM, 'match.proposed', { type: 'match', id: inserted.id }, null, { requestId: inserted.requestId, labId: inserted.labId, score: inserted.score })
    summary.proposed++
    created.push(proposal)
  })

  // What is left fell out of this side's top, or its counterpart can no longer be matched. A pair
  // that is no longer worth proposing at all has fallen out of the other side's top as well.
  const rescored = new Map((ranking?.rescored ?? []).map((p) => [counterpartOf(p), p]))
  const otherRankField = side === 'request' ? 'labRank' : 'requestRank'
  for (const [counterpart, row] of rows) {
    const fresh = rescored.get(counterpart)
    const proposable = fresh !== undefined && isProposable(fresh.score, fresh.components)
    const otherRank = proposable ? row[otherRankField] : null
    const untouched = row.companyStatus === 'new' && row.labStatus === 'new'
    if (untouched && otherRank === null) {
      tx.delete(matches).where(eq(matches.id, row.id)).run()
      audit(tx, SYSTEM, 'match.withdrawn', { type: 'match', id: row.id }, { requestId: row.requestId, labId: row.labId, score: row.score }, null)
      summary.withdrawn++
      continue
    }
    const rescore = fresh ? { score: fresh.score, components: fresh.components, explanation: fresh.explanation, updatedAt: now } : {}
    tx.update(matches)
      .set({ ...rescore, [rankField]: null, [otherRankField]: otherRank })
      .where(eq(matches.id, row.id))
      .run()
  }

  if (options.notify) summary.announced = announce(tx, side, id, created.filter((p) => p.score >= NOTIFY_THRESHOLD))
  return summary
}

/**
 * Tells both organisations of each new proposal above the threshold: the side refreshed gets one
 * notice with the count, each counterpart's organisation a notice of its own.
 */
function announce(tx: Tx, side: Side, id: number, proposals: Proposal[]): number {
  if (proposals.length === 0) return 0
  const requestIds = [...new Set(proposals.map((p) => p.requestId))]
  const labIds = [...new Set(proposals.map((p) => p.labId))]
  const requests = new Map(
    tx.select({ id: rdRequests.id, title: rdRequests.title, organisationId: rdRequests.organisationId }).from(rdRequests).where(inArray(rdRequests.id, requestIds)).all().map((r) => [r.id, r]),
  )
  const labRows = new Map(tx.select({ id: labs.id, name: labs.name, organisationId: labs.organisationId }).from(labs).where(inArray(labs.id, labIds)).all().map((l) => [l.id, l]))
  const count = proposals.length
  if (side === 'request') {
    const request = requests.get(id)!
    notifyOrganisations(tx, [request.organisationId], { kind: 'newLabsForRequest', params: { count, request: request.title }, link: `/requests/${id}#proposed-labs` })
    for (const p of proposals) {
      const lab = labRows.get(p.labId)!
      notifyOrganisations(tx, [lab.organisationId], { kind: 'newRequestForLab', params: { lab: lab.name, request: request.title }, link: `/matches?lab=${lab.id}` })
    }
  } else {
    const lab = labRows.get(id)!
    notifyOrganisations(tx, [lab.organisationId], { kind: 'newRequestsForLab', params: { count, lab: lab.name }, link: `/matches?lab=${id}` })
    for (const p of proposals) {
      const request = requests.get(p.requestId)!
      notifyOrganisations(tx, [request.organisationId], { kind: 'newLabForRequest', params: { lab: lab.name, request: request.title }, link: `/requests/${request.id}#proposed-labs` })
    }
  }
  return count
}

/**
 * The outbox hook: the search engine has accepted these labs or requests, so their profiles follow
 * (their proposals are queued, see refresh-queue.server.ts). Other indexes do not concern matching.
 */
export async function syncProfiles(db: Db, indexName: IndexName, ids: readonly string[]): Promise<void> {
  if (indexName !== 'labs' && indexName !== 'requests') return
  const numeric = ids.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0)
  await updateProfiles(db, indexName === 'labs' ? 'lab' : 'request', numeric)
}
