import path from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { signIn } from './helpers'

const REQUEST = 'Синтез и аттестация стандартных образцов примесей'
const CONFIDENTIAL = 'тикагрелор'

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, email)
  return page
}

async function openRequest(page: Page) {
  await page.goto(`/requests?q=${encodeURIComponent('стандартных образцов примесей')}`)
  await page.getByRole('link', { name: REQUEST }).click()
  await expect(page.getByRole('heading', { level: 1, name: REQUEST })).toBeVisible()
}

test('a lab expresses interest, the company shortlists and admits it, they talk, and both agree', async ({ browser }) => {
  const lab = await as(browser, 'tsu@demo.test')
  await openRequest(lab)
  await expect(lab.getByText(CONFIDENTIAL)).toHaveCount(0)
  await lab.getByRole('link', { name: 'Откликнуться на запрос' }).click()
  await lab.getByLabel('Подход к решению').fill('Синтезируем примеси встречным синтезом, подтвердим строение ЯМР и ВЭЖХ-МС, выпустим паспорта.')
  await lab.getByLabel('Сроки').fill('5 месяцев')
  await lab.getByLabel('Оценка стоимости, ₽').fill('2 800 000')
  await lab.getByRole('button', { name: 'Отправить отклик' }).click()
  await expect(lab.getByRole('status')).toContainText('Отклик отправлен')
  const engagementUrl = lab.url()

  // A second expression of interest is refused with a reason.
  await lab.goto(engagementUrl.replace(/engagements\/\d+$/, '') + 'requests')
  await openRequest(lab)
  await lab.getByRole('link', { name: 'Откликнуться на запрос' }).click()
  await lab.getByLabel('Подход к решению').fill('Ещё раз то же самое предложение, чтобы проверить повтор.')
  await lab.getByLabel('Сроки').fill('5 месяцев')
  await lab.getByLabel('Оценка стоимости, ₽').fill('2 800 000')
  await lab.getByRole('button', { name: 'Отправить отклик' }).click()
  await expect(lab.getByText('Эта лаборатория уже участвует в переговорах')).toBeVisible()

  const company = await as(browser, 'company@demo.test')
  await company.goto('/engagements')
  await company.getByRole('link', { name: REQUEST }).first().click()
  await expect(company.getByText('Синтезируем примеси встречным синтезом')).toBeVisible()
  await company.getByRole('button', { name: 'В шорт-лист' }).click()
  await expect(company.getByRole('status')).toContainText('шорт-листе')
  await company.getByRole('button', { name: 'Допустить к конфиденциальной части' }).click()
  await expect(company.getByText('лаборатория ещё не приняла условия')).toBeVisible()

  await lab.goto(engagementUrl)
  await expect(lab.getByText(CONFIDENTIAL)).toHaveCount(0)
  await lab.getByRole('button', { name: 'Принять условия конфиденциальности' }).click()
  await expect(lab.getByText(CONFIDENTIAL)).toBeVisible()
  await openRequest(lab)
  await expect(lab.getByText(CONFIDENTIAL)).toBeVisible()

  // Messages both ways, one with a PDF; a renamed executable is refused with a reason.
  await lab.goto(engagementUrl)
  await lab.getByLabel('Сообщение').fill('Прикладываем смету. <script>alert(1)</script>')
  await lab.getByLabel('Вложение').setInputFiles(path.resolve('tests/fixtures/files/estimate-really-exe.pdf'))
  await lab.getByRole('button', { name: 'Отправить' }).click()
  await expect(lab.getByText('estimate-really-exe.pdf')).toBeVisible()
  await expect(lab.getByLabel('Сообщение')).toHaveValue('Прикладываем смету. <script>alert(1)</script>')
  await lab.getByLabel('Вложение').setInputFiles(path.resolve('tests/fixtures/files/estimate.pdf'))
  await lab.getByRole('button', { name: 'Отправить' }).click()
  await expect(lab.getByRole('link', { name: /estimate\.pdf/ })).toBeVisible()
  await expect(lab.locator('.message').getByText('<script>alert(1)</script>', { exact: false })).toBeVisible()

  await company.goto('/')
  await expect(company.locator('.counter').first()).toBeVisible()
  await company.goto(engagementUrl)
  await expect(company.getByText('Прикладываем смету.')).toBeVisible()
  const download = company.waitForEvent('download')
  await company.getByRole('link', { name: /estimate\.pdf/ }).click()
  expect((await download).suggestedFilename()).toBe('estimate.pdf')
  await company.getByLabel('Сообщение').fill('Спасибо, смету получили.')
  await company.getByRole('button', { name: 'Отправить' }).click()
  await expect(company.getByText('Спасибо, смету получили.')).toBeVisible()

  await company.getByRole('button', { name: 'Перейти к обсуждению' }).click()
  await company.getByRole('button', { name: 'Подтвердить договорённость' }).click()
  await expect(company.getByText('ждём подтверждения лаборатории')).toBeVisible()
  await lab.goto(engagementUrl)
  await expect(lab.getByText('Спасибо, смету получили.')).toBeVisible()
  await lab.getByRole('button', { name: 'Подтвердить договорённость' }).click()
  await expect(lab.locator('.status').first()).toHaveText('Договорились')
  await expect(lab.getByText('Компания зарегистрирует договор')).toBeVisible()

  // "Agreed" is where the company registers the contract: the lab's organisation is already chosen.
  await company.goto(engagementUrl)
  await company.getByRole('link', { name: 'Зарегистрировать договор' }).click()
  await expect(company.getByText(`Договор по итогам взаимодействия «${REQUEST}`)).toBeVisible()
  await expect(company.getByLabel(/^Исполнитель/)).toHaveValue(/\d+/)
  await company.getByLabel('Номер договора').fill('ВЗ-2026/7')
  await company.getByLabel('Дата договора').fill('2026-11-02')
  await company.getByLabel('Предмет договора').fill('Синтез и аттестация стандартных образцов примесей')
  await company.getByLabel('Цена с НДС').fill('2 800 000')
  await company.getByLabel('Начало работ').fill('2026-11-02')
  await company.getByLabel('Окончание работ').fill('2027-04-30')
  const stage = company.getByRole('group', { name: 'Этап 1', exact: true })
  await stage.getByLabel('Содержание этапа').fill('Синтез и аттестация')
  await stage.getByLabel('Срок этапа').fill('2027-04-30')
  await stage.getByLabel('Стоимость этапа').fill('2 800 000')
  await company.getByRole('button', { name: 'Зарегистрировать и отправить исполнителю' }).click()
  await expect(company.getByRole('heading', { level: 1 })).toContainText('Договор № ВЗ-2026/7')
  await lab.goto(engagementUrl)
  await lab.getByRole('link', { name: 'Открыть договор по этому взаимодействию' }).click()
  await expect(lab.getByRole('heading', { level: 1 })).toContainText('Договор № ВЗ-2026/7')

  // A third organisation gets nothing from the engagement or its attachment.
  const outsider = await as(browser, 'vision@demo.test')
  expect((await outsider.goto(engagementUrl))?.status()).toBe(404)
})

test('a company invites a lab and the lab declines with a reason', async ({ browser }) => {
  const LAB = 'Лаборатория экологического приборостроения'
  const company = await as(browser, 'permafrost@demo.test')
  await company.goto(`/labs?q=${encodeURIComponent(LAB)}`)
  await company.getByRole('link', { name: LAB }).click()
  await company.getByRole('link', { name: 'Пригласить к запросу' }).click()
  await company.getByLabel('Запрос').selectOption({ label: 'Беспроводная термометрическая коса с автономным питанием' })
  await company.getByLabel('Сообщение компании').fill('Приглашаем обсудить беспроводные термокосы.')
  await company.getByRole('button', { name: 'Пригласить' }).click()
  await expect(company.getByRole('status')).toContainText('Приглашение отправлено')
  const url = company.url()

  // The institute's owner reads the platform in English: the same engagement, in her language.
  const lab = await as(browser, 'imces@demo.test')
  await lab.goto(url)
  await expect(lab.getByText('Приглашаем обсудить беспроводные термокосы.')).toBeVisible()
  await lab.getByText('Decline…').click()
  await lab.getByRole('button', { name: 'Decline', exact: true }).click()
  await expect(lab.getByText('Choose a value from the list.')).toBeVisible()
  await lab.getByLabel('Reason').selectOption('capacity')
  await lab.getByRole('button', { name: 'Decline', exact: true }).click()
  await expect(lab.getByText('Declined (lab): No capacity')).toBeVisible()
  await company.reload()
  await expect(company.getByText('Отказ (лаборатория): Нет свободных ресурсов')).toBeVisible()
})
