import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { wakeBackground } from '~/modules/background/status.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue } from '~/modules/http/respond.server'
import { proposalsState } from '~/modules/matching/matches.server'

// Polled by the lab's page while its proposed requests are being found (app/components/pending-proposals.tsx).
export function loader({ params, context }: LoaderFunctionArgs) {
  const state = loaderValue(proposalsState(context.actor, 'lab', parseId(params.labId)))
  // Someone is waiting: the background process looks at its queue now rather than at its next turn.
  if (state.pending) wakeBackground()
  return json(state, { headers: { 'Cache-Control': 'no-store' } })
}
