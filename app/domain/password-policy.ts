import { z } from 'zod'

/** Length is what makes a password strong; no composition rules (NIST SP 800-63B). */
export const PasswordSchema = z.string().min(12, 'validation.passwordTooShort').max(200, 'validation.tooLong')

/** A new password typed twice, wherever it is chosen: settings, an invitation, a reset link. */
export const NewPasswordSchema = z
  .object({ newPassword: PasswordSchema, confirmPassword: z.string() })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation.passwordsDiffer',
  })
