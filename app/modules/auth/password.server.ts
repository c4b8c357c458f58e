import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// scrypt with the OWASP parameters (N = 2^17, r = 8, p = 1). The parameters travel inside the hash,
// so they can be raised later without breaking existing passwords.
const COST = 2 ** 17
const BLOCK_SIZE = 8
const PARALLELISM = 1
const KEY_LENGTH = 64

// Each derivation takes 128 MB and a libuv worker for a while. Unbounded, a burst of sign-ups held
// every worker (file and DNS work queue behind them) and the whole server stalled; bounded, the
// burst waits its turn and every other request goes on.
export const MAX_CONCURRENT_HASHES = 2

/** How many derivations run and wait now, and the most that ever ran at once (for tests and /healthz). */
export const passwordHashing = { running: 0, waiting: 0, peak: 0, started: 0 }
const queue: (() => void)[] = []

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (passwordHashing.running >= MAX_CONCURRENT_HASHES) {
    passwordHashing.waiting++
    // The slot is handed over by the one that finishes: `running` already counts this one.
    await new Promise<void>((resolve) => queue.push(resolve))
    passwordHashing.waiting--
  } else {
    passwordHashing.running++
  }
  passwordHashing.started++
  passwordHashing.peak = Math.max(passwordHashing.peak, passwordHashing.running)
  try {
    return await work()
  } finally {
    const next = queue.shift()
    if (next) next()
    else passwordHashing.running--
  }
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const maxmem = 256 * (options.N ?? COST) * (options.r ?? BLOCK_SIZE) + 1024 * 1024
  return inTurn(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
      ),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, { N: COST, r: BLOCK_SIZE, p: PARALLELISM })
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = hash.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

// Verified against when the e-mail is unknown, so that the answer takes as long as for a real account.
let decoyHash: Promise<string> | null = null
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(12).toString('hex'))
  return decoyHash
}
