import { z } from 'zod'
import { basisPoints, parseRoubles, type BasisPoints, type Kopecks } from '../format/money'
import { message } from '../forms/fields'

// Form fields for money, dates and shares, used by contracts, programmes and claims. Amounts are
// typed in roubles the way people write them and become integer kopecks; nothing goes through a float.

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

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** A calendar date as an input[type=date] sends it: YYYY-MM-DD, a day that exists. */
export const dateField = z
  .string({ required_error: message.required, invalid_type_error: message.required })
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDate(v), 'errors.date')

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
