import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { memberships, notifications, users } from '#db/schema'
import { db } from '~/db.server'
import { translator } from '~/i18n/translator.server'
import { enqueueMail, publicLink } from '../mail/mail.server'

export interface Notice {
  /** A key under `notification.` in the dictionaries, e.g. "claimApproved". */
  kind: string
  params: Record<string, string | number>
  /** The page the notice is about, relative to the site. */
  link: string
}

/**
 * Tells people about an event that concerns them: an in-app notice, and an e-mail in their own
 * language, both written in the caller's transaction.
 */
export function notifyUsers(tx: DbOrTx, userIds: string[], notice: Notice, options: { email?: boolean } = {}): void {
  if (userIds.length === 0) return
  const recipients = tx.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(inArray(users.id, userIds)).all()
  for (const recipient of recipients) {
    tx.insert(notifications).values({ userId: recipient.id, kind: notice.kind, params: notice.params, link: notice.link }).run()
    if (options.email === false) continue
    const t = translator(recipient.locale ?? 'ru')
    enqueueMail(tx, {
      to: recipient.email,
      subject: t(`notification.${notice.kind}`, notice.params),
      text: `${t(`notification.${notice.kind}`, notice.params)}\n\n${publicLink(notice.link)}\n`,
    })
  }
}

/** Tells every member of the organisations. */
export function notifyOrganisations(tx: DbOrTx, organisationIds: number[], notice: Notice, options?: { email?: boolean }): void {
  if (organisationIds.length === 0) return
  const members = tx.select({ userId: memberships.userId }).from(memberships).where(inArray(memberships.organisationId, organisationIds)).all()
  notifyUsers(tx, members.map((m) => m.userId), notice, options)
}

export const NOTIFICATIONS_PAGE_SIZE = 30

export function listNotifications(userId: string, page: number) {
  const total = db.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId)).get()?.n ?? 0
  const rows = db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE)
    .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE)
    .all()
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)) }
}

export function unreadCount(userId: string): number {
  return db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0
}

/** Marks the person's notices read: all of them, or the ones named. Someone else's ids change nothing. */
export function markRead(userId: string, ids?: number[]): void {
  const mine = eq(notifications.userId, userId)
  db.update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(mine, isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .run()
}
