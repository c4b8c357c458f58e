import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Every test file gets its own real SQLite file, set before any app module reads the environment.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-test-'))
process.env.DATABASE_PATH = path.join(dir, 'test.db')
process.env.UPLOADS_DIR = path.join(dir, 'uploads')
process.env.MAIL_DIR = path.join(dir, 'mail')
process.env.SEED_DEMO = 'false'
process.env.LOG_LEVEL = 'silent'
