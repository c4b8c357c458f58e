import { organisations } from '#db/schema'
import type { DemoOrganisation } from '#db/seed/demo-cluster'
import { demoScience } from '#db/seed/demo-cluster'
import type { DemoLab } from '#db/seed/demo-labs'
import type { SearchEngine } from '#search/engine'
import { indexRegistry } from '#search/registry'
import { drainOutbox, enqueue } from '#search/sync'
import { db } from '~/db.server'
import { insertDemoLab } from '~/modules/demo/catalogue-seed.server'
import { proposeLabsForRequest } from '~/modules/matching/matcher.server'
import { queueRefreshOfSynced, workRefreshQueue } from '~/modules/matching/refresh-queue.server'
import { syncProfiles } from '~/modules/matching/refresh.server'
import { completeInn10, completeOgrn13 } from '~/modules/organisations/inn-ogrn'
import type { Actor } from '~/modules/permissions/actor'
import { changeRequestStatus, createRequest } from '~/modules/requests/requests.server'
import type { FixtureRequest } from '../fixtures/matching/requests'
import { requestInput } from './catalogue'

// The hand-labelled matching fixtures in a real database: their labs under science organisations
// inserted as the demo seed does, their requests created and published by a company, and the
// matcher's proposals read back by fixture key.

/** Drains the outbox into the engine, then the refresh queue it fills, as the background process does. */
export async function syncWithMatching(engine: SearchEngine) {
  await drainOutbox(db, engine, indexRegistry, {
    onAccepted: queueRefreshOfSynced,
    onSynced: (index, ids) => syncProfiles(db, index, ids),
    onError: (error) => {
      throw error
    },
  })
  const slice = await workRefreshQueue(db, engine, { budgetMs: 600_000 })
  if (slice.failed > 0) throw new Error(`${slice.failed} proposal refreshes failed`)
}

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)

/**
 * Inserts the demo cluster's science organisations (Tomsk, region 70) and any further ones, then the
 * labs under them, each queued for indexing. Returns lab ids by fixture key.
 */
export function insertFixtureLabs(labs: DemoLab[], moreOrganisations: (DemoOrganisation & { region: string })[] = []): Map<string, number> {
  const ids = new Map<string, number>()
  db.transaction((tx) => {
    const organisationIds = new Map<string, number>()
    const all = [...demoScience.map((org) => ({ ...org, region: '70' })), ...moreOrganisations]
    all.forEach((org, i) => {
      const serial = String(900 + i).padStart(7, '0')
      const created = tx
        .insert(organisations)
        .values({ type: org.type, name: org.name, shortName: org.shortName, inn: completeInn10(`${org.region}${serial}`), ogrn: completeOgrn13(`1027${serial}0`), region: org.region, alliance: org.alliance ?? null })
        .returning()
        .get()
      organisationIds.set(org.key, created.id)
    })
    for (const lab of labs) {
      const organisationId = organisationIds.get(lab.organisationKey)
      if (organisationId === undefined) throw new Error(`fixture lab ${lab.key}: no organisation ${lab.organisationKey}`)
      const created = insertDemoLab(tx, lab, organisationId)
      enqueue(tx, 'labs', String(created.id))
      ids.set(lab.key, created.id)
    }
  })
  return ids
}

/** Creates and publishes the fixture's requests as the company; returns request ids by fixture key. */
export function publishFixtureRequests(company: Actor, requests: FixtureRequest[]): Map<string, number> {
  const ids = new Map<string, number>()
  for (const r of requests) {
    const created = createRequest(
      company,
      requestInput({
        title: r.title,
        summary: r.title,
        problem: r.problem,
        expectedResult: r.expectedResult,
        confidentialDetails: `Внутренний код проекта ${r.key}`,
        keywords: r.keywords,
        oecdField: r.oecdField,
        grnti: undefined,
        alliance: r.alliance,
        trlNow: r.trlNow,
        trlWanted: r.trlWanted,
        budgetMin: r.budgetMinRoubles * 100,
        budgetMax: r.budgetMaxRoubles * 100,
        deadline: inAYear(),
        region: '70',
      }),
    )
    if (!created.ok) throw new Error(`fixture request ${r.key}: ${created.error}`)
    const published = changeRequestStatus(company, created.value.id, 'publish')
    if (!published.ok) throw new Error(`fixture request ${r.key} not published: ${published.error}`)
    ids.set(r.key, created.value.id)
  }
  return ids
}

/** The labs the matcher proposes for each fixture request, best first, as fixture keys. */
export async function proposedLabKeys(
  engine: SearchEngine,
  requests: FixtureRequest[],
  labIdsByKey: Map<string, number>,
  requestIdsByKey: Map<string, number>,
): Promise<Map<string, string[]>> {
  const keyOf = new Map([...labIdsByKey].map(([key, id]) => [id, key]))
  const proposed = new Map<string, string[]>()
  for (const r of requests) {
    const ranking = await proposeLabsForRequest(db, engine, requestIdsByKey.get(r.key)!)
    proposed.set(r.key, (ranking?.proposals ?? []).map((p) => keyOf.get(p.labId) ?? `lab ${p.labId}`))
  }
  return proposed
}

export interface FixtureQuality {
  /** Share of (request, expected lab) pairs whose lab is among the request's first 20 proposals. */
  recallAt20: number
  /** Share of requests with an expected lab among the first three proposals. */
  topThreeRate: number
  /** Requests without an expected lab in the top 3, with the three they got instead. */
  topThreeMisses: string[]
  /** Requests with an expected lab beyond the first 20 proposals, and which. */
  recallMisses: string[]
}

/** Recall@20 and the top-3 rate of the proposals against each request's expected labs. */
export function fixtureQuality(requests: FixtureRequest[], proposed: Map<string, string[]>): FixtureQuality {
  let expected = 0
  let found = 0
  let withTopThree = 0
  const topThreeMisses: string[] = []
  const recallMisses: string[] = []
  for (const r of requests) {
    const keys = proposed.get(r.key) ?? []
    const inTop20 = r.expectedLabKeys.filter((key) => keys.slice(0, 20).includes(key))
    const hitTopThree = keys.slice(0, 3).some((key) => r.expectedLabKeys.includes(key))
    expected += r.expectedLabKeys.length
    found += inTop20.length
    if (hitTopThree) withTopThree++
    if (!hitTopThree) topThreeMisses.push(`${r.key}: expected ${r.expectedLabKeys.join(', ')}; got ${keys.slice(0, 3).join(', ') || 'nothing'}`)
    const missing = r.expectedLabKeys.filter((key) => !inTop20.includes(key))
    if (missing.length > 0) recallMisses.push(`${r.key}: ${missing.join(', ')} not among ${keys.length} proposals`)
  }
  return { recallAt20: found / expected, topThreeRate: withTopThree / requests.length, topThreeMisses, recallMisses }
}
