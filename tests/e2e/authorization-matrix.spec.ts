import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, test, type APIRequestContext } from '@playwright/test'

// Every route file of the app, visited as every role, against the table below. A route file that
// the table does not name fails the test, so a new page cannot escape the matrix.

const ROLES = ['anonymous', 'companyA', 'companyB', 'labOfA', 'otherLab', 'administration', 'platform'] as const
type Role = (typeof ROLES)[number]
const EMAIL: Record<Exclude<Role, 'anonymous'>, string> = {
  companyA: 'company@demo.test', // «СибФармСинтез»: owns a draft request, a contract with ТПУ and a claim
  companyB: 'vision@demo.test',
  labOfA: 'lab@demo.test', // ТПУ: the contractor of A's contract
  otherLab: 'iao@demo.test',
  administration: 'reviewer@demo.test',
  platform: 'platform@demo.test',
}

/** What a GET answers: the page, a redirect to sign in, or a refusal. */
type Outcome = 'ok' | 'login' | 'forbidden' | 'notFound' | 'redirect'
type Expectation = Outcome | Partial<Record<Role, Outcome>> & { others: Outcome }

interface Ids {
  draftRequest: number
  publishedRequest: number
  labOfA: number
  labOfOther: number
  contract: number
  claim: number
  document: number
  programme: number
  measure: number
  engagement: number
  companyA: number
}

const signedIn: Outcome = 'ok'
const everyone = 'ok' as const
const members = (outcome: Partial<Record<Role, Outcome>>): Expectation => ({ anonymous: 'login', others: 'forbidden', ...outcome })
const anyoneSignedIn: Expectation = { anonymous: 'login', others: 'ok' }

// route file → the address to visit and who gets what.
const table: Record<string, { url: (ids: Ids) => string; get: Expectation; noSecrets?: boolean }> = {
  '$.tsx': { url: () => '/no/such/page', get: 'notFound' },
  '_index.tsx': { url: () => '/', get: everyone },
  'healthz.ts': { url: () => '/healthz', get: everyone },
  'login.tsx': { url: () => '/login', get: { anonymous: 'ok', others: 'redirect' } },
  'signup.tsx': { url: () => '/signup', get: { anonymous: 'ok', others: 'redirect' } },
  'logout.tsx': { url: () => '/logout', get: 'redirect' },
  'lang.tsx': { url: () => '/lang', get: 'redirect' },
  'join.$token.tsx': { url: () => '/join/not-a-real-token', get: 'notFound' },
  'account._index.tsx': { url: () => '/account', get: anyoneSignedIn },
  'account.password.tsx': { url: () => '/account/password', get: anyoneSignedIn },
  'notifications.tsx': { url: () => '/notifications', get: anyoneSignedIn },
  'org._index.tsx': { url: () => '/org', get: { anonymous: 'login', platform: 'forbidden', others: 'ok' } },
  // Only owners edit their organisation; the reviewer is a member of the administration, not its owner.
  'org.edit.tsx': { url: () => '/org/edit', get: { anonymous: 'login', others: 'ok', administration: 'forbidden', platform: 'forbidden' } },
  'orgs._index.tsx': { url: () => '/orgs', get: everyone },
  'orgs.$orgId.tsx': { url: (ids) => `/orgs/${ids.companyA}`, get: everyone },
  'company._index.tsx': { url: () => '/company', get: members({ companyA: 'ok', companyB: 'ok' }) },
  'lab._index.tsx': { url: () => '/lab', get: members({ labOfA: 'ok', otherLab: 'ok' }) },
  'admin._index.tsx': { url: () => '/admin', get: members({ administration: 'ok', platform: 'ok' }) },
  'admin.organisations.tsx': { url: () => '/admin/organisations', get: members({ administration: 'ok', platform: 'ok' }) },
  'admin.dashboard.tsx': { url: () => '/admin/dashboard', get: members({ administration: 'ok', platform: 'ok' }) },
  'admin.dashboard.export.ts': { url: () => '/admin/dashboard/export?format=csv', get: members({ administration: 'ok', platform: 'ok' }) },
  'admin.dashboard_.print.tsx': { url: () => '/admin/dashboard/print', get: members({ administration: 'ok', platform: 'ok' }) },
  // A report lists what its pages show, to whom they show it: the platform admin sees no claims or contracts.
  'admin.reports.$kind.tsx': { url: () => '/admin/reports/claims', get: members({ administration: 'ok' }) },
  'admin.reports.$kind.export.ts': { url: () => '/admin/reports/claims/export?format=csv', get: members({ administration: 'ok' }) },
  'platform._index.tsx': { url: () => '/platform', get: members({ platform: 'ok' }) },
  'requests._index.tsx': { url: () => '/requests', get: everyone },
  'requests.new.tsx': { url: () => '/requests/new', get: members({ companyA: 'ok', companyB: 'ok' }) },
  'requests.$requestId._index.tsx': { url: (ids) => `/requests/${ids.draftRequest}`, get: { companyA: 'ok', others: 'notFound' }, noSecrets: true },
  'requests.$requestId.edit.tsx': { url: (ids) => `/requests/${ids.draftRequest}/edit`, get: { anonymous: 'login', companyA: 'ok', companyB: 'forbidden', others: 'forbidden' }, noSecrets: true },
  'requests.$requestId.interest.tsx': { url: (ids) => `/requests/${ids.publishedRequest}/interest`, get: members({ labOfA: 'ok', otherLab: 'ok' }) },
  // Whether proposals are still being computed, polled by the pages that show them: their viewers only.
  'requests.$requestId.proposals.ts': { url: (ids) => `/requests/${ids.publishedRequest}/proposals`, get: { companyA: 'ok', others: 'forbidden' } },
  'labs.$labId.proposals.ts': { url: (ids) => `/labs/${ids.labOfA}/proposals`, get: { labOfA: 'ok', others: 'forbidden' } },
  'labs._index.tsx': { url: () => '/labs', get: everyone },
  'labs.new.tsx': { url: () => '/labs/new', get: members({ labOfA: 'ok', otherLab: 'ok' }) },
  'labs.$labId._index.tsx': { url: (ids) => `/labs/${ids.labOfA}`, get: everyone },
  'labs.$labId.edit.tsx': { url: (ids) => `/labs/${ids.labOfA}/edit`, get: members({ labOfA: 'ok' }) },
  'labs.$labId.invite.tsx': { url: (ids) => `/labs/${ids.labOfOther}/invite`, get: members({ companyA: 'ok', companyB: 'ok' }) },
  'engagements._index.tsx': { url: () => '/engagements', get: anyoneSignedIn },
  'engagements.$engagementId.tsx': { url: (ids) => `/engagements/${ids.engagement}`, get: { anonymous: 'login', companyA: 'ok', labOfA: 'ok', others: 'notFound' }, noSecrets: true },
  'alerts.tsx': { url: () => '/alerts', get: members({ labOfA: 'ok', otherLab: 'ok' }) },
  // Contracts, claims and programmes are the administration's business; the platform admin runs the platform, not the budget.
  'contracts._index.tsx': { url: () => '/contracts', get: members({ companyA: 'ok', companyB: 'ok', labOfA: 'ok', otherLab: 'ok', administration: 'ok' }) },
  'contracts.new.tsx': { url: () => '/contracts/new', get: members({ companyA: 'ok', companyB: 'ok' }) },
  // A contract, claim or document one may not see does not exist for them: 404, never a 403 that confirms it.
  'contracts.$contractId.tsx': { url: (ids) => `/contracts/${ids.contract}`, get: { anonymous: 'login', companyA: 'ok', labOfA: 'ok', administration: 'ok', others: 'notFound' }, noSecrets: true },
  'contracts.$contractId.amend.tsx': { url: (ids) => `/contracts/${ids.contract}/amend`, get: { anonymous: 'login', companyA: 'ok', labOfA: 'ok', administration: 'forbidden', others: 'notFound' } },
  'documents.$documentId.tsx': { url: (ids) => `/documents/${ids.document}`, get: { anonymous: 'login', companyA: 'ok', labOfA: 'ok', administration: 'ok', others: 'notFound' }, noSecrets: true },
  'claims._index.tsx': { url: () => '/claims', get: members({ companyA: 'ok', companyB: 'ok' }) },
  'claims.new.tsx': { url: () => '/claims/new', get: members({ companyA: 'ok', companyB: 'ok' }) },
  // The administration reads a claim on its own review page.
  'claims.$claimId.tsx': { url: (ids) => `/claims/${ids.claim}`, get: { anonymous: 'login', companyA: 'ok', administration: 'redirect', others: 'notFound' }, noSecrets: true },
  'admin.claims._index.tsx': { url: () => '/admin/claims', get: members({ administration: 'ok' }) },
  'admin.claims.$claimId.tsx': { url: (ids) => `/admin/claims/${ids.claim}`, get: members({ administration: 'ok' }), noSecrets: true },
  'admin.claims.export.tsx': { url: () => '/admin/claims/export?format=csv', get: members({ administration: 'ok' }) },
  'admin.programmes._index.tsx': { url: () => '/admin/programmes', get: members({ administration: 'ok' }) },
  'admin.programmes.new.tsx': { url: () => '/admin/programmes/new', get: members({ administration: 'ok' }) },
  'admin.programmes.$programmeId._index.tsx': { url: (ids) => `/admin/programmes/${ids.programme}`, get: members({ administration: 'ok' }) },
  'admin.programmes.$programmeId.edit.tsx': { url: (ids) => `/admin/programmes/${ids.programme}/edit`, get: members({ administration: 'ok' }) },
  'admin.programmes.$programmeId.round.tsx': { url: (ids) => `/admin/programmes/${ids.programme}/round`, get: members({ administration: 'ok' }) },
  // The demo programme has no closed round, so there is no protocol to print yet.
  'admin.programmes.$programmeId.round_.protocol.tsx': { url: (ids) => `/admin/programmes/${ids.programme}/round/protocol`, get: members({ administration: 'notFound' }) },
  'programmes._index.tsx': { url: () => '/programmes', get: anyoneSignedIn },
  'programmes.$programmeId.tsx': { url: (ids) => `/programmes/${ids.programme}`, get: anyoneSignedIn },
  'measures._index.tsx': { url: () => '/measures', get: everyone },
  'measures.$measureId.tsx': { url: (ids) => `/measures/${ids.measure}`, get: everyone },
  'admin.measures._index.tsx': { url: () => '/admin/measures', get: members({ administration: 'ok', platform: 'ok' }) },
  'admin.measures.new.tsx': { url: () => '/admin/measures/new', get: members({ administration: 'ok', platform: 'ok' }) },
  'admin.measures.$measureId.edit.tsx': { url: (ids) => `/admin/measures/${ids.measure}/edit`, get: members({ administration: 'ok', platform: 'ok' }) },
  'matches.tsx': { url: () => '/matches', get: members({ companyA: 'ok', companyB: 'ok', labOfA: 'ok', otherLab: 'ok' }) },
}

function outcomeOf(status: number, location: string | null): Outcome {
  if (status >= 200 && status < 300) return 'ok'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'notFound'
  if (status >= 300 && status < 400) return location?.startsWith('/login') ? 'login' : 'redirect'
  throw new Error(`unexpected status ${status}`)
}

function expected(expectation: Expectation, role: Role): Outcome {
  if (typeof expectation === 'string') return expectation
  return expectation[role] ?? expectation.others
}

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3111}`

async function signInAs(request: APIRequestContext, email: string) {
  const response = await request.post('/login?index', { form: { email, password: 'demo-password-2026' }, headers: { Origin: ORIGIN }, maxRedirects: 0 })
  expect(response.status(), `sign-in of ${email}`).toBe(302)
}

test('every route answers every role as the authorisation table says, and refusals carry no data', async ({ playwright }) => {
  test.setTimeout(300_000)
  const routeFiles = fs.readdirSync(path.resolve('app/routes')).filter((f) => /\.(tsx?|jsx?)$/.test(f))
  expect(routeFiles.filter((f) => !(f in table)), 'route files missing from the authorisation table').toEqual([])

  const contexts = new Map<Role, APIRequestContext>()
  for (const role of ROLES) {
    const context = await playwright.request.newContext({ baseURL: ORIGIN })
    if (role !== 'anonymous') await signInAs(context, EMAIL[role])
    contexts.set(role, context)
  }

  const db = new Database(path.resolve('tests/.tmp/e2e/app.db'), { readonly: true, fileMustExist: true })
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T
  const companyA = one<{ id: number }>(`SELECT organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?`, EMAIL.companyA).id
  const tpu = one<{ id: number }>(`SELECT organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?`, EMAIL.labOfA).id
  const draft = one<{ id: number; title: string; confidential: string }>(`SELECT id, title, confidential_details AS confidential FROM rd_requests WHERE organisation_id = ? AND status = 'draft'`, companyA)
  const published = one<{ id: number; confidential: string }>(`SELECT id, confidential_details AS confidential FROM rd_requests WHERE organisation_id = ? AND status = 'published' ORDER BY id LIMIT 1`, companyA)
  const labOfA = one<{ id: number }>(`SELECT id FROM labs WHERE organisation_id = ? ORDER BY id LIMIT 1`, tpu).id
  const labOfOther = one<{ id: number }>(`SELECT id FROM labs WHERE organisation_id <> ? ORDER BY id LIMIT 1`, tpu).id
  const contract = one<{ id: number }>(`SELECT id FROM contracts WHERE company_id = ? AND contractor_id = ? ORDER BY id LIMIT 1`, companyA, tpu).id
  const document = one<{ id: number }>(`SELECT document_id AS id FROM contract_versions WHERE contract_id = ? AND document_id IS NOT NULL LIMIT 1`, contract).id
  const claim = one<{ id: number }>(`SELECT id FROM compensation_claims WHERE company_id = ? ORDER BY id LIMIT 1`, companyA).id
  const programme = one<{ id: number }>(`SELECT id FROM programmes ORDER BY id LIMIT 1`).id
  const measure = one<{ id: number }>(`SELECT id FROM support_measures ORDER BY id LIMIT 1`).id
  db.close()

  // An engagement between A and ТПУ on A's published request, made the way a lab makes one.
  const lab = contexts.get('labOfA')!
  const interest = await lab.post(`/requests/${published.id}/interest`, {
    form: { labId: String(labOfA), approach: 'Подход к решению задачи, изложенный подробно.', timeline: '4 месяца', priceEstimate: '1 000 000' },
    headers: { Origin: ORIGIN },
    maxRedirects: 0,
  })
  let engagement = Number(/\/engagements\/(\d+)/.exec(interest.headers()['location'] ?? '')?.[1])
  if (!engagement) {
    const check = new Database(path.resolve('tests/.tmp/e2e/app.db'), { readonly: true })
    engagement = (check.prepare(`SELECT id FROM engagements WHERE request_id = ? AND lab_id = ?`).get(published.id, labOfA) as { id: number }).id
    check.close()
  }
  const ids: Ids = { draftRequest: draft.id, publishedRequest: published.id, labOfA, labOfOther, contract, claim, document, programme, measure, engagement, companyA }
  const secrets = [draft.title, draft.confidential, published.confidential].filter(Boolean)

  const mismatches: string[] = []
  for (const [file, entry] of Object.entries(table)) {
    if (!routeFiles.includes(file)) continue
    const url = entry.url(ids)
    for (const role of ROLES) {
      const response = await contexts.get(role)!.get(url, { maxRedirects: 0 })
      const actual = outcomeOf(response.status(), response.headers()['location'] ?? null)
      const want = expected(entry.get, role)
      if (actual !== want) mismatches.push(`${file} ${url} as ${role}: ${actual}, expected ${want}`)
      if (actual !== 'ok' && entry.noSecrets) {
        const body = await response.text()
        for (const secret of secrets) if (body.includes(secret)) mismatches.push(`${file} ${url} as ${role} leaked "${secret.slice(0, 30)}"`)
      }
    }
  }

  // Actions: a role that may not see the page may not post to it either. An empty form is enough:
  // the refusal must come before anything is read, and nothing may answer 500.
  const publicActions = new Set(['login.tsx', 'signup.tsx', 'join.$token.tsx', 'lang.tsx', 'logout.tsx', '$.tsx'])
  for (const [file, entry] of Object.entries(table)) {
    if (!routeFiles.includes(file) || publicActions.has(file)) continue
    const source = fs.readFileSync(path.resolve('app/routes', file), 'utf8')
    if (!/export (async )?function action/.test(source)) continue
    const url = entry.url(ids)
    for (const role of ROLES) {
      if (expected(entry.get, role) === 'ok' || expected(entry.get, role) === 'redirect') continue
      const response = await contexts.get(role)!.post(url, { form: { intent: 'x' }, headers: { Origin: ORIGIN }, maxRedirects: 0 })
      const status = response.status()
      const location = response.headers()['location'] ?? ''
      const refused = status === 403 || status === 404 || status === 400 || status === 405 || (status === 302 && location.startsWith('/login'))
      if (!refused) mismatches.push(`POST ${file} ${url} as ${role}: ${status} ${location}`)
    }
  }
  expect(mismatches).toEqual([])
  for (const context of contexts.values()) await context.dispose()
})
