import { z } from 'zod'

// Building blocks for form schemas. Messages are dictionary keys (with an optional ":param"), so the
// same schema speaks the reader's language on the server and in the browser.

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
