// npm run seed: throws the database away and seeds the demo cluster afresh. Stop the server first.
import fs from 'node:fs'
import path from 'node:path'
import { env } from '../app/env.server'

for (const suffix of ['', '-wal', '-shm']) fs.rmSync(env.DATABASE_PATH + suffix, { force: true })
fs.rmSync(path.resolve(env.UPLOADS_DIR), { recursive: true, force: true })
console.log(`Removed ${env.DATABASE_PATH}; creating it afresh…`)

const { db, database } = await import('../app/db.server')
const { seedDemoData } = await import('../app/modules/demo/seed.server')
const { printDemoSignIns } = await import('../app/modules/background.server')
const summary = await seedDemoData(db)
printDemoSignIns()
database.close()
console.log(`Seeded ${summary.organisations} organisations and ${summary.people} people into ${env.DATABASE_PATH}.`)
