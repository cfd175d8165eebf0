import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { EditUserSchema, UserForm, userFormArrayFields } from '#app/components/user-form.tsx'
import { listTeams } from '#app/models/organisation.server.ts'
import { getOrganisationUser } from '#app/models/user.server.ts'
import { getInvitationStatus, resendInvitation, updateUser } from '#app/services/users.server.ts'
import { type CurrentUser, getSessionId, requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type FieldErrors, formValues, parseForm } from '#app/utils/forms.ts'
import { formatDateTime, type MessageKey } from '#app/utils/i18n.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

async function requireOrganisationUser(organisationId: string, userId: string | undefined) {
  const user = await getOrganisationUser(getDb(), organisationId, requireUuid(userId))
  if (!user) throw data({ code: 'not_found' }, { status: 404 })
  return user
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const user = await requireOrganisationUser(admin.organisation.id, params.userId)
  const db = getDb()
  return {
    user,
    teams: await listTeams(db, admin.organisation.id),
    invitation: await getInvitationStatus(user.id),
  }
}

async function resendInvitationTo(admin: CurrentUser, user: { id: string; active: boolean }) {
  const resent = await resendInvitation(admin, user)
  if (resent.ok) return { intent: 'resendInvitation', sent: true, error: null } as const
  if (resent.reason !== 'inactive' && resent.reason !== 'not_pending') throwRefusal(resent)
  const error: MessageKey =
    resent.reason === 'inactive' ? 'admin.users.invitation.inactive' : 'admin.users.invitation.notPending'
  return data({ intent: 'resendInvitation', sent: false, error } as const, { status: 409 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const user = await requireOrganisationUser(admin.organisation.id, params.userId)
  const formData = await readProtectedForm(request)
  if (formData.get('intent') === 'resendInvitation') return resendInvitationTo(admin, user)
  const parsed = parseForm(EditUserSchema, formData, userFormArrayFields)
  const values = () => ({ ...formValues(formData), active: formData.get('active') === 'on' })
  const failed = (fieldErrors: FieldErrors) =>
    data({ ok: false, fieldErrors, values: values() } as const, { status: 400 })
  if (!parsed.ok) return failed(parsed.fieldErrors)
  const result = await updateUser(
    { ...admin, sessionId: await getSessionId(request) },
    { ...parsed.data, userId: user.id },
  )
  if (!result.ok) return result.reason === 'invalid' ? failed(result.fieldErrors) : throwRefusal(result)
  return { ok: true, fieldErrors: {}, values: {}, passwordChanged: result.passwordChanged } as const
}

export default function EditUserPage() {
  const { user, teams, invitation } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const resendResult = result && 'intent' in result ? result : undefined
  const actionData = result && !('intent' in result) ? result : undefined
  const [searchParams] = useSearchParams()
  const { t } = useI18n()
  const failed = actionData && !actionData.ok ? actionData : undefined
  return (
    <>
      <PageHeading title={user.name}>{user.email}</PageHeading>
      {actionData?.ok ? (
        <div className="mb-4">
          <Alert tone="success">
            {t(actionData.passwordChanged ? 'admin.users.passwordChanged' : 'settings.saved')}
          </Alert>
        </div>
      ) : null}
      {searchParams.get('created') && !result ? (
        <div className="mb-4">
          <Alert tone="success">
            {searchParams.get('created') === 'invitation'
              ? t('admin.users.createdInvited', { email: user.email })
              : t('admin.users.created')}
          </Alert>
        </div>
      ) : null}
      {invitation.pending ? (
        <div className="mb-6 max-w-2xl">
          <InvitationCard email={user.email} active={user.active} invitation={invitation} result={resendResult} />
        </div>
      ) : null}
      <UserForm
        key={actionData?.ok ? 'saved' : 'editing'}
        mode="edit"
        teams={teams}
        values={
          failed ? failed.values : { name: user.name, roles: user.roles, teamIds: user.teamIds, active: user.active }
        }
        fieldErrors={failed ? failed.fieldErrors : {}}
      />
    </>
  )
}

/** Shown while the user has no password: when the last invitation went out, and a way to send a fresh one. */
function InvitationCard({
  email,
  active,
  invitation,
  result,
}: {
  email: string
  active: boolean
  invitation: { latest: { sentAt: Date | string; expiresAt: Date | string } | null }
  result: { sent: boolean; error: MessageKey | null } | undefined
}) {
  const { locale, t } = useI18n()
  const latest = invitation.latest
  const stillValid = latest ? new Date(latest.expiresAt).getTime() > Date.now() : false
  return (
    <Card title={t('admin.users.invitation.title')}>
      <div className="grid gap-3 break-words">
        {result?.sent ? <Alert tone="success">{t('admin.users.invitation.resent', { email })}</Alert> : null}
        {result?.error ? <Alert tone="error">{t(result.error)}</Alert> : null}
        <p>{t('admin.users.invitation.pending')}</p>
        <p>
          {latest
            ? t(stillValid ? 'admin.users.invitation.lastSent' : 'admin.users.invitation.lastExpired', {
                sent: formatDateTime(locale, latest.sentAt),
                expires: formatDateTime(locale, latest.expiresAt),
              })
            : t('admin.users.invitation.none')}
        </p>
        {active ? (
          <Form method="post" className="grid gap-2">
            <CsrfInput />
            <input type="hidden" name="intent" value="resendInvitation" />
            <p className="text-sm text-slate-600">{t('admin.users.invitation.resendHelp')}</p>
            <div>
              <Button variant="secondary">{t('admin.users.invitation.resend')}</Button>
            </div>
          </Form>
        ) : (
          <p>{t('admin.users.invitation.inactive')}</p>
        )}
      </div>
    </Card>
  )
}
