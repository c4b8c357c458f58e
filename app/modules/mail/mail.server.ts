import fs from 'node:fs/promises'
import path from 'node:path'
import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm'
import nodemailer, { type Transporter } from 'nodemailer'
import type { DbOrTx } from '#db/client'
import { DEAD_LETTER_ATTEMPTS, failureMessage, nextAttemptAt } from '#db/outbox'
import { mailOutbox } from '#db/schema'
import { db } from '~/db.server'
import { env } from '~/env.server'
import { logger } from '../logger.server'
import { singleton } from '../singleton.server'

export interface Mail {
  to: string
  subject: string
  text: string
}

/**
 * A link for an e-mail: absolute, on the configured public origin (PUBLIC_ORIGIN), never on the Host
 * a request claimed to be for.
 */
export function publicLink(pathAndQuery: string): string {
  return new URL(pathAndQuery, env.PUBLIC_ORIGIN).href
}

/** Queues an e-mail inside the caller's transaction: it is sent only if the change it announces holds. */
export function enqueueMail(tx: DbOrTx, mail: Mail): void {
  tx.insert(mailOutbox).values(mail).run()
}

// With SMTP_URL the mail goes out; without it, each message is written to MAIL_DIR as an .eml file.
const transport = singleton('mail-transport', () =>
  env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : nodemailer.createTransport({ streamTransport: true, buffer: true }),
)

/** What sends a message: the configured transport, or in tests one that can be made to fail. */
export type MailTransport = Pick<Transporter, 'sendMail'>

type OutboxMail = typeof mailOutbox.$inferSelect

async function send(mail: OutboxMail, via: MailTransport): Promise<void> {
  const info = await via.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text })
  if (env.SMTP_URL) return
  // One name per message: sent again after a crash, it replaces its own file instead of adding a second.
  const name = `${mail.createdAt.replace(/[:.]/g, '-')}-${mail.id}.eml`
  await writeFileAtomically(path.join(env.MAIL_DIR, name), (info as unknown as { message: Buffer }).message)
}

/**
 * Writes a file whole or not at all: the bytes go to a temporary file that is flushed to disk and
 * then renamed over the target, so a kill -9 mid-write never leaves a short or empty file behind.
 */
export async function writeFileAtomically(file: string, content: Buffer | string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.tmp`)
  const handle = await fs.open(temporary, 'w')
  try {
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await fs.rename(temporary, file)
}

/**
 * Sends the mail that is due, oldest first. A failure (SMTP down) keeps the message with its error
 * and the next attempt backed off exponentially; after DEAD_LETTER_ATTEMPTS it waits, as a dead
 * letter, for the administration to try again.
 */
export async function deliverPendingMail(options: { limit?: number; now?: Date; transport?: MailTransport } = {}): Promise<number> {
  const now = options.now ?? new Date()
  const pending = db
    .select()
    .from(mailOutbox)
    .where(
      and(
        isNull(mailOutbox.sentAt),
        lt(mailOutbox.attempts, DEAD_LETTER_ATTEMPTS),
        or(isNull(mailOutbox.nextAttemptAt), lte(mailOutbox.nextAttemptAt, now.toISOString())),
      ),
    )
    .orderBy(asc(mailOutbox.id))
    .limit(options.limit ?? 20)
    .all()
  let sent = 0
  for (const mail of pending) {
    try {
      await send(mail, options.transport ?? transport)
      db.update(mailOutbox).set({ sentAt: new Date().toISOString(), lastError: null }).where(eq(mailOutbox.id, mail.id)).run()
      sent++
    } catch (error) {
      const attempts = mail.attempts + 1
      const message = failureMessage(error)
      db.update(mailOutbox)
        .set({ attempts, lastError: message, nextAttemptAt: nextAttemptAt(attempts, now) })
        .where(eq(mailOutbox.id, mail.id))
        .run()
      logger.warn({ event: attempts >= DEAD_LETTER_ATTEMPTS ? 'mail.dead_letter' : 'mail.failed', mailId: mail.id, attempts, error: message })
    }
  }
  return sent
}

export function startMailWorker(intervalMs = 1000): { stop(): void } {
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      await deliverPendingMail()
    } catch (error) {
      logger.warn({ event: 'mail.worker_failed', error: failureMessage(error) })
    } finally {
      running = false
    }
  }, intervalMs)
  return { stop: () => clearInterval(timer) }
}
