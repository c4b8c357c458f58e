import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { DEAD_LETTER_ATTEMPTS } from '#db/outbox'
import { matchRefreshQueue, outbox } from '#db/schema'
import { SearchUnavailableError, type SearchEngine } from '#search/engine'
import { indexRegistry } from '#search/registry'
import { drainOutbox, enqueue } from '#search/sync'
import { db } from '~/db.server'
import { healthReport, healthSummary } from '~/modules/health/report.server'
import { deliverPendingMail, enqueueMail, type MailTransport } from '~/modules/mail/mail.server'
import { CHANGE, queueRefresh } from '~/modules/matching/refresh-queue.server'
import { deadLetterCounts, listDeadLetters, retryDeadLetter } from '~/modules/outbox/dead-letters.server'
import { actorWithOrganisation } from '../factories/actors'
import { reviewer } from '../factories/contracts'
import { outboxRows } from '../factories/outbox'

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

function queueMail(subject: string, text = 'Текст письма.'): number {
  enqueueMail(db, { to: 'someone@test.example', subject, text })
  return outboxRows(db, 'mail').find((row) => row.payload.subject === subject)!.id
}

const row = (id: number) => db.select().from(outbox).where(eq(outbox.id, id)).get()!

beforeEach(() => {
  db.delete(outbox).run()
  fs.rmSync(MAIL_DIR, { recursive: true, force: true })
})

describe('the mail outbox', () => {

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
    expect(row(id).processedAt).not.toBeNull()
    // Pauses double (1 s, 2 s, 4 s, 8 s …) rather than hammering a server that is down.
    const pauses = smtp.tried.slice(1).map((t, i) => t.getTime() - smtp.tried[i].getTime())
    expect(pauses).toEqual([1000, 2000, 4000, 8000])
  })

  test('mail that keeps failing becomes a dead letter: /healthz counts it for the administration, which sees it and retries it, and it is sent', async () => {
    const id = queueMail('Письмо, которое не уходит')
    db.update(outbox).set({ attempts: DEAD_LETTER_ATTEMPTS - 1 }).where(eq(outbox.id, id)).run()
    const now = new Date()
    const smtp = smtpDownUntil(new Date(now.getTime() + 3_600_000))
    smtp.at(now)
    await deliverPendingMail({ now, transport: smtp.transport })
    expect(row(id)).toMatchObject({ attempts: DEAD_LETTER_ATTEMPTS, processedAt: null, lastError: expect.stringContaining('ECONNREFUSED') })

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
    // Big enough that writing it takes a while: the kill lands mid-write.
    const id = queueMail('Большое письмо', 'Строка письма для проверки записи целиком.\n'.repeat(100_000))
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
    expect(row(id).processedAt).not.toBeNull()
  })
})

describe('the search outbox', () => {
  test('a row that keeps failing is a dead letter the administration can retry, and is due at once again', async () => {
    enqueue(db, 'requests', '424242')
    const { id } = outboxRows(db, 'search')[0]
    db.update(outbox).set({ attempts: DEAD_LETTER_ATTEMPTS, lastError: 'SearchUnavailableError: down', nextAttemptAt: new Date().toISOString() }).where(eq(outbox.id, id)).run()
    expect(deadLetterCounts().search).toBe(1)
    const administration = await reviewer()
    const listed = listDeadLetters(administration)
    expect(listed.ok && listed.value.find((l) => l.kind === 'search')).toMatchObject({ key: String(id), subject: 'requests #424242' })
    expect(retryDeadLetter(administration, 'search', String(id))).toEqual({ ok: true, value: null })
    expect(row(id)).toMatchObject({ attempts: 0, nextAttemptAt: null, processedAt: null })
    expect(deadLetterCounts().search).toBe(0)
  })
})

/** A transport whose server never answers. */
const smtpDown: MailTransport = {
  sendMail: (async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' })
  }) as unknown as MailTransport['sendMail'],
}

/** A search engine that is down for every call. */
const engineDown = new Proxy({} as SearchEngine, {
  get: () => async () => {
    throw new SearchUnavailableError('search engine is down')
  },
})

describe('one outbox for search and mail', () => {
  test('rows of both topics live in the one table, and each worker drains only its own topic, oldest first', async () => {
    enqueue(db, 'requests', '1001')
    const first = queueMail('Первое письмо')
    enqueue(db, 'labs', '1002')
    const second = queueMail('Второе письмо')
    expect(db.select({ topic: outbox.topic }).from(outbox).orderBy(outbox.id).all().map((r) => r.topic)).toEqual(['search', 'mail', 'search', 'mail'])
    const [requests, labs] = outboxRows(db, 'search')
    expect([requests.payload, labs.payload]).toEqual([
      { indexName: 'requests', documentId: '1001' },
      { indexName: 'labs', documentId: '1002' },
    ])

    // Mail fails: only the mail rows count the failure.
    const now = new Date()
    await deliverPendingMail({ now, transport: smtpDown })
    expect([row(first).attempts, row(second).attempts, row(requests.id).attempts, row(labs.id).attempts]).toEqual([1, 1, 0, 0])

    // Search fails: only the search rows do, and the mail is left for its own worker.
    expect(await drainOutbox(db, engineDown, indexRegistry, { now })).toMatchObject({ processed: 0, failed: 2 })
    expect([row(first).attempts, row(second).attempts, row(requests.id).attempts, row(labs.id).attempts]).toEqual([1, 1, 1, 1])

    // Back up: mail goes out in the order it was written, and the search rows stay pending.
    const sent: string[] = []
    const smtpUp: MailTransport = {
      sendMail: (async (message: { subject: string }) => {
        sent.push(message.subject)
        return { message: Buffer.from(`Subject: ${message.subject}\r\n\r\nbody`) }
      }) as unknown as MailTransport['sendMail'],
    }
    expect(await deliverPendingMail({ now: new Date(now.getTime() + 60_000), transport: smtpUp })).toBe(2)
    expect(sent).toEqual(['Первое письмо', 'Второе письмо'])
    expect(row(first)).toMatchObject({ processedAt: expect.any(String), lastError: null })
    expect(row(requests.id)).toMatchObject({ processedAt: null, attempts: 1 })
  })

  test('a mail failure backs off exponentially: the next attempt is 1 s, 2 s, 4 s, 8 s … later', async () => {
    const id = queueMail('Письмо без сервера')
    let now = new Date('2027-03-01T08:00:00Z')
    const delays: number[] = []
    for (let attempt = 1; attempt <= 6; attempt++) {
      await deliverPendingMail({ now, transport: smtpDown })
      const next = new Date(row(id).nextAttemptAt!)
      delays.push(next.getTime() - now.getTime())
      // Not due a moment before: nothing is tried.
      await deliverPendingMail({ now: new Date(next.getTime() - 1), transport: smtpDown })
      now = next
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000])
    expect(row(id)).toMatchObject({ attempts: 6, processedAt: null, lastError: expect.stringContaining('ECONNREFUSED') })
  })

  test('a dead letter of each topic is counted by /healthz and listed for the administration, and retrying one resets only it', async () => {
    enqueue(db, 'measures', '31')
    const mailId = queueMail('Письмо, которое не уходит')
    const searchId = outboxRows(db, 'search')[0].id
    db.update(outbox).set({ attempts: DEAD_LETTER_ATTEMPTS, lastError: 'Error: gave up', nextAttemptAt: new Date().toISOString() }).run()

    const report = await healthReport()
    expect(report.status).toBe('degraded')
    expect(report.deadLetters).toMatchObject({ search: 1, mail: 1 })
    expect(report.mail).toEqual({ pending: 0 })

    const administration = await reviewer()
    const listed = listDeadLetters(administration)
    expect(listed.ok && listed.value.filter((l) => l.kind !== 'refresh')).toEqual([
      expect.objectContaining({ kind: 'search', key: String(searchId), subject: 'measures #31', attempts: DEAD_LETTER_ATTEMPTS, lastError: 'Error: gave up' }),
      expect.objectContaining({ kind: 'mail', key: String(mailId), subject: 's***@test.example · Письмо, которое не уходит', attempts: DEAD_LETTER_ATTEMPTS }),
    ])

    // A key of the other topic is not found: a mail retry never revives a search row.
    expect(retryDeadLetter(administration, 'mail', String(searchId))).toMatchObject({ ok: false, error: 'not_found' })
    expect(retryDeadLetter(administration, 'mail', String(mailId))).toEqual({ ok: true, value: null })
    expect(row(mailId)).toMatchObject({ attempts: 0, nextAttemptAt: null, processedAt: null })
    expect(row(searchId)).toMatchObject({ attempts: DEAD_LETTER_ATTEMPTS })
    expect(deadLetterCounts()).toMatchObject({ search: 1, mail: 0 })
    expect((await healthReport()).mail).toEqual({ pending: 1 })
  })

  test('a row whose payload cannot be read becomes a dead letter at once and does not hold up the rows behind it', async () => {
    const broken = db.insert(outbox).values({ topic: 'mail', payload: '{"to":' }).returning({ id: outbox.id }).get()
    enqueueMail(db, { to: 'someone@test.example', subject: 'Письмо за испорченной строкой', text: 'Текст.' })
    const id = broken.id + 1
    const sent: string[] = []
    const smtpUp: MailTransport = {
      sendMail: (async (message: { subject: string }) => {
        sent.push(message.subject)
        return { message: Buffer.from('body') }
      }) as unknown as MailTransport['sendMail'],
    }
    await deliverPendingMail({ transport: smtpUp })
    expect(sent).toEqual(['Письмо за испорченной строкой'])
    expect(row(id).processedAt).not.toBeNull()
    expect(row(broken.id)).toMatchObject({ attempts: DEAD_LETTER_ATTEMPTS, processedAt: null })
    expect(deadLetterCounts().mail).toBe(1)
    const listed = listDeadLetters(await reviewer())
    expect(listed.ok && listed.value.find((l) => l.kind === 'mail')).toMatchObject({ subject: '?', lastError: expect.stringContaining('SyntaxError') })
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
