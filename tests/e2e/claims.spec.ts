import { expect, test, type Page } from '@playwright/test'
import { demoPdf } from '../../db/seed/demo-contracts'
import { signIn } from './helpers'

// The whole path of a compensation claim, as the people involved click through it: the company
// registers a contract with its lab (ТПУ), the lab confirms it and the execution records, the
// company files a claim with documents, the administration returns it, the company corrects and
// resubmits it, the administration approves part of it. Bad input is tried on the way.

test.describe.configure({ mode: 'serial' })

const NUMBER = 'E2E-2026/7'
let contractUrl = ''
let claimUrl = ''
let claimId = ''

const scan = (name: string, text: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(demoPdf([text])) })
// A Windows program renamed to look like a PDF.
const renamedExe = { name: 'akt-1.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]) }

/** Text as a pattern whose spaces match the no-break spaces that number formatting puts in amounts. */
const rx = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'))

async function stage(page: Page, n: number) {
  return page.getByRole('group', { name: `Этап ${n}`, exact: true })
}

test('a company registers a contract with its lab; wrong amounts and dates are explained and nothing typed is lost', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Договоры' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Договоры на НИОКР' })).toBeVisible()
  await page.getByRole('link', { name: 'Зарегистрировать договор' }).click()
  await expect(page.getByRole('heading', { name: 'Регистрация договора' })).toBeVisible()

  await page.getByLabel(/^Исполнитель/).selectOption({ label: 'ТПУ — Университет' })
  await page.getByLabel('Номер договора').fill(NUMBER)
  await page.getByLabel('Дата договора').fill('2026-03-02')
  await page.getByLabel('Предмет договора').fill('Разработка методики ускоренного контроля чистоты субстанции методом ВЭЖХ')
  await page.getByLabel('Цена с НДС').fill('полтора миллиона')
  await page.getByLabel('Начало работ').fill('2027-03-31')
  await page.getByLabel('Окончание работ').fill('2026-03-02')
  const first = await stage(page, 1)
  await first.getByLabel('Содержание этапа').fill('Разработка и валидация методики')
  await first.getByLabel('Срок этапа').fill('2026-09-30')
  await first.getByLabel('Стоимость этапа').fill('-1 000 000')
  await page.getByRole('button', { name: 'Зарегистрировать и отправить исполнителю' }).click()

  await expect(page.getByText('Введите сумму в рублях цифрами').first()).toBeVisible()
  await expect(page.getByText('Окончание работ не может быть раньше начала.')).toBeVisible()
  await expect(page.getByText('Сумма должна быть больше нуля.')).toBeVisible()
  await expect(page.getByLabel('Номер договора')).toHaveValue(NUMBER)
  await expect(page.getByLabel('Цена с НДС')).toHaveValue('полтора миллиона')

  await page.getByLabel('Цена с НДС').fill('1 500 000')
  await page.getByLabel('Начало работ').fill('2026-03-02')
  await page.getByLabel('Окончание работ').fill('2027-03-31')
  await first.getByLabel('Стоимость этапа').fill('1 000 000')
  await page.getByRole('button', { name: 'Зарегистрировать и отправить исполнителю' }).click()
  // The stages must add up to the price.
  await expect(page.getByText(rx('Сумма этапов (1 000 000,00 ₽) не равна цене договора (1 500 000,00 ₽)'))).toBeVisible()

  await page.getByRole('button', { name: '+ Добавить этап' }).click()
  const second = await stage(page, 2)
  await second.getByLabel('Содержание этапа').fill('Опытная проверка на производстве')
  await second.getByLabel('Срок этапа').fill('2027-03-31')
  await second.getByLabel('Стоимость этапа').fill('500 000')
  await page.getByLabel('Скан договора').setInputFiles(scan('dogovor-e2e.pdf', `Contract ${NUMBER}`))
  await page.getByRole('button', { name: 'Зарегистрировать и отправить исполнителю' }).click()

  await expect(page).toHaveURL(/\/contracts\/\d+$/)
  contractUrl = new URL(page.url()).pathname
  await expect(page.getByRole('status')).toContainText('Договор зарегистрирован')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Договор № ${NUMBER}`)
  await expect(page.locator('.page-head').getByText('Ждёт подтверждения')).toBeVisible()
  await expect(page.getByText('Ждём подтверждения другой стороны.')).toBeVisible()
})

test('the lab confirms the contract; a stranger is told there is nothing there (404), so the contract’s existence does not leak', async ({ page, browser }) => {
  await signIn(page, 'lab@demo.test')
  await page.goto(contractUrl)
  await expect(page.getByRole('heading', { name: 'Договор ждёт подтверждения' })).toBeVisible()
  await page.getByRole('button', { name: 'Подтвердить договор' }).click()
  await expect(page.getByRole('status')).toContainText('Договор подтверждён')
  await expect(page.locator('.page-head').getByText('Подтверждён')).toBeVisible()

  const other = await browser.newContext()
  const stranger = await other.newPage()
  await signIn(stranger, 'vision@demo.test')
  const response = await stranger.goto(contractUrl)
  expect(response?.status()).toBe(404)
  await other.close()
})

test('the company records an act and a payment with scans; a renamed program and a payment beyond the price are refused', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  await page.goto(contractUrl)

  await page.getByText('+ Внести акт').click()
  const act = page.locator('form', { has: page.getByRole('button', { name: 'Внести акт' }) })
  await act.getByLabel('Этап').selectOption('1')
  await act.getByLabel('Номер акта').fill('1')
  await act.getByLabel('Дата акта').fill('2026-09-30')
  await act.getByLabel('Сумма').fill('1 000 000')
  await act.getByLabel('Скан акта').setInputFiles(renamedExe)
  await act.getByRole('button', { name: 'Внести акт' }).click()
  await expect(page.getByText('Файл «akt-1.pdf» — исполняемая программа, а не документ.')).toBeVisible()
  await expect(act.getByLabel('Номер акта')).toHaveValue('1')
  await act.getByLabel('Скан акта').setInputFiles(scan('akt-1.pdf', 'Act 1'))
  await act.getByRole('button', { name: 'Внести акт' }).click()
  await expect(page.getByRole('status')).toContainText('Акт внесён')

  await page.getByText('+ Внести платёж').click()
  const payment = page.locator('form', { has: page.getByRole('button', { name: 'Внести платёж' }) })
  await payment.getByLabel('Дата платежа').fill('2026-10-05')
  await payment.getByLabel('Номер платёжного поручения').fill('5150')
  await payment.getByLabel('Сумма').fill('2 000 000')
  await payment.getByRole('button', { name: 'Внести платёж' }).click()
  await expect(page.getByText(rx('Платёж больше неоплаченного остатка по договору: 1 500 000,00 ₽'))).toBeVisible()
  await expect(payment.getByLabel('Номер платёжного поручения')).toHaveValue('5150')
  await payment.getByLabel('Сумма').fill('1 000 000')
  await payment.getByLabel('Скан платёжного поручения').setInputFiles(scan('pp-5150.pdf', 'Payment order 5150'))
  await payment.getByRole('button', { name: 'Внести платёж' }).click()
  await expect(page.getByRole('status')).toContainText('Платёж внесён')
  await expect(page.getByText(rx('Оплачено 1 000 000,00 ₽ из 1 500 000,00 ₽'))).toBeVisible()
})

test('without JavaScript, a payment in letters is explained next to the field and the form keeps what was typed', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await signIn(page, 'company@demo.test')
  await page.goto(contractUrl)
  await page.getByText('+ Внести платёж').click()
  const payment = page.locator('form', { has: page.getByRole('button', { name: 'Внести платёж' }) })
  await payment.getByLabel('Дата платежа').fill('2026-10-06')
  await payment.getByLabel('Номер платёжного поручения').fill('5151')
  await payment.getByLabel('Сумма').fill('сто тысяч')
  await payment.getByRole('button', { name: 'Внести платёж' }).click()
  await expect(page.getByText('Введите сумму в рублях цифрами')).toBeVisible()
  await expect(page.locator('form', { has: page.getByRole('button', { name: 'Внести платёж' }) }).getByLabel('Номер платёжного поручения')).toHaveValue('5151')
  await expect(page.getByText(rx('Оплачено 1 000 000,00 ₽'))).toBeVisible()
  await context.close()
})

test('the lab confirms the act and the receipt of the payment', async ({ page }) => {
  await signIn(page, 'lab@demo.test')
  await page.goto(contractUrl)
  const acts = page.getByRole('region', { name: 'Акты сдачи-приёмки' })
  await acts.getByRole('button', { name: 'Подтвердить' }).click()
  await expect(page.getByRole('status')).toContainText('Запись подтверждена')
  const payments = page.getByRole('region', { name: 'Платежи' })
  await payments.getByRole('button', { name: 'Подтвердить' }).click()
  await expect(page.getByRole('status')).toContainText('Запись подтверждена')
  await expect(payments.getByRole('button', { name: 'Подтвердить' })).toHaveCount(0)
})

test('the company files a claim: the computation is spelled out and the claim goes to the administration', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Компенсация' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Заявки на компенсацию затрат' })).toBeVisible()
  await page.getByRole('link', { name: 'Подать заявку на компенсацию' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Подать заявку на компенсацию' })).toBeVisible()
  await page.getByLabel('Программа').selectOption({ label: 'Компенсация затрат на НИОКР — Томская область 2026/2027' })
  await page.getByLabel('Договор').selectOption({ label: `№ ${NUMBER} от 2 мар. 2026 г. — ТПУ` })
  await page.getByRole('button', { name: 'Показать платежи' }).click()
  await expect(page.getByLabel(/п\/п № 5150/)).toBeChecked()
  await page.getByRole('button', { name: 'Создать черновик' }).click()

  await expect(page).toHaveURL(/\/claims\/\d+$/)
  claimUrl = new URL(page.url()).pathname
  claimId = claimUrl.split('/').at(-1)!
  await expect(page.locator('.page-head').getByText('Черновик')).toBeVisible()
  const computation = page.locator('table.computation')
  await expect(computation.getByRole('row', { name: /Сумма учитываемых платежей \(1 из 1\)/ })).toContainText(rx('1 000 000,00 ₽'))
  await expect(computation.getByRole('row', { name: /Доля программы 50/ })).toContainText(rx('500 000,00 ₽'))
  await expect(computation.getByRole('row', { name: /Сумма к компенсации/ })).toContainText(rx('500 000,00 ₽'))
  // The company declares its contractor unaffiliated before it may submit.
  await expect(page.locator('.violations')).toContainText('Компания не заявила, что исполнитель не аффилирован с ней')
  await page.getByRole('button', { name: 'Заявляем: исполнитель не аффилирован с нашей компанией' }).click()
  await expect(page.getByRole('status')).toContainText('Заявление об отсутствии аффилированности записано')
  await expect(page.locator('.violations')).toHaveCount(0)
  await page.getByRole('button', { name: 'Подать заявку' }).click()
  await expect(page.getByRole('status')).toContainText('Заявка подана')
  await expect(page.locator('.page-head').getByText('На рассмотрении')).toBeVisible()
})

test('the administration returns the claim with a reason; a bad partial amount is refused first', async ({ page }) => {
  await signIn(page, 'reviewer@demo.test')
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Заявки на компенсацию' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Рассмотрение заявок на компенсацию' })).toBeVisible()
  await page.getByRole('table').getByRole('link', { name: `№ ${claimId}`, exact: true }).click()
  await expect(page.getByRole('heading', { name: `Заявка на компенсацию № ${claimId}` })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Платёжное поручение 5150' }).or(page.getByRole('link', { name: 'pp-5150.pdf' }))).toBeVisible()

  await page.getByLabel('Обоснование решения').fill('Проверка суммы')
  await page.getByLabel('Сумма, если одобряете меньше заявленного').fill('700 000')
  await page.getByRole('button', { name: 'Одобрить в меньшей сумме' }).click()
  await expect(page.getByText(rx('сумма должна быть меньше заявленной (500 000,00 ₽)'))).toBeVisible()
  await expect(page.locator('.page-head').getByText('На рассмотрении')).toBeVisible()

  await page.getByLabel('Сумма, если одобряете меньше заявленного').fill('')
  await page.getByLabel('Обоснование решения').fill('Скан платёжного поручения нечитаем: приложите качественный скан с отметкой банка.')
  await page.getByRole('button', { name: 'Вернуть на доработку' }).click()
  await expect(page.getByRole('status')).toContainText('возвращена компании')
  await expect(page.locator('.page-head').getByText('Возвращена на доработку')).toBeVisible()
})

test('the company sees the return and its reason, replaces the scan and resubmits', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  await page.goto('/claims')
  const row = page.getByRole('row', { name: new RegExp(`№ ${claimId}`) })
  await expect(row).toContainText('Возвращена на доработку')
  await expect(row).toContainText('Скан платёжного поручения нечитаем')
  await page.getByRole('link', { name: `№ ${claimId}`, exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Заявка возвращена на доработку' })).toBeVisible()

  await page.getByRole('link', { name: 'Перейти к договору' }).click()
  const payments = page.getByRole('region', { name: 'Платежи' })
  await payments.getByText('Заменить документ').click()
  await payments.getByLabel('Файл').setInputFiles(scan('pp-5150-bank.pdf', 'Payment order 5150 with bank stamp'))
  await payments.getByRole('button', { name: 'Приложить' }).click()
  await expect(page.getByRole('status')).toContainText('Документ приложен')
  await expect(page.getByRole('link', { name: 'pp-5150-bank.pdf' })).toBeVisible()

  await page.goto(claimUrl)
  await page.getByRole('button', { name: 'Подать исправленную заявку' }).click()
  await expect(page.getByRole('status')).toContainText('Заявка подана')
  await expect(page.locator('.page-head').getByText('На рассмотрении')).toBeVisible()
})

test('the administration approves part of it, and each side sees the right status', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.test')
  await page.goto(`/admin/claims/${claimId}`)
  await expect(page.getByRole('link', { name: 'pp-5150-bank.pdf' })).toBeVisible()
  // Approval waits for the administration's own check of affiliation, named among the unmet conditions.
  await expect(page.getByRole('region', { name: 'Невыполненные условия' })).toContainText('Администрация ещё не проверила аффилированность')
  await page.getByLabel('На чём основана проверка').fill('ЕГРЮЛ: учредители и ИНН сторон не совпадают, ТПУ не создан компанией.')
  await page.getByRole('button', { name: 'Записать проверку' }).click()
  await expect(page.getByRole('status')).toContainText('Проверка аффилированности записана')
  await expect(page.getByText(/аффилированность не найдена/)).toBeVisible()
  await page.getByLabel('Обоснование решения').fill('Из стоимости исключены расходы на командировки, не предусмотренные программой.')
  await page.getByLabel('Сумма, если одобряете меньше заявленного').fill('400 000')
  await page.getByRole('button', { name: 'Одобрить в меньшей сумме' }).click()
  await expect(page.getByRole('status')).toContainText('Заявка одобрена')
  await expect(page.locator('.page-head').getByText('Одобрена')).toBeVisible()
  await expect(page.getByText(rx('Одобрено 400 000,00 ₽ из заявленных 500 000,00 ₽'))).toBeVisible()
  const history = page.locator('ol.history')
  await expect(history).toContainText('Возвращена на доработку: Скан платёжного поручения нечитаем')
  await expect(history).toContainText(rx('Одобрено частично, 400 000,00 ₽'))

  const companyContext = await browser.newContext()
  const company = await companyContext.newPage()
  await signIn(company, 'company@demo.test')
  await company.goto(claimUrl)
  await expect(company.locator('.page-head').getByText('Одобрена')).toBeVisible()
  await expect(company.getByText(rx('Одобрено 400 000,00 ₽ из заявленных 500 000,00 ₽'))).toBeVisible()
  await expect(company.getByText('Обоснование: Из стоимости исключены расходы на командировки')).toBeVisible()
  await company.goto('/notifications')
  await expect(company.getByText(new RegExp(`Заявка на компенсацию № ${claimId} одобрена частично`))).toBeVisible()
  await companyContext.close()

  const labContext = await browser.newContext()
  const lab = await labContext.newPage()
  await signIn(lab, 'lab@demo.test')
  await lab.goto(contractUrl)
  await expect(lab.locator('.page-head').getByText('Подтверждён')).toBeVisible()
  // The contractor sees that the payment went into a claim; the claim itself does not exist for them.
  expect((await lab.goto(claimUrl))?.status()).toBe(404)
  await labContext.close()
})

test('the registry downloads as CSV and XLSX, and a company cannot have it', async ({ page, browser }) => {
  await signIn(page, 'admin@demo.test')
  const csv = await page.request.get('/admin/claims/export?status=all&format=csv')
  expect(csv.status()).toBe(200)
  expect(csv.headers()['content-type']).toContain('text/csv')
  expect(await csv.text()).toContain(`${claimId};Одобрена;`)
  const xlsx = await page.request.get('/admin/claims/export?format=xlsx')
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml')
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK')

  const other = await browser.newContext()
  const company = await other.newPage()
  await signIn(company, 'company@demo.test')
  expect((await company.request.get('/admin/claims/export?format=csv')).status()).toBe(403)
  expect((await company.goto(`/admin/claims/${claimId}`))?.status()).toBe(403)
  await other.close()
})
