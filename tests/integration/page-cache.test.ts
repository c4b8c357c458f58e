import type { AddressInfo } from 'node:net'
import compression from 'compression'
import express from 'express'
import { pageCache } from '../../app/modules/http/page-cache.server'
import { dataVersion } from '../../db/data-version'
import { twoConnections } from '../factories/connections'

// Rendered pages replayed until the data changes: against a real SQLite file written by this
// connection and by another one (the background process), behind the same compression as the server.

describe('the page cache', () => {
  const { mine, other, close } = twoConnections('page-cache-')
  mine.sqlite.exec('CREATE TABLE notes (owner TEXT, body TEXT)')
  mine.sqlite.exec("INSERT INTO notes VALUES ('ann', 'first'), ('bob', 'secret of bob')")

  let clock = 1_000_000
  let renders = 0
  let nonces = 0
  const app = express()
  app.use(compression())
  app.use((req, res, next) => {
    res.locals.cspNonce = `nonce${++nonces}nonce`
    res.locals.userId = req.get('cookie')?.match(/user=(\w+)/)?.[1]
    next()
  })
  app.use(pageCache({ version: () => dataVersion(mine.sqlite), maxBytes: 64 * 1024, now: () => clock }))
  app.get('/notes', (_req, res) => {
    renders++
    const owner = String(res.locals.userId ?? '')
    const bodies = mine.sqlite.prepare('SELECT body FROM notes WHERE owner = ?').pluck().all(owner) as string[]
    // Streamed in two pieces, as React writes a page.
    res.type('html')
    res.write(`<script nonce="${res.locals.cspNonce}">/* ${res.locals.cspNonce} */</script>`)
    // Past compression's threshold (1 KB), so that the replay is compressed afresh too.
    res.end(`<ul>${bodies.map((b) => `<li>${b}</li>`).join('')}</ul>${'<p>more of the page</p>'.repeat(60)}`)
  })
  app.get('/writes-while-rendering', (_req, res) => {
    renders++
    mine.sqlite.exec("INSERT INTO notes VALUES ('log', 'seen')")
    res.type('html').send('<p>seen</p>')
  })
  app.get('/sets-cookie', (_req, res) => {
    renders++
    res.cookie('toast', 'gone').type('html').send('<p>toast</p>')
  })
  app.get('/no-store', (_req, res) => {
    renders++
    res.set('Cache-Control', 'no-store').json({ pending: true })
  })
  app.get('/missing', (_req, res) => {
    renders++
    res.status(404).type('html').send('<p>not found</p>')
  })
  app.get('/download', (_req, res) => {
    renders++
    res.attachment('table.csv').type('text/csv').send('a,b\n')
  })
  app.get('/big/:n', (req, res) => {
    renders++
    res.type('html').send(`<p>${req.params.n}</p>${'x'.repeat(5000)}`)
  })
  app.post('/notes', (_req, res) => {
    renders++
    res.type('html').send('<p>posted</p>')
  })

  let base = ''
  const server = app.listen(0, '127.0.0.1')
  beforeAll(async () => {
    if (!server.listening) await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => {
    server.close()
    close()
  })

  const get = (pathname: string, cookie = 'user=ann') => fetch(base + pathname, { headers: { cookie, 'accept-encoding': 'gzip' } })
  const rendersOf = async (fn: () => Promise<unknown>) => {
    const before = renders
    await fn()
    return renders - before
  }

  test('a page read twice is rendered once; the replay has a nonce of its own, in every place', async () => {
    const first = await get('/notes')
    const firstBody = await first.text()
    const second = await get('/notes')
    const secondBody = await second.text()
    expect(first.headers.get('x-page-cache')).toBe('miss')
    expect(second.headers.get('x-page-cache')).toBe('hit')
    expect(second.headers.get('content-type')).toMatch(/text\/html/)
    expect(second.headers.get('content-encoding')).toBe('gzip')
    const [firstNonce] = firstBody.match(/nonce\d+nonce/)!
    const [secondNonce] = secondBody.match(/nonce\d+nonce/)!
    expect(secondNonce).not.toBe(firstNonce)
    expect(secondBody).toBe(firstBody.replaceAll(firstNonce, secondNonce))
    expect(secondBody).toContain('<li>first</li>')
  })

  test("one person's page never reaches another", async () => {
    await get('/notes', 'user=ann')
    const bob = await (await get('/notes', 'user=bob')).text()
    expect(bob).toContain('secret of bob')
    expect(bob).not.toContain('first')
    const ann = await (await get('/notes', 'user=ann')).text()
    expect(ann).not.toContain('secret of bob')
  })

  test('a write on this connection or by another process shows at once', async () => {
    await get('/notes')
    mine.sqlite.exec("INSERT INTO notes VALUES ('ann', 'second')")
    expect(await (await get('/notes')).text()).toContain('<li>second</li>')
    other.sqlite.exec("INSERT INTO notes VALUES ('ann', 'from the background')")
    expect(await (await get('/notes')).text()).toContain('<li>from the background</li>')
  })

  test('a kept page is rendered again after a minute, for the clock it shows', async () => {
    await get('/notes')
    expect(await rendersOf(() => get('/notes'))).toBe(0)
    clock += 60_000
    expect(await rendersOf(() => get('/notes'))).toBe(1)
  })

  test.each(['/writes-while-rendering', '/sets-cookie', '/no-store', '/missing', '/download'])('%s is rendered every time', async (pathname) => {
    await get(pathname)
    expect(await rendersOf(() => get(pathname))).toBe(1)
  })

  test('a form sent is never answered from the cache', async () => {
    await get('/notes')
    const posts = await rendersOf(() => fetch(`${base}/notes`, { method: 'POST', headers: { cookie: 'user=ann' } }))
    expect(posts).toBe(1)
  })

  test('memory stays within its bound: the least recently read page goes first', async () => {
    // 64 KiB hold about twelve 5 KB pages: after twenty, the first is gone and the last is kept.
    for (let n = 0; n < 20; n++) await get(`/big/${n}`)
    expect(await rendersOf(() => get('/big/19'))).toBe(0)
    expect(await rendersOf(() => get('/big/0'))).toBe(1)
  })
})
