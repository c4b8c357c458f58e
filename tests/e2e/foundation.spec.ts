import { expect, test } from '@playwright/test'
import { completeInn10, completeOgrn13 } from '../../app/modules/organisations/inn-ogrn'
import { signIn, signOut } from './helpers'

test.describe('accounts and organisations', () => {
  test('a company signs up, lands on its organisation page, unverified, and can sign back in', async ({ page }) => {
    await page.goto('/signup')
    await page.getByLabel('Имя и фамилия').fill('Анна Тестова')
    await page.getByLabel('Электронная почта').fill('anna.e2e@test.example')
    await page.getByLabel('Пароль').fill('e2e-password-123')
    await page.getByLabel('Тип организации').selectOption('company')
    await page.getByLabel('Полное наименование').fill('ООО «Тестовые Роботы»')
    await page.getByLabel('ИНН').fill(completeInn10('701799001'))
    await page.getByLabel('ОГРН').fill(completeOgrn13('102700799001'))
    await page.getByLabel('Размер компании').selectOption('small')
    await page.getByLabel('Проектный альянс').selectOption('robotics')
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click()

    await expect(page).toHaveURL(/\/org$/)
    await expect(page.getByRole('heading', { name: 'ООО «Тестовые Роботы»' })).toBeVisible()
    await expect(page.getByText('Не проверена').first()).toBeVisible()
    await expect(page.getByRole('status')).toContainText('Учётная запись создана')
    await signOut(page)
    await signIn(page, 'anna.e2e@test.example', 'e2e-password-123')
  })

  test('a wrong INN check digit is explained next to the field and nothing typed is lost (no JavaScript)', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/signup')
    await page.getByLabel('Имя и фамилия').fill('Борис Ошибкин')
    await page.getByLabel('Электронная почта').fill('boris@test.example')
    await page.getByLabel('Пароль').fill('e2e-password-123')
    await page.getByLabel('Полное наименование').fill('ООО «Опечатка»')
    const inn = completeInn10('701799002')
    const wrongInn = inn.slice(0, 9) + String((Number(inn[9]) + 1) % 10)
    await page.getByLabel('ИНН').fill(wrongInn)
    await page.getByLabel('ОГРН').fill('12345')
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click()

    await expect(page.getByText('Контрольная цифра ИНН не сходится')).toBeVisible()
    await expect(page.getByText('ОГРН состоит из 13 цифр')).toBeVisible()
    await expect(page.getByText('Заполните это поле.').first()).toBeVisible() // company size
    await expect(page.getByLabel('Имя и фамилия')).toHaveValue('Борис Ошибкин')
    await expect(page.getByLabel('Полное наименование')).toHaveValue('ООО «Опечатка»')
    await expect(page.getByLabel('ИНН')).toHaveValue(wrongInn)
    await context.close()
  })

  test('a malformed e-mail and an empty name are refused in the browser before anything is sent', async ({ page }) => {
    await page.goto('/signup')
    await page.getByLabel('Электронная почта').fill('not-an-email')
    await page.getByLabel('Имя и фамилия').fill('Я')
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click()
    await expect(page.getByText('Введите адрес электронной почты')).toBeVisible()
    await expect(page.getByText('Не короче 2 символов.')).toBeVisible()
    await expect(page).toHaveURL(/\/signup$/)
  })
})

const roles = [
  { email: 'company@demo.test', workspace: '/company', heading: 'Кабинет компании' },
  { email: 'lab@demo.test', workspace: '/lab', heading: 'Кабинет лаборатории' },
  { email: 'institute@demo.test', workspace: '/lab', heading: 'Кабинет лаборатории' },
  { email: 'admin@demo.test', workspace: '/admin', heading: 'Кабинет администрации' },
  { email: 'platform@demo.test', workspace: '/platform', heading: 'Управление платформой' },
]

for (const role of roles) {
  test(`${role.email} signs in and reaches their workspace`, async ({ page }) => {
    await signIn(page, role.email)
    await page.goto(role.workspace)
    await expect(page.getByRole('heading', { level: 1, name: role.heading })).toBeVisible()
  })
}

test('a company member asking for the administration’s pages gets a 403 page with no data', async ({ page }) => {
  await signIn(page, 'company@demo.test')
  for (const path of ['/admin', '/admin/organisations', '/platform', '/lab']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(403)
    await expect(page.getByRole('heading', { name: 'Доступ запрещён' })).toBeVisible()
    await expect(page.getByText('ИНН')).toHaveCount(0)
  }
})

test('an anonymous visitor is sent to sign in and comes back to the page asked for', async ({ page }) => {
  await page.goto('/admin/organisations')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Forganisations/)
  await page.getByLabel('Электронная почта').fill('admin@demo.test')
  await page.getByLabel('Пароль').fill('demo-password-2026')
  await page.locator('main form').getByRole('button', { name: 'Войти' }).click()
  await expect(page).toHaveURL(/\/admin\/organisations$/)
  await expect(page.getByRole('heading', { name: 'Проверка организаций' })).toBeVisible()
})

test('the language switch sticks to the person across sign-outs and devices', async ({ page, browser }) => {
  await signIn(page, 'tsu@demo.test')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await page.goto('/account')
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible()

  const other = await browser.newContext()
  const second = await other.newPage()
  await signIn(second, 'tsu@demo.test')
  // A lab's member lands in the lab workspace, in the language chosen on the other device.
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Lab workspace')
  await other.close()
})

test('the administration verifies an organisation from the queue', async ({ page }) => {
  await signIn(page, 'admin@demo.test')
  await page.goto('/admin/organisations')
  const card = page.locator('li.card', { hasText: 'Хелиос Фарма' })
  await expect(card.getByText('Не проверена')).toBeVisible()
  await card.getByRole('button', { name: 'Отклонить' }).click()
  await expect(card.getByText('Укажите причину.')).toBeVisible()
  await card.getByRole('button', { name: 'Подтвердить' }).click()
  await expect(page.getByRole('status')).toContainText('Организация подтверждена')
  await expect(page.locator('li.card', { hasText: 'Хелиос Фарма' })).toHaveCount(0)
})

test('an empty form sent in the browser explains every missing field at once', async ({ page }) => {
  await page.goto('/login')
  await page.locator('main form').getByRole('button', { name: 'Войти' }).click()
  await expect(page.getByText('Заполните это поле.')).toHaveCount(2)
  await expect(page.getByLabel('Электронная почта')).toHaveAttribute('aria-invalid', 'true')
})

test('wrong credentials get one message whether or not the e-mail exists', async ({ page }) => {
  for (const email of ['company@demo.test', 'nobody-here@demo.test']) {
    await page.goto('/login')
    await page.getByLabel('Электронная почта').fill(email)
    await page.getByLabel('Пароль').fill('definitely wrong')
    await page.locator('main form').getByRole('button', { name: 'Войти' }).click()
    await expect(page.getByText('Неверный адрес электронной почты или пароль.')).toBeVisible()
    await expect(page.getByLabel('Электронная почта')).toHaveValue(email)
  }
})

test('a cross-origin POST is refused before it reaches the action', async ({ page, request }) => {
  await signIn(page, 'company@demo.test')
  const cookies = await page.context().cookies()
  const session = cookies.find((c) => c.name === 'rd_session')!
  const response = await request.post('/account', {
    headers: { Origin: 'https://evil.example', Cookie: `rd_session=${session.value}` },
    form: { name: 'Hacked Name' },
  })
  expect(response.status()).toBe(403)
  await page.goto('/account')
  await expect(page.getByLabel('Имя и фамилия')).toHaveValue('Роман Никитин')
})

test('a forged or replayed session cookie signs nobody in', async ({ page, context }) => {
  await signIn(page, 'lab@demo.test')
  const session = (await context.cookies()).find((c) => c.name === 'rd_session')!
  await signOut(page)
  // Replaying the cookie of a session that was signed out.
  await context.addCookies([{ ...session }])
  const replayed = await page.goto('/lab')
  expect(replayed?.url()).toMatch(/\/login/)
  await context.addCookies([{ ...session, value: 'forgedforgedforgedforgedforged00' }])
  await page.goto('/account')
  await expect(page).toHaveURL(/\/login/)
})

test('security headers are set on every page', async ({ request }) => {
  const response = await request.get('/')
  const headers = response.headers()
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/)
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
})

test('an unknown address gets a 404 page in the reader’s language', async ({ page }) => {
  const response = await page.goto('/no/such/page')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible()
})
