import { Form, useNavigation } from '@remix-run/react'
import { type FieldErrors } from '#app/utils/forms.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { Button } from './ui/button.tsx'
import { TextField } from './ui/field.tsx'

/** The new password and its confirmation, as the settings page and the emailed links ask for them. */
export function NewPasswordFields({ fieldErrors }: { fieldErrors: FieldErrors }) {
  const { t } = useI18n()
  return (
    <>
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
    </>
  )
}

export function NewPasswordForm({
  email,
  submitLabel,
  fieldErrors,
}: {
  email: string
  submitLabel: string
  fieldErrors: FieldErrors
}) {
  const navigation = useNavigation()
  return (
    <Form method="post" className="grid gap-4" noValidate>
      <CsrfInput />
      {/* Lets password managers store the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <NewPasswordFields fieldErrors={fieldErrors} />
      <div>
        <Button disabled={navigation.state === 'submitting'}>{submitLabel}</Button>
      </div>
    </Form>
  )
}
