import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { MIGRATIONS_FOLDER, openDatabase } from '#db/client'
import { outboxRows } from '../factories/outbox'

const ONE_OUTBOX = '0019_one_outbox'
const dir = path.dirname(process.env.DATABASE_PATH!)

/** The migrations folder as it stood before the migration `tag`. */
function migrationsBefore(tag: string): string {
  const folder = fs.mkdtempSync(path.join(dir, 'migrations-'))
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true })
  const journalFile = path.join(folder, 'meta/_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> }
  const at = journal.entries.findIndex((entry) => entry.tag === tag)
  expect(at).toBeGreaterThan(0)
  journal.entries = journal.entries.slice(0, at)
  fs.writeFileSync(journalFile, JSON.stringify(journal))
  return folder
}

test('every row of both old outboxes, pending, done and dead, survives the move to one outbox in its order', () => {
  const file = path.join(dir, 'before-one-outbox.db')
  const before = new Database(file)
  migrate(drizzle({ client: before }), { migrationsFolder: migrationsBefore(ONE_OUTBOX) })
  const letter = 'Здравствуйте!\n"Кавычки", \\ и ссылка: https://example.test/join/abc?x=1&y=2'
  const search = before.prepare(`INSERT INTO search_outbox (index_name, document_id, created_at, attempts, next_attempt_at, last_error, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
  search.run('requests', '7', '2026-11-30T10:00:00.000Z', 2, '2026-11-30T10:00:04.000Z', 'SearchUnavailableError: down', null)
  search.run('labs', '8', '2026-11-30T10:01:00.000Z', 0, null, null, '2026-11-30T10:01:01.000Z')
  search.run('measures', '9', '2026-11-30T10:02:00.000Z', 16, '2026-11-30T12:00:00.000Z', 'Error: gave up', null)
  const mail = before.prepare(`INSERT INTO mail_outbox ("to", subject, text, created_at, attempts, next_attempt_at, last_error, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  mail.run('a@test.example', 'Ждёт отправки', letter, '2026-11-30T11:00:00.000Z', 1, '2026-11-30T11:00:01.000Z', 'Error: ECONNREFUSED', null)
  mail.run('b@test.example', 'Отправлено', 'Текст.', '2026-11-30T11:01:00.000Z', 0, null, null, '2026-11-30T11:01:02.000Z')
  mail.run('c@test.example', 'Не уходит', 'Текст.', '2026-11-30T11:02:00.000Z', 16, '2026-11-30T13:00:00.000Z', 'Error: ECONNREFUSED', null)
  before.close()

  const after = openDatabase(file)
  const columns = <T extends { id: number }>(rows: T[]) => rows.map(({ id: _id, ...rest }) => rest)
  expect(columns(outboxRows(after.db, 'search'))).toEqual([
    { topic: 'search', payload: { indexName: 'requests', documentId: '7' }, createdAt: '2026-11-30T10:00:00.000Z', attempts: 2, nextAttemptAt: '2026-11-30T10:00:04.000Z', lastError: 'SearchUnavailableError: down', processedAt: null },
    { topic: 'search', payload: { indexName: 'labs', documentId: '8' }, createdAt: '2026-11-30T10:01:00.000Z', attempts: 0, nextAttemptAt: null, lastError: null, processedAt: '2026-11-30T10:01:01.000Z' },
    { topic: 'search', payload: { indexName: 'measures', documentId: '9' }, createdAt: '2026-11-30T10:02:00.000Z', attempts: 16, nextAttemptAt: '2026-11-30T12:00:00.000Z', lastError: 'Error: gave up', processedAt: null },
  ])
  expect(columns(outboxRows(after.db, 'mail'))).toEqual([
    { topic: 'mail', payload: { to: 'a@test.example', subject: 'Ждёт отправки', text: letter }, createdAt: '2026-11-30T11:00:00.000Z', attempts: 1, nextAttemptAt: '2026-11-30T11:00:01.000Z', lastError: 'Error: ECONNREFUSED', processedAt: null },
    { topic: 'mail', payload: { to: 'b@test.example', subject: 'Отправлено', text: 'Текст.' }, createdAt: '2026-11-30T11:01:00.000Z', attempts: 0, nextAttemptAt: null, lastError: null, processedAt: '2026-11-30T11:01:02.000Z' },
    { topic: 'mail', payload: { to: 'c@test.example', subject: 'Не уходит', text: 'Текст.' }, createdAt: '2026-11-30T11:02:00.000Z', attempts: 16, nextAttemptAt: '2026-11-30T13:00:00.000Z', lastError: 'Error: ECONNREFUSED', processedAt: null },
  ])
  expect(after.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name IN ('search_outbox', 'mail_outbox')`).all()).toEqual([])
  after.close()
})
