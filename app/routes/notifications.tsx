import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import { Pagination } from '~/components/layout'
import { requirePermission } from '~/modules/http/guards.server'
import { listNotifications, markRead } from '~/modules/notifications/notify.server'

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'account:manage')
  const page = Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1)
  return json({ ...listNotifications(actor.userId, page), page })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'account:manage')
  markRead(actor.userId)
  return redirect(new URL(request.url).pathname)
}

export default function Notifications() {
  const { t } = useTranslation()
  const { formatDateTime } = useFormat()
  const { rows, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-head">
        <h1>{t('notifications.title')}</h1>
        {rows.some((n) => !n.readAt) ? (
          <Form method="post">
            <button type="submit" className="button small">
              {t('notifications.markAllRead')}
            </button>
          </Form>
        ) : null}
      </div>
      {rows.length === 0 ? <p className="empty">{t('notifications.empty')}</p> : null}
      <ul className="notices">
        {rows.map((n) => (
          <li key={n.id} className={n.readAt ? 'notice-item' : 'notice-item unread'}>
            <span className="muted">{formatDateTime(n.createdAt)}</span>{' '}
            {n.link ? <Link to={n.link}>{t(`notification.${n.kind}`, n.params)}</Link> : t(`notification.${n.kind}`, n.params)}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}
