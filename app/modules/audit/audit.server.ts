import type { DbOrTx } from '#db/client'
import { auditEvents } from '#db/schema'

export interface AuditActor {
  userId: string | null
  organisationId: number | null
}

export interface AuditEntity {
  type: string
  id: string | number
}

/**
 * Records a state change: who, when, what, before and after. Call it inside the transaction that
 * makes the change, so that the change and its trace stand or fall together.
 */
export function audit(
  tx: DbOrTx,
  actor: AuditActor | null,
  action: string,
  entity: AuditEntity,
  before: unknown,
  after: unknown,
): void {
  tx.insert(auditEvents)
    .values({
      actorUserId: actor?.userId ?? null,
      actorOrganisationId: actor?.organisationId ?? null,
      action,
      entityType: entity.type,
      entityId: String(entity.id),
      before: before ?? null,
      after: after ?? null,
    })
    .run()
}
