import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { closeSession } from '~/modules/auth/account.server'
import { blankSessionCookieHeader } from '~/modules/auth/lucia.server'
import { redirectWithToast } from '~/modules/http/toast.server'

export function loader() {
  return redirect('/')
}

export async function action({ context }: ActionFunctionArgs) {
  if (context.sessionId) await closeSession(context.sessionId)
  return redirectWithToast('/', { type: 'info', key: 'toast.signedOut' }, { headers: { 'Set-Cookie': blankSessionCookieHeader(context.secure) } })
}
