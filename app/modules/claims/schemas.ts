import { z } from 'zod'
import { claimDecisions } from '#db/schema/claim-values'
import { dateField, moneyField } from '../forms/fields'
import { choice, idField, message, requiredText } from '../forms/fields'

export const paymentIdsField = z.array(idField, { required_error: 'errors.no_payments' }).min(1, 'errors.no_payments')

export const NewClaimSchema = z.object({
  programmeId: idField,
  contractId: idField,
  paymentIds: paymentIdsField,
})

export const ClaimPaymentsSchema = z.object({ paymentIds: paymentIdsField, revision: idField })

export const SubmitClaimSchema = z.object({ revision: idField })

export const DecideClaimSchema = z
  .object({
    decision: choice(claimDecisions),
    amount: moneyField().optional(),
    reason: requiredText(4000, 3),
    revision: idField,
  })
  .refine((v) => v.decision !== 'approve_partial' || v.amount !== undefined, { path: ['amount'], message: message.required })

export const MarkPaidSchema = z.object({
  paidOn: dateField,
  orderNumber: requiredText(40),
  revision: idField,
})

export const CancelApprovalSchema = z.object({ reason: requiredText(4000, 3), revision: idField })
