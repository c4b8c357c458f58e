import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { exportReport } from '~/modules/dashboard/export.server'
import { filterFromUrl } from '~/modules/dashboard/filters'
import { ReportRefinementSchema, reportKinds, type ReportKind } from '~/modules/dashboard/records.server'
import { notFound, requirePermission } from '~/modules/http/guards.server'
import { loaderValue } from '~/modules/http/respond.server'
import { resolveLocale } from '~/modules/http/locale.server'

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:administration')
  const kind = params.kind as ReportKind
  if (!reportKinds.includes(kind)) notFound()
  const url = new URL(request.url)
  const filter = filterFromUrl(url)
  const refinement = ReportRefinementSchema.safeParse(Object.fromEntries(url.searchParams))
  const format = url.searchParams.get('format')
  if (!filter.success || !refinement.success || (format !== 'csv' && format !== 'xlsx')) throw json({ error: 'invalid' }, { status: 400 })
  return loaderValue(await exportReport(actor, kind, filter.data, refinement.data, format, await resolveLocale(request, actor)))
}
