import type { LoaderFunctionArgs } from '@remix-run/node'
import { registryRows } from '~/modules/claims/queries.server'
import { readClaimQuery } from '~/modules/claims/query'
import { registryCsv, registryXlsx } from '~/modules/claims/registry.server'
import { regionToday } from '~/modules/calendar/calendar'
import { forbidden, requirePermission } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'

// The registry of claims with the queue's filters, as CSV or XLSX.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'claim:review')
  const url = new URL(request.url)
  const query = readClaimQuery(url)
  const result = registryRows(actor, { status: query.status, programmeId: query.programmeId })
  if (!result.ok) forbidden()
  const locale = await resolveLocale(request, actor)
  const name = `claims-registry-${regionToday()}`
  const headers = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' }
  if (url.searchParams.get('format') === 'xlsx') {
    const body = await registryXlsx(result.value, locale)
    return new Response(new Uint8Array(body), {
      headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="${name}.xlsx"` },
    })
  }
  return new Response(registryCsv(result.value, locale), {
    headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
  })
}
