import path from 'node:path'
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import { DEMO_PASSWORD } from '../../db/seed/demo-cluster'

// The production server as the benchmarks run it: a child process on a free loopback port.

const stopped = new WeakSet<ChildProcess>()

/** `node --import tsx server.ts` (tsx without a wrapper process, so SIGTERM reaches the server). */
/**
 * The environment of a benchmark's production server over a scratch folder: its own database,
 * uploads and mail, no demo seed, and the origin and session secret production refuses to start
 * without (valid for this scratch database only).
 */
export function benchServerEnv(workDir: string, logLevel: string) {
  return {
    NODE_ENV: 'production' as const,
    HOST: '127.0.0.1',
    DATABASE_PATH: path.join(workDir, 'app.db'),
    UPLOADS_DIR: path.join(workDir, 'uploads'),
    MAIL_DIR: path.join(workDir, 'mail'),
    SEED_DEMO: 'false',
    PUBLIC_ORIGIN: 'http://127.0.0.1',
    SESSION_SECRET: 'bench-session-secret-not-for-production',
    LOG_LEVEL: logLevel,
  }
}

export function startServer(env: Record<string, string>, onUnexpectedExit: (reason: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)))
  child.once('exit', (code, signal) => {
    if (!stopped.has(child)) onUnexpectedExit(`${signal ?? `exit code ${code}`}: ${errors}`)
  })
  return child
}

export async function stopServer(child: ChildProcess): Promise<void> {
  stopped.add(child)
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

/** Signs in as a demo user the way the login form does, and returns the session cookie. */
export async function signIn(base: string, email: string, redirectTo: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo }),
    redirect: 'manual',
  })
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('rd_session='))
  if (response.status !== 302 || !session) throw new Error(`signing in as ${email} failed (${response.status})`)
  return session.split(';')[0]
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** The p-th percentile of values sorted ascending (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
