import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers'

// The main pages of each role pass axe with no serious or critical violation. Each failure names
// the page, the rule and the elements, so the list is the to-do list.

async function seriousViolations(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url)
  expect(response?.status(), url).toBeLessThan(400)
  await page.waitForLoadState('networkidle')
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')
      return `${url}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes.length} × ${targets}`
    })
}

async function expectAccessible(page: Page, urls: string[]) {
  const found: string[] = []
  for (const url of urls) found.push(...(await seriousViolations(page, url)))
  expect(found).toEqual([])
}

test('an anonymous visitor’s pages have no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/requests')
  const links = await page.locator('main a[href^="/requests/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))
  const firstRequest = links.find((href) => /^\/requests\/\d+$/.test(href))
  expect(firstRequest).toBeTruthy()
  await expectAccessible(page, ['/', '/requests', '/labs', firstRequest!, '/login', '/signup'])
})

const roles = [
  { role: 'a company', email: 'company@demo.test', urls: ['/company', '/requests/new', '/engagements', '/matches'] },
  { role: 'a lab', email: 'lab@demo.test', urls: ['/lab', '/labs/new', '/matches'] },
  { role: 'the administration', email: 'admin@demo.test', urls: ['/admin', '/admin/organisations', '/admin/programmes/1', '/admin/claims/1', '/admin/claims/2'] },
]

for (const { role, email, urls } of roles) {
  test(`${role}’s main pages have no serious or critical accessibility violations`, async ({ page }) => {
    await signIn(page, email)
    await expectAccessible(page, urls)
  })
}
