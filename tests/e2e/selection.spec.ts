import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from '@playwright/test'
import { shootInBothLanguages, signIn } from './helpers'

// A competitive round as the people involved click through it: the company files a claim under a
// competitive programme, the administration opens the round, names its commission, declares no
// conflict, scores, closes the round after the deadline and prints the protocol; the company sees
// its result. The programme and the passing of the deadline are set in the database, the way the
// demo seed sets the past: the rest goes through the pages.

test.describe.configure({ mode: 'serial' })

// No year in the title: other specs find the demo programme on the list by its year.
const TITLE = 'Конкурсный отбор e2e: компенсация затрат на НИОКР'
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Tomsk' })
const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
const rx = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'))
let programmeId = 0
let claimId = ''

function database() {
  return new Database(path.resolve('tests/.tmp/e2e/app.db'), { fileMustExist: true })
}

test.beforeAll(() => {
  // A second programme, made like the demo's one, with a budget for about one claim.
  const db = database()
  const info = db
    .prepare(
      `INSERT INTO programmes (year, title, total_budget_kopecks, share_bp, cap_per_claim_kopecks, cap_per_company_kopecks, eligible_contractor_kinds, required_documents,
         contracts_from, contracts_to, payments_from, payments_to, opens_on, closes_on, created_by)
       SELECT year, ?, 200000000, share_bp, cap_per_claim_kopecks, cap_per_company_kopecks, eligible_contractor_kinds, '["contract","acceptance_act","payment_order"]',
         contracts_from, contracts_to, payments_from, payments_to, opens_on, closes_on, created_by FROM programmes ORDER BY id LIMIT 1`,
    )
    .run(TITLE)
  programmeId = Number(info.lastInsertRowid)
  db.close()
})

test('the company files a claim under the programme', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  await page.goto('/claims/new')
  await page.getByLabel('Программа').selectOption({ label: TITLE })
  await page.getByLabel('Договор').selectOption({ label: '№ НИОКР-2026/014 от 10 февр. 2026 г. — ТПУ' })
  await page.getByRole('button', { name: 'Показать платежи' }).click()
  await page.getByLabel(/п\/п № 2034/).check()
  await page.getByRole('button', { name: 'Создать черновик' }).click()
  await expect(page).toHaveURL(/\/claims\/\d+$/)
  claimId = new URL(page.url()).pathname.split('/').at(-1)!
  await page.getByRole('button', { name: 'Заявляем: исполнитель не аффилирован с нашей компанией' }).click()
  await expect(page.getByRole('status')).toContainText('Заявление об отсутствии аффилированности записано')
  await page.getByRole('button', { name: 'Подать заявку' }).click()
  await expect(page.getByRole('status')).toContainText('Заявка подана')
  // Filed before the round's deadline, which the administration sets to yesterday below.
  const db = database()
  db.prepare(`UPDATE compensation_claims SET submitted_at = ? WHERE id = ?`).run(`${yesterday}T03:00:00.000Z`, Number(claimId))
  db.close()
})

test('the administration runs the round from opening to protocol', async ({ page }) => {
  const found: string[] = []
  const roundPath = `/admin/programmes/${programmeId}/round`
  await signIn(page, 'admin@demo.test')
  await page.goto('/admin/programmes')
  await page.getByRole('link', { name: TITLE }).click()
  await expect(page.getByText('Порядок отбора: В порядке поступления')).toBeVisible()
  await page.getByRole('link', { name: 'Конкурсный отбор' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Конкурсный отбор')

  await page.screenshot({ path: 'test-results/e2e/selection-open.png', fullPage: true })
  await page.getByLabel('Крайний срок подачи заявок').fill(yesterday)
  await page.getByRole('button', { name: 'Объявить отбор' }).click()
  await expect(page.getByRole('status')).toContainText('Конкурсный отбор объявлен')
  await expect(page.locator('.page-head').getByText('Идёт отбор')).toBeVisible()

  await page.getByLabel('Сотрудник администрации').selectOption({ label: 'Ирина Воронцова (admin@demo.test)' })
  await page.getByRole('button', { name: 'Включить в комиссию' }).click()
  await expect(page.getByRole('status')).toContainText('Сотрудник включён в комиссию')

  // The deadline has passed and the new member has an application to score: the workspace asks for
  // the round, the programmes' menu entry counts it, and the item leads to the round.
  await page.goto('/admin')
  await expect(page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: /^Программы/ }).getByTestId('nav-count')).toBeVisible()
  const roundItem = page.getByTestId('agenda-rounds').locator(`a[href="${roundPath}"]`)
  await expect(roundItem).toContainText(TITLE)
  await expect(roundItem).toContainText('Оценить заявки и завершить отбор')
  await roundItem.click()
  await expect(page).toHaveURL(new RegExp(`${roundPath}$`))

  const application = page.getByRole('article').filter({ hasText: `Заявка № ${claimId}` })
  await application.getByRole('button', { name: 'Записать заявление' }).click()
  await expect(page.getByRole('status')).toContainText('Заявление о конфликте интересов записано')
  await expect(application.getByText('Вы заявили, что конфликта интересов нет.')).toBeVisible()

  // A score above the scale is refused and nothing is saved.
  for (const [label, score] of [['Научно-технический уровень', '11'], ['Экономический эффект', '7'], ['Доля софинансирования', '6'], ['Готовность (УГТ)', '9']]) {
    await application.getByLabel(label).fill(score)
  }
  await application.getByRole('button', { name: 'Сохранить оценки' }).click()
  await expect(application.getByText('Оценка — целое число от 0 до 10.')).toBeVisible()
  await application.getByLabel('Научно-технический уровень').fill('8')
  await application.getByRole('button', { name: 'Сохранить оценки' }).click()
  await expect(page.getByRole('status')).toContainText('Оценки сохранены')
  await expect(application).toContainText('Полных оценок: 1')
  await shootInBothLanguages(page, 'selection-round', found)

  // The round's close approves through the usual path, which waits for the affiliation check.
  await page.goto(`/admin/claims/${claimId}`)
  await page.getByLabel('На чём основана проверка').fill('ЕГРЮЛ: учредители и ИНН сторон не совпадают.')
  await page.getByRole('button', { name: 'Записать проверку' }).click()
  await expect(page.getByRole('status')).toContainText('Проверка аффилированности записана')

  await page.goto(roundPath)
  await page.getByRole('button', { name: 'Завершить отбор и принять решения' }).click()
  await expect(page.getByRole('status')).toContainText('Отбор завершён')
  await page.getByRole('link', { name: 'Протокол отбора' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Протокол конкурсного отбора' })).toBeVisible()
  const ranking = page.getByRole('table').first()
  // (4 × 8 + 3 × 7 + 2 × 6 + 1 × 9) / 10 = 7.4
  await expect(ranking.getByRole('row', { name: new RegExp(`№ ${claimId}`) })).toContainText(rx('7,40'))
  await expect(ranking.getByRole('row', { name: new RegExp(`№ ${claimId}`) })).toContainText('Финансируется')
  await expect(ranking.getByText('Граница финансирования')).toBeVisible()
  await expect(page.getByRole('region', { name: new RegExp(`Заявка № ${claimId}`) }).getByRole('row', { name: /Ирина Воронцова/ }).getByRole('cell')).toHaveText(['8', '7', '6', '9', '7,40'])
  await expect(page.getByRole('list').filter({ hasText: 'Подпись' })).toContainText('Ирина Воронцова')
  await shootInBothLanguages(page, 'selection-protocol', found)

  // A closed round needs nobody: the workspace no longer lists it.
  await page.goto('/admin')
  await expect(page.locator(`a[href="${roundPath}"]`)).toHaveCount(0)
  expect(found).toEqual([])
})

test('the company sees its result and the reason', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  await page.goto(`/claims/${claimId}`)
  await expect(page.locator('.page-head').getByText('Одобрена')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Конкурсный отбор' })).toContainText(rx('Заявка профинансирована: 1-е место из 1, итоговый балл 7,40.'))
  await page.screenshot({ path: 'test-results/e2e/selection-claim.png', fullPage: true })
})
