import { z } from 'zod'
import { affiliationGrounds, claimDocumentKinds } from '#db/schema/claim-values'
import { dateField, wholeNumberField } from '../forms/fields'
import { choice, idField, optionalText, requiredText } from '../forms/fields'

// Forms of a claim's eligibility (affiliation, the document checklist) and of what follows its payment.

const documentField = z.unknown().optional()
const MAX_INDICATOR_VALUE = 1_000_000_000_000

export const ClaimDocumentSchema = z.object({ kind: choice(claimDocumentKinds), issuedOn: dateField, document: documentField })
export const RemoveClaimDocumentSchema = z.object({ recordId: idField })

export const AffiliationCheckSchema = z.object({
  grounds: z.array(choice(affiliationGrounds)).default([]),
  note: requiredText(2000, 3),
})

export const AgreementSchema = z.object({ number: requiredText(60), signedOn: dateField })

export const IndicatorSchema = z.object({
  name: requiredText(300, 3),
  unit: requiredText(40),
  targetValue: wholeNumberField(1, MAX_INDICATOR_VALUE),
  dueOn: dateField,
})

export const ScheduleReportSchema = z.object({ dueOn: dateField })

export const ReportSchema = z.object({
  recordId: idField,
  achieved: z.record(z.string(), wholeNumberField(0, MAX_INDICATOR_VALUE)),
  note: optionalText(4000),
  document: documentField,
})

export const ReviewReportSchema = z.object({
  recordId: idField,
  decision: choice(['accept', 'shortfall'] as const),
  note: requiredText(4000, 3),
})

export const ReturnReceivedSchema = z.object({ recordId: idField, returnedOn: dateField, orderNumber: requiredText(40) })
