import { randomBytes } from 'node:crypto'
import { createCookieSessionStorage, redirect } from '@remix-run/node'
import { env } from '~/env.server'

export interface Toast {
  type: 'success' | 'error' | 'info'
  /** A dictionary key, translated when the page shows it, in the reader's language. */
  key: string
  params?: Record<string, string | number>
}

const storage = createCookieSessionStorage<Record<string, never>, { toast: Toast }>({
  cookie: {
    name: 'rd_toast',
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secrets: [env.SESSION_SECRET ?? randomBytes(32).toString('hex')],
  },
})

export async function readToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const session = await storage.getSession(request.headers.get('Cookie'))
  const toast = session.get('toast') ?? null
  return { toast, setCookie: toast ? await storage.commitSession(session) : null }
}

export async function toastCookie(toast: Toast): Promise<string> {
  const session = await storage.getSession()
  session.flash('toast', toast)
  return storage.commitSession(session)
}

export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await toastCookie(toast))
  return redirect(url, { ...init, headers })
}
