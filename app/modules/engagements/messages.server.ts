import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '#db/client'
import { engagementMessages, engagementReads, engagements, memberships, rdRequests, users } from '#db/schema'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import { documentSummaries, insertDocument, prepareDocument, type DocumentRefusal, type IncomingDocument } from '../documents/store.server'
import { notifyUsers } from '../notifications/notify.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'

/** Whether this person may write in the engagement's thread: a member of one of its two organisations, while it is open. */
function openThreadOf(tx: DbOrTx, actor: Actor, engagementId: number) {
  const engagement = tx.select().from(engagements).where(eq(engagements.id, engagementId)).get()
  if (!engagement || !can(actor, 'engagement:view', engagement) || !actor.organisationId) return refuse('not_found')
  if (engagement.stage === 'declined') return refuse('engagement_closed')
  return ok({ engagement, authorOrganisationId: actor.organisationId })
}

/**
 * A message in the engagement's thread, from one of its two organisations, with at most one
 * document, which is checked and stored only once the thread is known to be the actor's. Everyone
 * else in both organisations is told. The form's submission key makes a repeat (double click,
 * resubmitted page) the same message: it is answered with the first one, not posted again.
 */
export function postMessage(
  actor: Actor,
  engagementId: number,
  input: { body: string; submissionKey: string; document?: IncomingDocument },
): Result<{ id: number; repeated: boolean }, 'not_found' | 'engagement_closed' | DocumentRefusal> {
  const thread = openThreadOf(db, actor, engagementId)
  if (!thread.ok) return thread
  const prepared = input.document ? prepareDocument(input.document, 'attachment', actor) : null
  if (prepared && !prepared.ok) return prepared
  return db.transaction((tx) => {
    const open = openThreadOf(tx, actor, engagementId)
    if (!open.ok) return open
    const { engagement, authorOrganisationId } = open.value
    const earlier = tx
      .select({ id: engagementMessages.id })
      .from(engagementMessages)
      .where(and(eq(engagementMessages.engagementId, engagementId), eq(engagementMessages.authorUserId, actor.userId), eq(engagementMessages.submissionKey, input.submissionKey)))
      .get()
    if (earlier) return ok({ id: earlier.id, repeated: true })
    const documentId = prepared ? insertDocument(tx, actor, prepared.value) : null
    const message = tx
      .insert(engagementMessages)
      .values({ engagementId, authorUserId: actor.userId, authorOrganisationId, body: input.body, documentId, submissionKey: input.submissionKey })
      .returning()
      .get()
    markRead(tx, engagementId, actor.userId, message.id)
    audit(tx, auditActor(actor), 'engagement.message_posted', { type: 'engagement', id: engagementId }, null, { messageId: message.id, documentId })
    const request = tx.select({ title: rdRequests.title }).from(rdRequests).where(eq(rdRequests.id, engagement.requestId)).get()
    const recipients = tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(inArray(memberships.organisationId, [engagement.companyOrganisationId, engagement.labOrganisationId]), ne(memberships.userId, actor.userId)))
      .all()
      .map((m) => m.userId)
    notifyUsers(tx, recipients, { kind: 'engagementMessage', params: { author: actor.name, request: request?.title ?? '' }, link: `/engagements/${engagementId}` })
    return ok({ id: message.id, repeated: false })
  })
}

function markRead(tx: DbOrTx, engagementId: number, userId: string, messageId: number): void {
  tx.insert(engagementReads)
    .values({ engagementId, userId, lastReadMessageId: messageId })
    .onConflictDoUpdate({ target: [engagementReads.engagementId, engagementReads.userId], set: { lastReadMessageId: messageId } })
    .run()
}

/** The thread, oldest first, for a party of the engagement; reading it marks it read. */
export function readThread(actor: Actor, engagementId: number) {
  const engagement = db.select().from(engagements).where(eq(engagements.id, engagementId)).get()
  if (!engagement || !can(actor, 'engagement:view', engagement)) return []
  const rows = db
    .select({
      id: engagementMessages.id,
      body: engagementMessages.body,
      createdAt: engagementMessages.createdAt,
      authorName: users.name,
      authorOrganisationId: engagementMessages.authorOrganisationId,
      documentId: engagementMessages.documentId,
    })
    .from(engagementMessages)
    .innerJoin(users, eq(users.id, engagementMessages.authorUserId))
    .where(eq(engagementMessages.engagementId, engagementId))
    .orderBy(asc(engagementMessages.id))
    .all()
  const attachments = documentSummaries(db, rows.map((r) => r.documentId))
  const last = rows.at(-1)
  if (last) markRead(db, engagementId, actor.userId, last.id)
  return rows.map((r) => ({ ...r, mine: r.authorOrganisationId === actor.organisationId, document: r.documentId ? (attachments.get(r.documentId) ?? null) : null }))
}

/** Unread messages per engagement for this person: written by others after what they last read. */
export function unreadCounts(actor: Actor, engagementIds: number[]): Map<number, number> {
  if (engagementIds.length === 0) return new Map()
  const rows = db
    .select({ engagementId: engagementMessages.engagementId, n: count() })
    .from(engagementMessages)
    .leftJoin(engagementReads, and(eq(engagementReads.engagementId, engagementMessages.engagementId), eq(engagementReads.userId, actor.userId)))
    .where(
      and(
        inArray(engagementMessages.engagementId, engagementIds),
        ne(engagementMessages.authorUserId, actor.userId),
        // No read mark yet counts every message as unread.
        sql`${engagementMessages.id} > coalesce(${engagementReads.lastReadMessageId}, 0)`,
      ),
    )
    .groupBy(engagementMessages.engagementId)
    .all()
  return new Map(rows.map((r) => [r.engagementId, r.n]))
}
