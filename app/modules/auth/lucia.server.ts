import { DrizzleSQLiteAdapter } from '@lucia-auth/adapter-drizzle'
import { Cookie, Lucia, TimeSpan } from 'lucia'
import { sessions, users } from '#db/schema'
import { db } from '~/db.server'
import { env } from '~/env.server'
import { singleton } from '../singleton.server'

export const lucia = singleton(
  'lucia',
  () =>
    new Lucia(new DrizzleSQLiteAdapter(db, sessions, users), {
      // Lucia renews a session that is past half of this span on its next use.
      sessionExpiresIn: new TimeSpan(env.SESSION_DAYS, 'd'),
      sessionCookie: { name: 'rd_session', attributes: { sameSite: 'lax', secure: false } },
    }),
)

// The Secure flag follows the request: on behind HTTPS, off on a plain-HTTP local run.
function withSecure(cookie: Cookie, secure: boolean): string {
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, secure }).serialize()
}

export function sessionCookieHeader(sessionId: string, secure: boolean): string {
  return withSecure(lucia.createSessionCookie(sessionId), secure)
}

export function blankSessionCookieHeader(secure: boolean): string {
  return withSecure(lucia.createBlankSessionCookie(), secure)
}
