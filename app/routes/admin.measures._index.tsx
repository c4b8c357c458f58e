import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import { Pagination } from '~/components/layout'
import { DemoBadge } from '~/components/measures'
import { idField } from '~/modules/forms/fields'
import { requirePermission } from '~/modules/http/guards.server'
import { loaderValue, respondToForm } from '~/modules/http/respond.server'
import { changeMeasureStatus, listMeasuresForAdmin } from '~/modules/measures/measures.server'
import { MeasureTransitionSchema } from '~/modules/measures/schemas'
import styles from '~/styles/measures.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Каталог мер поддержки · Support measures catalogue' }]

const StatusChangeSchema = MeasureTransitionSchema.extend({ measureId: idField })

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'measure:manage')
  const page = Math.min(500, Math.max(1, Number(new URL(request.url).searchParams.get('page')) || 1))
  return json({ ...loaderValue(listMeasuresForAdmin(actor, page)), page })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'measure:manage')
  const submission = parseSubmission(await request.formData(), StatusChangeSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { measureId, transition } = submission.value
  return respondToForm(submission, changeMeasureStatus(actor, measureId, transition), {
    redirectTo: '/admin/measures',
    toast: { type: 'success', key: `measures.admin.toast.${transition}` },
  })
}

export default function AdminMeasures() {
  const { t } = useTranslation()
  const { formatDate } = useFormat()
  const { rows, total, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-head">
        <h1>{t('measures.admin.title')}</h1>
        <Link to="/admin/measures/new" className="button primary">
          {t('measures.admin.new')}
        </Link>
      </div>
      <p className="muted">{t('measures.admin.lead')}</p>
      {rows.length === 0 ? (
        <p className="empty">{t('measures.admin.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('measures.found', { count: total })}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('measures.fields.title')}</th>
                <th scope="col">{t('measures.fields.kind')}</th>
                <th scope="col">{t('measures.fields.level')}</th>
                <th scope="col">{t('measures.fields.deadline')}</th>
                <th scope="col">{t('measures.fields.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/measures/${m.id}`}>{m.title}</Link>
                    <div className="muted">
                      {m.provider}
                      {m.isDemo ? <DemoBadge /> : null}
                    </div>
                  </td>
                  <td>{t(`measures.kind.${m.kind}`)}</td>
                  <td>{t(`measures.level.${m.level}`)}</td>
                  <td>{m.deadline ? formatDate(`${m.deadline}T12:00:00Z`) : t('measures.noDeadline')}</td>
                  <td>
                    <span className={`badge ${m.status === 'active' ? 'success' : ''}`}>{t(`measures.status.${m.status}`)}</span>
                  </td>
                  <td>
                    <div className="measure-actions">
                      <Link to={`/admin/measures/${m.id}/edit`} className="button small">
                        {t('measures.edit')}
                      </Link>
                      <Form method="post">
                        <input type="hidden" name="measureId" value={m.id} />
                        <button type="submit" name="transition" value={m.status === 'active' ? 'archive' : 'restore'} className="button small" aria-label={`${t(m.status === 'active' ? 'measures.admin.archive' : 'measures.admin.restore')}: ${m.title}`}>
                          {t(m.status === 'active' ? 'measures.admin.archive' : 'measures.admin.restore')}
                        </button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}
