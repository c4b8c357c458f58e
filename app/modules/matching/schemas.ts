import { z } from 'zod'
import { matchDismissReasons, matchStatuses } from '#db/schema/match-values'
import { choice, idField, optionalText } from '../forms/fields'

// The forms of a match card (open, set aside with a reason, restore) and the filters of the matches
// page. The card's forms post to the page they are on; every page hands them to one handler.

export const MatchOpenSchema = z.object({ intent: z.literal('match-open'), matchId: idField })
export const MatchDismissSchema = z.object({
  intent: z.literal('match-dismiss'),
  matchId: idField,
  reason: choice(matchDismissReasons),
  note: optionalText(500),
})
export const MatchRestoreSchema = z.object({ intent: z.literal('match-restore'), matchId: idField })
export const MatchActionSchema = z.discriminatedUnion('intent', [MatchOpenSchema, MatchDismissSchema, MatchRestoreSchema])

export function isMatchIntent(intent: FormDataEntryValue | null): boolean {
  return typeof intent === 'string' && intent.startsWith('match-')
}

const optionalId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()

export const MatchListParams = z.object({
  status: z.enum(matchStatuses).optional(),
  request: optionalId,
  lab: optionalId,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})
