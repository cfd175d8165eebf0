import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ConfirmButton, ConfirmationView } from '#app/components/confirm.tsx'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { EditUserSchema, UserForm, userFormArrayFields } from '#app/components/user-form.tsx'
import { listTeams } from '#app/models/organisation.server.ts'
import { findCredentialHolder } from '#app/models/people.server.ts'
import { getOrganisationUser } from '#app/models/user.server.ts'
import { removeDepartedUser } from '#app/services/people.server.ts'
import { getInvitationStatus, resendInvitation, updateUser } from '#app/services/users.server.ts'
import { type CurrentUser, getSessionId, requireRole } from '#app/utils/auth.server.ts'
import { type Confirmation, type ConfirmationText, confirmationFor, isConfirmed } from '#app/utils/confirmation.ts'
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
  const holder = await findCredentialHolder(db, user.id, admin.organisation.id)
  return {
    user,
    teams: await listTeams(db, admin.organisation.id),
    invitation: await getInvitationStatus(user.id),
    // Someone who works in another organisation too keeps their name and password to themselves.
    worksElsewhere: (holder?.activeMembershipsElsewhere ?? 0) > 0,
    isSelf: user.id === admin.id,
  }
}

const removalConfirmation = (name: string): ConfirmationText => ({
  message: 'people.remove.confirm',
  params: { name },
  yes: 'people.remove.yes',
})

async function removePerson(admin: CurrentUser, user: { id: string; name: string }, formData: FormData) {
  if (!isConfirmed(formData)) {
    return { intent: 'remove', confirmation: confirmationFor(formData, removalConfirmation(user.name)) } as const
  }
  const removed = await removeDepartedUser(admin, { userId: user.id })
  if (removed.ok) return { intent: 'remove', removed: true, error: null } as const
  if (removed.reason !== 'member_elsewhere' && removed.reason !== 'self') throwRefusal(removed)
  const error: MessageKey = removed.reason === 'self' ? 'people.remove.self' : 'people.remove.elsewhere'
  return data({ intent: 'remove', removed: false, error } as const, { status: 409 })
}

async function resendInvitationTo(admin: CurrentUser, user: { id: string; active: boolean }) {
  const resent = await resendInvitation(admin, user)
  if (resent.ok) return { intent: 'resendInvitation', sent: true, error: null } as const
  const errors = {
    inactive: 'admin.users.invitation.inactive',
    not_pending: 'admin.users.invitation.notPending',
    credentials_elsewhere: 'people.invitation.elsewhere',
  } as const satisfies Record<string, MessageKey>
  if (!(resent.reason in errors)) throwRefusal(resent)
  const error: MessageKey = errors[resent.reason as keyof typeof errors]
  return data({ intent: 'resendInvitation', sent: false, error } as const, { status: 409 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const user = await requireOrganisationUser(admin.organisation.id, params.userId)
  const formData = await readProtectedForm(request)
  if (formData.get('intent') === 'resendInvitation') return resendInvitationTo(admin, user)
  if (formData.get('intent') === 'remove') return removePerson(admin, user, formData)
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
  const { user, teams, invitation, worksElsewhere, isSelf } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const resendResult = result && 'intent' in result && result.intent === 'resendInvitation' ? result : undefined
  const removeResult = result && 'intent' in result && result.intent === 'remove' ? result : undefined
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
      {searchParams.get('created') && searchParams.get('created') !== 'joined' && !result ? (
        <div className="mb-4">
          <Alert tone="success">
            {searchParams.get('created') === 'invitation'
              ? t('admin.users.createdInvited', { email: user.email })
              : t('admin.users.created')}
          </Alert>
        </div>
      ) : null}
      {removeResult && 'removed' in removeResult && removeResult.removed ? (
        <div className="mb-4">
          <Alert tone="success">{t('people.removed')}</Alert>
        </div>
      ) : null}
      {searchParams.get('created') === 'joined' && !result ? (
        <div className="mb-4">
          <Alert tone="info">{t('people.joined')}</Alert>
        </div>
      ) : null}
      {worksElsewhere ? (
        <div className="mb-6 max-w-2xl">
          <Card title={t('people.credentials.elsewhereTitle')} tone="info">
            <p>{t('people.credentials.elsewhere')}</p>
          </Card>
        </div>
      ) : null}
      {invitation.pending && !worksElsewhere ? (
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
        ownCredentials={worksElsewhere}
      />
      {isSelf ? null : (
        <div className="mt-8 max-w-2xl">
          <RemovalCard name={user.name} worksElsewhere={worksElsewhere} result={removeResult} />
        </div>
      )}
    </>
  )
}

/** Removing a departed person's personal data, asked once more before it happens; refused while they work elsewhere. */
function RemovalCard({
  name,
  worksElsewhere,
  result,
}: {
  name: string
  worksElsewhere: boolean
  result: { confirmation?: Confirmation; error?: MessageKey | null } | undefined
}) {
  const { t } = useI18n()
  return (
    <Card title={t('people.remove.title')}>
      <div className="grid gap-3">
        {result?.error ? <Alert tone="error">{t(result.error)}</Alert> : null}
        {result?.confirmation ? <ConfirmationView confirmation={result.confirmation} /> : null}
        <p>{t('people.remove.help')}</p>
        {worksElsewhere ? (
          <p>{t('people.remove.elsewhere')}</p>
        ) : (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="remove" />
            <ConfirmButton text={removalConfirmation(name)}>{t('people.remove.button')}</ConfirmButton>
          </Form>
        )}
      </div>
    </Card>
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
