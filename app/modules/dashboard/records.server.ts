import { z } from 'zod'
import { claimStatuses } from '#db/schema/claim-values'
import { engagementStages } from '#db/schema/values'
import { database } from '~/db.server'
import type { DashboardFilter } from './filters'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { from, params, where } from './figures.server'
import { funnelSteps } from './story'
import { requestSteps } from './story.server'

// The lists behind the dashboard's figures, with the same conditions as the figures themselves.

export const reportKinds = ['requests', 'matches', 'engagements', 'contracts', 'claims'] as const
export type ReportKind = (typeof reportKinds)[number]

/** What narrows a list to one figure: open requests, requests that reached a step of the funnel, taken-up matches, a stage, a claim status. */
export const ReportRefinementSchema = z.object({
  open: z.enum(['1']).optional(),
  reached: z.enum(funnelSteps).optional(),
  takenUp: z.enum(['1']).optional(),
  stage: z.enum(engagementStages).optional(),
  status: z.enum(claimStatuses).optional(),
})
export type ReportRefinement = z.infer<typeof ReportRefinementSchema>

export interface ReportColumn {
  key: string
  /** A dictionary key under dashboard.columns. */
  label: string
  money?: boolean
  /** The column holds a translatable value: its dictionary prefix. */
  translate?: string
}

export interface Report {
  columns: ReportColumn[]
  rows: Record<string, string | number | null>[]
  /** Where each row leads, by its id column. */
  linkPrefix: string | null
}

export const REPORT_ROW_LIMIT = 5000

function all(sql: string, filter: DashboardFilter, extra: Record<string, unknown> = {}) {
  return database.sqlite.prepare(`${sql} LIMIT ${REPORT_ROW_LIMIT}`).all({ ...params(filter), ...extra }) as Record<string, string | number | null>[]
}

/** A report as this actor may read it, on the page or as a file: the same rule for both. */
export function readReport(actor: Actor, kind: ReportKind, filter: DashboardFilter, refinement: ReportRefinement): Result<Report, 'forbidden'> {
  if (!can(actor, 'report:view', { kind })) return refuse('forbidden')
  return ok(report(kind, filter, refinement))
}

export function report(kind: ReportKind, filter: DashboardFilter, refinement: ReportRefinement): Report {
  switch (kind) {
    case 'requests':
      return {
        columns: [
          { key: 'id', label: 'id' },
          { key: 'title', label: 'title' },
          { key: 'company', label: 'company' },
          { key: 'alliance', label: 'alliance', translate: 'alliance' },
          { key: 'status', label: 'status', translate: 'request.status' },
          { key: 'publishedAt', label: 'publishedAt' },
        ],
        rows: all(
          `SELECT r.id, r.title, o.name AS company, r.alliance, r.status, substr(r.published_at, 1, 10) AS publishedAt ${from.requests}
           JOIN organisations o ON o.id = r.organisation_id WHERE ${where.requestPosted} ${refinement.open ? `AND r.status = 'published'` : ''}
           ${refinement.reached ? `AND r.id IN (${requestSteps} SELECT id FROM steps WHERE ${refinement.reached})` : ''} ORDER BY r.published_at DESC`,
          filter,
        ),
        linkPrefix: '/requests/',
      }
    case 'matches':
      return {
        columns: [
          { key: 'id', label: 'id' },
          { key: 'request', label: 'request' },
          { key: 'lab', label: 'lab' },
          { key: 'labOrganisation', label: 'labOrganisation' },
          { key: 'score', label: 'score' },
          { key: 'createdAt', label: 'createdAt' },
        ],
        rows: all(
          `SELECT m.id, r.title AS request, l.name AS lab, lo.name AS labOrganisation, round(m.score, 3) AS score, substr(m.created_at, 1, 10) AS createdAt, m.request_id AS requestId
           ${from.matches} WHERE ${where.matchProposed} ${refinement.takenUp ? `AND ${where.matchTakenUp}` : ''} ORDER BY m.created_at DESC`,
          filter,
        ).map(({ requestId, ...row }) => ({ ...row, id: requestId })),
        linkPrefix: '/requests/',
      }
    case 'engagements':
      return {
        columns: [
          { key: 'id', label: 'id' },
          { key: 'request', label: 'request' },
          { key: 'lab', label: 'lab' },
          { key: 'labOrganisation', label: 'labOrganisation' },
          { key: 'stage', label: 'stage', translate: 'engagement.stage' },
          { key: 'createdAt', label: 'createdAt' },
        ],
        rows: all(
          `SELECT e.id, r.title AS request, l.name AS lab, lo.name AS labOrganisation, e.stage, substr(e.created_at, 1, 10) AS createdAt
           ${from.engagements} JOIN labs l ON l.id = e.lab_id WHERE ${where.engagementStarted} ${refinement.stage ? 'AND e.stage = :stage' : ''} ORDER BY e.created_at DESC`,
          filter,
          { stage: refinement.stage ?? null },
        ),
        linkPrefix: null,
      }
    case 'contracts':
      return {
        columns: [
          { key: 'id', label: 'id' },
          { key: 'number', label: 'contractNumber' },
          { key: 'signedOn', label: 'signedOn' },
          { key: 'company', label: 'company' },
          { key: 'contractor', label: 'contractor' },
          { key: 'contractorType', label: 'contractorType', translate: 'organisationType' },
          { key: 'price', label: 'price', money: true },
        ],
        rows: all(
          `SELECT c.id, v.number, v.signed_on AS signedOn, co.name AS company, lo.name AS contractor, lo.type AS contractorType, v.price_kopecks AS price
           ${from.contracts} WHERE ${where.contractSigned} ORDER BY v.signed_on DESC`,
          filter,
        ),
        linkPrefix: null,
      }
    case 'claims':
      return {
        columns: [
          { key: 'id', label: 'id' },
          { key: 'company', label: 'company' },
          { key: 'contractor', label: 'contractor' },
          { key: 'status', label: 'status', translate: 'claims.status' },
          { key: 'requested', label: 'requested', money: true },
          { key: 'approved', label: 'approved', money: true },
          { key: 'filedOn', label: 'filedOn' },
        ],
        rows: all(
          `SELECT cl.id, co.name AS company, lo.name AS contractor, cl.status, cl.requested_kopecks AS requested, cl.approved_kopecks AS approved,
                  substr(coalesce(cl.submitted_at, cl.created_at), 1, 10) AS filedOn
           ${from.claims} WHERE ${where.claimFiled} ${refinement.status ? 'AND cl.status = :status' : ''} ORDER BY filedOn DESC`,
          filter,
          { status: refinement.status ?? null },
        ),
        linkPrefix: '/admin/claims/',
      }
  }
}
