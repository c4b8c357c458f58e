import { and, asc, eq, sql, sum } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import type { LedgerKind } from '#db/schema/claim-values'
import { compensationClaims, organisations, programmeLedger, programmes } from '#db/schema'
import { db } from '~/db.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse } from '../result'

// A programme's ledger: every movement of its budget, written in the same transaction that changes
// the programme's figures, so that the figures can always be recomputed from it and compared.

export interface Movement {
  programmeId: number
  kind: LedgerKind
  amountKopecks: number
  claimId: number
  returnId?: number | null
}

export function recordMovement(tx: DbOrTx, actor: Actor | null, movement: Movement): void {
  tx.insert(programmeLedger)
    .values({ ...movement, returnId: movement.returnId ?? null, createdBy: actor?.userId ?? null })
    .run()
}

/** The figures the ledger gives: what is reserved now, what was paid, and what came back. */
export function ledgerFigures(tx: DbOrTx, programmeId: number) {
  const totals = Object.fromEntries(
    tx
      .select({ kind: programmeLedger.kind, total: sum(programmeLedger.amountKopecks) })
      .from(programmeLedger)
      .where(eq(programmeLedger.programmeId, programmeId))
      .groupBy(programmeLedger.kind)
      .all()
      .map((r) => [r.kind, Number(r.total ?? 0)]),
  ) as Partial<Record<LedgerKind, number>>
  const of = (kind: LedgerKind) => totals[kind] ?? 0
  // A payment turns its reservation into spending; a release gives a reservation back.
  return { reservedKopecks: of('reserved') - of('paid') - of('released'), paidKopecks: of('paid'), returnedKopecks: of('returned') }
}

/** The ledger of a programme, oldest first, with the figures compared to the programme's own. */
export function programmeLedgerView(actor: Actor, programmeId: number) {
  if (!can(actor, 'programme:manage')) return refuse('forbidden')
  const programme = db.select().from(programmes).where(eq(programmes.id, programmeId)).get()
  if (!programme) return refuse('not_found')
  const movements = db
    .select({
      id: programmeLedger.id,
      kind: programmeLedger.kind,
      amountKopecks: programmeLedger.amountKopecks,
      claimId: programmeLedger.claimId,
      returnId: programmeLedger.returnId,
      createdAt: programmeLedger.createdAt,
      companyName: sql<string>`coalesce(${organisations.shortName}, ${organisations.name})`,
    })
    .from(programmeLedger)
    .innerJoin(compensationClaims, eq(compensationClaims.id, programmeLedger.claimId))
    .innerJoin(organisations, eq(organisations.id, compensationClaims.companyId))
    .where(and(eq(programmeLedger.programmeId, programmeId)))
    .orderBy(asc(programmeLedger.id))
    .all()
  const fromLedger = ledgerFigures(db, programmeId)
  const recorded = { reservedKopecks: programme.reservedKopecks, paidKopecks: programme.paidKopecks, returnedKopecks: programme.returnedKopecks }
  const reconciles = fromLedger.reservedKopecks === recorded.reservedKopecks && fromLedger.paidKopecks === recorded.paidKopecks && fromLedger.returnedKopecks === recorded.returnedKopecks
  return ok({ movements, fromLedger, recorded, reconciles })
}
