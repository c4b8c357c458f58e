import { z } from 'zod'
import { selectionCriteria } from '#db/schema/claim-values'
import { choice, dateField, idField, optionalText, requiredText, wholeNumberField } from '../forms/fields'

const perCriterion = <T extends z.ZodTypeAny>(field: T) => z.object(Object.fromEntries(selectionCriteria.map((key) => [key, field])) as Record<(typeof selectionCriteria)[number], T>)

export const OpenRoundSchema = z.object({
  deadline: dateField,
  scaleMax: wholeNumberField(1, 100),
  weights: perCriterion(wholeNumberField(0, 100)),
})

export const AddMemberSchema = z.object({ roundId: idField, userId: requiredText(100) })

export const DeclareConflictSchema = z.object({
  roundId: idField,
  claimId: idField,
  conflict: choice(['none', 'conflict'] as const),
  note: optionalText(2000),
})

// The scale is the round's (up to 100): the domain refuses a score above the round's own maximum.
export const ScoreSchema = z.object({ roundId: idField, claimId: idField, scores: perCriterion(wholeNumberField(0, 100).optional()) })

export const CloseRoundSchema = z.object({ roundId: idField })
