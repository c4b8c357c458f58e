import { eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { organisations } from '../../db/schema'
import type { IndexSettings, SearchDocument } from '../engine'

export const organisationIndexSettings: IndexSettings = {
  searchable: ['name', 'shortName', 'description', 'city'],
  filterable: ['type', 'region', 'alliance', 'verified'],
  sortable: ['name'],
}

export interface OrganisationDocument extends SearchDocument {
  name: string
  type: string
  verified: boolean
}

// The regional administration is not a partner to search for.
export function buildOrganisationDocument(db: Db, id: string): OrganisationDocument | null {
  const org = db.select().from(organisations).where(eq(organisations.id, Number(id))).get()
  if (!org || org.archivedAt || org.type === 'administration') return null
  return {
    id: String(org.id),
    name: org.name,
    shortName: org.shortName,
    description: org.description,
    city: org.city,
    type: org.type,
    region: org.region,
    alliance: org.alliance,
    verified: org.verificationStatus === 'verified',
  }
}

export function allOrganisationIds(db: Db): string[] {
  return db
    .select({ id: organisations.id, type: organisations.type })
    .from(organisations)
    .where(isNull(organisations.archivedAt))
    .all()
    .filter((o) => o.type !== 'administration')
    .map((o) => String(o.id))
}
