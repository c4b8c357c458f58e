import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, redirect } from '@remix-run/node'
import { respondToForm } from '../http/respond.server'
import type { Actor } from '../permissions/actor'
import { openMatch, setMatchStatus } from './matches.server'
import { MatchActionSchema } from './schemas'

/**
 * The one handler of a match card's forms, whichever page they are on: opening a proposal marks it
 * viewed and goes to the other party's page; setting aside and restoring come back to `back`. A
 * match id that is not the actor's is refused (403, or 404 when there is no such proposal) and
 * changes nothing.
 */
export async function respondToMatchForm(actor: Actor, formData: FormData, back: string) {
  const submission = parseSubmission(formData, MatchActionSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const value = submission.value
  if (value.intent === 'match-open') {
    const opened = openMatch(actor, value.matchId)
    if (opened.ok) return redirect(opened.value.href)
    return respondToForm(submission, opened, { redirectTo: back, toast: { type: 'info', key: 'toast.saved' } })
  }
  if (value.intent === 'match-dismiss') {
    return respondToForm(submission, setMatchStatus(actor, value.matchId, 'dismissed', value.reason, value.note), {
      redirectTo: back,
      toast: { type: 'info', key: 'toast.match.dismissed' },
    })
  }
  return respondToForm(submission, setMatchStatus(actor, value.matchId, 'viewed'), {
    redirectTo: back,
    toast: { type: 'success', key: 'toast.match.restored' },
  })
}
