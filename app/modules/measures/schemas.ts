import { z } from 'zod'
import { applicantTypes, coFinancingBases, measureKinds, measureLevels, measureStages, oecdAreas, stackingRules } from '#db/schema/measure-values'
import { alliances, companySizes } from '#db/schema/values'
import { dateField, percentField, wholeNumberField } from '../forms/fields'
import { lineList, roublesField, trlField } from '../forms/catalogue-fields'
import { checkbox, choice, message, requiredText } from '../forms/fields'
import { regionToday } from '../calendar/calendar'
import { regionCodes } from '../organisations/regions'

/** Sectors a measure may name: first-level OECD areas and the cluster's project alliances. */
export const measureSectors = [...oecdAreas, ...alliances] as const

// A measure's page sends people to the operator's site: only an encrypted link is acceptable.
export const httpsLink = z
  .string({ required_error: message.required })
  .trim()
  .max(500, message.tooLong(500))
  .url('errors.url')
  .refine((v) => /^https:\/\/[^\s/]+\.[^\s/]+/i.test(v), 'measures.errors.https')

/** The administration's form for a support measure; an empty list means "anyone". */
export const MeasureFormSchema = z
  .object({
    title: requiredText(300, 5),
    provider: requiredText(200, 2),
    level: choice(measureLevels),
    kind: choice(measureKinds),
    description: requiredText(5000, 20),
    organisationTypes: z.array(choice(applicantTypes)).default([]),
    companySizes: z.array(choice(companySizes)).default([]),
    regions: z.array(choice(regionCodes)).max(90, 'errors.too_many_items:90').default([]),
    sectors: z.array(choice(measureSectors)).default([]),
    stages: z.array(choice(measureStages)).default([]),
    trlMin: trlField.optional(),
    trlMax: trlField.optional(),
    amountMin: roublesField.optional(),
    amountMax: roublesField.optional(),
    coFinancing: percentField.optional(),
    coFinancingBase: choice(coFinancingBases).default('project'),
    maxYears: wholeNumberField(1, 10).optional(),
    contractorTypes: z.array(choice(applicantTypes)).default([]),
    stacking: choice(stackingRules).optional(),
    deadline: dateField.optional(),
    requiredDocuments: lineList(30, 300),
    link: httpsLink,
    // Where the terms come from and when someone last checked them: a measure without them cannot be trusted.
    sourceUrl: httpsLink,
    sourceTitle: requiredText(300, 3),
    sourceCheckedOn: dateField,
    isDemo: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.trlMin !== undefined && v.trlMax !== undefined && v.trlMax < v.trlMin) ctx.addIssue({ code: 'custom', path: ['trlMax'], message: 'errors.trl_range' })
    if (v.amountMin !== undefined && v.amountMax !== undefined && v.amountMax < v.amountMin) {
      ctx.addIssue({ code: 'custom', path: ['amountMax'], message: 'measures.errors.amount_order' })
    }
    if (v.sourceCheckedOn > regionToday()) ctx.addIssue({ code: 'custom', path: ['sourceCheckedOn'], message: 'errors.date_in_future' })
  })

export type MeasureInput = z.infer<typeof MeasureFormSchema>

export const measureTransitions = ['archive', 'restore'] as const
export type MeasureTransition = (typeof measureTransitions)[number]
export const MeasureTransitionSchema = z.object({ transition: choice(measureTransitions) })
