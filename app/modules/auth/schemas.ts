import { z } from 'zod'
import { emailField, message, passwordField, requiredText } from '../forms/fields'

export const SignInSchema = z.object({
  email: emailField,
  password: z.string({ required_error: message.required }).max(200, message.tooLong(200)),
  redirectTo: z.string().optional(),
})

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ required_error: message.required }).max(200, message.tooLong(200)),
    newPassword: passwordField,
    confirmPassword: z.string({ required_error: message.required }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'errors.passwords_differ',
  })

export const ProfileSchema = z.object({
  name: requiredText(100, 2),
})

export const personFields = {
  name: requiredText(100, 2),
  email: emailField,
  password: passwordField,
}
