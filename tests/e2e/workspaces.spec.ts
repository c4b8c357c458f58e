import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import { LAPTOP, PHONE, shoot, shootInBothLanguages, signIn } from './helpers'

// Each role's workspace answers "what needs me now": its items lead where the work is done, and the
// menu counts what waits. The menu fits one row on a laptop and folds into a disclosure on a phone
// (which works without JavaScript). Screenshots of every workspace and of the home page, in both
// languages, at 1366 and 390 px, are saved under test-results/screens/ for people to look at.

const menuOf = (page: Page) => page.getByRole('navigation', { name: /^(Основное меню|Main menu)$/ })

async function as(browser: Browser, email: string, viewport = LAPTOP): Promise<Page> {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await signIn(page, email)
  return page
}

/** The number a menu entry shows, 0 when it shows none. */
async function menuCount(link: Locator): Promise<number> {
  const badge = link.getByTestId('nav-count')
  if ((await badge.count()) === 0) return 0
  return Number((await badge.locator('[aria-hidden="true"]').textContent()) ?? '0')
}

test('a lab’s interest shows in the company’s menu and workspace, and its item opens the engagement where the step is taken', async ({ browser }) => {
  const company = await as(browser, 'company@demo.test')
  await expect(company).toHaveURL(/\/company$/)
  const engagementsLink = menuOf(company).getByRole('link', { name: /^Переговоры/ })
  const before = await menuCount(engagementsLink)

  const lab = await as(browser, 'institute@demo.test')
  await lab.goto(`/requests?q=${encodeURIComponent('диазотирования')}`)
  await lab.getByRole('link', { name: 'Перевод стадии диазотирования в непрерывный проточный процесс' }).click()
  await lab.getByRole('link', { name: 'Откликнуться на запрос' }).click()
  await lab.getByLabel('Подход к решению').fill('Переведём диазотирование в микрореактор с контролем температуры и временем пребывания до минуты.')
  await lab.getByLabel('Сроки').fill('4 месяца')
  await lab.getByLabel('Оценка стоимости, ₽').fill('1 900 000')
  await lab.getByRole('button', { name: 'Отправить отклик' }).click()
  await expect(lab.getByRole('status')).toContainText('Отклик отправлен')
  const engagementPath = new URL(lab.url()).pathname

  await company.goto('/company')
  expect(await menuCount(engagementsLink)).toBe(before + 1)
  const waiting = company.getByTestId('agenda-engagements')
  await expect(waiting.getByRole('heading', { name: 'Переговоры ждут вашего шага' })).toBeVisible()
  // The demo holds other talks on this request too: the entry of this one is found by where it leads.
  const item = waiting.locator(`a[href="${engagementPath}"]`)
  await expect(item).toContainText(/Перевод стадии диазотирования.*Рассмотреть отклик/)
  // The workspace's own entry counts everything its page lists.
  const workspaceLink = menuOf(company).getByRole('link', { name: /^Кабинет/ })
  const listed = await company.locator('.agenda .panel-head .pill').allTextContents()
  expect(await menuCount(workspaceLink)).toBe(listed.reduce((n, s) => n + Number(s), 0))

  await item.click()
  await expect(company).toHaveURL(new RegExp(`${engagementPath}$`))
  await company.getByRole('button', { name: 'В шорт-лист' }).click()
  await expect(company.getByRole('status')).toContainText('шорт-листе')
  // The next step is the company's too: the item now asks for it.
  await company.goto('/company')
  await expect(company.getByTestId('agenda-engagements').getByRole('link', { name: /Перевод стадии диазотирования.*Начать обсуждение/ })).toBeVisible()

  // Declined, the engagement waits for nobody: the item is gone, never a link to a dead end.
  await lab.goto(engagementPath)
  await lab.getByText('Отказаться…').click()
  await lab.getByLabel('Причина').selectOption({ index: 1 })
  await lab.getByRole('button', { name: 'Отказаться', exact: true }).click()
  await company.goto('/company')
  await expect(company.getByRole('link', { name: /Перевод стадии диазотирования.*Начать обсуждение/ })).toHaveCount(0)
})

test('the company’s new proposals open the matches of that request; the lab’s open the matches of that lab', async ({ browser }) => {
  for (const { email, subject } of [
    { email: 'company@demo.test', subject: 'request' },
    { email: 'lab@demo.test', subject: 'lab' },
  ]) {
    const page = await as(browser, email)
    const proposals = page.getByTestId('agenda-proposals')
    const first = proposals.getByRole('link').first()
    const shown = Number(await first.locator('.pill').textContent())
    expect(shown).toBeGreaterThan(0)
    expect(await menuCount(menuOf(page).getByRole('link', { name: /^Подбор/ }))).toBe(Number(await proposals.locator('.panel-head .pill').textContent()))
    await first.click()
    await expect(page).toHaveURL(new RegExp(`/matches\\?${subject}=\\d+&status=new$`))
    await expect(page.locator('.match-card')).toHaveCount(shown)
    await page.context().close()
  }
})

test('the administration sees claims waiting with their age against the deadline, organisations to verify and each programme’s budget', async ({ page }) => {
  await signIn(page, 'admin@demo.test')
  await expect(page).toHaveURL(/\/admin$/)
  const claims = page.getByTestId('agenda-reviewClaims')
  await expect(claims.getByText(/\d+ (день|дня|дней)(, срок| — срок)/).first()).toBeVisible()
  const claimsCount = Number(await claims.locator('.panel-head .pill').textContent())
  expect(await menuCount(menuOf(page).getByRole('link', { name: /^Заявки на компенсацию/ }))).toBe(claimsCount)

  const verification = page.getByTestId('agenda-verification')
  const toVerify = Number(await verification.locator('.panel-head .pill').textContent())
  expect(await menuCount(menuOf(page).getByRole('link', { name: /^Проверка организаций/ }))).toBe(toVerify)
  const organisation = verification.getByRole('link').first()
  const anchor = (await organisation.getAttribute('href'))!.split('#')[1]
  await organisation.click()
  await expect(page).toHaveURL(/\/admin\/organisations#organisation-\d+$/)
  await expect(page.locator(`#${anchor}`).getByRole('button', { name: 'Подтвердить' })).toBeVisible()

  await page.goto('/admin')
  const budgets = page.getByTestId('agenda-budgets')
  await expect(budgets.getByText(/^свободно /).first()).toBeVisible()
  await budgets.getByRole('link').first().click()
  await expect(page).toHaveURL(/\/admin\/programmes\/\d+$/)

  await page.goto('/admin')
  await claims.getByRole('link').first().click()
  await expect(page).toHaveURL(/\/admin\/claims\/\d+$/)
})

const ROLES = [
  { email: 'company@demo.test', workspace: '/company', pages: ['/company', '/matches', '/engagements', '/contracts', '/claims', '/requests', '/labs', '/orgs', '/measures', '/org'] },
  { email: 'lab@demo.test', workspace: '/lab', pages: ['/lab', '/matches', '/engagements', '/contracts', '/alerts', '/requests', '/labs', '/orgs', '/measures', '/org'] },
  {
    email: 'admin@demo.test',
    workspace: '/admin',
    pages: ['/admin', '/admin/claims', '/admin/organisations', '/admin/programmes', '/admin/dashboard', '/admin/measures', '/requests', '/labs', '/orgs', '/measures', '/org'],
  },
]

for (const role of ROLES) {
  test(`${role.email}: every page of the role is in the menu, one row at 1366 px, a working disclosure at 390 px`, async ({ browser }) => {
    const page = await as(browser, role.email)
    const menu = menuOf(page)
    const hrefs = await menu.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs.sort()).toEqual([...role.pages].sort())

    // One row: every top-level entry shares its top edge, and nothing overflows the row.
    const tops = await page.locator('.main-nav > a, .main-nav > details > summary').evaluateAll((entries) => entries.map((e) => Math.round(e.getBoundingClientRect().top)))
    expect(new Set(tops).size).toBe(1)
    const overflow = await page.locator('.main-nav').evaluate((nav) => nav.scrollWidth - nav.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await menu.getByText(/^(Каталоги|Catalogues)$/).click()
    await menu.getByRole('link', { name: 'Организации', exact: true }).click()
    await expect(page).toHaveURL(/\/orgs$/)

    await page.setViewportSize(PHONE)
    await page.goto(role.workspace)
    await expect(menuOf(page)).toBeHidden()
    await page.getByText(/^Меню/).click()
    await expect(menuOf(page).getByRole('link', { name: /^Организации$/ })).toBeVisible()
    await menuOf(page).getByRole('link', { name: /^Меры поддержки$/ }).click()
    await expect(page).toHaveURL(/\/measures$/)
    // Once a page is chosen the menu folds away again.
    await expect(menuOf(page)).toBeHidden()
    await page.context().close()
  })
}

test('the phone menu opens and leads to a page with JavaScript turned off', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP, javaScriptEnabled: false })
  const page = await context.newPage()
  await signIn(page, 'company@demo.test')
  await page.setViewportSize(PHONE)
  await page.getByText(/^Меню/).click()
  await menuOf(page).getByRole('link', { name: /^Переговоры/ }).click()
  await expect(page).toHaveURL(/\/engagements$/)
  await context.close()
})

test('the home page shows the cluster’s live figures, the newest requests and a way in for each role', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg')
  expect((await page.request.get('/favicon.svg')).headers()['content-type']).toContain('image/svg+xml')
  await expect(page.getByRole('banner').locator('svg.logo')).toBeVisible()
  const openRequests = Number((await page.getByTestId('figure-openRequests').locator('.stat-value').textContent())!.replace(/\D/g, ''))
  expect(openRequests).toBeGreaterThan(0)
  const recent = page.getByRole('region', { name: 'Новые запросы' }).locator('.recent > li')
  await expect(recent).toHaveCount(Math.min(5, openRequests))
  for (const cta of ['Разместить запрос', 'Представить лабораторию', 'Войти в кабинет']) await expect(page.getByRole('link', { name: cta })).toBeVisible()
  await recent.first().getByRole('link').first().click()
  await expect(page).toHaveURL(/\/requests\/\d+$/)
})

test('workspaces and the home page, in Russian and English, at 1366 and 390 px: screenshots, and no serious or critical axe violations', async ({ browser }) => {
  const found: string[] = []
  const visitor = await (await browser.newContext({ viewport: LAPTOP })).newPage()
  await visitor.goto('/')
  await shoot(visitor, 'home-ru', found)
  await visitor.getByRole('button', { name: 'English' }).click()
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'en')
  await shoot(visitor, 'home-en', found)
  await visitor.context().close()

  for (const { email, workspace } of ROLES) {
    const page = await as(browser, email)
    await page.goto(workspace)
    await shoot(page, `workspace-${workspace.slice(1)}-ru`, found)
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await shoot(page, `workspace-${workspace.slice(1)}-en`, found)
    // The choice is kept on the person's profile: back to Russian for the tests that follow.
    await page.getByRole('button', { name: 'Русский' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
    await page.context().close()
  }
  expect(found).toEqual([])
})

test('a request page with its proposals and a compensation claim, in Russian and English, at 1366 and 390 px: screenshots, and no serious or critical axe violations', async ({ browser }) => {
  const found: string[] = []
  const page = await as(browser, 'company@demo.test')
  await page.getByRole('link', { name: 'Перевод стадии диазотирования в непрерывный проточный процесс' }).last().click()
  await expect(page).toHaveURL(/\/requests\/\d+$/)
  const requestUrl = page.url()
  await page.goto('/claims')
  await page.getByRole('row').nth(1).getByRole('link').first().click()
  await expect(page).toHaveURL(/\/claims\/\d+$/)
  const claimUrl = page.url()
  for (const language of ['ru', 'en'] as const) {
    if (language === 'en') {
      await page.getByRole('button', { name: 'English' }).click()
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    }
    await page.goto(requestUrl)
    await shoot(page, `request-${language}`, found)
    await page.goto(claimUrl)
    await shoot(page, `claim-${language}`, found)
  }
  await page.getByRole('button', { name: 'Русский' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await page.context().close()

  // The reviewer's page of a claim: its payments, checklist and computation tables too.
  const reviewer = await as(browser, 'admin@demo.test')
  await reviewer.goto('/admin/claims')
  await reviewer.getByRole('row').nth(1).getByRole('link').first().click()
  await expect(reviewer).toHaveURL(/\/admin\/claims\/\d+$/)
  await shootInBothLanguages(reviewer, 'admin-claim', found)
  await reviewer.context().close()
  expect(found).toEqual([])
})
