import type { NextFunction, Request, RequestHandler, Response } from 'express'

// A page is read far more often than anything on it changes. A rendered page (or a loader's JSON) is
// kept for the one person and address it was rendered for, and replayed while the database stays as it
// was (`version`) and for at most a minute (pages read the clock too: days under review, deadlines).
// Any write, by this process or the background one, makes every kept page stale at once. The key is the
// whole request as a page may read it (address, host, cookies, language) as well as the resolved person,
// so one person's page never reaches another. Pages read no other header (the user agent only chooses
// when streaming starts, not what the page holds).
// Nothing is kept that sets a cookie, says `no-store`, is a download, or saw the data change while it
// rendered. Each replay carries a fresh CSP nonce in place of the one it was rendered with.

const MAX_AGE_MS = 60_000
/** One page may take at most this share of the cache: a huge page is rendered each time instead. */
const LARGEST_SHARE = 8
/** Headers of the first answer that a replay does not copy: they belong to each answer on its own. */
const NOT_REPLAYED = new Set(['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding', 'vary', 'connection', 'date', 'etag', 'x-page-cache'])
const KEPT_TYPES = ['text/html', 'application/json']

export interface PageCacheOptions {
  /** Changes whenever anything a page shows may have changed. */
  version: () => string
  /** What all kept pages may take together; 0 keeps none. */
  maxBytes: number
  now?: () => number
}

interface KeptPage {
  version: string
  storedAt: number
  headers: Array<[string, string | number | string[]]>
  body: string
  nonce: string
  bytes: number
}

/** Express middleware; runs after the session is resolved into `res.locals` and the nonce is drawn. */
export function pageCache({ version, maxBytes, now = Date.now }: PageCacheOptions): RequestHandler {
  const kept = new Map<string, KeptPage>()
  let keptBytes = 0

  const forget = (key: string) => {
    const page = kept.get(key)
    if (!page) return
    keptBytes -= page.bytes
    kept.delete(key)
  }
  const keep = (key: string, page: KeptPage) => {
    forget(key)
    // A Map iterates in insertion order: the first key is the least recently used.
    for (const oldest of kept.keys()) {
      if (keptBytes + page.bytes <= maxBytes) break
      forget(oldest)
    }
    kept.set(key, page)
    keptBytes += page.bytes
  }

  return (req: Request, res: Response, next: NextFunction) => {
    if (maxBytes <= 0 || req.method !== 'GET' || res.hasHeader('set-cookie')) return next()
    const key = [req.protocol, req.get('host') ?? '', req.originalUrl, req.get('cookie') ?? '', req.get('accept-language') ?? '', res.locals.userId ?? '', res.locals.sessionId ?? ''].join('\n')
    const nonce = String(res.locals.cspNonce ?? '')
    const versionAtStart = version()
    const page = kept.get(key)
    if (page && page.version === versionAtStart && now() - page.storedAt < MAX_AGE_MS) {
      kept.delete(key)
      kept.set(key, page)
      for (const [name, value] of page.headers) if (!res.hasHeader(name)) res.setHeader(name, value)
      res.setHeader('X-Page-Cache', 'hit')
      res.status(200).send(page.nonce ? page.body.split(page.nonce).join(nonce) : page.body)
      return
    }
    forget(key)
    res.setHeader('X-Page-Cache', 'miss')

    const chunks: Buffer[] = []
    let size = 0
    const largest = maxBytes / LARGEST_SHARE
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (size > largest || chunk === undefined || chunk === null || typeof chunk === 'function') return
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array)
      size += buffer.length
      chunks.push(buffer)
    }
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      return write(chunk, ...rest)
    }) as Response['write']
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      if (size <= largest && keepable(res) && version() === versionAtStart) {
        const body = Buffer.concat(chunks).toString('utf8')
        const headers = Object.entries(res.getHeaders()).filter(([name]) => !NOT_REPLAYED.has(name)) as KeptPage['headers']
        keep(key, { version: versionAtStart, storedAt: now(), headers, body, nonce, bytes: size + key.length })
      }
      return end(chunk, ...rest)
    }) as Response['end']
    next()
  }
}

function keepable(res: Response): boolean {
  const type = String(res.getHeader('content-type') ?? '')
  return (
    res.statusCode === 200 &&
    !res.hasHeader('set-cookie') &&
    !res.hasHeader('content-disposition') &&
    !/no-store/i.test(String(res.getHeader('cache-control') ?? '')) &&
    KEPT_TYPES.some((kept) => type.startsWith(kept))
  )
}
