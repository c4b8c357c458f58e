import { z } from 'zod'
import { vatModes, vatRates } from '#db/schema/contract-values'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import { choice, idField, message, optionalText, requiredText } from '../forms/fields'
import { dateField, moneyField } from '../forms/fields'

// One schema per form, used by the server and by the browser for inline messages.

export const MAX_STAGES = 20

const documentField = z.unknown().optional()

export const StageSchema = z.object({
  title: requiredText(300, 3),
  dueOn: dateField,
  amount: moneyField(),
})

const vatRateField = choice(vatRates.map(String) as [string, ...string[]]).transform(Number)

const termsShape = {
  number: requiredText(60),
  signedOn: dateField,
  subject: requiredText(2000, 5),
  price: moneyField(),
  vatMode: choice(vatModes),
  vatRate: vatRateField.optional(),
  vatAmount: moneyField({ allowZero: true }).optional(),
  startsOn: dateField,
  endsOn: dateField,
  stages: z.array(StageSchema, { required_error: 'errors.stages_required' }).min(1, 'errors.stages_required').max(MAX_STAGES, `errors.too_many_stages:${MAX_STAGES}`),
  // The file travels beside the form (see documents/upload.server.ts); named here for its messages.
  document: documentField,
}

type TermsShape = z.infer<z.ZodObject<typeof termsShape>>

/** The rules that tie the terms' fields together: VAT, the term's order, the stages and the price. */
function checkTerms(terms: TermsShape, ctx: z.RefinementCtx) {
  if (terms.vatMode === 'rate' && terms.vatRate === undefined) ctx.addIssue({ code: 'custom', path: ['vatRate'], message: message.required })
  if (terms.vatMode === 'amount') {
    if (terms.vatAmount === undefined) ctx.addIssue({ code: 'custom', path: ['vatAmount'], message: message.required })
    else if (terms.vatAmount >= terms.price) ctx.addIssue({ code: 'custom', path: ['vatAmount'], message: 'errors.vat_not_below_price' })
  }
  if (terms.endsOn < terms.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'errors.term_order' })
  terms.stages.forEach((stage, index) => {
    if (terms.startsOn <= terms.endsOn && (stage.dueOn < terms.startsOn || stage.dueOn > terms.endsOn)) {
      ctx.addIssue({ code: 'custom', path: ['stages', index, 'dueOn'], message: 'errors.stage_due_outside_term' })
    }
  })
  const sum = terms.stages.reduce((total, stage) => total + stage.amount, 0)
  if (terms.stages.length > 0 && sum !== terms.price) {
    const params = JSON.stringify({ sum: kopecksToDecimal(sum as Kopecks), price: kopecksToDecimal(terms.price) })
    ctx.addIssue({ code: 'custom', path: ['stages'], message: `errors.stages_sum:${params}` })
  }
}

export const ContractTermsSchema = z.object(termsShape).superRefine(checkTerms)
export type ContractTermsInput = z.infer<typeof ContractTermsSchema>

export const RegisterContractSchema = z
  .object({ ...termsShape, contractorId: idField, engagementId: idField.optional() })
  .superRefine(checkTerms)
export type RegisterContractInput = z.infer<typeof RegisterContractSchema>

export const ProposeVersionSchema = z.object({ ...termsShape, amendmentReason: optionalText(2000) }).superRefine(checkTerms)
export type ProposeVersionInput = z.infer<typeof ProposeVersionSchema>

export const VersionAnswerSchema = z.object({ versionId: idField })

export const DeclineSchema = z.object({ reason: requiredText(2000, 3) })

export const AcceptanceActSchema = z.object({
  stageNumber: z.coerce.number({ required_error: message.required, invalid_type_error: message.choice }).int().positive(),
  number: requiredText(60),
  signedOn: dateField,
  amount: moneyField(),
  document: documentField,
})
export type AcceptanceActInput = z.infer<typeof AcceptanceActSchema>

export const PaymentSchema = z.object({
  paidOn: dateField,
  amount: moneyField(),
  orderNumber: requiredText(40),
  document: documentField,
})
export type PaymentInput = z.infer<typeof PaymentSchema>

export const RecordAnswerSchema = z.object({ recordId: idField, reason: optionalText(2000) })

export const AttachDocumentSchema = z.object({
  target: choice(['version', 'act', 'payment'] as const),
  recordId: idField,
  document: documentField,
})
