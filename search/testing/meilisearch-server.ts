import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export interface MeilisearchServer {
  host: string
  apiKey: string | undefined
  stop(): Promise<void>
}

const STARTUP_TIMEOUT_MS = 60_000

/**
 * A Meilisearch for tests and benchmarks: the one named by MEILI_HOST (with MEILI_MASTER_KEY), or a
 * throwaway server started from the MEILI_BIN executable on 127.0.0.1 with a fresh data folder, or
 * null when neither is set (callers then skip Meilisearch).
 */
export async function meilisearchForTests(env: NodeJS.ProcessEnv = process.env): Promise<MeilisearchServer | null> {
  if (env.MEILI_HOST) return { host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY, stop: async () => {} }
  if (env.MEILI_BIN) return startThrowawayServer(env.MEILI_BIN)
  return null
}

async function startThrowawayServer(bin: string): Promise<MeilisearchServer> {
  fs.accessSync(bin, fs.constants.X_OK)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meili-'))
  const port = await freePort()
  const host = `http://127.0.0.1:${port}`
  const apiKey = randomBytes(16).toString('hex')
  const child = spawn(
    bin,
    ['--db-path', path.join(dataDir, 'data.ms'), '--http-addr', `127.0.0.1:${port}`, '--master-key', apiKey,
      '--no-analytics', '--env', 'development'],
    { cwd: dataDir, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let log = ''
  child.stderr.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await Promise.race([exited, delay(5000)])
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  while (!(await isAvailable(host))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`Meilisearch at ${bin} did not start:\n${log}`)
    }
    await delay(100)
  }
  return { host, apiKey, stop }
}

async function isAvailable(host: string): Promise<boolean> {
  try {
    const response = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) })
    return response.ok && ((await response.json()) as { status?: string }).status === 'available'
  } catch {
    return false
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
