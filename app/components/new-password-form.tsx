import { type FieldErrors } from '#app/utils/forms.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { AccountForm } from './account-form.tsx'
import { PasswordField } from './ui/field.tsx'

/** The new password and its confirmation, as the settings page and the emailed links ask for them. */
export function NewPasswordFields({ fieldErrors }: { fieldErrors: FieldErrors }) {
  const { t } = useI18n()
  return (
    <>
      <PasswordField
        name="newPassword"
        purpose="new"
        label={t('settings.password.new')}
        description={t('settings.password.rule')}
        error={fieldErrors.newPassword}
        required
      />
      <PasswordField
        name="confirmPassword"
        purpose="new"
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
  return (
    <AccountForm submitLabel={submitLabel}>
      {/* Lets password managers store the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <NewPasswordFields fieldErrors={fieldErrors} />
    </AccountForm>
  )
}
