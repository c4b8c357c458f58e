import { z } from 'zod'
import { isIsoDate } from '../calendar/calendar'
import { basisPoints, parseRoubles, type BasisPoints, type Kopecks } from '../format/money'

// Building blocks for form schemas. Messages are dictionary keys (with an optional ":param"), so the
// same schema speaks the reader's language on the server and in the browser. Amounts are typed in
// roubles the way people write them and become integer kopecks; nothing goes through a float.

export const message = {
  required: 'errors.required',
  tooLong: (max: number) => `errors.too_long:${max}`,
  tooShort: (min: number) => `errors.too_short:${min}`,
  email: 'errors.email',
  choice: 'errors.choice',
} as const

/** Strips control characters other than line breaks and tabs: they have no place in typed text. */
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim()
}

export function requiredText(max: number, min = 1) {
  return z
    .string({ required_error: message.required, invalid_type_error: message.required })
    .transform(clean)
    .pipe(
      z
        .string()
        .min(1, message.required)
        .min(min, message.tooShort(min))
        .max(max, message.tooLong(max)),
    )
}

export function optionalText(max: number) {
  return z
    .string({ invalid_type_error: message.required })
    .transform(clean)
    .pipe(z.string().max(max, message.tooLong(max)))
    .optional()
}

export const emailField = z
  .string({ required_error: message.required })
  .trim()
  .max(254, message.tooLong(254))
  .email(message.email)
  .transform((v) => v.toLowerCase())

export const passwordField = z
  .string({ required_error: message.required })
  .min(10, message.tooShort(10))
  .max(200, message.tooLong(200))

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { required_error: message.required, invalid_type_error: message.choice, message: message.choice })
}

/** An id from a hidden field: a positive integer, or the form is refused. */
export const idField = z.coerce
  .number({ required_error: message.required, invalid_type_error: message.required })
  .int()
  .positive()

/** A checkbox: present means true. */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true')

/** Roubles typed by a person ("1 250 000,50"), as kopecks; negative amounts and letters are refused. */
export function moneyField(options: { allowZero?: boolean } = {}) {
  return z.string({ required_error: message.required, invalid_type_error: message.required }).transform((value, ctx): Kopecks => {
    const amount = parseRoubles(value)
    if (amount === null) {
      ctx.addIssue({ code: 'custom', message: 'errors.amount' })
      return z.NEVER
    }
    if (amount < 0 || (amount === 0 && !options.allowZero)) {
      ctx.addIssue({ code: 'custom', message: 'errors.amount_positive' })
      return z.NEVER
    }
    return amount
  })
}

/** A calendar date as an input[type=date] sends it: YYYY-MM-DD, a day that exists (2027-02-31 does not). */
export const dateField = z
  .string({ required_error: message.required, invalid_type_error: message.required })
  .trim()
  .refine((v) => isIsoDate(v), 'errors.date')

/** A share typed in per cent ("50", "33,33"), as basis points. */
export const percentField = z.string({ required_error: message.required }).transform((value, ctx): BasisPoints => {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(value)
  const bp = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN
  if (!Number.isSafeInteger(bp) || bp <= 0 || bp > 10_000) {
    ctx.addIssue({ code: 'custom', message: 'errors.percent' })
    return z.NEVER
  }
  return basisPoints(bp)
})

/** A positive whole number from a form, e.g. a year or a stage number. */
export function wholeNumberField(min: number, max: number) {
  return z.coerce
    .number({ required_error: message.required, invalid_type_error: 'errors.whole_number' })
    .int('errors.whole_number')
    .min(min, `errors.number_min:${min}`)
    .max(max, `errors.number_max:${max}`)
}
