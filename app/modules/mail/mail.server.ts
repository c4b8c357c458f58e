import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import type { DbOrTx } from '#db/client'
import { DEAD_LETTER_ATTEMPTS, dueOutbox, enqueueOutbox, failureMessage, markOutboxProcessed, recordOutboxFailure, type OutboxPayload, type OutboxRow } from '#db/outbox'
import { db } from '~/db.server'
import { env } from '~/env.server'
import { logger } from '../logger.server'
import { singleton } from '../singleton.server'

export type Mail = OutboxPayload<'mail'>

/**
 * A link for an e-mail: absolute, on the configured public origin (PUBLIC_ORIGIN), never on the Host
 * a request claimed to be for.
 */
export function publicLink(pathAndQuery: string): string {
  return new URL(pathAndQuery, env.PUBLIC_ORIGIN).href
}

/** Queues an e-mail inside the caller's transaction: it is sent only if the change it announces holds. */
export function enqueueMail(tx: DbOrTx, mail: Mail): void {
  enqueueOutbox(tx, 'mail', mail)
}

// With SMTP_URL the mail goes out; without it, each message is written to MAIL_DIR as an .eml file.
const transport = singleton('mail-transport', () =>
  env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : nodemailer.createTransport({ streamTransport: true, buffer: true }),
)

/** What sends a message: the configured transport, or in tests one that can be made to fail. */
export type MailTransport = Pick<Transporter, 'sendMail'>

async function send(mail: OutboxRow<'mail'>, via: MailTransport): Promise<void> {
  const { to, subject, text } = mail.payload
  const info = await via.sendMail({ from: env.MAIL_FROM, to, subject, text })
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
  let sent = 0
  for (const mail of dueOutbox(db, 'mail', now, options.limit ?? 20)) {
    try {
      await send(mail, options.transport ?? transport)
      markOutboxProcessed(db, [mail.id], new Date())
      sent++
    } catch (error) {
      const attempts = recordOutboxFailure(db, mail, error, now)
      logger.warn({ event: attempts >= DEAD_LETTER_ATTEMPTS ? 'mail.dead_letter' : 'mail.failed', mailId: mail.id, attempts, error: failureMessage(error) })
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
