import { z } from 'zod'

// The one place that reads process.env. Defaults serve the embedded set-up: a SQLite file under
// data/, the SQLite FTS5 search engine, e-mail written to a folder.
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('data/app.db'),
  UPLOADS_DIR: z.string().min(1).default('data/uploads'),
  MAIL_DIR: z.string().min(1).default('data/mail'),
  MAIL_FROM: z.string().default('R&D Marketplace <noreply@rd-marketplace.local>'),
  SMTP_URL: z.string().url().optional(),
  MEILI_HOST: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  SEED_DEMO: booleanFlag.default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Behind a TLS-terminating proxy: trust X-Forwarded-Proto so cookies get the Secure flag.
  TRUST_PROXY: booleanFlag.default('false'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // Memory for rendered pages replayed until the data changes (app/modules/http/page-cache.server.ts); 0 renders every time.
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  // Signs the flash-message cookie. Required in production, where several processes and restarts
  // must agree on it; elsewhere a random one per start will do.
  SESSION_SECRET: z.string().min(16).optional(),
  // The address people reach the site at, e.g. https://rd.tomsk.ru: every link in an e-mail is built
  // from it, never from a request's Host header (which anyone can forge). Required in production.
  PUBLIC_ORIGIN: z
    .string()
    .url()
    .refine((v) => ['http:', 'https:'].includes(new URL(v).protocol), 'must be an http(s) address')
    .transform((v) => new URL(v).origin)
    .optional(),
})

type ParsedEnv = z.infer<typeof EnvSchema>
export type Env = ParsedEnv & { PUBLIC_ORIGIN: string }

/** Settings that depend on others: production needs its public origin and session secret spelled out. */
function complete(parsed: ParsedEnv): { env: Env } | { problems: string[] } {
  const problems: string[] = []
  if (parsed.NODE_ENV === 'production' && !parsed.PUBLIC_ORIGIN) problems.push('  PUBLIC_ORIGIN: required in production (the address e-mail links point to)')
  if (parsed.NODE_ENV === 'production' && !parsed.SESSION_SECRET) problems.push('  SESSION_SECRET: required in production (at least 16 characters)')
  if (problems.length) return { problems }
  return { env: { ...parsed, PUBLIC_ORIGIN: parsed.PUBLIC_ORIGIN ?? `http://localhost:${parsed.PORT}` } }
}

/** Parses a set of environment variables; `parseEnv` below applies it to the process's own. */
export function readEnv(source: Record<string, string | undefined>): { env: Env } | { problems: string[] } {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`) }
  return complete(parsed.data)
}

function parseEnv(): Env {
  const read = readEnv(process.env)
  if ('problems' in read) {
    console.error(`Invalid environment configuration:\n${read.problems.join('\n')}`)
    process.exit(1)
  }
  return read.env
}

export const env = parseEnv()
