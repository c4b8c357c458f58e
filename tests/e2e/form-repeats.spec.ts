import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

// Issue 13's bugs: the interest form starts with the lab the platform proposed, and a message is
// posted once however often its form is sent, after which the form is empty again.

const database = () => new Database(path.resolve('tests/.tmp/e2e/app.db'), { readonly: true, fileMustExist: true })

interface Proposal {
  requestId: number
  labId: number
  labName: string
}

/** A request for which the platform proposed a lab of ТПУ that is not the first of its labs by name. */
async function proposalOfSecondLab(email: string): Promise<Proposal> {
  const db = database()
  try {
    for (let attempt = 0; attempt < 60; attempt++) {
      const found = db
        .prepare(
          `WITH org AS (SELECT m.organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?),
                org_labs AS (SELECT l.id, l.name FROM labs l WHERE l.organisation_id = (SELECT id FROM org) AND l.status = 'active'),
                best AS (SELECT m.request_id, m.lab_id, row_number() OVER (PARTITION BY m.request_id ORDER BY m.score DESC) AS place
                         FROM matches m WHERE m.lab_id IN (SELECT id FROM org_labs) AND m.lab_status <> 'dismissed')
           SELECT b.request_id AS requestId, b.lab_id AS labId, l.name AS labName
           FROM best b JOIN org_labs l ON l.id = b.lab_id JOIN rd_requests r ON r.id = b.request_id
           WHERE b.place = 1 AND r.status = 'published' AND l.name > (SELECT min(name) FROM org_labs)
             AND NOT EXISTS (SELECT 1 FROM engagements e WHERE e.request_id = b.request_id AND e.lab_id IN (SELECT id FROM org_labs))
           ORDER BY b.request_id LIMIT 1`,
        )
        .get(email) as Proposal | undefined
      if (found) return found
      // Proposals are computed by the server's worker after it starts.
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    throw new Error('no proposal was computed for a second lab')
  } finally {
    db.close()
  }
}

function messageCount(engagementId: number): number {
  const db = database()
  try {
    return (db.prepare('SELECT count(*) AS n FROM engagement_messages WHERE engagement_id = ?').get(engagementId) as { n: number }).n
  } finally {
    db.close()
  }
}

test('the interest form opened from a request page starts with the proposed lab, and a message is posted once per form', async ({ page }) => {
  const proposal = await proposalOfSecondLab('lab@demo.test')
  await signIn(page, 'lab@demo.test')
  await page.goto(`/requests/${proposal.requestId}`)
  await page.getByRole('link', { name: 'Откликнуться на запрос' }).click()
  await expect(page.getByLabel('Лаборатория')).toHaveValue(String(proposal.labId))

  await page.getByLabel('Подход к решению').fill('Проведём исследование по отработанной методике и подтвердим результат испытаниями.')
  await page.getByLabel('Сроки').fill('4 месяца')
  await page.getByLabel('Оценка стоимости, ₽').fill('1 500 000')
  await page.getByRole('button', { name: 'Отправить отклик' }).click()
  await expect(page.getByRole('status')).toContainText('Отклик отправлен')
  await expect(page.getByText(proposal.labName).first()).toBeVisible()
  const engagementId = Number(/\/engagements\/(\d+)/.exec(page.url())?.[1])

  // A double click on "Send" posts one message and leaves the form empty.
  await page.getByLabel('Сообщение').fill('Готовы обсудить сроки на этой неделе.')
  await page.getByRole('button', { name: 'Отправить', exact: true }).dblclick()
  await expect(page.locator('.message').getByText('Готовы обсудить сроки на этой неделе.')).toHaveCount(1)
  await expect(page.getByLabel('Сообщение')).toHaveValue('')
  await expect(page.getByLabel('Вложение')).toHaveValue('')
  expect(messageCount(engagementId)).toBe(1)

  // The same form sent twice without the browser's help (a page resubmitted, a slow network) is one message.
  const key = await page.locator('input[name="submissionKey"]').inputValue()
  for (let i = 0; i < 2; i++) {
    const response = await page.request.post(`/engagements/${engagementId}`, {
      multipart: { intent: 'message', body: 'Сообщение, отправленное дважды.', submissionKey: key },
      maxRedirects: 0,
    })
    expect(response.status()).toBe(302)
  }
  expect(messageCount(engagementId)).toBe(2)
  // A form without its key is refused, and nothing is written.
  const stale = await page.request.post(`/engagements/${engagementId}`, { multipart: { intent: 'message', body: 'Без ключа.' }, maxRedirects: 0 })
  expect(stale.status()).toBe(400)
  expect(messageCount(engagementId)).toBe(2)

  // A new form posts a new message.
  await page.reload()
  await page.getByLabel('Сообщение').fill('И ещё одно сообщение.')
  await page.getByRole('button', { name: 'Отправить', exact: true }).click()
  await expect(page.locator('.message').getByText('И ещё одно сообщение.')).toBeVisible()
  expect(messageCount(engagementId)).toBe(3)
})
