import { DEMO_PASSWORD, demoSignIns } from '#db/seed/demo-cluster'
import { db } from '~/db.server'
import { env } from '~/env.server'
import { isDatabaseEmpty, seedDemoData } from './demo/seed.server'
import { logger } from './logger.server'
import { startMailWorker } from './mail/mail.server'

/** What the server does besides answering requests: seed a fresh database, send mail. */
export async function startBackgroundWork(): Promise<{ stop(): void }> {
  if (env.SEED_DEMO && isDatabaseEmpty(db)) {
    const summary = await seedDemoData(db)
    logger.info({ event: 'demo.seeded', ...summary })
    printDemoSignIns()
  }
  const mail = startMailWorker()
  return { stop: () => mail.stop() }
}

export function printDemoSignIns(): void {
  const lines = demoSignIns.map((s) => `  ${s.role.padEnd(24)} ${s.email}`)
  console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n`)
}
