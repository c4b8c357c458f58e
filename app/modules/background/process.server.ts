import { fork, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { logger } from '../logger.server'
import { backgroundStatus, setBackgroundWaker, updateBackgroundStatus, type BackgroundReport } from './status.server'

// The background work (search sync, proposals, mail) runs in a child process with its own database
// connection (SQLite in WAL mode lets it write while the server reads), so that preparing the
// proposals of a large catalogue never holds up a page. The child reports over IPC; one that dies is
// started again, later each time.

const WORKER = path.resolve(process.cwd(), 'app/modules/background/worker.ts')
const MAX_RESTART_DELAY_MS = 30_000
const STOP_TIMEOUT_MS = 10_000
/** Below the server's priority: on a busy machine the pages get the CPU first, the refresh what is left. */
const BACKGROUND_NICENESS = 10

/** Commands the server sends to the child. */
export type BackgroundCommand = { type: 'wake' } | { type: 'stop' }

export function startBackgroundProcess(): { stop(): Promise<void> } {
  let child: ChildProcess | null = null
  let stopping = false
  let restarts = 0
  let restartTimer: NodeJS.Timeout | undefined

  const command = (message: BackgroundCommand) => {
    if (child?.connected) child.send(message)
  }

  const start = () => {
    // The child runs the TypeScript sources as the server does, through tsx.
    const started = fork(WORKER, [], { execArgv: ['--import', 'tsx'] })
    child = started
    try {
      if (started.pid) os.setPriority(started.pid, BACKGROUND_NICENESS)
    } catch (error) {
      logger.warn({ event: 'background.priority', error: String(error) })
    }
    updateBackgroundStatus({ state: 'starting', pid: started.pid ?? null, startedAt: new Date().toISOString(), refreshed: 0, profiles: null })
    started.on('message', (message: BackgroundReport) => {
      if (message.type === 'state') updateBackgroundStatus({ state: message.state, ...(message.state === 'running' ? { profiles: null } : {}) })
      else if (message.type === 'refreshed') updateBackgroundStatus({ refreshed: backgroundStatus().refreshed + message.count })
      else if (message.type === 'profiles') updateBackgroundStatus({ profiles: { built: message.built, total: message.total } })
      else updateBackgroundStatus({ lastError: message.error })
    })
    started.on('exit', (code, signal) => {
      child = null
      if (stopping) {
        updateBackgroundStatus({ state: 'stopped', pid: null })
        return
      }
      restarts++
      const delay = Math.min(1000 * 2 ** Math.min(restarts - 1, 5), MAX_RESTART_DELAY_MS)
      const reason = `exited with ${signal ?? code}`
      logger.error({ event: 'background.exited', reason, restartInMs: delay })
      updateBackgroundStatus({ state: 'restarting', pid: null, restarts, lastError: reason })
      restartTimer = setTimeout(start, delay)
      restartTimer.unref()
    })
  }

  setBackgroundWaker(() => command({ type: 'wake' }))
  start()
  return {
    async stop() {
      stopping = true
      clearTimeout(restartTimer)
      const running = child
      if (!running) return
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve())
        command({ type: 'stop' })
        setTimeout(() => running.kill('SIGKILL'), STOP_TIMEOUT_MS).unref()
      })
    },
  }
}
