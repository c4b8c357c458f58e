import type { Tx } from '#db/client'
import { labProjects, labPublications, labs, rdRequests } from '#db/schema'
import { demoLabs, type DemoLab } from '#db/seed/demo-labs'
import { demoRequests } from '#db/seed/demo-requests'
import { indexNames } from '#search/engine'
import { indexRegistry } from '#search/registry'
import { enqueue } from '#search/sync'
import { audit } from '../audit/audit.server'
import { HOME_REGION } from '../organisations/regions'
import type { SeededOrganisations } from './seed.server'

const DAY = 86_400_000
const ALLIANCE_TURN = ['pharma', 'vision', 'arctic', 'robotics', 'none']

/** One demo lab profile with its publications and past projects, under the given organisation. */
export function insertDemoLab(tx: Tx, lab: DemoLab, organisationId: number): typeof labs.$inferSelect {
  const created = tx
    .insert(labs)
    .values({
      organisationId,
      name: lab.name,
      description: lab.description,
      oecdFields: lab.oecdFields,
      grnti: lab.grnti,
      alliance: lab.alliance ?? null,
      keywords: lab.keywords,
      equipment: lab.equipment,
      services: lab.services,
      trlMin: lab.trlMin,
      trlMax: lab.trlMax,
      contactName: lab.contact.name,
      contactEmail: lab.contact.email,
      contactPhone: lab.contact.phone,
    })
    .returning()
    .get()
  for (const p of lab.publications) tx.insert(labPublications).values({ labId: created.id, title: p.title, abstract: p.abstract, year: p.year, link: p.link ?? null }).run()
  for (const p of lab.pastProjects) tx.insert(labProjects).values({ labId: created.id, ...p }).run()
  return created
}

/** The demo labs and R&D requests, then every searchable record into the search outbox. */
export function seedCatalogue(tx: Tx, organisations: SeededOrganisations): { labs: number; requests: number } {
  const idOf = (key: string) => {
    const id = organisations.ids.get(key)
    if (!id) throw new Error(`demo data names an unknown organisation "${key}"`)
    return id
  }
  for (const lab of demoLabs) {
    const organisationId = idOf(lab.organisationKey)
    const created = insertDemoLab(tx, lab, organisationId)
    audit(tx, { userId: organisations.owners.get(lab.organisationKey) ?? null, organisationId }, 'lab.created', { type: 'lab', id: created.id }, null, created)
  }
  const now = Date.now()
  // Each alliance's requests spread evenly over the last year, the alliances a few days apart, so
  // that every alliance has a year of history and "newest first" means something.
  const groupOf = (r: (typeof demoRequests)[number]) => r.alliance ?? 'none'
  const groupSize = new Map<string, number>()
  for (const r of demoRequests) groupSize.set(groupOf(r), (groupSize.get(groupOf(r)) ?? 0) + 1)
  const turns = new Map<string, number>()
  const ageInDays = demoRequests.map((r) => {
    const group = groupOf(r)
    const turn = turns.get(group) ?? 0
    turns.set(group, turn + 1)
    return Math.round(((turn + ALLIANCE_TURN.indexOf(group) / ALLIANCE_TURN.length) * 360) / groupSize.get(group)!) + 1
  })
  demoRequests.forEach((r, i) => {
    const organisationId = idOf(r.companyKey)
    const createdBy = organisations.owners.get(r.companyKey)
    if (!createdBy) throw new Error(`demo company "${r.companyKey}" has no owner`)
    const publishedAt = r.status === 'draft' ? null : new Date(now - ageInDays[i] * DAY).toISOString()
    const created = tx
      .insert(rdRequests)
      .values({
        organisationId,
        createdBy,
        title: r.title,
        summary: r.summary,
        problem: r.problem,
        expectedResult: r.expectedResult,
        confidentialDetails: r.confidentialDetails,
        oecdField: r.oecdField,
        grnti: r.grnti,
        alliance: r.alliance ?? null,
        keywords: r.keywords,
        trlNow: r.trlNow,
        trlWanted: r.trlWanted,
        budgetMin: r.budgetMinRoubles * 100,
        budgetMax: r.budgetMaxRoubles * 100,
        deadline: r.deadline,
        region: HOME_REGION,
        status: r.status,
        publishedAt,
        createdAt: publishedAt ?? new Date(now - DAY).toISOString(),
        updatedAt: publishedAt ?? new Date(now - DAY).toISOString(),
      })
      .returning()
      .get()
    audit(tx, { userId: createdBy, organisationId }, 'request.created', { type: 'request', id: created.id }, null, created)
  })
  for (const name of indexNames) {
    for (const id of indexRegistry[name]?.allIds(tx) ?? []) enqueue(tx, name, id)
  }
  return { labs: demoLabs.length, requests: demoRequests.length }
}
