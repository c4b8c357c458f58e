import { z } from 'zod'
import { declineReasons } from '#db/schema/values'
import { roublesField } from '../forms/catalogue-fields'
import { choice, idField, optionalText, requiredText } from '../forms/fields'

export const InterestSchema = z.object({
  labId: idField,
  approach: requiredText(3000, 20),
  timeline: requiredText(300, 3),
  priceEstimate: roublesField,
})

export const InviteSchema = z.object({
  requestId: idField,
  note: optionalText(1000),
})

export const DeclineSchema = z
  .object({
    reason: choice(declineReasons),
    note: optionalText(1000),
  })
  .refine((v) => v.reason !== 'other' || Boolean(v.note), { path: ['note'], message: 'errors.reason_required' })

export const MessageSchema = z.object({
  body: requiredText(5000, 1),
  // Generated for each render of the form (see newSubmissionKey); a repeat of the same key is one message.
  submissionKey: z.string({ required_error: 'errors.stale_form' }).regex(/^[A-Za-z0-9-]{16,64}$/, 'errors.stale_form'),
})

export const engagementActions = ['shortlist', 'discuss', 'offer_admission', 'accept_terms', 'agree'] as const
export type EngagementAction = (typeof engagementActions)[number]
export const EngagementActionSchema = z.object({ action: choice(engagementActions) })

export const AlertSchema = z.object({
  name: requiredText(120, 2),
  query: z.string().max(2000).default(''),
})
