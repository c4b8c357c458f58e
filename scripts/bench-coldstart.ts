// npm run -s bench:coldstart [-- --extra 10000 --timeout 90]
// A first start over a large catalogue. Builds the app, makes a fresh database with the demo cluster
// plus --extra synthetic R&D requests and as many labs (scripts/bench/synthetic.ts), indexes it for
// search but leaves it without matching profiles or proposals (as a bulk load or a restore from
// before matching would), then starts the production server and measures:
// - how long until it listens and answers /healthz;
// - how long until every proposal is ready (/healthz: nothing pending in the search outbox or the
//   matcher's refresh queue, the background process running);
// - meanwhile, the latency of the company's request page, hit over and over from here;
// - how long a request the company publishes (through the same forms as the browser) waits for its
//   proposed labs: while the matching profiles are built, while every record's proposals are
//   refreshed after that, and once all is ready.
// Progress goes to stderr, the JSON report to stdout. Nothing is asserted on the figures.
import { spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { and, count, eq } from 'drizzle-orm'
import { labs, memberships, rdRequests, users } from '../db/schema'
import { indexRegistry } from '../search/registry'
import { drainOutbox, reindex } from '../search/sync'
import { insertSyntheticCatalogue } from './bench/app-catalogue'
import { benchServerEnv, freePort, isRunning, percentile, round, signIn, startServer, stopServer } from './bench/server-process'

const { values: args } = parseArgs({
  options: {
    extra: { type: 'string', default: '10000' },
    // Minutes to wait for the proposals before giving up.
    timeout: { type: 'string', default: '90' },
  },
})
const extra = Number(args.extra)
const timeoutMinutes = Number(args.timeout)
if (!Number.isInteger(extra) || extra < 0 || !(timeoutMinutes > 0)) {
  console.error('usage: bench-coldstart [--extra 10000] [--timeout 90]')
  process.exit(2)
}

const progress = (line: string) => console.error(`[bench:coldstart] ${line}`)
const COMPANY_EMAIL = 'company@demo.test'
// /healthz shows the backlog behind its state to the administration only.
const ADMIN_EMAIL = 'admin@demo.test'
const HEALTH_POLL_MS = 1000
const LISTEN_POLL_MS = 50
const PUBLISH_POLL_MS = 100

interface MatchingHealth {
  search: { outbox: { pending: number } }
  matching: { pending: number; failing: number; background: { state: string; refreshed: number } }
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-coldstart-'))
const serverEnv = benchServerEnv(workDir, 'warn')
let server: ChildProcess | null = null
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server?.kill('SIGTERM')
    fs.rmSync(workDir, { recursive: true, force: true })
    process.exit(1)
  })
}

try {
  progress('building the app (npx remix build)…')
  const build = spawnSync('npx', ['remix', 'build'], { stdio: ['inherit', 2, 'inherit'] })
  if (build.status !== 0) throw new Error('the build failed')

  const prepared = await prepareDatabase()
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  progress(`starting the production server on ${base}…`)
  const started = Date.now()
  const child = startServer({ ...serverEnv, PORT: String(port) }, (reason) => progress(`the server stopped by itself (${reason})`))
  server = child
  await waitFor(child, async () => (await fetch(`${base}/healthz`).catch(() => null))?.ok === true, LISTEN_POLL_MS)
  const listenSeconds = (Date.now() - started) / 1000
  progress(`answering after ${listenSeconds} s; waiting for the proposals…`)

  const cookie = await signIn(base, COMPANY_EMAIL, `/requests/${prepared.requestId}`)
  const pagePath = `/requests/${prepared.requestId}`
  const latencies: number[] = []
  let failures = 0
  let preparing = true
  // One visitor after another on the request page for as long as the proposals are being prepared.
  const visitor = (async () => {
    while (preparing) {
      const at = performance.now()
      const response = await fetch(base + pagePath, { headers: { cookie, 'accept-language': 'ru' } }).catch(() => null)
      await response?.arrayBuffer()
      latencies.push(performance.now() - at)
      if (!response?.ok) failures++
    }
  })()

  const publishedWhileBuildingProfiles = await publishAndWaitForProposals(base, cookie)
  progress(`a request published while the profiles were built had its proposals after ${publishedWhileBuildingProfiles.seconds} s`)
  let publishedWhileRefreshing: Awaited<ReturnType<typeof publishAndWaitForProposals>> | null = null

  const adminCookie = await signIn(base, ADMIN_EMAIL, '/healthz')
  let last: MatchingHealth | null = null
  let lastReport = Date.now()
  try {
    await waitFor(child, async () => {
      const response = await fetch(`${base}/healthz`, { headers: { cookie: adminCookie } }).catch(() => null)
      if (!response) return false
      last = (await response.json()) as MatchingHealth
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now()
        progress(`  after ${Math.round((lastReport - started) / 1000)} s: ${last.matching.pending} records pending, ${last.matching.background.refreshed} refreshed (${last.matching.background.state})`)
      }
      if (publishedWhileRefreshing === null && last.matching.background.state === 'running' && last.matching.pending > 0) {
        publishedWhileRefreshing = await publishAndWaitForProposals(base, cookie)
        progress(`a request published while the catalogue's proposals were refreshed had its proposals after ${publishedWhileRefreshing.seconds} s`)
      }
      return last.matching.background.state === 'running' && last.matching.pending === 0 && last.search.outbox.pending === 0
    }, HEALTH_POLL_MS)
  } finally {
    preparing = false
    await visitor
  }
  const readySeconds = (Date.now() - started) / 1000
  const publishedAfter = await publishAndWaitForProposals(base, cookie)
  const health = last as MatchingHealth | null
  latencies.sort((a, b) => a - b)
  const report = {
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((n) => round(n, 2)),
    catalogue: { requests: prepared.requests, labs: prepared.labs, published: prepared.published },
    listenSeconds: round(listenSeconds, 2),
    proposalsReadySeconds: round(readySeconds, 1),
    refreshed: health?.matching.background.refreshed ?? null,
    failing: health?.matching.failing ?? null,
    requestPageWhilePreparing: {
      path: pagePath,
      requests: latencies.length,
      failures,
      latencyMs: { p50: round(percentile(latencies, 50), 1), p95: round(percentile(latencies, 95), 1), p99: round(percentile(latencies, 99), 1) },
    },
    // From the publish button's answer until the request's proposals poll says they are ready.
    newRequestProposalsSeconds: {
      whileBuildingProfiles: publishedWhileBuildingProfiles,
      whileRefreshingCatalogue: publishedWhileRefreshing,
      afterwards: publishedAfter,
    },
  }
  console.log(JSON.stringify(report, null, 2))
  progress(`done: listening after ${report.listenSeconds} s, proposals ready after ${report.proposalsReadySeconds} s, request page p99 ${report.requestPageWhilePreparing.latencyMs.p99} ms meanwhile`)
} catch (error) {
  progress(`failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  if (server) await stopServer(server)
  fs.rmSync(workDir, { recursive: true, force: true })
}

/** The demo cluster and the synthetic catalogue, indexed for search, with no profiles or proposals. */
async function prepareDatabase() {
  Object.assign(process.env, serverEnv)
  const { db, database } = await import('../app/db.server')
  const { seedDemoData } = await import('../app/modules/demo/seed.server')
  const { searchEngine } = await import('../app/modules/search/engine.server')
  try {
    progress(`seeding the demo cluster into ${serverEnv.DATABASE_PATH}…`)
    await seedDemoData(db)
    progress(`adding ${extra} synthetic requests and ${extra} synthetic labs…`)
    insertSyntheticCatalogue(db, extra)
    progress(`indexing into ${searchEngine.kind}…`)
    await reindex(db, searchEngine, indexRegistry, undefined, ({ index, done, total }) => {
      if (done === total || done % 5000 === 0) progress(`  ${index}: ${done}/${total}`)
    })
    // The seed queued every record for the worker; pushing them again leaves the outbox empty.
    while ((await drainOutbox(db, searchEngine, indexRegistry)).processed > 0);
    const request = db
      .select({ id: rdRequests.id })
      .from(rdRequests)
      .innerJoin(memberships, eq(memberships.organisationId, rdRequests.organisationId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(users.email, COMPANY_EMAIL), eq(rdRequests.status, 'published')))
      .limit(1)
      .get()
    if (!request) throw new Error(`${COMPANY_EMAIL} has no published request`)
    return {
      requests: db.select({ n: count() }).from(rdRequests).get()!.n,
      published: db.select({ n: count() }).from(rdRequests).where(eq(rdRequests.status, 'published')).get()!.n,
      labs: db.select({ n: count() }).from(labs).get()!.n,
      requestId: request.id,
    }
  } finally {
    database.close()
  }
}

/**
 * Drafts and publishes a request as the company's browser would (the same form posts), then polls
 * its proposals as the page does, closer together, until they are ready; reads the page for the cards.
 */
async function publishAndWaitForProposals(base: string, cookie: string): Promise<{ seconds: number; cards: number }> {
  const post = (path: string, fields: Record<string, string>) =>
    fetch(base + path, {
      method: 'POST',
      headers: { cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'ru' },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    })
  const drafted = await post('/requests/new', {
    title: 'Катализатор гидроочистки дизельного топлива',
    summary: 'Нужен катализатор глубокой гидроочистки дизельного топлива от серы.',
    problem: 'Действующий катализатор гидроочистки не даёт содержания серы ниже 10 ppm на тяжёлом сырье. Нужен новый катализатор и режимы гидроочистки.',
    expectedResult: 'Опытная партия катализатора и протокол испытаний на пилотной установке.',
    keywords: 'гидроочистка, катализатор, дизельное топливо',
    oecdField: '1.4',
    trlNow: '3',
    trlWanted: '5',
    budgetMin: '2 000 000',
    budgetMax: '6 000 000',
    deadline: `${new Date().getFullYear() + 1}-06-30`,
    region: '70',
  })
  const requestPath = drafted.headers.get('location')
  if (drafted.status !== 302 || !requestPath?.startsWith('/requests/')) throw new Error(`drafting a request failed (${drafted.status})`)
  const published = await post(`${requestPath}?index`, { transition: 'publish' })
  if (published.status !== 302) throw new Error(`publishing ${requestPath} failed (${published.status})`)
  const at = Date.now()
  const deadline = at + timeoutMinutes * 60_000
  while (Date.now() < deadline) {
    const state = (await (await fetch(`${base}${requestPath}/proposals`, { headers: { cookie } })).json()) as { pending: boolean }
    if (!state.pending) {
      const seconds = round((Date.now() - at) / 1000, 2)
      const page = await (await fetch(base + requestPath, { headers: { cookie, 'accept-language': 'ru' } })).text()
      return { seconds, cards: page.split('match-card"').length - 1 }
    }
    await new Promise((resolve) => setTimeout(resolve, PUBLISH_POLL_MS))
  }
  throw new Error(`${requestPath} had no proposals within ${timeoutMinutes} minutes`)
}

/** Polls `ready` until it holds; fails if the server stops or the time runs out. */
async function waitFor(child: ChildProcess, ready: () => Promise<boolean>, intervalMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMinutes * 60_000
  while (Date.now() < deadline) {
    if (!isRunning(child)) throw new Error('the server stopped')
    if (await ready()) return
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`not ready within ${timeoutMinutes} minutes`)
}
