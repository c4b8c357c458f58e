import { expect, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'demo-password-2026'

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await page.getByLabel(/Электронная почта|E-mail/).fill(email)
  await page.getByLabel(/^(Пароль|Password)$/).fill(password)
  await page.locator('main form').getByRole('button', { name: /Войти|Sign in/ }).click()
  await expect(page.getByRole('button', { name: /Выйти|Sign out/ })).toBeVisible()
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Выйти|Sign out/ }).click()
  await expect(page.getByRole('banner').getByRole('link', { name: /^(Войти|Sign in)$/ })).toBeVisible()
}
