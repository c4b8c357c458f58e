import { outboxLag } from '#search/sync'
import { db } from '~/db.server'
import { searchEngine } from '../search/engine.server'
import { databaseHealth, mailHealth, type HealthReport } from './health.server'

/** /healthz: down when the database is; degraded when search is unreachable (writes still succeed). */
export async function healthReport(): Promise<HealthReport> {
  const database = databaseHealth()
  if (!database.ok) return { status: 'down', database, mail: { pending: 0 } }
  const engine = await searchEngine.health().catch((error: unknown) => ({ engine: searchEngine.kind, available: false, detail: String(error) }))
  return {
    status: engine.available ? 'ok' : 'degraded',
    database,
    search: { ...engine, outbox: outboxLag(db) },
    mail: mailHealth(),
  }
}

/** What /healthz tells anyone who is not the administration: the state, without the backlog behind it. */
export function healthSummary(report: HealthReport): { status: HealthReport['status'] } {
  return { status: report.status }
}
