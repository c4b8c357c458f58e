import { eq } from 'drizzle-orm'
import { organisations } from '#db/schema'
import { db } from '~/db.server'
import { regionToday } from '../calendar/calendar'
import { activeMeasures } from './active.server'
import { loadContract, loadVersion, partiesOf } from '../contracts/records.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { suggestForContract, type Conflict } from './for-contract'
import type { Eligibility } from './eligibility'
import { summaryOf, type MeasureSummary } from './navigator.server'

export interface MeasuresForContract {
  items: { measure: MeasureSummary; eligibility: Eligibility; conflicts: Conflict[] }[]
  /** How many of them cannot be combined with another over the same costs. */
  conflicted: number
}

/**
 * The measures that could fund a contract, for its parties: the company applies, and the contractor
 * sees what its customer may ask for. Null for anyone else who may see the contract (the
 * administration judges claims, it does not apply). A contract one may not see is not found.
 */
export function measuresForContract(actor: Actor, contractId: number, options: { limit?: number; today?: string } = {}): Result<MeasuresForContract | null, 'not_found'> {
  const contract = loadContract(db, contractId)
  if (!contract) return refuse('not_found')
  const parties = partiesOf(contract)
  if (!can(actor, 'contract:view', parties)) return refuse('not_found')
  if (actor.organisationId !== contract.companyId && actor.organisationId !== contract.contractorId) return ok(null)
  const version = loadVersion(db, contract.confirmedVersionId ?? contract.pendingVersionId)
  const organisation = (id: number) => db.select().from(organisations).where(eq(organisations.id, id)).get()!
  const company = organisation(contract.companyId)
  const contractor = organisation(contract.contractorId)
  const measures = activeMeasures()
  const suggestions = suggestForContract(measures, {
    company: { type: company.type, size: company.size, region: company.region, alliance: company.alliance },
    contractorType: contractor.type,
    priceKopecks: version?.priceKopecks ?? 0,
    date: options.today ?? regionToday(),
  }, options.limit)
  return ok({
    items: suggestions.map(({ measure, eligibility, conflicts }) => ({ measure: summaryOf(measure), eligibility, conflicts })),
    conflicted: suggestions.filter((s) => s.conflicts.length > 0).length,
  })
}
