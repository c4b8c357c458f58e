import { and, asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { auditEvents, organisations, users } from '#db/schema'
import { kopecksToDecimal, type Kopecks } from '../format/money'

export interface HistoryItem {
  id: number
  at: string
  /** The audit action, e.g. "contract.confirmed"; the page turns it into a sentence. */
  action: string
  actorName: string | null
  organisationName: string | null
  params: Record<string, string | number>
}

type Snapshot = Record<string, unknown> | null

/** The few facts of an event a sentence names: a number, an amount, a reason. */
function paramsOf(before: Snapshot, after: Snapshot): Record<string, string | number> {
  const params: Record<string, string | number> = {}
  const sources = [after, (after?.version as Snapshot) ?? null, (after?.claim as Snapshot) ?? null, before].filter(Boolean) as Record<string, unknown>[]
  const take = (key: string, as = key, money = false) => {
    for (const source of sources) {
      const value = source[key]
      if (value === undefined || value === null || value === '' || params[as] !== undefined) continue
      if (typeof value === 'number' && money) params[as] = kopecksToDecimal(value as Kopecks)
      else if (typeof value === 'string' || typeof value === 'number') params[as] = value
    }
  }
  take('version')
  take('number')
  take('orderNumber', 'number')
  take('amountKopecks', 'amount', true)
  take('approvedKopecks', 'approved', true)
  take('requestedKopecks', 'requested', true)
  take('amendmentReason', 'reason')
  take('declineReason', 'reason')
  take('decisionReason', 'reason')
  take('name')
  take('paymentOrderNumber', 'order')
  take('paidOn', 'date')
  take('amount')
  take('date')
  take('reason')
  take('order')
  return params
}

/** The audit trail of one record in the order things happened, with who acted and for which organisation. */
export function historyOf(tx: DbOrTx, entityType: string, entityId: number): HistoryItem[] {
  return tx
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      before: auditEvents.before,
      after: auditEvents.after,
      actorName: users.name,
      organisationName: organisations.shortName,
      organisationFullName: organisations.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.actorOrganisationId))
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, String(entityId))))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .all()
    .map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      actorName: e.actorName,
      organisationName: e.organisationName ?? e.organisationFullName,
      params: paramsOf(e.before as Snapshot, e.after as Snapshot),
    }))
}
