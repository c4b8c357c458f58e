import { json, redirect, type AppLoadContext } from '@remix-run/node'
import type { Actor } from '../permissions/actor'
import { can, type Permission, type PermissionArgs } from '../permissions/can'

/** A 403 page for the error boundary: it names no data, only that the page is not for this person. */
export function forbidden(): never {
  throw json({ error: 'forbidden' }, { status: 403 })
}

export function notFound(): never {
  throw json({ error: 'not_found' }, { status: 404 })
}

/** The signed-in person, or a redirect to sign in that comes back here afterwards. */
export function requireActor(context: AppLoadContext, request: Request): Actor {
  if (context.actor) return context.actor
  const url = new URL(request.url)
  const redirectTo = url.pathname + url.search
  throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`)
}

/** Signed in and allowed; the same `can` answers the page's buttons. */
export function requirePermission<P extends Permission>(
  context: AppLoadContext,
  request: Request,
  permission: P,
  ...resource: PermissionArgs<P>
): Actor {
  const actor = requireActor(context, request)
  if (!can(actor, permission, ...resource)) forbidden()
  return actor
}

/** A path on this site to return to after signing in; anything else goes home. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}
