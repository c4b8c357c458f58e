import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { exportFigures } from '~/modules/dashboard/export.server'
import { filterFromUrl } from '~/modules/dashboard/filters'
import { requirePermission } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'area:administration')
  const url = new URL(request.url)
  const filter = filterFromUrl(url)
  const format = url.searchParams.get('format')
  if (!filter.success || (format !== 'csv' && format !== 'xlsx')) throw json({ error: 'invalid' }, { status: 400 })
  return exportFigures(filter.data, format, await resolveLocale(request, actor))
}
