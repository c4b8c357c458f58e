import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { expect, test, type APIRequestContext } from '@playwright/test'

// Every form of the main pages, found by reading the pages, is sent with generated bad values. None
// may answer 500; a refused form must leave every table as it was and say what is wrong.

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3111}`
const PAGES: Record<string, string[]> = {
  'company@demo.test': ['/requests/new', '/org', '/org/edit', '/account', '/account/password', '/contracts/new', '/claims/new', '/labs/1/invite', '/alerts'],
  'lab@demo.test': ['/labs/new', '/lab', '/alerts'],
  'admin@demo.test': ['/admin/organisations', '/admin/programmes/new', '/admin/measures/new'],
}
// Pages whose forms do things that bad values cannot: sign out, switch language.
const SKIPPED_ACTIONS = ['/logout', '/lang']

interface FoundForm {
  action: string
  multipart: boolean
  fields: { name: string; type: string; value: string }[]
}

function formsOf(html: string, page: string): FoundForm[] {
  const forms: FoundForm[] = []
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attributes = match[1]
    if (!/method="post"/i.test(attributes)) continue
    const action = /action="([^"]*)"/.exec(attributes)?.[1] ?? page
    if (SKIPPED_ACTIONS.some((skip) => action.startsWith(skip))) continue
    const fields: FoundForm['fields'] = []
    for (const input of match[2].matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
      const name = /name="([^"]+)"/.exec(input[2])?.[1]
      if (!name) continue
      const type = input[1] === 'input' ? (/type="([^"]+)"/.exec(input[2])?.[1] ?? 'text') : input[1]
      fields.push({ name, type, value: /value="([^"]*)"/.exec(input[2])?.[1] ?? '' })
    }
    for (const button of match[2].matchAll(/<button\b[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.push({ name: button[1], type: 'submit', value: button[2] })
    forms.push({ action: action.replace(/&amp;/g, '&'), multipart: /multipart\/form-data/.test(attributes), fields })
  }
  return forms
}

const huge = 'Ж'.repeat(100_000)
const generators: Record<string, (field: FoundForm['fields'][number]) => string | string[]> = {
  empty: () => '',
  huge: () => huge,
  control: () => '\u0000\u0007\u001b[31m\u0008',
  mixedScriptsAndMarkup: (f) => (f.type === 'hidden' || f.type === 'submit' ? f.value : `Тест test ١٢٣ <script>alert(1)</script>' OR 1=1; DROP TABLE users; --`),
  wrongTypes: (f) => (f.type === 'number' || f.type === 'date' || f.type === 'hidden' ? 'abc' : f.type === 'select' ? 'not-an-option' : ''),
  duplicated: (f) => [f.value || 'x', huge],
  tamperedIds: (f) => (/id$/i.test(f.name) ? '999999999' : f.type === 'hidden' || f.type === 'submit' ? f.value : ''),
}

function counts(db: Database.Database): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' AND name NOT IN ('login_attempts', 'sessions', 'outbox', 'notifications', 'engagement_reads')`).all() as { name: string }[]
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]))
}

async function signedIn(playwright: { request: { newContext(o: object): Promise<APIRequestContext> } }, email: string) {
  const context = await playwright.request.newContext({ baseURL: ORIGIN })
  const response = await context.post('/login?index', { form: { email, password: 'demo-password-2026' }, headers: { Origin: ORIGIN }, maxRedirects: 0 })
  expect(response.status()).toBe(302)
  return context
}

test('every form refuses generated bad values without a 500, without a partial record, and says why', async ({ playwright }) => {
  test.setTimeout(600_000)
  const db = new Database(path.resolve('tests/.tmp/e2e/app.db'), { readonly: true, fileMustExist: true })
  const problems: string[] = []
  let sent = 0
  for (const [email, pages] of Object.entries(PAGES)) {
    const context = await signedIn(playwright, email)
    for (const page of pages) {
      const html = await (await context.get(page)).text()
      for (const form of formsOf(html, page)) {
        for (const [kind, generate] of Object.entries(generators)) {
          const before = counts(db)
          const body = new URLSearchParams()
          for (const field of form.fields) for (const value of [generate(field)].flat()) body.append(field.name, value)
          const response = await context.post(form.action, {
            data: body.toString(),
            headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
            maxRedirects: 0,
          })
          sent++
          const status = response.status()
          if (status >= 500) {
            problems.push(`${kind} → ${form.action}: ${status}`)
            continue
          }
          if (status === 400 || status === 409 || status === 403 || status === 404 || status === 413) {
            const after = counts(db)
            const changed = Object.keys(after).filter((t) => after[t] !== before[t])
            if (changed.length) problems.push(`${kind} → ${form.action}: refused (${status}) but changed ${changed.join(', ')}`)
            const text = await response.text()
            if (status === 400 && !/field-errors|form-errors|role="alert"|"error"|"status":"error"/.test(text)) problems.push(`${kind} → ${form.action}: 400 without a message`)
            if (text.includes('<script>alert(1)</script>')) problems.push(`${kind} → ${form.action}: markup sent back unescaped`)
          }
        }
      }
    }
    await context.dispose()
  }
  // Whatever was accepted, the database holds no dangling references.
  expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
  db.close()
  expect(sent).toBeGreaterThan(50)
  expect(problems).toEqual([])
})

/** A real zip archive of about 256 KB whose one entry unpacks to 256 MiB of zeros. */
function zipOfZeros(size: number): Buffer {
  const name = Buffer.from('zeros.bin')
  const zeros = Buffer.alloc(size)
  const packed = zlib.deflateRawSync(zeros, { level: 9 })
  const crc = zlib.crc32(zeros)
  const entry = (signature: number, fixed: number) => {
    const header = Buffer.alloc(fixed)
    header.writeUInt32LE(signature, 0)
    return header
  }
  const local = entry(0x04034b50, 30)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(packed.length, 18)
  local.writeUInt32LE(size, 22)
  local.writeUInt16LE(name.length, 26)
  const central = entry(0x02014b50, 46)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(packed.length, 20)
  central.writeUInt32LE(size, 24)
  central.writeUInt16LE(name.length, 28)
  const end = entry(0x06054b50, 22)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(46 + name.length, 12)
  end.writeUInt32LE(30 + name.length + packed.length, 16)
  return Buffer.concat([local, name, packed, central, name, end])
}

test('uploads of the wrong kind are refused with a reason and store nothing', async ({ playwright }) => {
  const context = await signedIn(playwright, 'tsu@demo.test')
  const db = new Database(path.resolve('tests/.tmp/e2e/app.db'), { readonly: true, fileMustExist: true })
  // An engagement to upload into: the lab expresses interest in a published request.
  const request = db.prepare(`SELECT id FROM rd_requests WHERE status = 'published' ORDER BY id DESC LIMIT 1`).get() as { id: number }
  const lab = db.prepare(`SELECT l.id FROM labs l JOIN memberships m ON m.organisation_id = l.organisation_id JOIN users u ON u.id = m.user_id WHERE u.email = 'tsu@demo.test' LIMIT 1`).get() as { id: number }
  const interest = await context.post(`/requests/${request.id}/interest`, {
    form: { labId: String(lab.id), approach: 'Подход к задаче для проверки загрузок.', timeline: '2 месяца', priceEstimate: '100000' },
    headers: { Origin: ORIGIN },
    maxRedirects: 0,
  })
  const engagement = /\/engagements\/\d+/.exec(interest.headers()['location'] ?? '')?.[0]
  expect(engagement).toBeTruthy()

  const zipBomb = zipOfZeros(256 * 1024 * 1024)
  const files = {
    'renamed executable': { name: 'смета.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ\u0090\u0000'), Buffer.alloc(512, 1)]) },
    empty: { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
    'zip bomb': { name: 'archive.pdf', mimeType: 'application/pdf', buffer: zipBomb },
    html: { name: 'page.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') },
    oversized: { name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 32)]) },
  }
  for (const [kind, file] of Object.entries(files)) {
    const before = counts(db)
    const response = await context.post(engagement!, {
      multipart: { intent: 'message', body: `Проверка: ${kind}`, attachment: file },
      headers: { Origin: ORIGIN },
      maxRedirects: 0,
    })
    expect(response.status(), kind).toBeLessThan(500)
    expect([400, 302], kind).toContain(response.status())
    if (response.status() === 400) expect(await response.text(), kind).toMatch(/document_|errors\./)
    const after = counts(db)
    expect(Object.keys(after).filter((t) => after[t] !== before[t]), kind).toEqual([])
  }
  db.close()
  await context.dispose()
})
