import { count } from 'drizzle-orm'
import { triedIn } from '#db/outbox'
import { outbox } from '#db/schema'
import { database, db } from '~/db.server'

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down'
  database: { ok: boolean; error?: string }
  mail: { pending: number }
  [part: string]: unknown
}

/** The state of the parts a person's request depends on, for /healthz. */
export function databaseHealth(): HealthReport['database'] {
  try {
    database.sqlite.prepare('SELECT 1').get()
    return { ok: true }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** Mail still being tried; what gave up is counted with the other dead letters. */
export function mailHealth(): HealthReport['mail'] {
  const pending = db.select({ n: count() }).from(outbox).where(triedIn('mail')).get()?.n ?? 0
  return { pending }
}
