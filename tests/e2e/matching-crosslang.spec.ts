import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

// Across Russian and English in the browser: a reader of the English interface finds Russian
// requests and labs by English words, and a request the matcher cannot read says why it has no labs.

const nextYear = `${new Date().getFullYear() + 1}-06-30`

test('an English query finds a Russian request and a Russian lab by their meaning', async ({ page }) => {
  await page.goto('/requests')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.goto('/requests?q=permafrost')
  await expect(page.getByRole('link', { name: 'Картирование морозного пучения и термокарстовых просадок вдоль линейных объектов' })).toBeVisible()
  await page.goto('/requests?q=frost+heave')
  await expect(page.getByRole('link', { name: 'Картирование морозного пучения и термокарстовых просадок вдоль линейных объектов' })).toBeVisible()

  await page.goto('/labs?q=permafrost')
  await expect(page.getByRole('link', { name: 'Лаборатория радиофизики и дистанционного зондирования' })).toBeVisible()
})

test('a request written in a third language is proposed no labs, and its page says why', async ({ page }) => {
  await signIn(page, 'robotics@demo.test')
  await page.goto('/requests/new')
  await page.getByLabel('Название', { exact: true }).fill('Automatisierte Schweißzelle für dünnwandige Gehäuse')
  await page.getByLabel('Краткое описание').fill('Wir suchen eine Roboterzelle für das Schweißen von Aluminiumgehäusen.')
  await page
    .getByLabel('Постановка задачи')
    .fill('Das manuelle Schweißen führt zu Verzug und bis zu zwölf Prozent Ausschuss. Wir brauchen eine Zelle mit adaptiver Nahtführung, die auch bei schwankenden Toleranzen der Bauteile stabil arbeitet.')
  await page.getByLabel('Ожидаемый результат').fill('Eine Versuchszelle und erprobte Parameter, bei denen der Ausschuss unter zwei Prozent bleibt.')
  await page.getByLabel('Ключевые слова').fill('Schweißen, Robotik, Aluminium')
  await page.getByLabel('Область науки (OECD FOS)').selectOption('2.3')
  await page.getByLabel('Проектный альянс').selectOption('robotics')
  await page.getByLabel('УГТ сейчас').selectOption('3')
  await page.getByLabel('Нужный УГТ').selectOption('6')
  await page.getByLabel('Бюджет от, ₽').fill('2 000 000')
  await page.getByLabel('Бюджет до, ₽').fill('4 500 000')
  await page.getByLabel('Срок').fill(nextYear)
  await page.getByRole('button', { name: 'Сохранить черновик' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Automatisierte Schweißzelle für dünnwandige Gehäuse' })).toBeVisible()
  await page.getByRole('button', { name: 'Опубликовать' }).click()
  await expect(page.getByRole('status')).toContainText('Запрос опубликован')

  // Once the background process has looked at it, the section says why nothing is proposed.
  const section = page.locator('#proposed-labs')
  await expect(async () => {
    await page.reload()
    await expect(section.getByText('Подбор читает русский и английский, а запрос написан на другом языке.', { exact: false })).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await expect(section.locator('.match-card')).toHaveCount(0)
})
