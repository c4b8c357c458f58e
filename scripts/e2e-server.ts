// The server the browser tests drive: the production build on a fresh database with the demo data.
import fs from 'node:fs'
import path from 'node:path'

const dir = path.resolve('tests/.tmp/e2e')
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
process.env.DATABASE_PATH = path.join(dir, 'app.db')
process.env.UPLOADS_DIR = path.join(dir, 'uploads')
process.env.MAIL_DIR = path.join(dir, 'mail')
process.env.SEED_DEMO = 'true'
// Production mode wants the public origin and session secret spelled out: the browser tests reach the server here.
process.env.PUBLIC_ORIGIN ??= `http://localhost:${process.env.PORT ?? 3000}`
process.env.SESSION_SECRET ??= 'e2e-session-secret-not-for-production'

await import('../server')
