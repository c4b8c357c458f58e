import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { DEAD_LETTER_ATTEMPTS } from '#db/outbox'
import { mailOutbox, matchRefreshQueue, searchOutbox } from '#db/schema'
import { enqueue } from '#search/sync'
import { db } from '~/db.server'
import { healthReport, healthSummary } from '~/modules/health/report.server'
import { deliverPendingMail, enqueueMail, type MailTransport } from '~/modules/mail/mail.server'
import { CHANGE, queueRefresh } from '~/modules/matching/refresh-queue.server'
import { deadLetterCounts, listDeadLetters, retryDeadLetter } from '~/modules/outbox/dead-letters.server'
import { actorWithOrganisation } from '../factories/actors'
import { reviewer } from '../factories/contracts'

const MAIL_DIR = process.env.MAIL_DIR!

/** An SMTP server that is unreachable until a given moment of the test's clock, then takes every message. */
function smtpDownUntil(back: Date) {
  const delivered: string[] = []
  const tried: Date[] = []
  let clock = new Date(0)
  const transport: MailTransport = {
    sendMail: (async (message: { subject: string }) => {
      tried.push(clock)
      if (clock < back) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' })
      delivered.push(message.subject)
      return { message: Buffer.from(`Subject: ${message.subject}\r\n\r\nbody`) }
    }) as unknown as MailTransport['sendMail'],
  }
  return { transport, delivered, tried, at: (now: Date) => (clock = now) }
}

function queueMail(subject: string): number {
  enqueueMail(db, { to: 'someone@test.example', subject, text: 'Текст письма.' })
  return db.select().from(mailOutbox).where(eq(mailOutbox.subject, subject)).get()!.id
}

function clearMail() {
  db.delete(mailOutbox).run()
  fs.rmSync(MAIL_DIR, { recursive: true, force: true })
}

describe('the mail outbox', () => {
  beforeEach(clearMail)

  test('a 10-second SMTP outage loses no mail: it is retried after growing pauses and sent once the server is back', async () => {
    const start = new Date('2027-03-01T08:00:00Z')
    const smtp = smtpDownUntil(new Date(start.getTime() + 10_000))
    const id = queueMail('Письмо во время сбоя')
    // The worker looks every half second for a minute.
    for (let ms = 0; ms <= 60_000; ms += 500) {
      const now = new Date(start.getTime() + ms)
      smtp.at(now)
      await deliverPendingMail({ now, transport: smtp.transport })
    }
    expect(smtp.delivered).toEqual(['Письмо во время сбоя'])
    const row = db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get()!
    expect(row.sentAt).not.toBeNull()
    // Pauses double (1 s, 2 s, 4 s, 8 s …) rather than hammering a server that is down.
    const pauses = smtp.tried.slice(1).map((t, i) => t.getTime() - smtp.tried[i].getTime())
    expect(pauses).toEqual([1000, 2000, 4000, 8000])
  })

  test('mail that keeps failing becomes a dead letter: /healthz counts it for the administration, which sees it and retries it, and it is sent', async () => {
    const id = queueMail('Письмо, которое не уходит')
    db.update(mailOutbox).set({ attempts: DEAD_LETTER_ATTEMPTS - 1 }).where(eq(mailOutbox.id, id)).run()
    const now = new Date()
    const smtp = smtpDownUntil(new Date(now.getTime() + 3_600_000))
    smtp.at(now)
    await deliverPendingMail({ now, transport: smtp.transport })
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get()).toMatchObject({ attempts: DEAD_LETTER_ATTEMPTS, sentAt: null, lastError: expect.stringContaining('ECONNREFUSED') })

    // A dead letter is no longer tried on its own, however much later.
    const muchLater = new Date(now.getTime() + 86_400_000)
    smtp.at(muchLater)
    await deliverPendingMail({ now: muchLater, transport: smtp.transport })
    expect(smtp.tried).toHaveLength(1)

    expect(deadLetterCounts().mail).toBe(1)
    const report = await healthReport()
    expect(report.status).toBe('degraded')
    expect(report.deadLetters).toMatchObject({ mail: 1 })
    expect(report.mail).toEqual({ pending: 0 })
    // Anyone else learns only the state.
    expect(healthSummary(report)).toEqual({ status: 'degraded' })

    const company = await actorWithOrganisation()
    const administration = await reviewer()
    expect(listDeadLetters(company)).toMatchObject({ ok: false, error: 'forbidden' })
    const listed = listDeadLetters(administration)
    expect(listed.ok && listed.value).toEqual([
      expect.objectContaining({ kind: 'mail', key: String(id), subject: 's***@test.example · Письмо, которое не уходит', attempts: DEAD_LETTER_ATTEMPTS, lastError: expect.stringContaining('ECONNREFUSED') }),
    ])

    expect(retryDeadLetter(company, 'mail', String(id))).toMatchObject({ ok: false, error: 'forbidden' })
    expect(retryDeadLetter(administration, 'mail', String(id))).toEqual({ ok: true, value: null })
    // Retried once: a second click finds nothing dead to retry.
    expect(retryDeadLetter(administration, 'mail', String(id))).toMatchObject({ ok: false, error: 'not_found' })
    expect(deadLetterCounts().mail).toBe(0)

    const back = new Date(muchLater.getTime() + 3_600_000)
    smtp.at(back)
    expect(await deliverPendingMail({ now: back, transport: smtp.transport })).toBe(1)
    expect(smtp.delivered).toEqual(['Письмо, которое не уходит'])
  })

  test('an .eml file is written whole or not at all: a kill -9 while writing leaves no short file, and the mail is then written once', async () => {
    const id = queueMail('Большое письмо')
    // Big enough that writing it takes a while: the kill lands mid-write.
    db.update(mailOutbox).set({ text: 'Строка письма для проверки записи целиком.\n'.repeat(100_000) }).where(eq(mailOutbox.id, id)).run()
    fs.mkdirSync(MAIL_DIR, { recursive: true })

    const fixture = path.resolve('tests/fixtures/deliver-mail.ts')
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    await new Promise<void>((resolve, reject) => {
      // Killed the moment anything appears in the mail folder: a temporary file, or the .eml itself.
      const watcher = fs.watch(MAIL_DIR, () => {
        watcher.close()
        child.kill('SIGKILL')
      })
      child.on('exit', () => {
        watcher.close()
        resolve()
      })
      child.on('error', reject)
    })
    const written = () => fs.readdirSync(MAIL_DIR).filter((name) => name.endsWith('.eml'))
    for (const name of written()) expect(fs.statSync(path.join(MAIL_DIR, name)).size).toBeGreaterThan(4_000_000)

    // The restarted worker sends it (again, if the kill came after the rename): one whole file.
    await deliverPendingMail()
    expect(written()).toHaveLength(1)
    expect(fs.statSync(path.join(MAIL_DIR, written()[0])).size).toBeGreaterThan(4_000_000)
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get()!.sentAt).not.toBeNull()
  })
})

describe('the search outbox', () => {
  test('a row that keeps failing is a dead letter the administration can retry, and is due at once again', async () => {
    db.delete(searchOutbox).run()
    enqueue(db, 'requests', '424242')
    const row = db.select().from(searchOutbox).get()!
    db.update(searchOutbox).set({ attempts: DEAD_LETTER_ATTEMPTS, lastError: 'SearchUnavailableError: down', nextAttemptAt: new Date().toISOString() }).where(eq(searchOutbox.id, row.id)).run()
    expect(deadLetterCounts().search).toBe(1)
    const administration = await reviewer()
    const listed = listDeadLetters(administration)
    expect(listed.ok && listed.value.find((l) => l.kind === 'search')).toMatchObject({ key: String(row.id), subject: 'requests #424242' })
    expect(retryDeadLetter(administration, 'search', String(row.id))).toEqual({ ok: true, value: null })
    expect(db.select().from(searchOutbox).where(eq(searchOutbox.id, row.id)).get()).toMatchObject({ attempts: 0, nextAttemptAt: null, processedAt: null })
    expect(deadLetterCounts().search).toBe(0)
    db.delete(searchOutbox).run()
  })
})

describe('the proposal refresh queue', () => {
  test('a record whose refresh gave up is a dead letter until someone retries it or the record changes again', async () => {
    db.delete(matchRefreshQueue).run()
    db.insert(matchRefreshQueue).values({ entityType: 'lab', entityId: 777, attempts: DEAD_LETTER_ATTEMPTS, lastError: 'Error: engine down' }).run()
    expect(deadLetterCounts().refresh).toBe(1)
    const administration = await reviewer()
    const listed = listDeadLetters(administration)
    expect(listed.ok && listed.value.find((l) => l.kind === 'refresh')).toMatchObject({ key: 'lab:777', subject: 'lab #777' })

    queueRefresh(db, 'lab', [777], CHANGE)
    expect(db.select().from(matchRefreshQueue).get()).toMatchObject({ attempts: 0, nextAttemptAt: null })
    expect(deadLetterCounts().refresh).toBe(0)
    db.delete(matchRefreshQueue).run()
  })
})
