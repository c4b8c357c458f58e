import { and, asc, eq } from 'drizzle-orm'
import { savedSearches, users } from '#db/schema'
import { db } from '~/db.server'
import { translator } from '~/i18n/translator.server'
import { logger } from '../logger.server'
import { enqueueMail, publicLink } from '../mail/mail.server'
import { notifyUsers } from '../notifications/notify.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import { parseRequestSearch, runCatalogueQuery } from '../search/catalogue-search.server'

export const MAX_ALERTS_PER_PERSON = 20

/** Keeps only the catalogue's own parameters, so a saved alert is exactly what the page searched. */
function normaliseQuery(query: string): string | null {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)
  params.delete('page')
  params.delete('sort')
  return parseRequestSearch(new URL(`http://alert/requests?${params}`)).ok ? params.toString() : null
}

export function saveAlert(actor: Actor, input: { name: string; query: string }): Result<{ id: number }, 'forbidden' | 'invalid' | 'too_many_alerts'> {
  if (!can(actor, 'alert:manage')) return refuse('forbidden')
  const query = normaliseQuery(input.query)
  if (query === null) return refuse('invalid')
  return db.transaction((tx) => {
    const existing = tx.select({ id: savedSearches.id }).from(savedSearches).where(eq(savedSearches.userId, actor.userId)).all()
    if (existing.length >= MAX_ALERTS_PER_PERSON) return refuse('too_many_alerts')
    const created = tx.insert(savedSearches).values({ userId: actor.userId, name: input.name, query, checkedUntil: new Date().toISOString() }).returning().get()
    return ok({ id: created.id })
  })
}

export function deleteAlert(actor: Actor, alertId: number): Result<null, 'not_found'> {
  const removed = db.delete(savedSearches).where(and(eq(savedSearches.id, alertId), eq(savedSearches.userId, actor.userId))).returning().all()
  return removed.length ? ok(null) : refuse('not_found')
}

export function listAlerts(actor: Actor) {
  return db.select().from(savedSearches).where(eq(savedSearches.userId, actor.userId)).orderBy(asc(savedSearches.id)).all()
}

/** The newest requests of a digest: more than this many new ones in an hour is a list to open, not mail. */
const DIGEST_SIZE = 50

/**
 * For each saved search, the requests published since it was last checked; each person with news
 * gets one notice and one e-mail listing them. Run by the background worker, hourly.
 */
export async function sendAlertDigests(now = new Date()): Promise<{ alerts: number; requests: number }> {
  const alerts = db.select({ alert: savedSearches, email: users.email, locale: users.locale }).from(savedSearches).innerJoin(users, eq(users.id, savedSearches.userId)).all()
  let sent = 0
  let found = 0
  for (const { alert, email, locale } of alerts) {
    const parsed = parseRequestSearch(new URL(`http://alert/requests?${alert.query}`))
    if (!parsed.ok) continue
    const newestFirst = { ...parsed.value, sort: [{ field: 'publishedAt', direction: 'desc' as const }], page: 1 }
    const result = await runCatalogueQuery<{ id: string; title: string; publishedAt: string }>(newestFirst, DIGEST_SIZE)
    // With search down the alert keeps its mark and catches up at the next run.
    if (result.degraded) {
      logger.warn({ event: 'alerts.skipped', alertId: alert.id })
      continue
    }
    const until = now.toISOString()
    const fresh = result.result.hits.map((h) => h.document).filter((d) => d.publishedAt > alert.checkedUntil && d.publishedAt <= until)
    db.transaction((tx) => {
      tx.update(savedSearches).set({ checkedUntil: until }).where(eq(savedSearches.id, alert.id)).run()
      if (fresh.length === 0) return
      const t = translator(locale ?? 'ru')
      const params = { name: alert.name, count: fresh.length }
      notifyUsers(tx, [alert.userId], { kind: 'alertDigest', params, link: `/requests?${alert.query}` }, { email: false })
      enqueueMail(tx, {
        to: email,
        subject: t('notification.alertDigest', params),
        text: `${t('notification.alertDigest', params)}\n\n${fresh.map((d) => `• ${d.title}\n  ${publicLink(`/requests/${d.id}`)}`).join('\n')}\n`,
      })
    })
    if (fresh.length) sent++
    found += fresh.length
  }
  return { alerts: sent, requests: found }
}
