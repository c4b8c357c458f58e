import { z } from 'zod'
import { alliances } from '#db/schema/values'
import { regionCodes } from '../organisations/regions'
import { regionToday } from '../calendar/calendar'
import { grntiCode, keywordList, oecdCode, roublesField, trlField } from '../forms/catalogue-fields'
import { choice, dateField, optionalText, requiredText } from '../forms/fields'
import { withCrossFieldRules } from '../forms/cross-field'

// Budgets above 10 billion roubles are typing mistakes, not R&D requests.
const MAX_BUDGET_KOPECKS = 10_000_000_000 * 100

export const RequestFormSchema = withCrossFieldRules(
  z.object({
    title: requiredText(200, 5),
    summary: requiredText(600, 10),
    titleEn: optionalText(200),
    summaryEn: optionalText(600),
    problem: requiredText(5000, 20),
    expectedResult: requiredText(3000, 10),
    confidentialDetails: optionalText(5000),
    oecdField: oecdCode,
    grnti: grntiCode.optional(),
    alliance: choice(alliances).optional(),
    keywords: keywordList,
    trlNow: trlField,
    trlWanted: trlField,
    budgetMin: roublesField,
    budgetMax: roublesField,
    deadline: dateField,
    region: choice(regionCodes),
  }),
  ['trlNow', 'trlWanted', 'budgetMin', 'budgetMax', 'deadline'],
  (v, ctx) => {
    if (v.trlNow !== undefined && v.trlWanted !== undefined && v.trlWanted <= v.trlNow) ctx.addIssue({ code: 'custom', path: ['trlWanted'], message: 'errors.trl_order' })
    if (v.budgetMin !== undefined && v.budgetMax !== undefined && v.budgetMax < v.budgetMin) ctx.addIssue({ code: 'custom', path: ['budgetMax'], message: 'errors.budget_order' })
    if (v.budgetMax !== undefined && v.budgetMax > MAX_BUDGET_KOPECKS) ctx.addIssue({ code: 'custom', path: ['budgetMax'], message: 'errors.amount_too_large' })
    if (v.deadline !== undefined && v.deadline <= regionToday()) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'errors.deadline_past' })
  }
)

export type RequestInput = z.infer<typeof RequestFormSchema>

export const requestTransitions = ['publish', 'pause', 'resume', 'close', 'archive'] as const
export type RequestTransition = (typeof requestTransitions)[number]
export const RequestTransitionSchema = z.object({ transition: choice(requestTransitions) })
