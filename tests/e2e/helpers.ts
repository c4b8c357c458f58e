import AxeBuilder from '@axe-core/playwright'
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

export const LAPTOP = { width: 1366, height: 900 }
export const PHONE = { width: 390, height: 844 }

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${page.url()} @${page.viewportSize()?.width}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}

/** Saves the page at both widths under test-results/screens/ and collects its serious axe violations and any page wider than the screen. */
export async function shoot(page: Page, name: string, found: string[]) {
  for (const viewport of [LAPTOP, PHONE]) {
    await page.setViewportSize(viewport)
    await page.waitForLoadState('networkidle')
    found.push(...(await seriousViolations(page)))
    // Nothing may widen the page past the screen: wide tables scroll in their own region.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    if (pageWidth > viewport.width) found.push(`${page.url()} @${viewport.width}: the page is ${pageWidth} px wide`)
    await page.screenshot({ path: `test-results/screens/${name}-${viewport.width}.png`, fullPage: true })
  }
  await page.setViewportSize(LAPTOP)
}

/** Takes the page's screenshots in Russian, then in English, and leaves it in Russian for the steps that follow. */
export async function shootInBothLanguages(page: Page, name: string, found: string[]) {
  await shoot(page, `${name}-ru`, found)
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await shoot(page, `${name}-en`, found)
  await page.getByRole('button', { name: 'Русский' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
}
