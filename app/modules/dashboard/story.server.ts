import { database } from '~/db.server'
import type { DashboardFilter } from './filters'
import { params, where } from './figures.server'
import { distributionOf, funnelOf, funnelSteps, monthsOf, quarterOf, trendOf, type Bucket, type FunnelCounts, type FunnelStage, type ShareTrend } from './story'

// The cluster's story for the administration: how far the requests of a period got, month by month
// activity, how long the first contact and the contract took, and who the contracts went to.

/**
 * For each request posted in the period, whether it reached each step of the funnel. A step implies
 * the ones before it (a contract counts as an agreement, an engagement as a proposal: the lab was put
 * forward, by the platform or by the company), so the funnel never widens. With a contractor type,
 * only engagements with labs of that type count.
 */
export const requestSteps = `
  WITH eng AS (
    SELECT e.id, e.request_id, e.stage FROM engagements e JOIN organisations lo ON lo.id = e.lab_organisation_id
    WHERE :orgType IS NULL OR lo.type = :orgType
  ),
  con AS (
    SELECT c.id, e.request_id FROM contracts c JOIN eng e ON e.id = c.engagement_id WHERE c.status = 'confirmed'
  ),
  reached AS (
    SELECT r.id, r.alliance,
      EXISTS (SELECT 1 FROM eng WHERE eng.request_id = r.id) AS engagements,
      EXISTS (SELECT 1 FROM eng WHERE eng.request_id = r.id AND eng.stage = 'agreed') OR EXISTS (SELECT 1 FROM con WHERE con.request_id = r.id) AS agreements,
      EXISTS (SELECT 1 FROM con WHERE con.request_id = r.id) AS contracts,
      EXISTS (SELECT 1 FROM con JOIN compensation_claims cl ON cl.contract_id = con.id WHERE con.request_id = r.id AND cl.status <> 'draft') AS claims,
      EXISTS (SELECT 1 FROM con JOIN compensation_claims cl ON cl.contract_id = con.id WHERE con.request_id = r.id AND cl.status = 'paid') AS paid,
      EXISTS (
        SELECT 1 FROM matches m JOIN labs l ON l.id = m.lab_id JOIN organisations lo ON lo.id = l.organisation_id
        WHERE m.request_id = r.id AND (:orgType IS NULL OR lo.type = :orgType)
      ) AS matched
    FROM rd_requests r WHERE ${where.requestPosted}
  ),
  steps AS (
    SELECT id, alliance, 1 AS requests, (matched OR engagements) AS proposals, engagements, agreements, contracts, claims, paid FROM reached
  )`

export interface AllianceFunnel {
  alliance: string | null
  stages: FunnelStage[]
}

export interface MonthActivity {
  month: string
  requests: number
  engagements: number
  contracts: number
}

export interface QuarterShare {
  quarter: string
  university: number
  institute: number
  researchOrg: number
  /** RAS institutes' share of the quarter's contracts, in basis points; null for a quarter without contracts. */
  instituteBp: number | null
}

export interface DashboardStory {
  funnel: FunnelStage[]
  byAlliance: AllianceFunnel[]
  months: MonthActivity[]
  toFirstContact: { buckets: Bucket[]; median: number | null }
  toContract: { buckets: Bucket[]; median: number | null; registeredOutside: number }
  contractors: { quarters: QuarterShare[]; trend: ShareTrend }
}

export const CONTACT_EDGES = [0, 8, 15, 31, 61]
export const CONTRACT_EDGES = [0, 31, 61, 91, 181]

const emptyCounts = (): FunnelCounts => Object.fromEntries(funnelSteps.map((s) => [s, 0])) as FunnelCounts

export function dashboardStory(filter: DashboardFilter): DashboardStory {
  const p = params(filter)
  const sql = database.sqlite
  const rows = sql
    .prepare(`${requestSteps} SELECT alliance, ${funnelSteps.map((s) => `sum(${s}) AS ${s}`).join(', ')} FROM steps GROUP BY alliance ORDER BY alliance IS NULL, alliance`)
    .all(p) as ({ alliance: string | null } & FunnelCounts)[]
  const total = emptyCounts()
  for (const row of rows) for (const s of funnelSteps) total[s] += row[s]

  const perMonth = (query: string) => new Map((sql.prepare(query).all(p) as { month: string; n: number }[]).map((r) => [r.month, r.n]))
  const requests = perMonth(`SELECT substr(r.published_at, 1, 7) AS month, count(*) AS n FROM rd_requests r WHERE ${where.requestPosted} GROUP BY month`)
  const engagements = perMonth(
    `SELECT substr(e.created_at, 1, 7) AS month, count(*) AS n FROM engagements e JOIN rd_requests r ON r.id = e.request_id JOIN organisations lo ON lo.id = e.lab_organisation_id
     WHERE ${where.engagementStarted} GROUP BY month`,
  )
  const contracts = perMonth(
    `SELECT substr(v.signed_on, 1, 7) AS month, count(*) AS n FROM contracts c JOIN contract_versions v ON v.id = c.confirmed_version_id
     JOIN organisations co ON co.id = c.company_id JOIN organisations lo ON lo.id = c.contractor_id WHERE ${where.contractSigned} GROUP BY month`,
  )

  // Days from a request's publication to its first contact and to its first contract, for the
  // requests posted in the period.
  const contactDays = sql
    .prepare(
      `SELECT julianday(min(e.created_at)) - julianday(r.published_at) AS d FROM rd_requests r JOIN engagements e ON e.request_id = r.id
       JOIN organisations lo ON lo.id = e.lab_organisation_id WHERE ${where.requestPosted} AND (:orgType IS NULL OR lo.type = :orgType) GROUP BY r.id`,
    )
    .all(p) as { d: number }[]
  const contractDays = sql
    .prepare(
      `SELECT julianday(min(v.signed_on)) - julianday(substr(r.published_at, 1, 10)) AS d FROM rd_requests r
       JOIN engagements e ON e.request_id = r.id JOIN contracts c ON c.engagement_id = e.id AND c.status = 'confirmed'
       JOIN contract_versions v ON v.id = c.confirmed_version_id JOIN organisations lo ON lo.id = c.contractor_id
       WHERE ${where.requestPosted} AND (:orgType IS NULL OR lo.type = :orgType) GROUP BY r.id`,
    )
    .all(p) as { d: number }[]
  const toContact = distributionOf(contactDays.map((r) => r.d), CONTACT_EDGES)
  const toContract = distributionOf(contractDays.map((r) => r.d), CONTRACT_EDGES)

  // Who the period's contracts went to, by quarter; the contractor-type filter would empty the
  // comparison, so it is not applied here.
  const byType = sql
    .prepare(
      `SELECT v.signed_on AS signedOn, lo.type AS type FROM contracts c JOIN contract_versions v ON v.id = c.confirmed_version_id
       JOIN organisations co ON co.id = c.company_id JOIN organisations lo ON lo.id = c.contractor_id
       WHERE c.status = 'confirmed' AND v.signed_on >= :fromDate AND v.signed_on <= :toDate AND (:alliance IS NULL OR co.alliance = :alliance)`,
    )
    .all(p) as { signedOn: string; type: string }[]
  const quarters = [...new Set(monthsOf(filter.from, filter.to).map(quarterOf))].map((quarter) => {
    const signed = byType.filter((c) => quarterOf(c.signedOn) === quarter)
    const count = (type: string) => signed.filter((c) => c.type === type).length
    return {
      quarter,
      university: count('university'),
      institute: count('institute'),
      researchOrg: count('research_org'),
      instituteBp: signed.length ? Math.round((count('institute') * 10_000) / signed.length) : null,
    }
  })

  return {
    funnel: funnelOf(total),
    byAlliance: rows.map(({ alliance, ...counts }) => ({ alliance, stages: funnelOf(counts) })),
    months: monthsOf(filter.from, filter.to).map((month) => ({
      month,
      requests: requests.get(month) ?? 0,
      engagements: engagements.get(month) ?? 0,
      contracts: contracts.get(month) ?? 0,
    })),
    toFirstContact: { buckets: toContact.buckets, median: toContact.median },
    toContract: { buckets: toContract.buckets, median: toContract.median, registeredOutside: toContract.before },
    contractors: { quarters, trend: trendOf(quarters.map((q) => q.instituteBp)) },
  }
}

