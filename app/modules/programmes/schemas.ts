import { z } from 'zod'
import { contractorKinds, requiredDocumentKinds, returnFormulas } from '#db/schema/claim-values'
import { dateField, moneyField, percentField, wholeNumberField } from '../forms/fields'
import { withCrossFieldRules } from '../forms/cross-field'
import { choice, optionalText, requiredText } from '../forms/fields'

export const ProgrammeSchema = withCrossFieldRules(
  z.object({
    year: wholeNumberField(2020, 2100),
    title: requiredText(300, 5),
    description: optionalText(5000),
    totalBudget: moneyField(),
    share: percentField,
    capPerClaim: moneyField(),
    capPerCompany: moneyField(),
    eligibleContractorKinds: z.array(choice(contractorKinds), { required_error: 'errors.contractor_kinds_required' }).min(1, 'errors.contractor_kinds_required'),
    requiredDocuments: z.array(choice(requiredDocumentKinds)).default([]),
    // Days per kind; a kind left empty has no age limit.
    documentMaxAgeDays: z.object(Object.fromEntries(requiredDocumentKinds.map((kind) => [kind, wholeNumberField(1, 3660).optional()]))).default({}),
    returnFormula: choice(returnFormulas).default('shortfall_sum'),
    contractsFrom: dateField,
    contractsTo: dateField,
    paymentsFrom: dateField,
    paymentsTo: dateField,
    opensOn: dateField,
    closesOn: dateField,
  }),
  ['contractsFrom', 'contractsTo', 'paymentsFrom', 'paymentsTo', 'opensOn', 'closesOn'],
  (v, ctx) => {
    const order = (from: string | undefined, to: string | undefined, path: string) => {
      if (from !== undefined && to !== undefined && to < from) ctx.addIssue({ code: 'custom', path: [path], message: 'errors.period_order' })
    }
    order(v.contractsFrom, v.contractsTo, 'contractsTo')
    order(v.paymentsFrom, v.paymentsTo, 'paymentsTo')
    order(v.opensOn, v.closesOn, 'closesOn')
  }
)

export type ProgrammeInput = z.infer<typeof ProgrammeSchema>
