import { database } from '~/db.server'
import type { DashboardFilter } from './filters'

// The administration's figures, straight from the database with plain SQL: each figure has a list
// behind it (records.server.ts) built from the same conditions, so a number and its list agree.

/** Bound parameters of every query: the period as [from, day after to), and the optional filters. */
export function params(filter: DashboardFilter) {
  const end = new Date(`${filter.to}T00:00:00Z`)
  end.setUTCDate(end.getUTCDate() + 1)
  return { from: `${filter.from}T00:00:00.000Z`, until: end.toISOString(), fromDate: filter.from, toDate: filter.to, alliance: filter.alliance, orgType: filter.orgType }
}

/** SQL conditions shared by figures and their lists. */
export const where = {
  requestPosted: `r.published_at >= :from AND r.published_at < :until AND (:alliance IS NULL OR r.alliance = :alliance)`,
  matchProposed: `m.created_at >= :from AND m.created_at < :until AND (:alliance IS NULL OR r.alliance = :alliance) AND (:orgType IS NULL OR lo.type = :orgType)`,
  matchTakenUp: `(m.company_status = 'interested' OR m.lab_status = 'interested' OR EXISTS (SELECT 1 FROM engagements e WHERE e.request_id = m.request_id AND e.lab_id = m.lab_id))`,
  engagementStarted: `e.created_at >= :from AND e.created_at < :until AND (:alliance IS NULL OR r.alliance = :alliance) AND (:orgType IS NULL OR lo.type = :orgType)`,
  contractSigned: `c.status = 'confirmed' AND v.signed_on >= :fromDate AND v.signed_on <= :toDate AND (:alliance IS NULL OR co.alliance = :alliance) AND (:orgType IS NULL OR lo.type = :orgType)`,
  claimFiled: `coalesce(cl.submitted_at, cl.created_at) >= :from AND coalesce(cl.submitted_at, cl.created_at) < :until AND (:alliance IS NULL OR co.alliance = :alliance) AND (:orgType IS NULL OR lo.type = :orgType)`,
}

export const from = {
  requests: `FROM rd_requests r`,
  matches: `FROM matches m JOIN rd_requests r ON r.id = m.request_id JOIN labs l ON l.id = m.lab_id JOIN organisations lo ON lo.id = l.organisation_id`,
  engagements: `FROM engagements e JOIN rd_requests r ON r.id = e.request_id JOIN organisations lo ON lo.id = e.lab_organisation_id`,
  contracts: `FROM contracts c JOIN contract_versions v ON v.id = c.confirmed_version_id JOIN organisations co ON co.id = c.company_id JOIN organisations lo ON lo.id = c.contractor_id`,
  claims: `FROM compensation_claims cl JOIN organisations co ON co.id = cl.company_id JOIN contracts c ON c.id = cl.contract_id JOIN organisations lo ON lo.id = c.contractor_id`,
}

function one(sql: string, filter: DashboardFilter): number {
  const row = database.sqlite.prepare(sql).get(params(filter)) as { n: number | null }
  return row.n ?? 0
}

export interface DashboardFigures {
  requestsPosted: number
  requestsOpen: number
  matchesProposed: number
  matchesTakenUp: number
  engagementsStarted: number
  engagementsAgreed: number
  engagementsByStage: Record<string, number>
  contractsSigned: number
  contractVolume: { university: number; institute: number; research_org: number }
  claimsByStatus: Record<string, number>
  programmes: { id: number; title: string; year: number; total: number; reserved: number; paid: number; remaining: number }[]
}

export function dashboardFigures(filter: DashboardFilter): DashboardFigures {
  const p = params(filter)
  const byStage = database.sqlite.prepare(`SELECT e.stage AS k, count(*) AS n ${from.engagements} WHERE ${where.engagementStarted} GROUP BY e.stage`).all(p) as { k: string; n: number }[]
  const volume = database.sqlite
    .prepare(`SELECT lo.type AS k, sum(v.price_kopecks) AS n ${from.contracts} WHERE ${where.contractSigned} GROUP BY lo.type`)
    .all(p) as { k: string; n: number }[]
  const claims = database.sqlite.prepare(`SELECT cl.status AS k, count(*) AS n ${from.claims} WHERE ${where.claimFiled} GROUP BY cl.status`).all(p) as { k: string; n: number }[]
  const programmes = database.sqlite
    .prepare(
      `SELECT id, title, year, total_budget_kopecks AS total, reserved_kopecks AS reserved, paid_kopecks AS paid
       FROM programmes WHERE year BETWEEN CAST(substr(:fromDate, 1, 4) AS INTEGER) AND CAST(substr(:toDate, 1, 4) AS INTEGER) ORDER BY year, id`,
    )
    .all(p) as { id: number; title: string; year: number; total: number; reserved: number; paid: number }[]
  return {
    requestsPosted: one(`SELECT count(*) AS n ${from.requests} WHERE ${where.requestPosted}`, filter),
    requestsOpen: one(`SELECT count(*) AS n ${from.requests} WHERE ${where.requestPosted} AND r.status = 'published'`, filter),
    matchesProposed: one(`SELECT count(*) AS n ${from.matches} WHERE ${where.matchProposed}`, filter),
    matchesTakenUp: one(`SELECT count(*) AS n ${from.matches} WHERE ${where.matchProposed} AND ${where.matchTakenUp}`, filter),
    engagementsStarted: byStage.reduce((sum, r) => sum + r.n, 0),
    engagementsAgreed: byStage.find((r) => r.k === 'agreed')?.n ?? 0,
    engagementsByStage: Object.fromEntries(byStage.map((r) => [r.k, r.n])),
    contractsSigned: one(`SELECT count(*) AS n ${from.contracts} WHERE ${where.contractSigned}`, filter),
    contractVolume: {
      university: volume.find((r) => r.k === 'university')?.n ?? 0,
      institute: volume.find((r) => r.k === 'institute')?.n ?? 0,
      research_org: volume.find((r) => r.k === 'research_org')?.n ?? 0,
    },
    claimsByStatus: Object.fromEntries(claims.map((r) => [r.k, r.n])),
    programmes: programmes.map((pr) => ({ ...pr, remaining: pr.total - pr.reserved - pr.paid })),
  }
}
