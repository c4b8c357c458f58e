import { count, eq } from 'drizzle-orm'
import { generateIdFromEntropySize } from 'lucia'
import type { Db } from '#db/client'
import { memberships, organisations, users } from '#db/schema'
import { DEMO_PASSWORD, demoAdministration, demoCompanies, demoPlatformAdmin, demoScience, type DemoOrganisation } from '#db/seed/demo-cluster'
import { seedActivity } from './activity-seed.server'
import { seedCatalogue } from './catalogue-seed.server'
import { seedMeasures } from '../measures/demo-seed.server'
import { seedContracts } from '../contracts/demo-seed.server'
import { audit } from '../audit/audit.server'
import { hashPassword } from '../auth/password.server'
import { completeInn10, completeOgrn13 } from '../organisations/inn-ogrn'
import { HOME_REGION } from '../organisations/regions'

export function isDatabaseEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(organisations).get()?.n ?? 0) === 0
}

/** Registration numbers that pass their check digits, unique per demo organisation. */
function demoRegistration(index: number) {
  const serial = String(100 + index).padStart(5, '0')
  return {
    inn: completeInn10(`${HOME_REGION}17${serial}`),
    ogrn: completeOgrn13(`10270${HOME_REGION}${serial}`),
  }
}

export interface SeedSummary {
  organisations: number
  people: number
  labs: number
  requests: number
  engagements: number
  contracts: number
  claims: number
  programmes: number
}

/** What later seed steps need to know about the organisations: their ids and owners, by key. */
export interface SeededOrganisations {
  ids: Map<string, number>
  owners: Map<string, string>
}

/** Seeds the demo cluster into an empty database, in one transaction. */
export async function seedDemoData(db: Db): Promise<SeedSummary> {
  // One hash serves every demo person: they share the demo password, and scrypt is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const all: DemoOrganisation[] = [demoAdministration, ...demoScience, ...demoCompanies]
  let people = 0
  const seeded: SeededOrganisations = { ids: new Map(), owners: new Map() }
  let catalogue = { labs: 0, requests: 0 }
  let contracted = { contracts: 0, claims: 0, programmes: 0 }
  let activity = { engagements: 0, contracts: 0, claims: 0 }
  db.transaction((tx) => {
    const system = { userId: null, organisationId: null }
    const platformAdminId = generateIdFromEntropySize(10)
    tx.insert(users).values({ id: platformAdminId, email: demoPlatformAdmin.email, name: demoPlatformAdmin.name, passwordHash, isPlatformAdmin: true }).run()
    people++
    let verifierId: string | null = null
    all.forEach((org, index) => {
      const created = tx
        .insert(organisations)
        .values({
          type: org.type,
          name: org.name,
          shortName: org.shortName,
          ...demoRegistration(index),
          region: HOME_REGION,
          city: org.city,
          alliance: org.alliance ?? null,
          size: org.size ?? null,
          isState: org.isState ?? false,
          website: org.website ?? null,
          description: org.description,
        })
        .returning()
        .get()
      seeded.ids.set(org.key, created.id)
      audit(tx, system, 'organisation.created', { type: 'organisation', id: created.id }, null, created)
      for (const person of org.people) {
        const userId = generateIdFromEntropySize(10)
        tx.insert(users).values({ id: userId, email: person.email, name: person.name, passwordHash, locale: person.locale ?? null }).run()
        const membership = tx.insert(memberships).values({ userId, organisationId: created.id, role: person.role }).returning().get()
        audit(tx, { userId, organisationId: created.id }, 'membership.created', { type: 'membership', id: membership.id }, null, membership)
        people++
        if (person.role === 'owner' && !seeded.owners.has(org.key)) seeded.owners.set(org.key, userId)
        if (org === demoAdministration && !verifierId) verifierId = userId
      }
      if (org.verified) {
        const verified = tx
          .update(organisations)
          .set({ verificationStatus: 'verified', verifiedAt: new Date().toISOString(), verifiedBy: verifierId })
          .where(eq(organisations.id, created.id))
          .returning()
          .get()
        audit(tx, { userId: verifierId, organisationId: null }, 'organisation.verified', { type: 'organisation', id: created.id }, created, verified)
      }
    })
    catalogue = seedCatalogue(tx, seeded)
    seedMeasures(tx)
    contracted = seedContracts(tx, seeded)
    activity = seedActivity(tx, seeded)
  })
  return { organisations: all.length, people, ...catalogue, ...contracted, engagements: activity.engagements, contracts: contracted.contracts + activity.contracts, claims: contracted.claims + activity.claims }
}
