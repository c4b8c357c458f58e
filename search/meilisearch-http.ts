import http from 'node:http'
import https from 'node:https'
import { MeilisearchApiError } from 'meilisearch'

// The official client's requests, sent over node:http on kept-alive connections with plain (not
// compressed) answers. Node's fetch, the client's default, added 2–6 ms to every search at p95 on two
// cores, two to three times what the server itself took (bench:search, issue 14); node:http adds a
// fraction of a millisecond. The client wraps whatever this throws in a MeilisearchRequestError: an
// answer of 400 and above is thrown as the MeilisearchApiError it would have made itself (the adapter
// looks at the cause), and a timeout as the abort reason the client set, which it recognises.

type HttpClient = (input: RequestInfo | URL, init?: RequestInit) => Promise<unknown>

export function keepAliveHttpClient(): { httpClient: HttpClient; close(): void } {
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) }
  const httpClient: HttpClient = (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : input)
    const headers = new Headers(init.headers)
    headers.set('Accept-Encoding', 'identity')
    const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined
    if (body) headers.set('Content-Length', String(body.length))
    // A signal of its own, following the client's: the client reuses one signal while it polls a task,
    // and each request's listener on it would stay until that signal is collected.
    const signal = init.signal ? AbortSignal.any([init.signal]) : undefined
    const transport = url.protocol === 'https:' ? https : http
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const request = transport.request(
        url,
        { method: init.method ?? 'GET', agent: agents[url.protocol as keyof typeof agents], headers: Object.fromEntries(headers), signal },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('error', reject)
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            let parsed: unknown
            try {
              parsed = text === '' ? undefined : JSON.parse(text)
            } catch (error) {
              return reject(error)
            }
            const status = response.statusCode ?? 500
            if (status < 400) return resolve(parsed)
            const answer = new Response(text, { status, statusText: response.statusMessage })
            reject(new MeilisearchApiError(answer, parsed as ConstructorParameters<typeof MeilisearchApiError>[1]))
          })
        },
      )
      // Aborted (the client's timeout): its reason, which the client turns into its timeout error.
      request.on('error', (error) => reject(signal?.aborted ? signal.reason : error))
      request.end(body)
    })
  }
  return {
    httpClient,
    close() {
      for (const agent of Object.values(agents)) agent.destroy()
    },
  }
}
