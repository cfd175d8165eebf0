import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { z } from 'zod'
import { AccountEmailField, AccountForm } from '#app/components/account-form.tsx'
import { LinkPageSection } from '#app/components/link-unavailable.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { requestPasswordReset } from '#app/services/accounts.server.ts'
import { requireAnonymous } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { fieldErrorsOf, parseForm, typedValueOf } from '#app/utils/forms.ts'
import { clientIpOf } from '#app/utils/load-context.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const ForgotPasswordSchema = z.object({
  email: z.string().trim().min(1, 'validation.emailRequired').max(254, 'validation.tooLong'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

/** The same answer whether or not the address has an account; only the throttle can say "wait". */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request)
  const parsed = parseForm(ForgotPasswordSchema, formData)
  if (!parsed.ok) return data({ ...parsed, sentTo: null, retryAfterSeconds: 0 }, { status: 400 })
  const { email } = parsed.data
  const result = await requestPasswordReset({ email, clientIp: clientIpOf(context) })
  if (!result.ok) {
    return data(
      {
        ok: false,
        fieldErrors: {},
        values: { email },
        sentTo: null,
        retryAfterSeconds: result.retryAfterSeconds,
      } as const,
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  return { ok: true, fieldErrors: {}, values: { email }, sentTo: email, retryAfterSeconds: 0 } as const
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>()
  const { t } = useI18n()
  return (
    <LinkPageSection>
      <PageHeading title={t('forgotPassword.title')}>{t('forgotPassword.intro')}</PageHeading>
      {actionData?.sentTo ? (
        <div className="mb-4">
          <Alert tone="success">{t('forgotPassword.sent', { email: actionData.sentTo })}</Alert>
        </div>
      ) : null}
      {actionData?.retryAfterSeconds ? (
        <div className="mb-4">
          <Alert tone="error">{t('forgotPassword.throttled', { seconds: actionData.retryAfterSeconds })}</Alert>
        </div>
      ) : null}
      <AccountForm
        submitLabel={t('forgotPassword.submit')}
        elsewhere={{ to: '/login', label: t('forgotPassword.backToLogin') }}
      >
        <AccountEmailField typed={typedValueOf(actionData, 'email')} error={fieldErrorsOf(actionData).email} />
      </AccountForm>
    </LinkPageSection>
  )
}
