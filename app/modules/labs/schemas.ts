import { z } from 'zod'
import { regionYear } from '../calendar/calendar'
import { withCrossFieldRules } from '../forms/cross-field'
import { alliances } from '#db/schema/values'
import { grntiCode, keywordList, lineList, oecdCode, trlField } from '../forms/catalogue-fields'
import { choice, emailField, message, optionalText, requiredText } from '../forms/fields'

const webLink = z
  .string()
  .trim()
  .max(500, message.tooLong(500))
  .url('errors.url')
  .refine((v) => /^https?:\/\//i.test(v), 'errors.url')

export const LabFormSchema = withCrossFieldRules(
  z.object({
    name: requiredText(200, 3),
    description: requiredText(5000, 20),
    nameEn: optionalText(200),
    descriptionEn: optionalText(5000),
    oecdFields: z.array(oecdCode, { required_error: message.required }).min(1, message.required).max(5, 'errors.too_many_items:5'),
    grnti: z.array(grntiCode).max(5, 'errors.too_many_items:5').default([]),
    alliance: choice(alliances).optional(),
    keywords: keywordList,
    equipment: lineList(30, 200),
    services: lineList(30, 300),
    trlMin: trlField,
    trlMax: trlField,
    contactName: requiredText(120, 2),
    contactEmail: emailField,
    contactPhone: optionalText(40),
  }),
  ['trlMin', 'trlMax'],
  (v, ctx) => {
    if (v.trlMin !== undefined && v.trlMax !== undefined && v.trlMax < v.trlMin) ctx.addIssue({ code: 'custom', path: ['trlMax'], message: 'errors.trl_range' })
  }
)

export type LabInput = z.infer<typeof LabFormSchema>

// Asked at each check, not once at start-up: a server that runs over New Year accepts the new year.
const yearField = z.coerce
  .number({ invalid_type_error: 'errors.year' })
  .int('errors.year')
  .min(1900, 'errors.year')
  .refine((year) => year <= regionYear() + 1, 'errors.year')

export const PublicationFormSchema = z.object({
  title: requiredText(500, 3),
  abstract: optionalText(5000),
  year: yearField.optional(),
  link: webLink.optional(),
})

export const ProjectFormSchema = z.object({
  title: requiredText(300, 3),
  year: yearField.optional(),
  customer: optionalText(300),
  description: optionalText(3000),
})
