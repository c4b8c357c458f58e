import { singleton } from '../singleton.server'

// The server's view of its background process (background/process.server.ts), for /healthz and the
// administration's page: what the child last reported, and a way to wake it.

export type BackgroundState = 'not_started' | 'starting' | 'preparing' | 'running' | 'restarting' | 'stopped'

export interface BackgroundStatus {
  state: BackgroundState
  pid: number | null
  startedAt: string | null
  /** Records whose proposals the current process has refreshed since it started. */
  refreshed: number
  restarts: number
  lastError: string | null
  /** While profiles are built for a catalogue (a first start, an upgrade): how many of how many records. */
  profiles: { built: number; total: number } | null
}

/** What the child process reports over IPC. */
export type BackgroundReport =
  | { type: 'state'; state: 'starting' | 'preparing' | 'running' }
  | { type: 'refreshed'; count: number }
  | { type: 'profiles'; built: number; total: number }
  | { type: 'error'; error: string }

const current = singleton('background-status', () => ({
  status: { state: 'not_started', pid: null, startedAt: null, refreshed: 0, restarts: 0, lastError: null, profiles: null } as BackgroundStatus,
  wake: (() => {}) as () => void,
  /** Counts changes of `status`: pages that show it are stale when it moves (see page-cache.server.ts). */
  changes: 0,
}))

export function backgroundStatus(): BackgroundStatus {
  return { ...current.status }
}

export function updateBackgroundStatus(change: Partial<BackgroundStatus>): void {
  Object.assign(current.status, change)
  current.changes += 1
}

/** Moves whenever the status does. */
export function backgroundStatusVersion(): number {
  return current.changes
}

export function setBackgroundWaker(wake: () => void): void {
  current.wake = wake
}

/** Someone is waiting for a change to show: the background process drains at once. */
export function wakeBackground(): void {
  current.wake()
}
