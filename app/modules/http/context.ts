import type { Actor } from '../permissions/actor'

declare module '@remix-run/node' {
  interface AppLoadContext {
    actor: Actor | null
    sessionId: string | null
    clientIp: string
    cspNonce: string
    /** The request came over HTTPS (directly or through a trusted proxy): cookies get Secure. */
    secure: boolean
  }
}

export {}
