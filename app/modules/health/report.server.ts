import { outboxLag } from '#search/sync'
import { db } from '~/db.server'
import { backgroundStatus } from '../background/status.server'
import { refreshQueueProgress } from '../matching/refresh-queue.server'
import { deadLetterCounts } from '../outbox/dead-letters.server'
import { searchEngine } from '../search/engine.server'
import { databaseHealth, mailHealth, type HealthReport } from './health.server'

/**
 * /healthz: down when the database is; degraded when search is unreachable (writes still succeed),
 * the background process is being restarted, or a side effect has given up (a dead letter waits for
 * the administration). `matching` says how many records still wait for their proposals and how far
 * the background process has come.
 */
export async function healthReport(): Promise<HealthReport> {
  const database = databaseHealth()
  if (!database.ok) return { status: 'down', database, mail: { pending: 0 } }
  const engine = await searchEngine.health().catch((error: unknown) => ({ engine: searchEngine.kind, available: false, detail: String(error) }))
  const background = backgroundStatus()
  const deadLetters = deadLetterCounts()
  const anyDead = deadLetters.search + deadLetters.mail + deadLetters.refresh > 0
  return {
    status: engine.available && background.state !== 'restarting' && !anyDead ? 'ok' : 'degraded',
    database,
    search: { ...engine, outbox: outboxLag(db) },
    matching: matchingProgress(),
    mail: mailHealth(),
    deadLetters,
  }
}

/** What /healthz tells anyone who is not the administration: the state, without the backlog behind it. */
export function healthSummary(report: HealthReport): { status: HealthReport['status'] } {
  return { status: report.status }
}

/** How many records still wait for their proposals, and how far the background process has come. */
export function matchingProgress() {
  return { ...refreshQueueProgress(db), background: backgroundStatus() }
}
