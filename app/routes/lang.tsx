import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLocale } from '~/i18n'
import { setLocale } from '~/modules/auth/account.server'
import { safeRedirect } from '~/modules/http/guards.server'
import { localeCookie } from '~/modules/http/locale.server'

export function loader() {
  return redirect('/')
}

/** Switches the interface language; the choice sticks to the account, or to the browser before sign-in. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const locale = form.get('locale')
  const back = safeRedirect(form.get('redirectTo'), '/')
  if (!isLocale(locale)) return redirect(back)
  if (context.actor) setLocale(context.actor, locale)
  return redirect(back, { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } })
}
