import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { verifyRequestOrigin } from 'lucia'
import { database } from './app/db.server'
import { env } from './app/env.server'
import { resolveRequestSession } from './app/modules/auth/request-session.server'
import type { Actor } from './app/modules/permissions/actor'
import { dataVersion } from './db/data-version'
import { backgroundStatusVersion } from './app/modules/background/status.server'
import { bodyRefusal, MAX_DRAINED_REFUSED_BYTES } from './app/modules/http/body-guard'
import { pageCache } from './app/modules/http/page-cache.server'
import { warmSearchIndexes } from './app/modules/search/engine.server'
import { seedDemoIfEmpty } from './app/modules/background.server'
import { startBackgroundProcess } from './app/modules/background/process.server'
import { logger } from './app/modules/logger.server'

// Opening the database (above) applied the migrations. A fresh database gets the small demo cluster
// before the server listens; everything heavier (search index, proposals) is the background
// process's, which starts alongside and never holds the server up.
await seedDemoIfEmpty()
const background = startBackgroundProcess()

const build = (await import(path.resolve('build/index.js'))) as ServerBuild

const app = express()
app.disable('x-powered-by')
if (env.TRUST_PROXY) app.set('trust proxy', 1)
app.use(compression())

app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
})
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        // Upgrading would break a plain-HTTP local run; behind HTTPS the proxy redirects.
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
  }),
)

app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
app.use(express.static('public', { maxAge: '1h' }))

// One JSON line per request: no query string (it may carry tokens), no cookies, no bodies.
app.use((req, res, next) => {
  const started = process.hrtime.bigint()
  res.on('finish', () => {
    logger.info({
      event: 'request',
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      user: res.locals.userId ?? null,
    })
  })
  next()
})

// A state-changing request from another site's page is refused before it reaches any action.
app.use((req, res, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next()
  const host = req.get('host') ?? ''
  const origin = req.get('origin') ?? req.get('referer')
  if (origin !== undefined && !verifyRequestOrigin(origin, [host])) {
    res.status(403).type('text/plain; charset=utf-8').send('403 — запрос с другого сайта отклонён / cross-origin request refused')
    return
  }
  next()
})

// A body that is no form, or a form without files past its size, is refused before any action reads it.
app.use((req, res, next) => {
  const refusal = bodyRefusal({
    method: req.method,
    path: req.path,
    contentType: req.get('content-type'),
    contentLength: req.get('content-length'),
    transferEncoding: req.get('transfer-encoding'),
  })
  if (!refusal) return next()
  const answer = () => res.status(refusal.status).type('text/plain; charset=utf-8').send(refusal.message)
  const declared = Number(req.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared <= MAX_DRAINED_REFUSED_BYTES) {
    // Read and thrown away, never parsed: the sender, still writing, then gets the answer.
    req.on('error', () => res.destroy()).once('end', answer).resume()
    return
  }
  res.set('Connection', 'close')
  answer()
})

// The session is resolved once, before the page cache (whose key names the person) and any loader.
app.use(async (req, res, next) => {
  try {
    const session = await resolveRequestSession(req.get('cookie'), req.protocol === 'https')
    for (const cookie of session.setCookies) res.append('Set-Cookie', cookie)
    res.locals.actor = session.actor
    res.locals.sessionId = session.sessionId
    res.locals.userId = session.actor?.userId
    next()
  } catch (error) {
    next(error)
  }
})

app.use(pageCache({ version: () => `${dataVersion(database.sqlite)}:${backgroundStatusVersion()}`, maxBytes: env.PAGE_CACHE_MB * 1024 * 1024 }))

app.all(
  '*',
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext(req, res) {
      return {
        actor: res.locals.actor as Actor | null,
        sessionId: res.locals.sessionId as string | null,
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        cspNonce: res.locals.cspNonce as string,
        secure: req.protocol === 'https',
      }
    },
  }),
)

const server = app.listen(env.PORT, env.HOST, () => {
  logger.info({ event: 'server.started', url: `http://localhost:${env.PORT}`, database: database.file })
  void warmSearchIndexes()
})
// An address or headers past Node's limit (a link carrying a pasted page, 10k Cyrillic letters
// percent-encoded are 60 KB) never reaches Express: Node would close with a bare 431. Say why instead.
server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
  if (error.code !== 'HPE_HEADER_OVERFLOW' || !socket.writable) return socket.destroy()
  const body = '431 — адрес запроса слишком длинный: сократите поисковый запрос / the address is too long: shorten the search query\n'
  socket.end(`HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
})

let stopping = false
function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ event: 'server.stopping', signal })
  // Finish the requests in flight, stop taking new ones, then close the database cleanly.
  server.close(async () => {
    await background.stop()
    database.close()
    logger.info({ event: 'server.stopped' })
    process.exit(0)
  })
  server.closeIdleConnections()
  setTimeout(() => process.exit(1), 10_000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
