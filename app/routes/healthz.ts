import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { healthReport, healthSummary } from '~/modules/health/report.server'
import { can } from '~/modules/permissions/can'

export async function loader({ context }: LoaderFunctionArgs) {
  const report = await healthReport()
  // Everyone (a load balancer, a monitor) gets the state; the outbox and mail backlog are the administration's.
  const body = can(context.actor, 'area:administration') ? report : healthSummary(report)
  return json(body, { status: report.status === 'down' ? 503 : 200, headers: { 'Cache-Control': 'no-store' } })
}
