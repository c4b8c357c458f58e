// npm run -s bench:http [-- --duration 10 --connections 10 --extra 10000 --keep DIR --proposals all|demo]
// The production build under load. Builds the app, makes a fresh database with the demo cluster
// plus --extra synthetic R&D requests and as many labs (scripts/bench/synthetic.ts), brings the
// search index and the matching proposals up to date, starts the server (NODE_ENV=production) on a
// free loopback port, then drives it from this process with autocannon: each page in turn for
// --duration seconds over --connections connections, after a short warm-up. Progress goes to stderr, the JSON report to
// stdout. Nothing is asserted on the figures. Last, the request page again while the background
// process refreshes the whole catalogue's proposals: what a person sees during a refresh. Then all of
// it again on a server that renders every request (PAGE_CACHE_MB=0): `withoutPageCache`.
// --keep DIR keeps the prepared database in DIR and reuses it on the next run with the same DIR
// (preparing 10k records' proposals takes minutes; a before/after comparison needs the same data).
// --proposals demo computes proposals for the demo cluster's records alone (the measured pages show
// only theirs): at 100k records the whole catalogue's would take hours on two cores.
import { spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { and, count, desc, eq, lte, max } from 'drizzle-orm'
import { matches, memberships, rdRequests, labs, users } from '../db/schema'
import { indexRegistry } from '../search/registry'
import { drainOutbox, reindex } from '../search/sync'
import { insertSyntheticCatalogue } from './bench/app-catalogue'
import { benchServerEnv, freePort, isRunning, percentile, round, signIn, startServer, stopServer } from './bench/server-process'

// autocannon ships no types: the part used here, typed where it enters.
interface AutocannonResult {
  requests: { average: number; total: number }
  non2xx: number
  errors: number
  timeouts: number
}
interface AutocannonRun extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers: Record<string, string> }) => AutocannonRun
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    extra: { type: 'string', default: '10000' },
    warmup: { type: 'string', default: '2' },
    keep: { type: 'string' },
    proposals: { type: 'string', default: 'all' },
  },
})
const duration = Number(args.duration)
const connections = Number(args.connections)
const extra = Number(args.extra)
const warmup = Number(args.warmup)
const proposalsFor = args.proposals
if (proposalsFor !== 'all' && proposalsFor !== 'demo') {
  console.error('--proposals is all or demo')
  process.exit(2)
}
if (![duration, connections, extra, warmup].every((n) => Number.isInteger(n) && n >= 0) || duration === 0 || connections === 0) {
  console.error('usage: bench-http [--duration 10] [--connections 10] [--extra 10000] [--warmup 2]')
  process.exit(2)
}

const progress = (line: string) => console.error(`[bench:http] ${line}`)
const SEARCH_PATH = `/requests?q=${encodeURIComponent('датчики')}&alliance=arctic&field=2.2`
const DASHBOARD_PATH = '/company'
const DASHBOARD_EMAIL = 'company@demo.test'
const ADMIN_EMAIL = 'admin@demo.test'

const STARTUP_TIMEOUT_MS = 10 * 60_000

const workDir = args.keep ? path.resolve(args.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-http-'))
fs.mkdirSync(workDir, { recursive: true })
const preparedFile = path.join(workDir, 'prepared.json')
const serverEnv = benchServerEnv(workDir, process.env.LOG_LEVEL ?? 'info')
let server: ChildProcess | null = null
// Interrupted: take the server and the scratch database down too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server?.kill('SIGTERM')
    if (!args.keep) fs.rmSync(workDir, { recursive: true, force: true })
    process.exit(1)
  })
}

try {
  progress('building the app (npx remix build)…')
  // Its output goes to stderr: stdout is the report's.
  const build = spawnSync('npx', ['remix', 'build'], { stdio: ['inherit', 2, 'inherit'] })
  if (build.status !== 0) throw new Error('the build failed')

  const prepared: Prepared = fs.existsSync(preparedFile) ? JSON.parse(fs.readFileSync(preparedFile, 'utf8')) : await prepareDatabase()
  if (args.keep) progress(`${fs.existsSync(preparedFile) ? 'reusing' : 'keeping'} the prepared database in ${workDir}`)
  fs.writeFileSync(preparedFile, JSON.stringify(prepared))
  const cached = await startMeasuredServer({})
  const cookie = await signIn(cached.base, DASHBOARD_EMAIL, DASHBOARD_PATH)
  const targets: Target[] = [
    { name: 'baseline', path: '/healthz', headers: {} },
    { name: 'home', path: '/', headers: {} },
    { name: 'searchWithFacets', path: SEARCH_PATH, headers: {} },
    { name: 'requestPageWithMatches', path: `/requests/${prepared.requestId}`, headers: { cookie }, mustShow: 'id="proposed-labs"' },
    { name: 'signedInDashboard', path: DASHBOARD_PATH, headers: { cookie } },
  ]
  const withPageCache = await measureTargets(cached.base, targets)
  // The same pages rendered for every request (PAGE_CACHE_MB=0): what a page costs when it is read
  // once, by a new person, or while the data keeps changing.
  await stopServer(server!)
  const uncached = await startMeasuredServer({ PAGE_CACHE_MB: '0' })
  const renderedEveryTime = await measureTargets(uncached.base, targets)
  const report = {
    node: process.version,
    cpus: os.cpus().length,
    // The machine is shared: the load at the end of the run says how much of it the benchmark had.
    loadAverage: os.loadavg().map((n) => round(n, 2)),
    engine: prepared.engine,
    catalogue: { requests: prepared.requests, labs: prepared.labs, proposals: prepared.proposals, proposalsFor: prepared.proposalsFor, searchMatches: prepared.searchMatches },
    matchingPreparationSeconds: prepared.matchingSeconds,
    serverStartSeconds: cached.startupSeconds,
    connections,
    durationSeconds: duration,
    targets: withPageCache.targets,
    requestPageDuringProposalRefresh: withPageCache.duringRefresh,
    withoutPageCache: { targets: renderedEveryTime.targets, requestPageDuringProposalRefresh: renderedEveryTime.duringRefresh },
  }
  console.log(JSON.stringify(report, null, 2))
  const line = (results: Record<string, Measurement>) => Object.entries(results).map(([name, r]) => `${name} ${Math.round(r.requestsPerSecond)} req/s p95 ${r.latencyMs.p95} ms`).join('; ')
  progress(`done: ${line(report.targets)}`)
  progress(`rendered every time: ${line(report.withoutPageCache.targets)}`)
} catch (error) {
  progress(`failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  if (server) await stopServer(server)
  if (!args.keep) fs.rmSync(workDir, { recursive: true, force: true })
}

type Prepared = Awaited<ReturnType<typeof prepareDatabase>>
interface Target {
  name: string
  path: string
  headers: Record<string, string>
  mustShow?: string
}

/** The production server on a free port, up and current: its address and how long it took. */
async function startMeasuredServer(extraEnv: Record<string, string>): Promise<{ base: string; startupSeconds: number }> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  progress(`starting the production server on ${base}${Object.keys(extraEnv).length ? ` with ${new URLSearchParams(extraEnv)}` : ''}…`)
  server = startServer({ ...serverEnv, ...extraEnv, PORT: String(port) }, (reason) => progress(`the server stopped by itself (${reason})`))
  const startupSeconds = await waitUntilCurrent(base, server)
  progress(`ready after ${startupSeconds} s`)
  return { base, startupSeconds }
}

/** Each page in turn under load on the running server, then the request page during a refresh. */
async function measureTargets(base: string, targets: Target[]) {
  const pid = server!.pid!
  for (const target of targets) {
    const response = await fetch(base + target.path, { headers: target.headers, redirect: 'manual' })
    if (response.status !== 200) throw new Error(`${target.path} answers ${response.status}, not 200`)
    if (target.mustShow && !(await response.text()).includes(target.mustShow)) throw new Error(`${target.path} does not show ${target.mustShow}`)
  }
  const results: Record<string, Measurement & { path: string; serverCpuMsPerRequest: number }> = {}
  for (const target of targets) {
    const headers = { 'accept-encoding': 'gzip', 'accept-language': 'ru', ...target.headers }
    if (warmup > 0) await measure(base + target.path, headers, warmup)
    progress(`${target.name}: ${target.path} for ${duration} s over ${connections} connections…`)
    const cpuBefore = processCpuMs(pid)
    const measured = await measure(base + target.path, headers, duration)
    const serverCpuMsPerRequest = round((processCpuMs(pid) - cpuBefore) / Math.max(1, measured.requests), 2)
    results[target.name] = { path: target.path, ...measured, serverCpuMsPerRequest }
  }
  const requestPage = targets.find((t) => t.name === 'requestPageWithMatches')!
  const duringRefresh = await measureDuringRefresh(base + requestPage.path, { 'accept-encoding': 'gzip', 'accept-language': 'ru', ...requestPage.headers })
  const baseline = results.baseline
  return {
    duringRefresh,
    targets: Object.fromEntries(
      Object.entries(results).map(([name, result]) => [
        name,
        {
          ...result,
          // Below 1: the page costs more than the trivial route; the share of its throughput.
          throughputRatioToBaseline: round(result.requestsPerSecond / baseline.requestsPerSecond, 3),
          p50RatioToBaseline: round(result.latencyMs.p50 / baseline.latencyMs.p50, 1),
          // The same share from the server's own CPU time per request: what the ratio would be on
          // a machine nobody else uses (on a shared one the wall-clock ratio follows the neighbours).
          cpuThroughputRatioToBaseline: round(baseline.serverCpuMsPerRequest / result.serverCpuMsPerRequest, 3),
        },
      ]),
    ),
  }
}

/** The demo cluster, then the synthetic catalogue through the same tables, then a current index. */
async function prepareDatabase() {
  // The application reads its settings once, when its modules load: set them first (quietly here,
  // so that stdout carries the report alone).
  Object.assign(process.env, serverEnv, { LOG_LEVEL: 'warn' })
  const { db, database } = await import('../app/db.server')
  const { seedDemoData } = await import('../app/modules/demo/seed.server')
  const { searchEngine } = await import('../app/modules/search/engine.server')
  const { parseRequestSearch, runCatalogueQuery } = await import('../app/modules/search/catalogue-search.server')
  const { CATALOGUE, prepareMatching, queueRefresh, workRefreshQueue } = await import('../app/modules/matching/refresh-queue.server')
  const { rebuildProfiles } = await import('../app/modules/matching/profiles.server')
  try {
    progress(`seeding the demo cluster into ${serverEnv.DATABASE_PATH}…`)
    await seedDemoData(db)
    progress(`adding ${extra} synthetic requests and ${extra} synthetic labs…`)
    // The demo cluster's records are the ones numbered before the synthetic catalogue's.
    const lastDemoRequest = db.select({ id: max(rdRequests.id) }).from(rdRequests).get()!.id ?? 0
    const lastDemoLab = db.select({ id: max(labs.id) }).from(labs).get()!.id ?? 0
    insertSyntheticCatalogue(db, extra)
    const requests = db.select({ n: count() }).from(rdRequests).get()!.n
    const labCount = db.select({ n: count() }).from(labs).get()!.n
    progress(`indexing into ${searchEngine.kind}…`)
    await reindex(db, searchEngine, indexRegistry, undefined, ({ index, done, total }) => {
      if (done === total || done % 5000 === 0) progress(`  ${index}: ${done}/${total}`)
    })
    // The seed queued every record for the worker; pushing them again leaves the outbox empty.
    while ((await drainOutbox(db, searchEngine, indexRegistry)).processed > 0);
    // A server computes proposals for a catalogue that has none before it listens: done here, it is
    // timed apart from the server's start and can show progress.
    progress(`preparing matching proposals for ${proposalsFor === 'all' ? 'the whole catalogue' : "the demo cluster's records"}…`)
    const matchingStarted = Date.now()
    const heartbeat = setInterval(() => progress(`  still preparing after ${Math.round((Date.now() - matchingStarted) / 1000)} s…`), 60_000)
    if (proposalsFor === 'all') await prepareMatching(db)
    else {
      // Every record's profile (candidates are ranked against the whole catalogue), the demo records' refresh alone.
      await rebuildProfiles(db)
      const demoRequests = db.select({ id: rdRequests.id }).from(rdRequests).where(and(lte(rdRequests.id, lastDemoRequest), eq(rdRequests.status, 'published'))).all()
      const demoLabs = db.select({ id: labs.id }).from(labs).where(and(lte(labs.id, lastDemoLab), eq(labs.status, 'active'))).all()
      queueRefresh(db, 'request', demoRequests.map((r) => r.id), CATALOGUE)
      queueRefresh(db, 'lab', demoLabs.map((l) => l.id), CATALOGUE)
    }
    while ((await workRefreshQueue(db, searchEngine, { budgetMs: 60_000 })).more);
    clearInterval(heartbeat)
    const proposals = db.select({ n: count() }).from(matches).get()!.n
    const matchingSeconds = Math.round((Date.now() - matchingStarted) / 1000)
    progress(`  ${proposals} proposals in ${matchingSeconds} s`)

    const query = parseRequestSearch(new URL(SEARCH_PATH, 'http://localhost'))
    if (!query.ok) throw new Error(`the search URL ${SEARCH_PATH} is not valid`)
    const search = await runCatalogueQuery(query.value)
    // The request page as its company sees it: with the labs proposed for it.
    const requestPage = db
      .select({ id: rdRequests.id })
      .from(rdRequests)
      .innerJoin(memberships, eq(memberships.organisationId, rdRequests.organisationId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(matches, eq(matches.requestId, rdRequests.id))
      .where(and(eq(users.email, DASHBOARD_EMAIL), eq(rdRequests.status, 'published')))
      .groupBy(rdRequests.id)
      .orderBy(desc(count(matches.id)))
      .limit(1)
      .get()
    if (!requestPage) throw new Error(`${DASHBOARD_EMAIL} has no published request with proposals to show`)
    return {
      engine: searchEngine.kind,
      requests,
      labs: labCount,
      proposals,
      proposalsFor,
      matchingSeconds,
      searchMatches: search.result?.total ?? null,
      requestId: requestPage.id,
    }
  } finally {
    database.close()
  }
}

/**
 * Up, and with nothing left in the search outbox: the index holds the whole catalogue. The outbox's
 * backlog is shown to the administration alone, so it is read signed in as the demo administrator.
 */
async function waitUntilCurrent(base: string, child: ChildProcess): Promise<number> {
  const started = Date.now()
  let reported = started
  let adminCookie: string | null = null
  while (Date.now() - started < STARTUP_TIMEOUT_MS) {
    if (!isRunning(child)) throw new Error('the server stopped before it was ready')
    const health = await fetch(`${base}/healthz`, { headers: adminCookie ? { cookie: adminCookie } : {} }).then(
      async (response) => (response.ok ? ((await response.json()) as { search?: { outbox?: { pending: number } } }) : null),
      () => null,
    )
    if (health && !adminCookie) adminCookie = await signIn(base, ADMIN_EMAIL, '/healthz')
    if (health?.search?.outbox?.pending === 0) return Math.round((Date.now() - started) / 1000)
    if (Date.now() - reported > 30_000) {
      reported = Date.now()
      progress(`  still starting after ${Math.round((reported - started) / 1000)} s${health?.search ? ` (outbox: ${health.search.outbox?.pending} pending)` : ''}…`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the server was not ready within ${STARTUP_TIMEOUT_MS / 60_000} minutes`)
}

/**
 * The whole catalogue's proposals queued for refresh, as after a change to the matching, and the
 * request page measured while the server's background process works that queue down. The queue's
 * length before and after shows that the refresh ran for the whole measurement.
 */
async function measureDuringRefresh(url: string, headers: Record<string, string>) {
  const { openDatabase } = await import('../db/client')
  const { queueWholeCatalogue } = await import('../app/modules/matching/refresh-queue.server')
  const { matchRefreshQueue } = await import('../db/schema')
  const scratch = openDatabase(serverEnv.DATABASE_PATH, { migrate: false })
  try {
    const queueLength = () => scratch.db.select({ n: count() }).from(matchRefreshQueue).get()!.n
    const queued = queueWholeCatalogue(scratch.db)
    progress(`requestPageWithMatches during a refresh of ${queued} records' proposals, for ${duration} s…`)
    // The background process looks at its queue on its own schedule: give it a moment to start.
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const queuedAtStart = queueLength()
    const measurement = await measure(url, headers, duration)
    const atEnd = queueLength()
    // The rest of the refresh is not the benchmark's: a kept database is left as it was prepared.
    scratch.db.delete(matchRefreshQueue).run()
    return { ...measurement, refreshQueue: { queued, atStart: queuedAtStart, atEnd } }
  } finally {
    scratch.close()
  }
}

/** CPU time (user + system) a process has used so far, from /proc (Linux). */
function processCpuMs(pid: number): number {
  // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  const ticksPerSecond = 100
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
}

interface Measurement {
  requestsPerSecond: number
  requests: number
  latencyMs: { p50: number; p95: number; p99: number }
  non2xx: number
  errors: number
  timeouts: number
}

async function measure(url: string, headers: Record<string, string>, seconds: number): Promise<Measurement> {
  const latencies: number[] = []
  const run = autocannon({ url, connections, duration: seconds, headers })
  run.on('response', (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs))
  const result = await run
  latencies.sort((a, b) => a - b)
  const at = (p: number) => round(percentile(latencies, p), 1)
  return {
    requestsPerSecond: round(result.requests.average, 1),
    requests: result.requests.total,
    latencyMs: { p50: at(50), p95: at(95), p99: at(99) },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}
