import { Form, Link, useNavigation } from '@remix-run/react'
import { type ReactNode } from 'react'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { Button } from './ui/button.tsx'
import { TextField } from './ui/field.tsx'

/**
 * The one form of the login page and its relatives (forgotten password, emailed links): its fields, a button that
 * waits while the answer is on its way, and under the form the way elsewhere when there is one.
 */
export function AccountForm({
  submitLabel,
  elsewhere,
  children,
}: {
  submitLabel: string
  elsewhere?: { to: string; label: string }
  children: ReactNode
}) {
  const navigation = useNavigation()
  return (
    <>
      <Form method="post" className="grid gap-4" noValidate>
        <CsrfInput />
        {children}
        <div>
          <Button disabled={navigation.state === 'submitting'}>{submitLabel}</Button>
        </div>
      </Form>
      {elsewhere ? (
        <p className="mt-6">
          <Link to={elsewhere.to}>{elsewhere.label}</Link>
        </p>
      ) : null}
    </>
  )
}

/** The address that names the account; password managers know it as the username. */
export function AccountEmailField({ typed, error }: { typed: string | undefined; error: MessageKey | undefined }) {
  const { t } = useI18n()
  return (
    <TextField
      name="email"
      type="email"
      label={t('login.email')}
      autoComplete="username"
      defaultValue={typed ?? ''}
      error={error}
      required
    />
  )
}
