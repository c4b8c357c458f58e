import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Meilisearch } from 'meilisearch'
import { isOecdField } from '../db/classifications'
import { openDatabase, type Db } from '../db/client'
import { labPublications, labs, organisations, rdRequests, users } from '../db/schema'
import type { IndexName, SearchEngine } from '../search/engine'
import { MeilisearchEngine } from '../search/meilisearch'
import { indexRegistry } from '../search/registry'
import { SqliteFtsEngine } from '../search/sqlite-fts'
import { reindex } from '../search/sync'
import { meilisearchForTests, type MeilisearchServer } from '../search/testing/meilisearch-server'
import { proposeLabsForRequest, proposeRequestsForLab } from '../app/modules/matching/matcher.server'
import { rebuildProfiles } from '../app/modules/matching/profiles.server'
import { completeInn10, completeOgrn13 } from '../app/modules/organisations/inn-ogrn'
import { seededRandom, syntheticLabs, syntheticRequests, type SyntheticLab, type SyntheticRequest } from './bench/synthetic'

// npm run bench:matching:speed [-- --sizes 10000,100000 --samples 200]
// Builds synthetic catalogues (Russian and English labs with publications, and requests) into a
// temporary SQLite file through the app's own search documents and matching profiles, then times the
// matcher: the top 20 labs for a request and the top 20 requests for a lab, on the embedded engine and
// on Meilisearch when MEILI_HOST or MEILI_BIN is set. Progress goes to stderr, the JSON to stdout.

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    samples: { type: 'string', default: '200' },
    'requests-per-lab': { type: 'string', default: '0.2' },
  },
})
const sizes = args.sizes.split(',').map((size) => Number(size.trim()))
const samples = Number(args.samples)
const requestsPerLab = Number(args['requests-per-lab'])
if (sizes.some((size) => !Number.isInteger(size) || size <= 0) || !(samples > 0) || !(requestsPerLab > 0)) {
  console.error('usage: bench-matching-speed [--sizes 10000,100000] [--samples 200] [--requests-per-lab 0.2]')
  process.exit(2)
}

const progress = (line: string) => console.error(`[bench:matching:speed] ${line}`)
const round = (ms: number) => Math.round(ms * 100) / 100
const REGION_CODES: Record<string, string> = {
  tomsk: '70', novosibirsk: '54', kemerovo: '42', krasnoyarsk: '24', omsk: '55',
  moscow: '77', 'saint-petersburg': '78', yekaterinburg: '66', irkutsk: '38',
}
const ORGANISATION_TYPES = { university: 'university', ras_institute: 'institute', company: 'research_org' } as const

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** One organisation per (name, region) pair of the synthetic labs; one company per request region. */
function insertCatalogue(db: Db, labCount: number, requestCount: number) {
  const labList = syntheticLabs(labCount, 2)
  const requestList = syntheticRequests(requestCount, 1)
  // Publications are synthetic texts on the lab's own subjects, 0 to 5 of them, as real profiles vary.
  const pool = syntheticRequests(Math.max(2000, Math.ceil(labCount / 10)), 3)
  const poolByKeyword = new Map<string, SyntheticRequest[]>()
  for (const text of pool) for (const keyword of text.keywords) poolByKeyword.set(keyword, [...(poolByKeyword.get(keyword) ?? []), text])
  const random = seededRandom(7)
  let serial = 0
  const nextRegistration = () => {
    serial++
    return { inn: completeInn10(`70${String(serial).padStart(7, '0')}`), ogrn: completeOgrn13(`1027${String(serial).padStart(8, '0')}`) }
  }
  const organisationIds = new Map<string, number>()
  const organisationOf = (lab: SyntheticLab) => `${lab.organisation}|${lab.region}`
  const started = performance.now()
  db.transaction((tx) => {
    const userId = 'bench-user'
    tx.insert(users).values({ id: userId, email: 'bench@bench.test', name: 'Bench', passwordHash: 'x' }).run()
    for (const lab of labList) {
      const key = organisationOf(lab)
      if (organisationIds.has(key)) continue
      const created = tx
        .insert(organisations)
        .values({ type: ORGANISATION_TYPES[lab.organisationType], name: `${lab.organisation} (${lab.region})`, region: REGION_CODES[lab.region] ?? '70', ...nextRegistration() })
        .returning({ id: organisations.id })
        .get()
      organisationIds.set(key, created.id)
    }
    const companies = new Map<string, number>()
    for (const region of Object.keys(REGION_CODES)) {
      const created = tx
        .insert(organisations)
        .values({ type: 'company', name: `ООО «Заказчик ${region}»`, region: REGION_CODES[region], ...nextRegistration() })
        .returning({ id: organisations.id })
        .get()
      companies.set(region, created.id)
    }
    labList.forEach((lab, i) => {
      const fields = lab.fieldsOfScience.filter(isOecdField)
      const created = tx
        .insert(labs)
        .values({
          organisationId: organisationIds.get(organisationOf(lab))!,
          name: lab.name,
          description: lab.expertise,
          oecdFields: fields.length ? fields : ['2.3'],
          grnti: [],
          alliance: lab.alliance as 'pharma' | null,
          keywords: lab.keywords,
          equipment: lab.equipment,
          services: [],
          trlMin: Math.max(1, lab.maxTrl - 3),
          trlMax: lab.maxTrl,
          contactName: 'Bench',
          contactEmail: 'lab@bench.test',
        })
        .returning({ id: labs.id })
        .get()
      const candidates = poolByKeyword.get(lab.keywords[0]) ?? pool
      const publicationCount = Math.floor(random() * 6)
      for (let p = 0; p < publicationCount; p++) {
        const text = candidates[Math.floor(random() * candidates.length)]
        tx.insert(labPublications).values({ labId: created.id, title: text.title, abstract: text.description, year: 2020 + (p % 5) }).run()
      }
      if ((i + 1) % 20_000 === 0) progress(`  labs ${i + 1}/${labList.length}`)
    })
    for (const request of requestList) {
      const fields = request.fieldsOfScience.filter(isOecdField)
      const trlWanted = Math.max(2, request.trl)
      const published = request.status === 'open' || request.status === 'negotiation'
      tx.insert(rdRequests)
        .values({
          organisationId: companies.get(request.region)!,
          createdBy: userId,
          title: request.title,
          summary: request.title,
          problem: request.description,
          expectedResult: request.description.split('. ').slice(-2).join('. '),
          oecdField: fields[0] ?? '2.3',
          alliance: request.alliance as 'pharma' | null,
          keywords: request.keywords,
          trlNow: Math.max(1, trlWanted - 2),
          trlWanted,
          budgetMin: Math.round(request.budgetKopecks / 2),
          budgetMax: request.budgetKopecks,
          deadline: new Date(Date.parse(request.createdAt) + 730 * 86_400_000).toISOString().slice(0, 10),
          region: REGION_CODES[request.region] ?? '70',
          status: published ? 'published' : 'closed',
          publishedAt: request.createdAt,
        })
        .run()
    }
  })
  progress(`  inserted ${labList.length} labs and ${requestList.length} requests in ${round((performance.now() - started) / 1000)} s`)
}

async function indexInto(db: Db, engine: SearchEngine, name: string) {
  const started = performance.now()
  for (const index of ['labs', 'requests'] as IndexName[]) {
    let last = 0
    await reindex(db, engine, indexRegistry, index, ({ done, total }) => {
      if (done - last >= 20_000 || done === total) {
        progress(`  ${name}: indexed ${index} ${done}/${total}`)
        last = done
      }
    })
  }
  return round((performance.now() - started) / 1000)
}

/**
 * Wall-clock percentiles, as a person waits; and the CPU time of this process, which is what the
 * embedded engine costs when the machine is not shared (the load average says how shared it was).
 */
async function time(samples: number, run: (i: number) => Promise<number>) {
  for (let i = 0; i < Math.min(10, samples); i++) await run(samples - 1 - i)
  const wall: number[] = []
  const cpu: number[] = []
  let proposals = 0
  for (let i = 0; i < samples; i++) {
    const cpuBefore = process.cpuUsage()
    const begin = performance.now()
    proposals += await run(i)
    wall.push(performance.now() - begin)
    const used = process.cpuUsage(cpuBefore)
    cpu.push((used.user + used.system) / 1000)
  }
  const stats = (values: number[]) => {
    values.sort((a, b) => a - b)
    return { p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), p99: round(percentile(values, 99)) }
  }
  return { ...stats(wall), cpu: stats(cpu), meanProposals: round(proposals / samples), loadAverage: round(os.loadavg()[0]) }
}

async function measure(db: Db, engine: SearchEngine, name: string, labIds: number[], requestIds: number[]) {
  const random = seededRandom(11)
  const pick = (ids: number[]) => Array.from({ length: samples }, () => ids[Math.floor(random() * ids.length)])
  const requestSample = pick(requestIds)
  const labSample = pick(labIds)
  const labsForRequest = await time(samples, async (i) => (await proposeLabsForRequest(db, engine, requestSample[i]))?.proposals.length ?? 0)
  progress(`  ${name}: top 20 labs for a request p50 ${labsForRequest.p50} ms, p95 ${labsForRequest.p95} ms`)
  const requestsForLab = await time(samples, async (i) => (await proposeRequestsForLab(db, engine, labSample[i]))?.proposals.length ?? 0)
  progress(`  ${name}: top 20 requests for a lab p50 ${requestsForLab.p50} ms, p95 ${requestsForLab.p95} ms`)
  return { labsForRequest, requestsForLab }
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-matching-'))
  let server: MeilisearchServer | null = null
  try {
    server = await meilisearchForTests()
    progress(server ? `meilisearch at ${server.host}` : 'meilisearch skipped (set MEILI_HOST or MEILI_BIN)')
    const results = []
    for (const size of sizes) {
      const requestCount = Math.max(100, Math.round(size * requestsPerLab))
      progress(`${size} labs, ${requestCount} requests: building`)
      const database = openDatabase(path.join(workDir, `catalogue-${size}.db`))
      const { db } = database
      try {
        insertCatalogue(db, size, requestCount)
        const embedded = new SqliteFtsEngine(database.sqlite)
        const indexSeconds = await indexInto(db, embedded, 'sqlite-fts')
        let started = performance.now()
        let last = 0
        const profiles = await rebuildProfiles(db, ({ type, done, total }) => {
          if (done - last >= 20_000 || done === total) progress(`  profiles: ${type} ${done}/${total}`)
          last = done === total ? 0 : done
        })
        const profileSeconds = round((performance.now() - started) / 1000)
        const labIds = db.select({ id: labs.id }).from(labs).all().map((r) => r.id)
        const requestIds = db.select({ id: rdRequests.id, status: rdRequests.status }).from(rdRequests).all().filter((r) => r.status === 'published').map((r) => r.id)
        const engines: Record<string, unknown> = {
          'sqlite-fts': { indexSeconds, ...(await measure(db, embedded, 'sqlite-fts', labIds, requestIds)) },
        }
        if (server) {
          const prefix = `bench_matching_${size}_`
          const meilisearch = new MeilisearchEngine({ host: server.host, apiKey: server.apiKey, indexPrefix: prefix })
          started = performance.now()
          const seconds = await indexInto(db, meilisearch, 'meilisearch')
          engines.meilisearch = { indexSeconds: seconds, ...(await measure(db, meilisearch, 'meilisearch', labIds, requestIds)) }
          const client = new Meilisearch({ host: server.host, apiKey: server.apiKey })
          for (const index of ['labs', 'requests']) await client.deleteIndexIfExists(prefix + index)
        }
        results.push({ labs: size, requests: requestCount, publishedRequests: requestIds.length, profiles: { ...profiles, seconds: profileSeconds }, engines })
      } finally {
        database.close()
      }
    }
    console.log(JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, samples, proposalsPerQuery: 20, sizes: results }, null, 2))
    progress(`done: ${sizes.join(', ')} labs, ${server ? 'both engines' : 'embedded engine only'}`)
  } finally {
    await server?.stop()
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
