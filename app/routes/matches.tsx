import { StatusTabs } from '~/components/status-tabs'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { matchStatuses } from '#db/schema/match-values'
import { Pagination } from '~/components/layout'
import { MatchList } from '~/components/match-card'
import { requirePermission } from '~/modules/http/guards.server'
import { loaderValue } from '~/modules/http/respond.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { respondToMatchForm } from '~/modules/matching/form-action.server'
import { listMatches } from '~/modules/matching/matches.server'
import { MatchListParams } from '~/modules/matching/schemas'

export const meta: MetaFunction = () => [{ title: 'Подбор · Matches' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'match:list')
  const url = new URL(request.url)
  const parsed = MatchListParams.safeParse(Object.fromEntries([...url.searchParams].filter(([, value]) => value !== '')))
  if (!parsed.success) throw json({ error: 'invalid' }, { status: 400 })
  const { status, request: requestId, lab: labId, page } = parsed.data
  const listed = loaderValue(listMatches(actor, { status, requestId, labId, page }, await resolveLocale(request, actor)))
  return json({ ...listed, status: status ?? null, subject: requestId ?? labId ?? null })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'match:list')
  const url = new URL(request.url)
  return respondToMatchForm(actor, await request.formData(), url.pathname + url.search)
}

export default function Matches() {
  const { t } = useTranslation()
  const { side, rows, counts, total, page, pageCount, subjects, status, subject } = useLoaderData<typeof loader>()
  const subjectParam = side === 'company' ? 'request' : 'lab'
  const all = Object.values(counts).reduce((a, b) => a + b, 0)
  return (
    <section>
      <div className="page-head">
        <h1>{t('match.title')}</h1>
      </div>
      <p className="muted">{t(`match.lead.${side}`)}</p>
      <StatusTabs label={t('match.statusFilter')} statuses={matchStatuses} current={status} labelOf={(s) => t(`match.status.${s}`)} counts={counts} all={{ label: t('match.allStatuses'), count: all }} />
      {subjects.length > 1 || subject ? (
        <Form method="get" className="filters">
          {status ? <input type="hidden" name="status" value={status} /> : null}
          <div className="field">
            <label htmlFor="match-subject">{side === 'company' ? t('match.filterRequest') : t('match.filterLab')}</label>
            <select id="match-subject" name={subjectParam} defaultValue={subject ?? ''}>
              <option value="">{side === 'company' ? t('match.anyRequest') : t('match.anyLab')}</option>
              {subjects.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('match.show')}
          </button>
        </Form>
      ) : null}
      {rows.length ? <MatchList matches={rows} showSubject /> : <p className="empty">{total === 0 && status === null && !subject ? t('match.empty') : t('match.emptyFiltered')}</p>}
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}
