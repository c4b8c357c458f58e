import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, request as httpClient, test, type APIResponse } from '@playwright/test'
import { completeInn10, completeOgrn13 } from '../../app/modules/organisations/inn-ogrn'
import { DEMO_PASSWORD } from './helpers'

// What a browser is told to enforce, and how the session cookie and sign-in hold up. The session
// ending on a password change is proven in tests/integration/accounts.test.ts.

function cspOf(response: APIResponse): Map<string, string> {
  const header = response.headers()['content-security-policy'] ?? ''
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values.join(' ')]),
  )
}

function sessionCookieOf(response: APIResponse): string {
  const cookie = response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === 'set-cookie')
    .map((header) => header.value)
    .find((value) => value.startsWith('rd_session='))
  if (!cookie) throw new Error(`no session cookie set (status ${response.status()})`)
  return cookie
}

const attributesOf = (cookie: string) => cookie.split(';').slice(1).map((attribute) => attribute.trim().toLowerCase())

test.describe('content security policy', () => {
  test('every script the server sends carries this response’s nonce, and nothing else may run inline', async ({ request }) => {
    const nonces = new Set<string>()
    for (const url of ['/', '/requests', '/login']) {
      const response = await request.get(url)
      const csp = cspOf(response)
      const scriptSrc = csp.get('script-src') ?? ''
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1]
      expect(nonce, url).toBeTruthy()
      nonces.add(nonce!)
      expect(scriptSrc, url).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
      expect(csp.get('default-src'), url).toBe("'self'")
      expect(csp.get('object-src'), url).toBe("'none'")
      expect(csp.get('base-uri'), url).toBe("'self'")
      expect(csp.get('frame-ancestors'), url).toBe("'none'")
      expect(csp.get('form-action'), url).toBe("'self'")

      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? []
      expect(scripts.length, url).toBeGreaterThan(0)
      for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`)
    }
    // A fresh nonce per response: one seen on a page is no key to the next.
    expect(nonces.size).toBe(3)
  })

  test('the pages run under the policy without a violation, and a script injected without the nonce is blocked', async ({ page }) => {
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    for (const url of ['/', '/requests', '/labs', '/login']) {
      await page.goto(url)
      await page.waitForLoadState('networkidle')
    }
    // Hydrated: the sign-in form validates in the browser, which needs the nonce-carrying scripts.
    await page.locator('main form').getByRole('button', { name: 'Войти' }).click()
    await expect(page.getByText('Заполните это поле.').first()).toBeVisible()
    expect(violations).toEqual([])

    const blocked = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string }>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve({ ran: 'injected' in window, violated: event.violatedDirective }), { once: true })
          const script = document.createElement('script')
          script.textContent = 'window.injected = true'
          document.head.appendChild(script)
        }),
    )
    expect(blocked).toEqual({ ran: false, violated: 'script-src-elem' })
  })

  test('no page may be framed, sniffed or leak its address to other sites', async ({ request }) => {
    for (const url of ['/', '/login', '/requests', '/no/such/page', '/healthz']) {
      const headers = (await request.get(url)).headers()
      expect(headers['x-frame-options'], url).toBe('DENY')
      expect(headers['x-content-type-options'], url).toBe('nosniff')
      expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin')
      expect(headers['cross-origin-opener-policy'], url).toBe('same-origin')
      expect(headers['x-powered-by'], url).toBeUndefined()
    }
  })
})

test.describe('the session cookie', () => {
  test('is HttpOnly and SameSite=Lax, and not Secure over plain HTTP', async ({ request }) => {
    const response = await request.post('/login', { form: { email: 'lab@demo.test', password: DEMO_PASSWORD }, maxRedirects: 0 })
    expect(response.status()).toBe(302)
    const attributes = attributesOf(sessionCookieOf(response))
    expect(attributes).toContain('httponly')
    expect(attributes).toContain('samesite=lax')
    expect(attributes).toContain('path=/')
    expect(attributes).not.toContain('secure')
  })

  test.describe('behind a TLS-terminating proxy (TRUST_PROXY=true)', () => {
    let server: ChildProcess
    let baseURL: string
    let dir: string

    test.beforeAll(async () => {
      test.setTimeout(120_000)
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-e2e-proxy-'))
      const port = await freePort()
      baseURL = `http://127.0.0.1:${port}`
      // node --import tsx rather than npx tsx, so that SIGTERM reaches the server itself.
      server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          PUBLIC_ORIGIN: baseURL,
          SESSION_SECRET: 'e2e-session-secret-not-for-production',
          TRUST_PROXY: 'true',
          DATABASE_PATH: path.join(dir, 'app.db'),
          UPLOADS_DIR: path.join(dir, 'uploads'),
          MAIL_DIR: path.join(dir, 'mail'),
          SEED_DEMO: 'true',
          LOG_LEVEL: 'warn',
        },
        stdio: 'ignore',
      })
      await waitForHealth(baseURL, server)
    })

    test.afterAll(async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve))
        server.kill('SIGTERM')
        await exited
      }
      fs.rmSync(dir, { recursive: true, force: true })
    })

    test('gets the Secure flag when the proxy says the request came over HTTPS, and only then', async () => {
      const client = await httpClient.newContext({ baseURL })
      const signIn = (headers: Record<string, string>) =>
        client.post('/login', { form: { email: 'company@demo.test', password: DEMO_PASSWORD }, headers, maxRedirects: 0 })

      const overHttps = await signIn({ 'X-Forwarded-Proto': 'https', Origin: baseURL.replace('http:', 'https:') })
      expect(overHttps.status()).toBe(302)
      expect(attributesOf(sessionCookieOf(overHttps))).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax']))

      const overHttp = await signIn({})
      expect(attributesOf(sessionCookieOf(overHttp))).not.toContain('secure')
      await client.dispose()
    })
  })
})

test('after five wrong passwords from one place the next attempt there must wait, even with the right password', async ({ page }) => {
  const email = `locked-${Date.now()}@test.example`
  const password = 'e2e-password-123'
  await page.goto('/signup')
  await page.getByLabel('Имя и фамилия').fill('Лев Блокируемый')
  await page.getByLabel('Электронная почта').fill(email)
  await page.getByLabel('Пароль').fill(password)
  await page.getByLabel('Тип организации').selectOption('company')
  await page.getByLabel('Полное наименование').fill('ООО «Замок и Ключ»')
  await page.getByLabel('ИНН').fill(completeInn10('701799777'))
  await page.getByLabel('ОГРН').fill(completeOgrn13('102700799777'))
  await page.getByLabel('Размер компании').selectOption('small')
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click()
  await expect(page).toHaveURL(/\/org$/)
  await page.getByRole('button', { name: 'Выйти' }).click()

  const attempt = async (withPassword: string) => {
    await page.goto('/login')
    await page.getByLabel('Электронная почта').fill(email)
    await page.getByLabel('Пароль').fill(withPassword)
    await page.locator('main form').getByRole('button', { name: 'Войти' }).click()
  }
  for (let i = 1; i <= 5; i++) {
    await attempt(`wrong-password-${i}`)
    await expect(page.getByText('Неверный адрес электронной почты или пароль.')).toBeVisible()
  }
  await attempt('wrong-password-6')
  await expect(page.getByText(/Слишком много неудачных попыток входа\. Попробуйте снова через \d+ мин\./)).toBeVisible()

  await attempt(password)
  await expect(page.getByText(/Слишком много неудачных попыток входа/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Выйти' })).toHaveCount(0)
  expect(await page.context().cookies()).not.toContainEqual(expect.objectContaining({ name: 'rd_session' }))
})

function e2eDatabase() {
  return new Database(path.resolve('tests/.tmp/e2e/app.db'), { readonly: true, fileMustExist: true })
}

test('links in e-mails point to the configured public origin, whatever Host the request claimed', async ({ request, baseURL }) => {
  await request.post('/login', { form: { email: 'lab@demo.test', password: DEMO_PASSWORD } })
  const invitee = `forged-host-${Date.now()}@test.example`
  const response = await request.post('/org', { form: { intent: 'invite', email: invitee }, headers: { host: 'evil.example' }, maxRedirects: 0 })
  expect(response.status()).toBe(302)
  const db = e2eDatabase()
  const mail = db.prepare(`SELECT payload ->> 'text' AS text FROM outbox WHERE topic = 'mail' AND payload ->> 'to' = ?`).get(invitee) as { text: string } | undefined
  db.close()
  expect(mail?.text).toContain(`${baseURL}/join/`)
  expect(mail?.text).not.toContain('evil.example')
})

test('an attachment sent to an engagement one is no party to, or to none, is refused and never stored', async ({ baseURL }) => {
  const db = e2eDatabase()
  const lab = db.prepare(`SELECT l.id FROM labs l JOIN memberships m ON m.organisation_id = l.organisation_id JOIN users u ON u.id = m.user_id WHERE u.email = 'tsu.bio@demo.test' LIMIT 1`).get() as { id: number }
  const open = db.prepare(`SELECT id FROM rd_requests WHERE status = 'published' AND id NOT IN (SELECT request_id FROM engagements WHERE lab_id = ?) ORDER BY id LIMIT 1`).get(lab.id) as { id: number }
  db.close()
  // An engagement between two others: a lab of TSU expresses interest in a published request.
  const party = await httpClient.newContext({ baseURL })
  await party.post('/login', { form: { email: 'tsu.bio@demo.test', password: DEMO_PASSWORD } })
  const interest = await party.post(`/requests/${open.id}/interest`, {
    form: { labId: String(lab.id), approach: 'Подход к задаче для проверки чужих вложений.', timeline: '2 месяца', priceEstimate: '100000' },
    maxRedirects: 0,
  })
  const engagement = /\/engagements\/\d+/.exec(interest.headers()['location'] ?? '')?.[0]
  expect(engagement).toBeTruthy()
  await party.dispose()

  const uploads = path.resolve('tests/.tmp/e2e/uploads')
  const files = () => (fs.existsSync(uploads) ? (fs.readdirSync(uploads, { recursive: true }) as string[]).sort() : [])
  const before = files()
  const stranger = await httpClient.newContext({ baseURL })
  await stranger.post('/login', { form: { email: 'vision@demo.test', password: DEMO_PASSWORD } })
  const attachment = { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024, 0x20), Buffer.from(`\n% ${Date.now()}\n%%EOF\n`)]) }
  for (const url of [engagement!, '/engagements/999999']) {
    const response = await stranger.post(url, { multipart: { intent: 'message', body: 'Чужое вложение', attachment }, maxRedirects: 0 })
    expect(response.status(), url).toBe(404)
  }
  await stranger.dispose()
  expect(files()).toEqual(before)
})

test('a body that is no form gets 415 or 400, and a form without files past 1 MB gets 413, never a 500', async ({ request }) => {
  await request.post('/login', { form: { email: 'company@demo.test', password: DEMO_PASSWORD } })
  for (const url of ['/org', '/requests/new', '/account/password', '/engagements/1', '/login', '/']) {
    const text = await request.post(url, { data: 'intent=invite', headers: { 'Content-Type': 'text/plain' }, maxRedirects: 0 })
    expect(text.status(), `${url} text/plain`).toBe(415)
    const json = await request.post(url, { data: { intent: 'invite' }, maxRedirects: 0 })
    expect(json.status(), `${url} JSON`).toBe(415)
    const noBoundary = await request.post(url, { data: 'x', headers: { 'Content-Type': 'multipart/form-data' }, maxRedirects: 0 })
    expect(noBoundary.status(), `${url} multipart without boundary`).toBe(400)
  }
  const huge = await request.post('/org', { data: `intent=invite&email=${'a'.repeat(2 * 1024 * 1024)}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 })
  expect(huge.status()).toBe(413)
})

test('/healthz tells anyone the state, and only the administration the outbox and mail backlog', async ({ request, baseURL }) => {
  const anonymous = await request.get('/healthz')
  expect(anonymous.status()).toBe(200)
  expect(Object.keys(await anonymous.json())).toEqual(['status'])
  const admin = await httpClient.newContext({ baseURL })
  await admin.post('/login', { form: { email: 'reviewer@demo.test', password: DEMO_PASSWORD } })
  const detailed = await (await admin.get('/healthz')).json()
  expect(detailed).toHaveProperty('mail.pending')
  expect(detailed).toHaveProperty('search.outbox')
  await admin.dispose()
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function waitForHealth(baseURL: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the second server exited with ${server.exitCode}`)
    const healthy = await fetch(`${baseURL}/healthz`).then((response) => response.ok, () => false)
    if (healthy) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the second server did not become healthy')
}
