import { expect, test, type Page } from '@playwright/test'
import { shootInBothLanguages, signIn } from './helpers'

const TOMSK_COMPENSATION = 'Компенсация части затрат на НИОКР, выполненных вузами и институтами РАН — Томская область'
const CLOSED_PHARMA = 'Субсидии на разработку лекарственных средств и фармацевтических субстанций'

/** The hit of a measure on the navigator's page. */
const hitOf = (page: Page, title: string) => page.locator('.hit', { has: page.getByRole('link', { name: title, exact: true }) })

test('a company answers the questionnaire and opens a fitting measure with the reasons it fits', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  const menu = page.getByRole('navigation', { name: 'Основное меню' })
  // The catalogues are one group of the menu, folded on a laptop as on a phone.
  await menu.getByText('Каталоги').click()
  await menu.getByRole('link', { name: 'Меры поддержки' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Меры поддержки' })).toBeVisible()

  // The company's own profile answers the first questions.
  await expect(page.getByText('Ответы о вашей организации взяты из её профиля')).toBeVisible()
  await expect(page.getByLabel('Тип организации')).toHaveValue('company')
  await expect(page.getByLabel('Размер компании')).toHaveValue('small')
  await expect(page.getByLabel('Регион', { exact: true })).toHaveValue('70')
  await expect(page.getByLabel('Проектный альянс')).toHaveValue('pharma')

  await page.getByLabel('Стадия проекта').selectOption('rnd')
  await expect(page).toHaveURL(/stage=rnd/)
  await page.getByLabel('Уровень готовности (УГТ)').selectOption('4')
  await expect(page).toHaveURL(/trl=4/)
  await page.getByLabel('Нужная сумма, ₽').fill('3 000 000')
  await page.getByRole('button', { name: 'Подобрать меры' }).click()
  await expect(page).toHaveURL(/amount=3/)

  // Those that fit come first, each with its reasons.
  const first = page.locator('.hit').first()
  await expect(first.getByText('Подходит', { exact: true })).toBeVisible()
  const fitting = hitOf(page, TOMSK_COMPENSATION)
  await expect(fitting.getByText('Подходит', { exact: true })).toBeVisible()
  await expect(fitting.getByText('УГТ 4 — в пределах 2–7.')).toBeVisible()

  await fitting.getByRole('link', { name: TOMSK_COMPENSATION }).click()
  await expect(page.getByRole('heading', { level: 1, name: TOMSK_COMPENSATION })).toBeVisible()
  const verdict = page.locator('.verdict-box')
  await expect(verdict.getByText('Подходит', { exact: true })).toBeVisible()
  await expect(verdict.getByText('По вашим ответам в навигаторе.')).toBeVisible()
  await expect(verdict.getByText('УГТ 4 — в пределах 2–7.')).toBeVisible()
  await expect(verdict.getByText(/Сумма: нужные вам 3\s000\s000\s₽ — в пределах меры \(до 5\s000\s000\s₽\)/)).toBeVisible()
  await expect(page.getByText(/Демонстрационные данные/)).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Платёжные поручения об оплате работ' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Открыть сайт меры' })).toHaveAttribute('href', /^https:\/\//)

  // Back to the navigator with the same answers; the measures that do not fit say why.
  await page.getByRole('link', { name: '← К навигатору' }).click()
  await expect(page.getByLabel('Уровень готовности (УГТ)')).toHaveValue('4')
  await page.getByRole('group', { name: 'Соответствие' }).getByLabel('Не подходит').check()
  await expect(page).toHaveURL(/verdict=does_not_fit/)
  const closed = hitOf(page, CLOSED_PHARMA)
  await expect(closed.getByText('Не подходит', { exact: true })).toBeVisible()
  await expect(closed.getByText(/приём заявок закончился\s10\sнояб\.\s2026/)).toBeVisible()
  await expect(page.locator('.hit').getByText('Подходит', { exact: true })).toHaveCount(0)
})

test('the questionnaire works without JavaScript, and a visitor sees what each measure asks', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/measures')
  await expect(hitOf(page, TOMSK_COMPENSATION).getByText('Может подойти', { exact: true })).toBeVisible()
  await expect(hitOf(page, TOMSK_COMPENSATION).getByText('Мера для проектов с УГТ 2–7 — укажите уровень готовности.')).toBeVisible()

  await page.getByLabel('Тип организации').selectOption('company')
  await page.getByLabel('Размер компании').selectOption('medium')
  await page.getByLabel('Регион', { exact: true }).selectOption('70')
  await page.getByLabel('Стадия проекта').selectOption('rnd')
  await page.getByLabel('Уровень готовности (УГТ)').selectOption('3')
  await page.getByLabel('Нужная сумма, ₽').fill('2 000 000')
  await page.getByRole('button', { name: 'Подобрать меры' }).click()
  await expect(hitOf(page, TOMSK_COMPENSATION).getByText('Подходит', { exact: true })).toBeVisible()
  // «Старт» is for micro and small enterprises only.
  const start = hitOf(page, 'Программа «Старт» — первый этап')
  await expect(start.getByText('Не подходит', { exact: true })).toBeVisible()
  await expect(start.getByText('Размер: только микропредприятия или малые предприятия, а у вас среднее предприятие.')).toBeVisible()
  await context.close()
})

test('the administration adds a measure, it appears in the navigator by another word form, and leaves it when archived', async ({ page }) => {
  const title = 'Гранты на цифровые двойники производственных линий'
  await signIn(page, 'admin@demo.test')
  await page.goto('/admin/measures')
  await page.getByRole('link', { name: 'Добавить меру' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Новая мера поддержки' })).toBeVisible()

  await page.getByLabel('Название', { exact: true }).fill(title)
  await page.getByLabel('Кто предоставляет').fill('Фонд цифровой промышленности Томской области (тест)')
  await page.getByLabel('Уровень').selectOption('regional')
  await page.getByLabel('Вид поддержки').selectOption('grant')
  await page.getByLabel('Описание').fill('Грант на разработку цифровых двойников производственных линий совместно с вузами региона.')
  await page.getByLabel('Компания', { exact: true }).check()
  await page.getByLabel('Регионы').selectOption('70')
  await page.getByLabel('Сумма до, ₽').fill('2 000 000')
  await page.getByLabel('УГТ от').selectOption('6')
  await page.getByLabel('УГТ до').selectOption('4')
  await page.getByLabel('Документы для заявки').fill('Заявка\nСмета проекта')
  await page.getByLabel('Сайт меры').fill('http://example.ru/twins')
  // A new measure must say where its terms come from and when they were checked, never on a future day.
  await page.getByLabel('Ссылка на акт или официальную страницу').fill('https://example.ru/twins/rules')
  await page.getByLabel('Название и номер акта').fill('Порядок предоставления грантов (тест) № 12')
  await page.getByLabel('Дата сверки с источником').fill('2999-01-01')
  await page.getByRole('button', { name: 'Добавить меру' }).click()
  await expect(page.getByText('Ссылка должна начинаться с https://')).toBeVisible()
  await expect(page.getByText('Дата не может быть позже сегодняшней.')).toBeVisible()
  await page.getByRole('group', { name: 'Источник' }).screenshot({ path: 'test-results/e2e/measure-form-source.png' })
  await page.getByLabel('Сайт меры').fill('https://example.ru/twins')
  await page.getByLabel('Дата сверки с источником').fill('2026-03-02')
  await page.getByRole('button', { name: 'Добавить меру' }).click()
  await expect(page.getByText('Верхний УГТ не может быть ниже нижнего.')).toBeVisible()
  await expect(page.getByLabel('Название', { exact: true })).toHaveValue(title)

  await page.getByLabel('УГТ до').selectOption('8')
  await page.getByRole('button', { name: 'Добавить меру' }).click()
  await expect(page.getByRole('status')).toContainText('Мера добавлена в каталог.')
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText(/^до 2\s000\s000\s₽$/)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Порядок предоставления грантов (тест) № 12' })).toHaveAttribute('href', 'https://example.ru/twins/rules')
  await expect(page.getByText(/Условия сверены с источником: 2\sмар\.\s2026/)).toBeVisible()

  await expect(async () => {
    await page.goto('/measures?q=цифрового+двойника')
    await expect(page.getByRole('link', { name: title })).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 15_000 })
  await expect(page.locator('mark').first()).toBeVisible()

  await page.goto('/admin/measures')
  await page.getByRole('button', { name: `В архив: ${title}` }).click()
  await expect(page.getByRole('status')).toContainText('Мера перенесена в архив.')
  await expect(async () => {
    await page.goto('/measures?q=цифрового+двойника')
    await expect(page.getByRole('link', { name: title })).toHaveCount(0, { timeout: 1000 })
  }).toPass({ timeout: 15_000 })
})

test('a company may not open the catalogue’s administration', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  expect((await page.goto('/admin/measures/new'))?.status()).toBe(403)
  await expect(page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Каталог мер' })).toHaveCount(0)
})

test('a measure’s page names the act its terms come from and the day they were checked', async ({ page }) => {
  await page.goto('/measures?q=1649')
  await page.getByRole('link', { name: /постановление Правительства РФ № 1649/ }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('финансовое обеспечение затрат')
  await expect(page.getByText(/выдаётся авансом/)).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Источник' })).toBeVisible()
  await expect(page.getByRole('link', { name: /Постановление Правительства РФ от 12\.12\.2019 № 1649/ })).toHaveAttribute('href', /^https:\/\//)
  await expect(page.getByText(/Условия сверены с источником: \d{1,2}\s\S+\s\d{4}/)).toBeVisible()
  await page.locator('.detail-grid').screenshot({ path: 'test-results/e2e/measure-source.png' })
})

test('a contract’s page suggests the measures that could fund it and warns which cannot pay for the same costs', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  await page.goto('/contracts')
  await page.getByRole('link', { name: /НИОКР-2026\/014/ }).click()
  const section = page.getByRole('region', { name: 'Меры поддержки для этого договора' })
  await expect(section).toBeVisible()
  const item = (title: RegExp) => section.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) })
  const compensation = item(/^Компенсация части затрат на НИОКР, выполненных вузами/)
  const pp218 = item(/№ 218/)
  await expect(compensation).toBeVisible()
  await expect(pp218).toBeVisible()
  await expect(pp218.getByText(/до 100\s000\s000\s₽ в год, на срок до 3 лет/)).toBeVisible()
  await expect(compensation.getByText('Исполнитель: университет — подходит.')).toBeVisible()
  await expect(pp218.getByText(/Не совмещается на те же затраты по договору с .*«Компенсация части затрат на НИОКР, выполненных вузами/)).toBeVisible()
  await expect(item(/ст\. 262 НК РФ/).getByText(/Коэффициент не применяется к затратам, которые оплатят .*№ 218/)).toBeVisible()
  await expect(section.getByText(/одни и те же затраты по договору оплачиваются из бюджета один раз/)).toBeVisible()
  await section.screenshot({ path: 'test-results/e2e/contract-measures.png' })

  // The whole page, with the section, in both languages and at both widths.
  const found: string[] = []
  await shootInBothLanguages(page, 'contract-measures', found)
  expect(found).toEqual([])
})
