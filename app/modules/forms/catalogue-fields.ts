import { z } from 'zod'
import { parseRoubles } from '../format/money'
import { message } from './fields'

// Fields the catalogues share: requests and labs both have keywords, TRLs, classification codes.

/** Keywords typed as a comma- or line-separated list: trimmed, de-duplicated, at most 15. */
export const keywordList = z
  .string({ required_error: message.required })
  .transform((v) =>
    [...new Set(v.split(/[,;\n]/).map((k) => k.trim().replace(/\s+/g, ' ')).filter(Boolean))],
  )
  .pipe(
    z
      .array(z.string().max(60, message.tooLong(60)))
      .min(1, message.required)
      .max(15, 'errors.too_many_items:15'),
  )

/** One item per line (equipment, services). */
export function lineList(maxItems: number, maxLength: number) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? '').split('\n').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(maxLength, message.tooLong(maxLength))).max(maxItems, `errors.too_many_items:${maxItems}`))
}

// A plain number, not z.coerce: conform turns an unchosen option into "missing" (asked to choose a
// level) and a chosen one into a number; coercion would turn the empty option into 0, out of scale.
export const trlField = z
  .number({ required_error: 'errors.trl_required', invalid_type_error: 'errors.trl' })
  .int('errors.trl')
  .min(1, 'errors.trl')
  .max(9, 'errors.trl')

/** Roubles as a person types them, to kopecks; letters, negatives and fractions of kopecks refused. */
export const roublesField = z
  .string({ required_error: message.required })
  .transform((v, ctx) => {
    const kopecks = parseRoubles(v)
    if (kopecks === null) {
      ctx.addIssue({ code: 'custom', message: 'errors.amount' })
      return z.NEVER
    }
    if (kopecks < 0) {
      ctx.addIssue({ code: 'custom', message: 'errors.amount_negative' })
      return z.NEVER
    }
    return kopecks as number
  })

export const oecdCode = z.string({ required_error: message.required }).regex(/^[1-6]\.\d{1,2}$/, message.choice)
export const grntiCode = z.string().regex(/^\d{2}\.\d{2}$/, message.choice)
