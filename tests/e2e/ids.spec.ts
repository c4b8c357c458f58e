import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, test, type APIRequestContext } from '@playwright/test'

// An id in an address is spelled one way: /claims/1e1 is no page, not claim 10 (issue 15, item 15).

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3111}`

async function signedIn(playwright: { request: { newContext(options: { baseURL: string }): Promise<APIRequestContext> } }, email: string) {
  const context = await playwright.request.newContext({ baseURL: ORIGIN })
  const response = await context.post('/login?index', { form: { email, password: 'demo-password-2026' }, headers: { Origin: ORIGIN }, maxRedirects: 0 })
  expect(response.status(), `sign-in of ${email}`).toBe(302)
  return context
}

/** Spellings that Number() reads as the same id. */
function otherSpellings(id: number): string[] {
  return [`${id}e0`, `${id}.0`, `0${id}`, `+${id}`, `0x${id.toString(16)}`, `${id * 10}e-1`]
}

test('an id spelled any other way than its digits opens nothing, on every page that takes one', async ({ playwright }) => {
  const db = new Database(path.resolve('tests/.tmp/e2e/app.db'), { readonly: true, fileMustExist: true })
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T
  const companyA = one<{ id: number }>(`SELECT organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?`, 'company@demo.test').id
  const claim = one<{ id: number }>(`SELECT id FROM compensation_claims WHERE company_id = ? ORDER BY id LIMIT 1`, companyA).id
  const contract = one<{ id: number }>(`SELECT id FROM contracts WHERE company_id = ? ORDER BY id LIMIT 1`, companyA).id
  const document = one<{ id: number }>(`SELECT document_id AS id FROM contract_versions WHERE contract_id = ? AND document_id IS NOT NULL LIMIT 1`, contract).id
  const programme = one<{ id: number }>(`SELECT id FROM programmes ORDER BY id LIMIT 1`).id
  db.close()

  const company = await signedIn(playwright, 'company@demo.test')
  const reviewer = await signedIn(playwright, 'reviewer@demo.test')
  const pages: Array<[APIRequestContext, (id: string) => string, number]> = [
    [company, (id) => `/claims/${id}`, claim],
    [reviewer, (id) => `/admin/claims/${id}`, claim],
    [company, (id) => `/contracts/${id}`, contract],
    [company, (id) => `/contracts/${id}/amend`, contract],
    [company, (id) => `/documents/${id}`, document],
    [company, (id) => `/programmes/${id}`, programme],
    [reviewer, (id) => `/admin/programmes/${id}`, programme],
    [reviewer, (id) => `/admin/programmes/${id}/edit`, programme],
    [company, (id) => `/orgs/${id}`, companyA],
  ]
  const wrong: string[] = []
  for (const [context, address, id] of pages) {
    const canonical = await context.get(address(String(id)), { maxRedirects: 0 })
    if (canonical.status() !== 200) wrong.push(`${address(String(id))}: ${canonical.status()}, expected 200`)
    for (const spelling of otherSpellings(id)) {
      const response = await context.get(address(encodeURIComponent(spelling)), { maxRedirects: 0 })
      if (response.status() !== 404) wrong.push(`${address(spelling)}: ${response.status()}, expected 404`)
    }
  }
  expect(wrong).toEqual([])
})
