import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { TextField } from '#app/components/ui/field.tsx'
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

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const demo = getEnv().demo
  return {
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
  const { demoAccounts, demoPassword } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
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
        <Form method="post" className="grid gap-4" noValidate>
          <CsrfInput />
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
          <TextField
            name="email"
            type="email"
            label={t('login.email')}
            autoComplete="username"
            defaultValue={typedValueOf(actionData, 'email') ?? ''}
            error={fieldErrors.email}
            required
          />
          <TextField
            name="password"
            type="password"
            label={t('login.password')}
            autoComplete="current-password"
            error={fieldErrors.password}
            required
          />
          <div>
            <Button disabled={navigation.state === 'submitting'}>{t('login.submit')}</Button>
          </div>
        </Form>
        <p className="mt-6">
          <Link to="/forgot-password">{t('login.forgotPassword')}</Link>
        </p>
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
