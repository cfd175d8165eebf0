import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { AccountEmailField, AccountForm } from '#app/components/account-form.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { PasswordField } from '#app/components/ui/field.tsx'
import { login, requireAnonymous } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { demoAccounts, demoPassword } from '#app/utils/demo.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { fieldErrorsOf, parseForm, typedValueOf } from '#app/utils/forms.ts'
import { clientIpOf } from '#app/utils/load-context.ts'
import { safeRedirectPath } from '#app/utils/redirect-target.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const LoginSchema = z.object({
  email: z.string().trim().min(1, 'validation.emailRequired').max(254, 'validation.tooLong'),
  password: z.string().min(1, 'validation.passwordRequired').max(1000, 'validation.tooLong'),
  redirectTo: z.string().optional(),
})

/** The sign-in form works as plain HTML, so the page sends no script at all: the first page anyone opens stays light. */
export const handle = { hydrate: false }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const { demo, oidc } = getEnv()
  return {
    singleSignOn: oidc ? { label: oidc.buttonLabel } : null,
    demoAccounts: demo ? demoAccounts.map(({ email, roles }) => ({ email, roles })) : [],
    demoPassword: demo ? demoPassword : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request)
  const parsed = parseForm(LoginSchema, formData)
  if (!parsed.ok) return data({ ...parsed, formError: null, retryAfterSeconds: 0 }, { status: 400 })
  const db = getDb()
  const result = await login(db, { ...parsed.data, clientIp: clientIpOf(context) })
  if (!result.ok) {
    const values = { email: parsed.data.email }
    if (result.reason === 'password_login_off' || result.reason === 'contributors_off') {
      const formError = result.reason === 'contributors_off' ? 'contributors.off.body' : 'sso.passwordLoginOff'
      return data({ ok: false, fieldErrors: {}, values, formError, retryAfterSeconds: 0 } as const, { status: 403 })
    }
    return result.reason === 'throttled'
      ? data(
          {
            ok: false,
            fieldErrors: {},
            values,
            formError: 'login.throttled',
            retryAfterSeconds: result.retryAfterSeconds,
          } as const,
          { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
        )
      : data({ ok: false, fieldErrors: {}, values, formError: 'login.invalid', retryAfterSeconds: 0 } as const, {
          status: 401,
        })
  }
  const headers = new Headers({ 'Set-Cookie': result.setCookie })
  return redirect(safeRedirectPath(parsed.data.redirectTo), { headers })
}

export default function LoginPage() {
  const { demoAccounts, demoPassword, singleSignOn } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t } = useI18n()
  const fieldErrors = fieldErrorsOf(actionData)
  const formError = actionData && !actionData.ok ? actionData.formError : null
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <section className="min-w-0 rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
        <PageHeading title={t('login.title')}>{t('login.intro')}</PageHeading>
        {formError ? (
          <div className="mb-4">
            <Alert tone="error">
              {t(formError, { seconds: actionData && !actionData.ok ? actionData.retryAfterSeconds : 0 })}
            </Alert>
          </div>
        ) : null}
        {singleSignOn ? (
          <div className="mb-6 grid gap-3">
            {/* A link, not a form: the page's form-action policy would stop a form's redirect to the sign-in service. */}
            <a
              href={`/auth/oidc/start?${new URLSearchParams({ redirectTo: searchParams.get('redirectTo') ?? '/' })}`}
              className="inline-flex min-h-11 items-center justify-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800"
            >
              {singleSignOn.label ?? t('sso.button')}
            </a>
            <p className="text-center text-slate-700">{t('sso.or')}</p>
          </div>
        ) : null}
        <AccountForm
          submitLabel={t('login.submit')}
          elsewhere={{ to: '/forgot-password', label: t('login.forgotPassword') }}
        >
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <AccountEmailField typed={typedValueOf(actionData, 'email')} error={fieldErrors.email} />
          <PasswordField
            name="password"
            purpose="current"
            label={t('login.password')}
            error={fieldErrors.password}
            required
          />
        </AccountForm>
      </section>
      {demoPassword ? (
        <Card title={t('login.demo.title')} tone="info">
          <p>{t('login.demo.intro', { password: demoPassword })}</p>
          <div className="mt-4">
            <Table caption={t('login.demo.title')} columns={[t('login.email'), t('common.roles')]}>
              {demoAccounts.map((account) => (
                <tr key={account.email} className="border-t border-slate-200">
                  <td className="p-3 font-mono text-sm break-all">{account.email}</td>
                  <td className="p-3">{account.roles.map((role) => t(`role.${role}`)).join(', ')}</td>
                </tr>
              ))}
            </Table>
          </div>
        </Card>
      ) : null}
    </div>
  )
}
