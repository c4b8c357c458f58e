import { expect, test } from '@playwright/test'
import { shootInBothLanguages, signIn } from './helpers'

// Proposals in the browser: the company sees the labs proposed for its request with the reasons, a
// lab sees requests among its matches and sets one aside with a reason, which holds after a reload.

test('a company opens its published request and sees proposed labs, each with reasons it can check', async ({ page, browser }) => {
  await signIn(page, 'company@demo.test')
  await page.goto('/company')
  // The workspace names the request twice (its new proposals, and the list of requests): the list leads to its page.
  await page.getByRole('table').getByRole('link', { name: 'Перевод стадии диазотирования в непрерывный проточный процесс' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Перевод стадии диазотирования в непрерывный проточный процесс' })).toBeVisible()
  const requestUrl = page.url()

  const section = page.locator('#proposed-labs')
  await expect(section.getByRole('heading', { name: 'Предложенные лаборатории' })).toBeVisible()
  const first = section.locator('.match-card').first()
  const matchId = (await first.getAttribute('data-match-id'))!
  await expect(first.getByRole('button', { name: 'Лаборатория тонкого органического синтеза' })).toBeVisible()
  await expect(first.getByText(/^Общие слова с запросом: .*диазотирования/)).toBeVisible()
  await expect(first.getByText(/С запросом совпадает 1 публикация лаборатории: «Диазотирование/)).toBeVisible()
  await expect(first.getByText('Область науки «Химические технологии» совпадает')).toBeVisible()
  await expect(first.getByText(/УГТ лаборатории \d–\d покрывает нужный переход 4 → 6/)).toBeVisible()
  await expect(first.getByText(/^Соответствие \d+ %$/)).toBeVisible()
  await expect(section.getByText(/^Процент соответствия — сходство текстов по сравнению с лучшей лабораторией/)).toBeVisible()

  // Opening the proposal leads to the lab's page; back on the request it is no longer new.
  await first.getByRole('button', { name: 'Лаборатория тонкого органического синтеза' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Лаборатория тонкого органического синтеза' })).toBeVisible()
  await page.goto(requestUrl)
  await expect(page.locator('#proposed-labs .match-card').first()).toHaveAttribute('data-status', 'viewed')

  // Anyone else sees the request without the section: another company, a lab, a visitor.
  for (const email of ['robotics@demo.test', 'lab@demo.test', null]) {
    const context = await browser.newContext()
    const other = await context.newPage()
    if (email) await signIn(other, email)
    await other.goto(requestUrl)
    await expect(other.getByRole('heading', { level: 1, name: 'Перевод стадии диазотирования в непрерывный проточный процесс' })).toBeVisible()
    await expect(other.getByRole('heading', { name: 'Предложенные лаборатории' })).toHaveCount(0)
    if (email === 'robotics@demo.test') {
      // A tampered form: another company's proposal is refused, a made-up one does not exist.
      const refused = await other.request.post('/matches', { form: { intent: 'match-dismiss', matchId, reason: 'not_relevant' } })
      expect(refused.status()).toBe(403)
      const missing = await other.request.post('/matches', { form: { intent: 'match-dismiss', matchId: '987654321', reason: 'not_relevant' } })
      expect(missing.status()).toBe(404)
    }
    await context.close()
  }
  await page.reload()
  await expect(page.locator(`#proposed-labs .match-card[data-match-id="${matchId}"]`)).toHaveAttribute('data-status', 'viewed')
})

test('a lab sees a request among its matches, sets it aside with a reason, and it stays set aside after a reload', async ({ page }) => {
  await signIn(page, 'lab@demo.test')
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Подбор' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Мой подбор' })).toBeVisible()

  const card = page.locator('.match-card').first()
  await expect(card).toBeVisible()
  const matchId = await card.getAttribute('data-match-id')
  const title = (await card.getByRole('heading').getByRole('button').textContent())!.trim()
  await expect(card.getByText(/^Организация: /)).toBeVisible()
  await expect(card.getByText(/Область науки|Другое направление в той же области|Другая область науки/)).toBeVisible()
  // The organisation has several labs: the card says which one the request is proposed to.
  const labLink = card.getByRole('link', { name: /^Лаборатория: .+ \(.+\)$/ })
  await expect(labLink).toBeVisible()
  const labHref = await labLink.getAttribute('href')

  await card.locator('summary', { hasText: 'Отложить' }).click()
  await card.getByLabel('Причина').selectOption('no_capacity')
  await card.getByLabel('Комментарий (необязательно)').fill('Команда занята до осени')
  await card.locator('form').getByRole('button', { name: 'Отложить' }).click()
  await expect(page.getByRole('status')).toContainText('Предложение отложено.')

  const dismissed = page.locator(`.match-card[data-match-id="${matchId}"]`)
  await expect(dismissed).toHaveAttribute('data-status', 'dismissed')
  await expect(dismissed.getByText('Отложено: Нет возможности взять работу — Команда занята до осени')).toBeVisible()

  await page.reload()
  await expect(dismissed).toHaveAttribute('data-status', 'dismissed')
  await page.getByRole('link', { name: /^Отложено \(\d+\)$/ }).click()
  await expect(page).toHaveURL(/status=dismissed/)
  await expect(page.getByRole('link', { name: /^Отложено \(\d+\)$/ })).toHaveAttribute('aria-current', 'page')
  await expect(page.locator(`.match-card[data-match-id="${matchId}"]`).getByRole('button', { name: title })).toBeVisible()
  // Only set-aside proposals are listed under that tab.
  await expect(page.locator('.match-card:not([data-status="dismissed"])')).toHaveCount(0)

  // Restoring brings it back.
  await page.locator(`.match-card[data-match-id="${matchId}"]`).getByRole('button', { name: 'Вернуть в подбор' }).click()
  await expect(page.getByRole('status')).toContainText('Предложение возвращено в подбор.')
  await page.goto('/matches')
  const restored = page.locator(`.match-card[data-match-id="${matchId}"]`)
  await expect(restored).toHaveAttribute('data-status', 'viewed')

  // The proposal leads to the first step of an engagement, for the lab it was made to.
  await restored.getByRole('link', { name: 'Откликнуться на запрос' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Откликнуться на запрос' })).toBeVisible()
  await expect(page.getByRole('link', { name: title })).toBeVisible()
  const labId = new URL(page.url()).searchParams.get('labId')
  await expect(page.getByLabel('Лаборатория')).toHaveValue(labId!)
  expect(labHref).toBe(`/labs/${labId}`)
})

test('a company publishes a new request and sees the proposed labs appear on its page without reloading it', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  await page.goto('/requests/new')
  await page.getByLabel('Название', { exact: true }).fill('Проточный синтез гетероциклических интермедиатов')
  await page.getByLabel('Краткое описание').fill('Нужен непрерывный проточный синтез гетероциклических интермедиатов вместо периодического.')
  await page.getByLabel('Постановка задачи').fill('Периодический синтез гетероциклических интермедиатов даёт нестабильный выход и много примесей. Нужно перенести стадии в проточный реактор и отработать масштабирование синтеза.')
  await page.getByLabel('Ожидаемый результат').fill('Лабораторный регламент проточного синтеза и опытная партия интермедиата.')
  await page.getByLabel('Ключевые слова').fill('проточная химия, интермедиаты, органический синтез')
  await page.getByLabel('Область науки (OECD FOS)').selectOption('1.4')
  await page.getByLabel('Проектный альянс').selectOption('pharma')
  await page.getByLabel('УГТ сейчас').selectOption('3')
  await page.getByLabel('Нужный УГТ').selectOption('5')
  await page.getByLabel('Бюджет от, ₽').fill('1 500 000')
  await page.getByLabel('Бюджет до, ₽').fill('3 000 000')
  await page.getByLabel('Срок').fill(`${new Date().getFullYear() + 1}-06-30`)
  await page.getByRole('button', { name: 'Сохранить черновик' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Проточный синтез гетероциклических интермедиатов' })).toBeVisible()

  // A mark on this document: a reload would take it away.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
  await page.getByRole('button', { name: 'Опубликовать' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Запрос опубликован' })).toBeVisible()

  // The section is there at once: the labs while they are being found, then the labs themselves.
  const section = page.locator('#proposed-labs')
  await expect(section.getByRole('heading', { name: 'Предложенные лаборатории' })).toBeVisible()
  await expect(section.locator('.match-card').first()).toBeVisible()
  await expect(section.locator('.match-card', { hasText: 'Лаборатория тонкого органического синтеза' })).toBeVisible()
  await expect(section.getByText('Ищем подходящие лаборатории…')).toHaveCount(0)
  await expect(section.getByText('Подходящих лабораторий пока нет')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)

  // The request's page with its proposed labs, in both languages and at both widths.
  const found: string[] = []
  await shootInBothLanguages(page, 'request-proposed-labs', found)
  expect(found).toEqual([])
})

test('a company writing in English, with its budget as the English form shows it, is proposed the lab whose English papers are on its subject', async ({ page }) => {
  // A company no other test signs in as: the language it picks is kept with its account.
  await signIn(page, 'optoscan@demo.test')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.goto('/requests/new')
  // In other words than the lab's papers: breakdowns, not faults; shaking, not vibration.
  const title = 'Predicting breakdowns of submersible oil well pumps'
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Summary', { exact: true }).fill('Warn the field crew weeks before a well pump breaks down.')
  await page.getByLabel('Problem statement').fill('Electric submersible pumps in our oil wells break down without warning and each stop costs days of output. We record their power draw, shaking and temperature every minute and want a model that predicts a breakdown weeks ahead.')
  await page.getByLabel('Expected result').fill('A tested model that warns of pump breakdowns from the telemetry we already record.')
  await page.getByLabel('Keywords').fill('pumps, predictive maintenance, telemetry')
  await page.getByLabel('Field of science (OECD FOS)').selectOption('1.2')
  await page.getByLabel('TRL now').selectOption('3')
  await page.getByLabel('TRL wanted').selectOption('6')
  await page.getByLabel('Budget from, RUB').fill('1,500,000')
  await page.getByLabel('Budget up to, RUB').fill('4,000,000')
  await page.getByLabel('Deadline').fill(`${new Date().getFullYear() + 1}-06-30`)
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await page.getByRole('button', { name: 'Publish' }).click()

  const card = page.locator('#proposed-labs .match-card', { hasText: 'Laboratory of Applied Data Science' })
  await expect(card).toBeVisible()
  // The paper on predicting maintenance needs, named on the card as the one that fits.
  await expect(card).toContainText('Remaining useful life estimation of centrifugal compressors')
  await card.screenshot({ path: 'test-results/screens/english-request-proposal.png' })
})

test('a lab that publishes its profile, then edits it to other work, sees the fitting requests appear on its page without reloading it', async ({ page }) => {
  // An organisation no other test signs in as: its new lab changes no one else's proposals.
  await signIn(page, 'tsuab@demo.test')
  await page.goto('/labs/new')
  await page.getByLabel('Название лаборатории или подразделения').fill('Лаборатория бетонов для мёрзлых грунтов')
  await page.getByLabel('Экспертиза').fill('Составы бетона с противоморозными добавками и низким тепловыделением для бетонирования буронабивных свай в мерзлоте без растепления грунта; испытания прочности при отрицательных температурах.')
  await page.getByLabel('Ключевые слова').fill('бетон, противоморозные добавки, буронабивные сваи, мерзлота')
  await page.getByLabel('Области науки (OECD FOS)').selectOption('2.1')
  await page.getByLabel('УГТ от').selectOption('3')
  await page.getByLabel('УГТ до').selectOption('7')
  // A mark on this document: a reload would take it away.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
  await page.getByRole('button', { name: 'Опубликовать' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Лаборатория бетонов для мёрзлых грунтов' })).toBeVisible()

  const section = page.locator('#proposed-requests')
  await expect(section.locator('.match-card', { hasText: 'Бетонная смесь для буронабивных свай в мёрзлых грунтах' })).toBeVisible()
  await expect(section.getByText('Ищем подходящие запросы…')).toHaveCount(0)

  // The lab turns to ground temperature monitoring: the request on that subject is proposed.
  await page.getByRole('link', { name: 'Изменить описание' }).click()
  await page.getByLabel('Название лаборатории или подразделения').fill('Лаборатория мониторинга мёрзлых грунтов')
  await page.getByLabel('Экспертиза').fill('Беспроводные термометрические косы для скважин мониторинга температуры мёрзлых грунтов: датчики температуры с точностью 0,1 °C, автономное питание на несколько лет, передача данных по LoRaWAN.')
  await page.getByLabel('Ключевые слова').fill('термокоса, мониторинг температуры грунтов, LoRaWAN, автономное питание')
  await page.getByRole('button', { name: 'Сохранить' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Лаборатория мониторинга мёрзлых грунтов' })).toBeVisible()
  await expect(section.locator('.match-card', { hasText: 'Беспроводная термометрическая коса с автономным питанием' })).toBeVisible()
  await expect(section.getByText('Ищем подходящие запросы…')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)

  // The lab's page with its proposed requests, in both languages and at both widths.
  const found: string[] = []
  await shootInBothLanguages(page, 'lab-proposed-requests', found)
  expect(found).toEqual([])
})
