import { createCookie } from '@remix-run/node'
import { defaultLocale, isLocale, type Locale } from '~/i18n'
import type { Actor } from '../permissions/actor'

export const localeCookie = createCookie('rd_lang', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400 })

/** The person's saved choice first, then the choice made before signing in, then Russian. */
export async function resolveLocale(request: Request, actor: Actor | null): Promise<Locale> {
  if (actor?.locale) return actor.locale
  const chosen = await localeCookie.parse(request.headers.get('Cookie'))
  return isLocale(chosen) ? chosen : defaultLocale
}
