import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { compensationClaims, contracts, contractVersions, labs, organisations, rdRequests } from '#db/schema'
import { memoUntilDataChanges } from '#db/data-version'
import { database, db } from '~/db.server'

// The home page's live picture of the cluster: what is open, who takes part, what it produced.
// Public figures only: counts and sums anyone could add up from the public catalogues and registry.
// They count the whole catalogue, and the home page is the most read page: both are computed once per
// state of the database (db/data-version.ts).

const keptFigures = memoUntilDataChanges(() => database.sqlite, () => 'cluster', countCluster)
export const clusterFigures = () => keptFigures(null)

/** The newest published requests, for the home page. */
export const recentRequests = memoUntilDataChanges(() => database.sqlite, (limit: number) => String(limit), newestRequests)

function countCluster() {
  const byType = Object.fromEntries(
    db
      .select({ type: organisations.type, n: count() })
      .from(organisations)
      .where(isNull(organisations.archivedAt))
      .groupBy(organisations.type)
      .all()
      .map((r) => [r.type, r.n]),
  ) as Partial<Record<string, number>>
  const openRequests = db.select({ n: count() }).from(rdRequests).where(eq(rdRequests.status, 'published')).get()?.n ?? 0
  const activeLabs = db.select({ n: count() }).from(labs).where(eq(labs.status, 'active')).get()?.n ?? 0
  const contracted = db
    .select({ n: count(), kopecks: sql<number>`coalesce(sum(${contractVersions.priceKopecks}), 0)` })
    .from(contracts)
    .innerJoin(contractVersions, eq(contractVersions.id, contracts.confirmedVersionId))
    .where(eq(contracts.status, 'confirmed'))
    .get()
  const compensated = db.select({ kopecks: sql<number>`coalesce(sum(${compensationClaims.approvedKopecks}), 0)` }).from(compensationClaims).where(eq(compensationClaims.status, 'paid')).get()
  return {
    openRequests,
    activeLabs,
    companies: byType.company ?? 0,
    universities: byType.university ?? 0,
    institutes: (byType.institute ?? 0) + (byType.research_org ?? 0),
    contracts: contracted?.n ?? 0,
    contractedKopecks: contracted?.kopecks ?? 0,
    compensatedKopecks: compensated?.kopecks ?? 0,
  }
}

function newestRequests(limit: number) {
  return db
    .select({
      id: rdRequests.id,
      title: rdRequests.title,
      summary: rdRequests.summary,
      alliance: rdRequests.alliance,
      budgetMax: rdRequests.budgetMax,
      deadline: rdRequests.deadline,
      publishedAt: rdRequests.publishedAt,
      companyName: sql<string>`coalesce(${organisations.shortName}, ${organisations.name})`,
    })
    .from(rdRequests)
    .innerJoin(organisations, eq(organisations.id, rdRequests.organisationId))
    .where(and(inArray(rdRequests.status, ['published']), isNull(organisations.archivedAt)))
    .orderBy(desc(sql`coalesce(${rdRequests.publishedAt}, ${rdRequests.createdAt})`), desc(rdRequests.id))
    .limit(limit)
    .all()
}
