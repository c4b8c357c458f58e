import fs from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

test('the administration reads the dashboard, filters by alliance, follows a figure to its list and exports it', async ({ page }, testInfo) => {
  await signIn(page, 'admin@demo.test')
  await page.goto('/admin/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Показатели кооперации' })).toBeVisible()
  await expect(page.locator('figure.chart svg').first()).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true })

  const postedStep = page.locator('.funnel li').first()
  const allRequests = Number(await postedStep.locator('.funnel-count').textContent())
  await page.getByLabel('Проектный альянс').selectOption('pharma')
  await page.getByRole('button', { name: 'Показать' }).click()
  await expect(page).toHaveURL(/alliance=pharma/)
  await expect.poll(async () => Number(await postedStep.locator('.funnel-count').textContent())).toBeLessThan(allRequests)
  const pharmaRequests = Number(await postedStep.locator('.funnel-count').textContent())
  expect(pharmaRequests).toBeGreaterThan(0)

  await postedStep.getByRole('link').click()
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

test('the dashboard tells the year: a funnel with conversions whose steps list their requests, months, times that are never negative, and who the contracts went to', async ({ page }) => {
  await signIn(page, 'admin@demo.test')
  await page.goto('/admin/dashboard')
  const steps = page.locator('.funnel li')
  await expect(steps).toHaveCount(7)
  await expect(steps.nth(0)).toContainText('Запросы опубликованы')
  await expect(steps.nth(6)).toContainText('Компенсация выплачена')
  const counts = (await steps.locator('.funnel-count').allTextContents()).map(Number)
  for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1])
  expect(counts[6]).toBeGreaterThan(0)
  await expect(steps.nth(4)).toContainText(new RegExp(`${Math.round((counts[4] * 100) / counts[3])}\\s% от предыдущего шага`))

  // The step "contract signed" lists exactly the requests it counts.
  await steps.nth(4).getByRole('link').click()
  await expect(page.locator('tbody tr')).toHaveCount(counts[4])
  await page.goBack()

  // Charts that are not the cards again: a line per series over twelve months, distributions with
  // more than one column, the contracts before their request apart, and a verdict on RAS institutes.
  const trend = page.getByRole('img', { name: 'Активность по месяцам' })
  await expect(trend.locator('.recharts-line')).toHaveCount(3)
  expect(await trend.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count()).toBeGreaterThanOrEqual(12)
  const contact = page.getByRole('img', { name: /^Дней от запроса до первого контакта/ })
  expect(await contact.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(1)
  await expect(page.getByText(/договор датирован раньше своего запроса|договора датированы раньше/)).toBeVisible()
  await expect(page.getByText(/медиана — -/)).toHaveCount(0)
  await expect(page.getByText(/Доля институтов РАН растёт/)).toBeVisible()

  // Every figure per alliance: the table's rows, and each alliance opens its own dashboard.
  const table = page.getByRole('table').filter({ hasText: 'От запроса до договора' })
  for (const alliance of ['Фармацевтические ингредиенты', 'Техническое зрение', 'Арктика', 'Промышленная робототехника']) {
    await expect(table.getByRole('rowheader', { name: new RegExp(alliance) })).toBeVisible()
  }
})

test('the dashboard in Russian and English, on a wide screen and a phone: no serious accessibility violation, screenshots to look at', async ({ page }) => {
  fs.mkdirSync('test-results/screens', { recursive: true })
  await signIn(page, 'reviewer2@demo.test')
  for (const language of ['ru', 'en'] as const) {
    if (language === 'en') {
      // On a phone the language switch is inside the menu: switch on the wide screen.
      await page.setViewportSize({ width: 1366, height: 900 })
      await page.getByRole('button', { name: 'English' }).click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    }
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 })
      await page.goto('/admin/dashboard')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(language === 'ru' ? 'Показатели кооперации' : 'Cooperation figures')
      await page.waitForLoadState('networkidle')
      // Nothing wider than the screen but the table that scrolls on its own.
      const tooWide = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => !el.closest('.scroll-x') && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
      )
      expect(tooWide, `${language} ${width}`).toEqual([])
      await page.screenshot({ path: `test-results/screens/dashboard-${language}-${width}.png`, fullPage: true })
      const { violations } = await new AxeBuilder({ page }).analyze()
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([])
    }
  }
  await expect(page.getByText('RAS institutes’ share grows')).toBeVisible()
  await expect(page.locator('main')).not.toContainText('«')
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
