import type { Actor } from '../permissions/actor'
import { loadActor } from './actor.server'
import { blankSessionCookieHeader, lucia, sessionCookieHeader } from './lucia.server'

export interface RequestSession {
  actor: Actor | null
  sessionId: string | null
  /** Cookies to send back: a renewed session, or a blank one in place of an expired or forged id. */
  setCookies: string[]
}

/** Resolves the session cookie of a request, once, before any loader or action runs. */
export async function resolveRequestSession(cookieHeader: string | undefined, secure: boolean): Promise<RequestSession> {
  const sessionId = lucia.readSessionCookie(cookieHeader ?? '')
  if (!sessionId) return { actor: null, sessionId: null, setCookies: [] }
  const { session, user } = await lucia.validateSession(sessionId)
  if (!session) return { actor: null, sessionId: null, setCookies: [blankSessionCookieHeader(secure)] }
  const setCookies = session.fresh ? [sessionCookieHeader(session.id, secure)] : []
  return { actor: loadActor(user.id), sessionId: session.id, setCookies }
}
