import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('the administration reads the dashboard, filters by alliance, follows a figure to its list and exports it', async ({ page }, testInfo) => {
  await signIn(page, 'admin@demo.test')
  await page.goto('/admin/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Показатели кооперации' })).toBeVisible()
  await expect(page.locator('figure.chart svg').first()).toBeVisible()
  // The screenshot a person can look at: charts with their values written on them.
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true })
  fs.mkdirSync('test-results', { recursive: true })
  await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true })

  const allRequests = Number(await page.locator('li.card', { hasText: 'запросов опубликовано' }).locator('.figure').textContent())
  await page.getByLabel('Проектный альянс').selectOption('pharma')
  await page.getByRole('button', { name: 'Показать' }).click()
  await expect(page).toHaveURL(/alliance=pharma/)
  const pharmaCard = page.locator('li.card', { hasText: 'запросов опубликовано' })
  await expect.poll(async () => Number(await pharmaCard.locator('.figure').textContent())).toBeLessThan(allRequests)
  const pharmaRequests = Number(await pharmaCard.locator('.figure').textContent())
  expect(pharmaRequests).toBeGreaterThan(0)

  await pharmaCard.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Запросы на НИОКР за период' })).toBeVisible()
  await expect(page.locator('tbody tr')).toHaveCount(pharmaRequests)
  await expect(page.locator('tbody')).toContainText('Фармацевтические ингредиенты')

  const csv = page.waitForEvent('download')
  await page.getByRole('link', { name: 'CSV' }).click()
  const csvFile = await (await csv).path()
  const text = fs.readFileSync(csvFile!, 'utf8')
  expect(text.split('\n').filter(Boolean)).toHaveLength(pharmaRequests + 1)
  expect(text).toContain('Название;Компания')

  const xlsx = page.waitForEvent('download')
  await page.getByRole('link', { name: 'XLSX' }).click()
  const xlsxFile = await (await xlsx).path()
  expect(fs.readFileSync(xlsxFile!).subarray(0, 2).toString()).toBe('PK')
})

test('the printable report has the figures and no navigation', async ({ page }) => {
  await signIn(page, 'admin@demo.test')
  await page.goto('/admin/dashboard/print?alliance=arctic')
  await expect(page.getByRole('heading', { name: 'Отчёт о кооперации науки и индустрии' })).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('cell', { name: 'договоров НИОКР подписано' })).toBeVisible()
})

test('a company is refused the dashboard and its exports', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  expect((await page.goto('/admin/dashboard'))?.status()).toBe(403)
  const response = await page.request.get('/admin/reports/claims/export?format=csv')
  expect(response.status()).toBe(403)
})
