import http from 'node:http'

// Meilisearch as fast as a client can ask it: plain node:http, keep-alive, and an uncompressed
// answer (a compressed one waits ~40 ms more on this server). The yardstick the adapter is held to.

export class RawMeilisearch {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 })
  private readonly url: URL

  constructor(host: string, private readonly apiKey: string | undefined) {
    this.url = new URL(host)
  }

  request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path,
          method,
          agent: this.agent,
          headers: {
            'Accept-Encoding': 'identity',
            'Content-Type': 'application/json',
            ...(payload ? { 'Content-Length': payload.length } : {}),
            ...(this.apiKey ? { Authorization: `Bearer ${this.apiKey}` } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString()
            if ((response.statusCode ?? 500) >= 400) reject(new Error(`${method} ${path}: ${response.statusCode} ${text.slice(0, 300)}`))
            else resolve((text ? JSON.parse(text) : null) as T)
          })
          response.on('error', reject)
        },
      )
      request.on('error', reject)
      request.end(payload)
    })
  }

  /** Waits for a task to finish; a failed task is an error. */
  async waitTask(taskUid: number, timeoutMs = 600_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const task = await this.request<{ status: string; error?: { message: string } }>('GET', `/tasks/${taskUid}`)
      if (task.status === 'succeeded') return
      if (task.status === 'failed' || task.status === 'canceled') throw new Error(`task ${taskUid} ${task.status}: ${task.error?.message}`)
      if (Date.now() > deadline) throw new Error(`task ${taskUid} still ${task.status} after ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  close(): void {
    this.agent.destroy()
  }
}
