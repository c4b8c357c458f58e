import { expect, test } from '@playwright/test'
import { demoPdf } from '../../db/seed/demo-contracts'
import { signIn } from './helpers'

// What follows a paid compensation: the administration records the agreement with ВижнЛаб, its
// result indicators and a report deadline; the recipient files the report with evidence; the
// administration records a shortfall, the return is computed by the programme's formula, and the
// programme's ledger shows the money coming back.

test.describe.configure({ mode: 'serial' })

let claimUrl = ''
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Tomsk' })
const inDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
const scan = (name: string, text: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(demoPdf([text])) })
const rx = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'))

test('the administration records the agreement, two result indicators and a report deadline on a paid claim', async ({ page }) => {
  await signIn(page, 'reviewer@demo.test')
  await page.goto('/admin/claims?status=paid')
  const row = page.getByRole('row').filter({ hasText: 'ВижнЛаб' })
  await row.getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Заявка на компенсацию')
  claimUrl = new URL(page.url()).pathname

  const agreement = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Записать соглашение' }) })
  await agreement.getByLabel('Номер соглашения').fill('С-17/2026')
  await agreement.getByLabel('Дата соглашения').fill(today)
  await agreement.getByRole('button', { name: 'Записать соглашение' }).click()
  await expect(page.getByText(/Соглашение № С-17\/2026 от/)).toBeVisible()

  for (const [name, unit, target] of [
    ['Выручка от нового продукта', 'тыс. ₽', '10000'],
    ['Новые рабочие места', 'чел.', '4'],
  ]) {
    await page.getByText('Добавить показатель', { exact: true }).first().click()
    const form = page.locator('form').filter({ has: page.getByLabel('Плановое значение (целое число)') })
    await form.getByLabel('Показатель (например, выручка от нового продукта)').fill(name)
    await form.getByLabel('Единица').fill(unit)
    await form.getByLabel('Плановое значение (целое число)').fill(target)
    await form.getByLabel('Срок').fill(inDays(300))
    await form.getByRole('button', { name: 'Добавить показатель' }).click()
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible()
  }

  const schedule = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Назначить отчёт' }) })
  await schedule.getByLabel('Срок отчёта').fill(inDays(30))
  await schedule.getByRole('button', { name: 'Назначить отчёт' }).click()
  await expect(page.locator('article.report')).toContainText('Ожидается')
})

test('the recipient files its report with evidence; a value in letters is explained and nothing is filed', async ({ page }) => {
  await signIn(page, 'vision@demo.test')
  // The workspace reminds the recipient of the report due, and its item leads to where it is filed.
  await expect(page).toHaveURL(/\/company$/)
  await page.getByTestId('agenda-reports').getByRole('link', { name: /Сдать отчёт о результатах/ }).click()
  await expect(page).toHaveURL(new RegExp(`${claimUrl.replace('/admin', '')}#reports$`))
  const report = page.locator('article.report')
  await expect(report).toContainText('Ожидается')
  await report.getByLabel(/Выручка от нового продукта/).fill('восемь тысяч')
  await report.getByLabel(/Новые рабочие места/).fill('4')
  await report.getByLabel('Подтверждающий документ').setInputFiles(scan('отчёт-2026.pdf', 'Отчёт о достижении результатов'))
  await report.getByRole('button', { name: 'Представить отчёт' }).click()
  await expect(report.getByText(/целое число/i).first()).toBeVisible()
  await expect(report).toContainText('Ожидается')

  await report.getByLabel(/Выручка от нового продукта/).fill('8000')
  await report.getByLabel('Пояснение').fill('Продажи начались в III квартале.')
  await report.getByLabel('Подтверждающий документ').setInputFiles(scan('отчёт-2026.pdf', 'Отчёт о достижении результатов'))
  await report.getByRole('button', { name: 'Представить отчёт' }).click()
  await expect(page.locator('article.report')).toContainText('Представлен')
  await expect(page.locator('article.report').getByRole('link', { name: 'отчёт-2026.pdf' })).toBeVisible()
})

test('the administration records a shortfall: the return is computed by the programme’s formula, received, and the ledger reconciles', async ({ page }) => {
  await signIn(page, 'reviewer@demo.test')
  await page.getByTestId('agenda-reports').getByRole('link', { name: /Принять отчёт или отметить недостижение/ }).click()
  await expect(page).toHaveURL(new RegExp(`${claimUrl}#reports$`))
  const report = page.locator('article.report')
  await expect(report).toContainText('Выручка от нового продукта: Достигнуто 8')
  await report.getByLabel('Заключение администрации').fill('Выручка ниже плановой на 20 %.')
  await report.getByRole('button', { name: 'Зафиксировать недостижение' }).click()
  // 1 500 000 ₽ paid × (1 − 8 000 / 10 000) = 300 000 ₽; the jobs indicator was met.
  await expect(page.locator('article.report')).toContainText(rx('К возврату 300 000,00 ₽'))
  await expect(page.locator('article.report')).toContainText('Ожидается возврат')

  const received = page.locator('article.report form')
  await received.getByLabel('Дата поступления').fill(today)
  await received.getByLabel('Номер платёжного поручения').fill('912')
  await received.getByRole('button', { name: 'Отметить поступление' }).click()
  await expect(page.locator('article.report')).toContainText('Возвращено')

  await page.goto('/admin/programmes')
  await page.getByRole('link', { name: /2026/ }).first().click()
  const ledger = page.getByRole('region', { name: 'Движение средств программы' })
  await expect(ledger).toContainText('Показатели бюджета сходятся с движением средств.')
  await expect(ledger.locator('tr[data-kind="returned"]')).toContainText(rx('300 000,00 ₽'))
})

test('a contractor that renamed itself is marked unverified on the reviewer’s page, and the rule it breaks is named there', async ({ page, browser }) => {
  // The institute under ArcticTech's submitted claim renames itself: its verification is reset.
  const labContext = await browser.newContext()
  const lab = await labContext.newPage()
  await signIn(lab, 'ipc@demo.test')
  await lab.goto('/org/edit')
  await lab.getByLabel('Полное наименование').fill('Федеральное государственное бюджетное учреждение «Томский государственный университет»')
  await lab.getByRole('button', { name: 'Сохранить' }).click()
  await expect(lab.getByRole('status')).toBeVisible()
  await labContext.close()

  await signIn(page, 'reviewer@demo.test')
  await page.goto('/admin/claims?status=submitted')
  await page.getByRole('row').filter({ hasText: 'ИХН СО РАН' }).getByRole('link').first().click()
  const contractor = page.locator('dl.facts dd').filter({ hasText: '«Томский государственный университет»' })
  await expect(contractor).toContainText('Не проверен администрацией')
  await expect(page.getByRole('region', { name: 'Невыполненные условия' })).toContainText('Администрация не подтвердила исполнителя')
})

test('the administration names a document’s maximum age and the return formula on the programme form', async ({ page }) => {
  await signIn(page, 'admin@demo.test')
  await page.goto('/admin/programmes')
  await page.getByRole('link', { name: /2026/ }).first().click()
  await page.getByRole('link', { name: 'Изменить правила' }).click()
  const ages = page.getByRole('group', { name: 'Не старше, дней' })
  await ages.getByLabel('Справка об отсутствии налоговой задолженности').fill('0')
  await page.getByRole('button', { name: 'Сохранить' }).click()
  await expect(ages.getByText('Не меньше 1.')).toBeVisible()
  await ages.getByLabel('Справка об отсутствии налоговой задолженности').fill('30')
  await page.getByRole('checkbox', { name: 'Справка об отсутствии налоговой задолженности' }).check()
  await page.getByLabel('Субсидия × Σ (1 − достигнуто / план) / число показателей').check()
  await page.getByRole('button', { name: 'Сохранить' }).click()
  await expect(page.getByText('Справка об отсутствии налоговой задолженности (не старше 30 дн.)')).toBeVisible()
  await page.getByRole('link', { name: 'Изменить правила' }).click()
  await expect(page.getByRole('group', { name: 'Не старше, дней' }).getByLabel('Справка об отсутствии налоговой задолженности')).toHaveValue('30')
  await expect(page.getByLabel('Субсидия × Σ (1 − достигнуто / план) / число показателей')).toBeChecked()
})

test('a company correcting its claim is told which document is missing and which is too old, with its date, until it attaches a fresh one', async ({ page }) => {
  // The programme now requires a tax-debt certificate at most 30 days old (the test above).
  await signIn(page, 'robotics@demo.test')
  await page.goto('/claims?status=returned')
  await page.getByRole('table').getByRole('link').first().click()
  const checklist = page.getByRole('region', { name: 'Документы по перечню программы' })
  const certificate = checklist.locator('tr[data-kind="tax_debt_certificate"]')
  await expect(certificate).toContainText('Нет')
  await expect(page.locator('.violations')).toContainText('Не приложен документ, который требует программа: «Справка об отсутствии налоговой задолженности».')

  const attach = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Приложить документ к заявке' }) })
  await attach.getByLabel('Вид документа').selectOption({ label: 'Справка об отсутствии налоговой задолженности' })
  await attach.getByLabel('Дата документа').fill(inDays(-40))
  await attach.getByLabel('Файл (PDF или скан)').setInputFiles(scan('справка-старая.pdf', 'Справка ИФНС'))
  await attach.getByRole('button', { name: 'Приложить' }).click()
  await expect(page.getByRole('status')).toContainText('Документ приложен к заявке')
  await expect(certificate).toContainText('Устарел')
  await expect(page.locator('.violations')).toContainText(/«Справка об отсутствии налоговой задолженности» \(справка-старая\.pdf\) датирован .+, а программа принимает документы не старше 30 дней/)

  await checklist.getByRole('listitem').filter({ hasText: 'справка-старая.pdf' }).getByRole('button', { name: 'Снять' }).click()
  await attach.getByLabel('Вид документа').selectOption({ label: 'Справка об отсутствии налоговой задолженности' })
  await attach.getByLabel('Дата документа').fill(today)
  await attach.getByLabel('Файл (PDF или скан)').setInputFiles(scan('справка-свежая.pdf', 'Справка ИФНС свежая'))
  await attach.getByRole('button', { name: 'Приложить' }).click()
  await expect(certificate).toContainText('Есть')
  await expect(page.locator('.violations')).not.toContainText('налоговой задолженности')
})
