import { Form, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { PasswordSchema } from '#app/domain/password-policy.ts'
import { type FieldErrors } from '#app/utils/forms.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { Button } from './ui/button.tsx'
import { TextField } from './ui/field.tsx'

/** A password chosen through an emailed link: the same rule as in the settings, typed twice. */
export const NewPasswordSchema = z
  .object({ newPassword: PasswordSchema, confirmPassword: z.string() })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'validation.passwordsDiffer',
  })

export function NewPasswordForm({
  email,
  submitLabel,
  fieldErrors,
}: {
  email: string
  submitLabel: string
  fieldErrors: FieldErrors
}) {
  const { t } = useI18n()
  const navigation = useNavigation()
  return (
    <Form method="post" className="grid gap-4" noValidate>
      <CsrfInput />
      {/* Lets password managers store the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        name="newPassword"
        type="password"
        autoComplete="new-password"
        label={t('settings.password.new')}
        description={t('settings.password.rule')}
        error={fieldErrors.newPassword}
        required
      />
      <TextField
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        label={t('settings.password.confirm')}
        error={fieldErrors.confirmPassword}
        required
      />
      <div>
        <Button disabled={navigation.state === 'submitting'}>{submitLabel}</Button>
      </div>
    </Form>
  )
}
