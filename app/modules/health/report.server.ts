import { databaseHealth, mailHealth, type HealthReport } from './health.server'

export async function healthReport(): Promise<HealthReport> {
  const database = databaseHealth()
  return { status: database.ok ? 'ok' : 'down', database, mail: database.ok ? mailHealth() : { pending: 0 } }
}
