import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

// Mail that gave up is not lost: /healthz counts it for the administration, whose workspace lists it
// with a button that sends it on its way again (issue 15, item 13).

const DEAD_LETTER_ATTEMPTS = 16

test('a dead letter shows in /healthz for the administration only, and on its workspace, where a retry sends it', async ({ page, request }) => {
  const db = new Database(path.resolve('tests/.tmp/e2e/app.db'), { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  const { id } = db
    .prepare(`INSERT INTO outbox (topic, payload, attempts, last_error) VALUES ('mail', json_object('to', ?, 'subject', ?, 'text', ?), ?, ?) RETURNING id`)
    .get('partner@example.test', 'Письмо, застрявшее в очереди', 'Текст.', DEAD_LETTER_ATTEMPTS, 'Error: connect ECONNREFUSED 127.0.0.1:25') as { id: number }

  const anonymous = await (await request.get('/healthz')).json()
  expect(anonymous).toEqual({ status: 'degraded' })

  await signIn(page, 'reviewer@demo.test')
  const health = await (await page.request.get('/healthz')).json()
  expect(health.deadLetters).toEqual({ search: 0, mail: 1, refresh: 0 })

  await page.goto('/admin')
  const section = page.locator('#dead-letters')
  const row = section.getByRole('row', { name: /p\*\*\*@example\.test · Письмо, застрявшее в очереди/ })
  await expect(row).toBeVisible()
  await expect(row).toContainText('ECONNREFUSED')
  await row.getByRole('button', { name: /Повторить/ }).click()
  await expect(page.getByText('Поставлено в очередь')).toBeVisible()
  await expect(section.getByText('Все письма отправлены')).toBeVisible()

  // The background worker takes it on its next turn.
  await expect.poll(() => (db.prepare('SELECT processed_at FROM outbox WHERE id = ?').get(id) as { processed_at: string | null }).processed_at, { timeout: 15_000 }).not.toBeNull()
  expect((await (await request.get('/healthz')).json()).status).toBe('ok')
  db.close()
})
