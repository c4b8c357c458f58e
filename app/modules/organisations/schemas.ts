import { z } from 'zod'
import { alliances, companySizes } from '#db/schema/values'
import { personFields } from '../auth/schemas'
import { checkbox, choice, emailField, message, optionalText, requiredText } from '../forms/fields'
import { isValidInn, isValidOgrn } from './inn-ogrn'
import { regionCodes } from './regions'

const scienceOrganisationTypes = ['university', 'institute', 'research_org'] as const

// Organisations that sign themselves up; the regional administration is created by the platform.
export const selfServiceOrganisationTypes = ['company', 'university', 'institute', 'research_org'] as const

const innField = z
  .string({ required_error: message.required })
  .trim()
  .refine((v) => /^\d{10}$|^\d{12}$/.test(v), 'errors.inn_format')
  .refine(isValidInn, 'errors.inn_checksum')

const ogrnField = z
  .string({ required_error: message.required })
  .trim()
  .refine((v) => /^\d{13}$|^\d{15}$/.test(v), 'errors.ogrn_format')
  .refine(isValidOgrn, 'errors.ogrn_checksum')

export const organisationFields = {
  organisationType: choice(selfServiceOrganisationTypes),
  organisationName: requiredText(300, 3),
  shortName: optionalText(100),
  inn: innField,
  ogrn: ogrnField,
  region: choice(regionCodes),
  city: optionalText(100),
  alliance: choice(alliances).optional(),
  size: choice(companySizes).optional(),
  isState: checkbox,
  // Only web addresses: a javascript: or data: link must never reach a page as a link.
  website: z
    .string()
    .trim()
    .max(300, message.tooLong(300))
    .url('errors.url')
    .refine((v) => /^https?:\/\//i.test(v), 'errors.url')
    .optional(),
}

export const SignUpSchema = z
  .object({ ...personFields, ...organisationFields })
  .refine((v) => v.organisationType !== 'company' || v.size !== undefined, {
    path: ['size'],
    message: message.required,
  })

export type SignUpInput = z.infer<typeof SignUpSchema>

export const JoinSchema = z.object({
  name: personFields.name,
  password: personFields.password,
})

export const InviteSchema = z.object({ email: emailField })

export const OrganisationProfileSchema = z.object({
  organisationName: organisationFields.organisationName,
  shortName: organisationFields.shortName,
  inn: organisationFields.inn,
  ogrn: organisationFields.ogrn,
  // Science organisations only: a company's type and state status are not its to change.
  organisationType: choice(scienceOrganisationTypes).optional(),
  isState: organisationFields.isState,
  region: organisationFields.region,
  city: organisationFields.city,
  alliance: organisationFields.alliance,
  size: organisationFields.size,
  website: organisationFields.website,
  description: optionalText(5000),
})

export const VerificationDecisionSchema = z
  .object({
    organisationId: z.coerce.number().int().positive(),
    decision: choice(['verify', 'reject'] as const),
    note: optionalText(2000),
  })
  .refine((v) => v.decision !== 'reject' || (v.note && v.note.length > 0), {
    path: ['note'],
    message: 'errors.reason_required',
  })
