import { expect, test } from '@playwright/test'
import { signIn } from './helpers'

// Each role lands in its own workspace after signing in, and the administration's menu leads to the
// organisations waiting for verification. What the workspaces show, and their screenshots, are in
// workspaces.spec.ts.

const ROLES = [
  { email: 'company@demo.test', path: '/company', heading: 'Кабинет компании' },
  { email: 'lab@demo.test', path: '/lab', heading: null },
  { email: 'admin@demo.test', path: '/admin', heading: null },
] as const

for (const role of ROLES) {
  test(`${role.email} lands in its workspace after signing in`, async ({ page }) => {
    await signIn(page, role.email)
    await expect(page).toHaveURL(new RegExp(`${role.path}$`))
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  })
}

test('a page asked for before signing in is where the person returns, not the workspace', async ({ page }) => {
  await page.goto('/contracts')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcontracts/)
  await page.getByLabel(/Электронная почта/).fill('company@demo.test')
  await page.getByLabel(/^Пароль$/).fill('demo-password-2026')
  await page.locator('main form').getByRole('button', { name: 'Войти' }).click()
  await expect(page).toHaveURL(/\/contracts$/)
})

test('the administration finds the verification queue in its menu', async ({ page }) => {
  await signIn(page, 'admin@demo.test')
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Проверка организаций' }).click()
  await expect(page).toHaveURL(/\/admin\/organisations$/)
})
