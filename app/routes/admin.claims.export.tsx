import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { regionToday } from '~/modules/calendar/calendar'
import { registryRows } from '~/modules/claims/queries.server'
import { readClaimQuery } from '~/modules/claims/query'
import { registryTable } from '~/modules/claims/registry.server'
import { tableFile } from '~/modules/exports/table-export.server'
import { requirePermission } from '~/modules/http/guards.server'
import { resolveLocale } from '~/modules/http/locale.server'
import { loaderValue } from '~/modules/http/respond.server'
import { translator } from '~/i18n/translator.server'

// The registry of claims with the queue's filters, as CSV or XLSX, through the one table export.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'claim:review')
  const url = new URL(request.url)
  const query = readClaimQuery(url)
  const format = url.searchParams.get('format') ?? 'csv'
  if (format !== 'csv' && format !== 'xlsx') throw json({ error: 'invalid' }, { status: 400 })
  const rows = loaderValue(registryRows(actor, { status: query.status, programmeId: query.programmeId }))
  const locale = await resolveLocale(request, actor)
  return tableFile(registryTable(rows, locale), format, `claims-registry-${regionToday()}`, translator(locale)('claims.registry.sheet'), locale)
}
