import { json } from '@remix-run/node'
import { healthReport } from '~/modules/health/report.server'

export async function loader() {
  const report = await healthReport()
  return json(report, { status: report.status === 'down' ? 503 : 200, headers: { 'Cache-Control': 'no-store' } })
}
