import { and, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { contracts, contractVersions, labs } from '#db/schema'
import { NO_TRACK_RECORD, type TrackRecord } from './fit'

// A lab's track record with industry is its organisation's: contracts are signed by the university or
// institute, not by the lab. Counted are contracts both parties confirmed (db/schema/contracts.ts),
// with their current terms for the typical price and length. Engagements that reach "agreed" become
// such contracts, so they are not counted a second time.

const MONTH_MS = 30.4 * 86_400_000

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2)
}

/** The track record of each of these science organisations; none for one without contracts. */
export function trackRecords(db: DbOrTx, organisationIds: readonly number[]): Map<number, TrackRecord> {
  const ids = [...new Set(organisationIds)]
  const records = new Map<number, TrackRecord>(ids.map((id) => [id, NO_TRACK_RECORD]))
  if (ids.length === 0) return records
  const rows = db
    .select({ contractorId: contracts.contractorId, price: contractVersions.priceKopecks, startsOn: contractVersions.startsOn, endsOn: contractVersions.endsOn })
    .from(contracts)
    .innerJoin(contractVersions, eq(contractVersions.id, contracts.confirmedVersionId))
    .where(and(inArray(contracts.contractorId, ids), eq(contracts.status, 'confirmed')))
    .all()
  const byOrganisation = new Map<number, typeof rows>()
  for (const row of rows) byOrganisation.set(row.contractorId, [...(byOrganisation.get(row.contractorId) ?? []), row])
  for (const [id, list] of byOrganisation) {
    const months = list.map((c) => Math.max(1, Math.round((Date.parse(c.endsOn) - Date.parse(c.startsOn)) / MONTH_MS)))
    records.set(id, { contracts: list.length, typicalPrice: median(list.map((c) => c.price)), typicalMonths: median(months) })
  }
  return records
}

/** The track record of one lab (its organisation's), or none for a lab that does not exist. */
export function trackRecord(db: DbOrTx, labId: number): TrackRecord {
  const lab = db.select({ organisationId: labs.organisationId }).from(labs).where(eq(labs.id, labId)).get()
  return lab ? (trackRecords(db, [lab.organisationId]).get(lab.organisationId) ?? NO_TRACK_RECORD) : NO_TRACK_RECORD
}
