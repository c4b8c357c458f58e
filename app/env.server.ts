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
  // Signs the flash-message cookie; without it a random one per start is fine (flashes are short-lived).
  SESSION_SECRET: z.string().min(16).optional(),
})

export type Env = z.infer<typeof EnvSchema>

function parseEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    console.error(`Invalid environment configuration:\n${problems}`)
    process.exit(1)
  }
  return parsed.data
}

export const env = parseEnv()
