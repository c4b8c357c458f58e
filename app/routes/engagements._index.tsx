import { StatusTabs } from '~/components/status-tabs'
import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { engagementStages, type EngagementStage } from '#db/schema/values'
import { useFormat } from '~/components/format'
import { Pagination } from '~/components/layout'
import { ENGAGEMENTS_PAGE_SIZE, listEngagements } from '~/modules/engagements/engagements.server'
import { unreadCounts } from '~/modules/engagements/messages.server'
import { requireActor } from '~/modules/http/guards.server'

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request)
  const url = new URL(request.url)
  const stageParam = url.searchParams.get('stage')
  const stage = (engagementStages as readonly string[]).includes(stageParam ?? '') ? (stageParam as EngagementStage) : undefined
  const page = Math.min(500, Math.max(1, Number(url.searchParams.get('page')) || 1))
  const { rows, total } = listEngagements(actor, { stage, page })
  const unread = unreadCounts(actor, rows.map((r) => r.id))
  return json({
    stage: stage ?? null,
    page,
    pageCount: Math.max(1, Math.ceil(total / ENGAGEMENTS_PAGE_SIZE)),
    rows: rows.map((r) => ({ ...r, unread: unread.get(r.id) ?? 0, ours: r.companyOrganisationId === actor.organisationId ? 'company' : 'lab' })),
  })
}

export default function Engagements() {
  const { t } = useTranslation()
  const { formatDate } = useFormat()
  const { stage, rows, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>{t('engagement.list.title')}</h1>
      <StatusTabs label={t('engagement.list.filter')} statuses={engagementStages} current={stage} labelOf={(s) => t(`engagement.stage.${s}`)} all={{ label: t('engagement.list.all') }} param="stage" />
      {rows.length === 0 ? <p className="empty">{t('engagement.list.empty')}</p> : null}
      {rows.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('engagement.fields.request')}</th>
              <th scope="col">{t('engagement.fields.lab')}</th>
              <th scope="col">{t('engagement.fields.stage')}</th>
              <th scope="col">{t('engagement.list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/engagements/${r.id}`}>{r.requestTitle}</Link>
                  {r.unread > 0 ? (
                    <span className="counter" aria-label={t('nav.unread', { count: r.unread })}>
                      {r.unread}
                    </span>
                  ) : null}
                </td>
                <td>{r.labName}</td>
                <td>
                  <span className={`status stage-${r.stage}`}>{t(`engagement.stage.${r.stage}`)}</span>
                </td>
                <td>{formatDate(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}
