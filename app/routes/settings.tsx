import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { EmailDeliveryForm } from '#app/components/email-delivery-form.tsx'
import { FieldAndButtonForm, IntentForm } from '#app/components/intent-form.tsx'
import { NewPasswordFields } from '#app/components/new-password-form.tsx'
import { OwnDataCard } from '#app/components/own-data-card.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { PasswordField, SelectField, TextField } from '#app/components/ui/field.tsx'
import { NewPasswordSchema } from '#app/domain/password-policy.ts'
import { listApiTokens } from '#app/models/api-token.server.ts'
import { emailDeliveries } from '#app/models/database.ts'
import { getEmailDelivery } from '#app/models/user.server.ts'
import {
  changeOwnPassword,
  createOwnApiToken,
  revokeOwnApiToken,
  setOwnEmailDelivery,
  updateOwnProfile,
} from '#app/services/accounts.server.ts'
import { getSessionId, requireUser } from '#app/utils/auth.server.ts'
import { localeCookie } from '#app/utils/cookies.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type FieldErrors, fieldErrorsOf, parseForm, typedValueOf } from '#app/utils/forms.ts'
import { formatDateTime, locales } from '#app/utils/i18n.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const ProfileSchema = z.object({
  name: z.string().trim().min(1, 'validation.nameRequired').max(200, 'validation.tooLong'),
  locale: z.enum(locales, { error: 'validation.invalid' }),
})

const PasswordChangeSchema = z
  .object({ currentPassword: z.string().min(1, 'validation.passwordRequired') })
  .and(NewPasswordSchema)

const EmailDeliverySchema = z.object({ emailDelivery: z.enum(emailDeliveries, { error: 'validation.invalid' }) })

const TokenNameSchema = z.object({
  name: z.string().trim().min(1, 'settings.tokens.nameRequired').max(100, 'validation.tooLong'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const tokens = await listApiTokens(getDb(), user.id, user.organisation.id)
  const emailDelivery = await getEmailDelivery(getDb(), user.id)
  return { name: user.name, email: user.email, locale: user.locale, tokens, emailDelivery }
}

function saved<const Intent extends string, Extra extends object = object>(intent: Intent, extra?: Extra) {
  return { intent, ok: true, fieldErrors: {}, values: {}, saved: true, ...(extra as Extra) } as const
}

function failed<const Intent extends string>(
  intent: Intent,
  failure: { fieldErrors: FieldErrors; values: Record<string, string | string[]> },
) {
  return data({ intent, ok: false, ...failure, saved: false } as const, { status: 400 })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readProtectedForm(request)
  const intent = formData.get('intent')
  if (intent === 'createToken') {
    const parsed = parseForm(TokenNameSchema, formData)
    if (!parsed.ok) return failed(intent, parsed)
    const { token } = await createOwnApiToken(user, parsed.data)
    return saved(intent, { token })
  }
  if (intent === 'emailDelivery') {
    const parsed = parseForm(EmailDeliverySchema, formData)
    if (!parsed.ok) return failed(intent, parsed)
    await setOwnEmailDelivery(user, parsed.data)
    return saved(intent)
  }
  if (intent === 'revokeToken') {
    const revoked = await revokeOwnApiToken(user, { tokenId: requireUuid(String(formData.get('tokenId') ?? '')) })
    if (!revoked.ok) throwRefusal(revoked)
    return saved(intent)
  }
  if (intent === 'password') {
    const parsed = parseForm(PasswordChangeSchema, formData)
    if (!parsed.ok) return failed(intent, parsed)
    const changed = await changeOwnPassword({ ...user, sessionId: await getSessionId(request) }, parsed.data)
    if (changed.ok) return saved(intent)
    return changed.reason === 'invalid'
      ? failed(intent, { fieldErrors: changed.fieldErrors, values: {} })
      : throwRefusal(changed)
  }
  const parsed = parseForm(ProfileSchema, formData)
  if (!parsed.ok) return failed('profile', parsed)
  await updateOwnProfile(user, parsed.data)
  const headers = { 'Set-Cookie': await localeCookie().serialize(parsed.data.locale) }
  return data(saved('profile'), { headers })
}

export default function SettingsPage() {
  const profile = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useI18n()
  const profileResult = actionData?.intent === 'profile' ? actionData : undefined
  const passwordResult = actionData?.intent === 'password' ? actionData : undefined
  const tokenResult = actionData?.intent === 'createToken' ? actionData : undefined
  const profileErrors = fieldErrorsOf(profileResult)
  const passwordErrors = fieldErrorsOf(passwordResult)
  return (
    <>
      <PageHeading title={t('settings.title')} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t('settings.profile.title')}>
          {profileResult?.saved ? (
            <div className="mb-4">
              <Alert tone="success">{t('settings.saved')}</Alert>
            </div>
          ) : null}
          <IntentForm intent="profile" className="grid gap-4">
            <p>
              <span className="font-semibold">{t('login.email')}:</span> {profile.email}
            </p>
            <TextField
              name="name"
              label={t('common.name')}
              autoComplete="name"
              defaultValue={typedValueOf(profileResult, 'name') ?? profile.name}
              error={profileErrors.name}
            />
            <SelectField
              name="locale"
              label={t('settings.language')}
              defaultValue={profile.locale}
              options={[
                { value: 'fi', label: 'Suomi' },
                { value: 'sv', label: 'Svenska' },
                { value: 'en', label: 'English' },
              ]}
              error={profileErrors.locale}
            />
            <div>
              <Button>{t('common.save')}</Button>
            </div>
          </IntentForm>
        </Card>
        <Card title={t('settings.password.title')}>
          {passwordResult?.saved ? (
            <div className="mb-4">
              <Alert tone="success">{t('settings.password.changed')}</Alert>
            </div>
          ) : null}
          <IntentForm intent="password" className="grid gap-4" noValidate>
            <PasswordField
              name="currentPassword"
              purpose="current"
              label={t('settings.password.current')}
              error={passwordErrors.currentPassword}
            />
            <NewPasswordFields fieldErrors={passwordErrors} />
            <div>
              <Button>{t('settings.password.submit')}</Button>
            </div>
          </IntentForm>
        </Card>
      </div>
      <div className="mt-6">
        <Card title={t('settings.email.title')} id="email">
          <EmailDeliveryForm
            current={profile.emailDelivery}
            saved={actionData?.intent === 'emailDelivery' && actionData.saved}
            error={actionData?.intent === 'emailDelivery' ? fieldErrorsOf(actionData).emailDelivery : undefined}
          />
        </Card>
      </div>
      <div className="mt-6">
        <ApiTokens tokens={profile.tokens} result={tokenResult} revoked={actionData?.intent === 'revokeToken'} />
      </div>
      <div className="mt-6">
        <OwnDataCard />
      </div>
    </>
  )
}

type TokenRow = ReturnType<typeof useLoaderData<typeof loader>>['tokens'][number]

function ApiTokens({
  tokens,
  result,
  revoked,
}: {
  tokens: TokenRow[]
  result: { saved: boolean; token?: string; fieldErrors?: FieldErrors; values?: Record<string, unknown> } | undefined
  revoked: boolean
}) {
  const { locale, t } = useI18n()
  return (
    <Card title={t('settings.tokens.title')}>
      <div className="grid gap-4">
        <p>{t('settings.tokens.intro')}</p>
        {result?.token ? (
          <div className="grid gap-2">
            <Alert tone="success">{t('settings.tokens.created')}</Alert>
            <TextField
              name="createdToken"
              label={t('settings.tokens.value')}
              readOnly
              value={result.token}
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
        ) : null}
        {revoked ? <Alert tone="success">{t('settings.tokens.revokedDone')}</Alert> : null}
        <FieldAndButtonForm
          key={result?.token ?? 'new'}
          intent="createToken"
          spacing="roomy"
          button={<Button>{t('settings.tokens.create')}</Button>}
        >
          <TextField
            name="name"
            label={t('settings.tokens.name')}
            description={t('settings.tokens.nameHelp')}
            defaultValue={typedValueOf(result, 'name') ?? ''}
            error={fieldErrorsOf(result).name}
          />
        </FieldAndButtonForm>
        {tokens.length === 0 ? (
          <p>{t('settings.tokens.empty')}</p>
        ) : (
          <Table
            caption={t('settings.tokens.title')}
            columns={[
              t('settings.tokens.column.name'),
              t('settings.tokens.column.created'),
              t('settings.tokens.column.lastUsed'),
              t('settings.tokens.column.state'),
            ]}
          >
            {tokens.map((token) => (
              <tr key={token.id} className="border-t border-slate-200 align-top">
                <td className="p-3 font-semibold">{token.name}</td>
                <td className="p-3">{formatDateTime(locale, token.created_at)}</td>
                <td className="p-3">
                  {token.last_used_at ? formatDateTime(locale, token.last_used_at) : t('settings.tokens.never')}
                </td>
                <td className="p-3">
                  {token.revoked_at ? (
                    t('settings.tokens.revokedOn', { date: formatDateTime(locale, token.revoked_at) })
                  ) : (
                    <IntentForm
                      intent="revokeToken"
                      fields={{ tokenId: token.id }}
                      className="flex flex-wrap items-center gap-3"
                    >
                      <span>{t('settings.tokens.active')}</span>
                      <Button variant="danger">{t('settings.tokens.revoke', { name: token.name })}</Button>
                    </IntentForm>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
        <p>
          <a href="/api/v1/openapi.json">{t('settings.tokens.docs')}</a>
        </p>
      </div>
    </Card>
  )
}
