import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { EditUserSchema, UserForm, userFormArrayFields } from '#app/components/user-form.tsx'
import { locksOutSelf } from '#app/domain/user-admin.ts'
import { listTeams } from '#app/models/organisation.server.ts'
import { getOrganisationUser, updateOrganisationUser, updatePasswordHash } from '#app/models/user.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

async function requireOrganisationUser(organisationId: string, userId: string | undefined) {
  const user = await getOrganisationUser(getDb(), organisationId, requireUuid(userId))
  if (!user) throw data({ code: 'not_found' }, { status: 404 })
  return user
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const user = await requireOrganisationUser(admin.organisation.id, params.userId)
  return { user, teams: await listTeams(getDb(), admin.organisation.id) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const user = await requireOrganisationUser(admin.organisation.id, params.userId)
  const formData = await readProtectedForm(request)
  const parsed = parseForm(EditUserSchema, formData, userFormArrayFields)
  const failedValues = () => ({ ...formValues(formData), active: formData.get('active') === 'on' })
  if (!parsed.ok)
    return data({ ok: false, fieldErrors: parsed.fieldErrors, values: failedValues() } as const, { status: 400 })
  if (locksOutSelf(admin.id, user.id, parsed.data)) {
    return data(
      { ok: false, fieldErrors: { roles: 'admin.users.cannotLockOutSelf' }, values: failedValues() } as const,
      { status: 400 },
    )
  }
  const db = getDb()
  await updateOrganisationUser(db, admin.organisation.id, user.id, parsed.data)
  if (parsed.data.password) await updatePasswordHash(db, user.id, await hashPassword(parsed.data.password))
  return { ok: true, fieldErrors: {}, values: {} } as const
}

export default function EditUserPage() {
  const { user, teams } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { t } = useI18n()
  const failed = actionData && !actionData.ok ? actionData : undefined
  return (
    <>
      <PageHeading title={user.name}>{user.email}</PageHeading>
      {actionData?.ok ? (
        <div className="mb-4">
          <Alert tone="success">{t('settings.saved')}</Alert>
        </div>
      ) : null}
      {searchParams.get('created') && !actionData ? (
        <div className="mb-4">
          <Alert tone="success">{t('admin.users.created')}</Alert>
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
