// The background process that background/process.server.ts starts: search sync, proposals and mail,
// off the server's request path. It answers the server's commands and stops cleanly on a signal or
// when the server goes away.
import { database } from '~/db.server'
import { startBackgroundWork } from '../background.server'
import { logger } from '../logger.server'
import type { BackgroundCommand } from './process.server'
import type { BackgroundReport } from './status.server'

let work: Awaited<ReturnType<typeof startBackgroundWork>> | null = null
let stopping = false

async function stop(reason: string): Promise<void> {
  if (stopping) return
  stopping = true
  logger.info({ event: 'background.stopping', reason })
  await work?.stop()
  database.close()
  process.exit(0)
}

process.on('message', (message: BackgroundCommand) => {
  if (message.type === 'wake') work?.wake()
  else if (message.type === 'stop') void stop('server stopping')
})
// The server is gone (crashed or killed): nobody is left to report to.
process.on('disconnect', () => void stop('server gone'))
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))

const report = (message: BackgroundReport) => {
  if (process.connected) process.send?.(message)
}

try {
  work = await startBackgroundWork({ report })
  if (stopping) await work.stop()
} catch (error) {
  logger.error({ event: 'background.failed', error: String(error) })
  process.exit(1)
}
