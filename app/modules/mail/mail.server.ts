import fs from 'node:fs/promises'
import path from 'node:path'
import { and, asc, eq, isNull, lt } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import type { DbOrTx } from '#db/client'
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

const MAX_ATTEMPTS = 5

// With SMTP_URL the mail goes out; without it, each message is written to MAIL_DIR as an .eml file.
const transport = singleton('mail-transport', () =>
  env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : nodemailer.createTransport({ streamTransport: true, buffer: true }),
)

async function send(id: number, mail: Mail): Promise<void> {
  const info = await transport.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text })
  if (env.SMTP_URL) return
  await fs.mkdir(env.MAIL_DIR, { recursive: true })
  const file = path.join(env.MAIL_DIR, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`)
  await fs.writeFile(file, (info as unknown as { message: Buffer }).message)
}

export async function deliverPendingMail(limit = 20): Promise<number> {
  const pending = db
    .select()
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAX_ATTEMPTS)))
    .orderBy(asc(mailOutbox.id))
    .limit(limit)
    .all()
  let sent = 0
  for (const mail of pending) {
    try {
      await send(mail.id, mail)
      db.update(mailOutbox).set({ sentAt: new Date().toISOString() }).where(eq(mailOutbox.id, mail.id)).run()
      sent++
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      db.update(mailOutbox)
        .set({ attempts: mail.attempts + 1, lastError: message })
        .where(eq(mailOutbox.id, mail.id))
        .run()
      logger.warn({ event: 'mail.failed', mailId: mail.id, error: message })
    }
  }
  return sent
}

export function startMailWorker(intervalMs = 2000): { stop(): void } {
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      await deliverPendingMail()
    } finally {
      running = false
    }
  }, intervalMs)
  return { stop: () => clearInterval(timer) }
}
