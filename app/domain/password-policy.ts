import { z } from 'zod'

/** Length is what makes a password strong; no composition rules (NIST SP 800-63B). */
export const PasswordSchema = z.string().min(12, 'validation.passwordTooShort').max(200, 'validation.tooLong')
