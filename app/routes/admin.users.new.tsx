import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { NewUserSchema, UserForm, userFormArrayFields } from '#app/components/user-form.tsx'
import { listTeams } from '#app/models/organisation.server.ts'
import { emailIsTaken } from '#app/models/user.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { createUserAsAdmin } from '#app/utils/user-admin.server.ts'
import { inviteOrganisationUser } from '#app/utils/user-tokens.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return { teams: await listTeams(getDb(), admin.organisation.id) }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const formData = await readProtectedForm(request)
  const parsed = parseForm(NewUserSchema, formData, userFormArrayFields)
  if (!parsed.ok) return data(parsed, { status: 400 })
  const db = getDb()
  if (await emailIsTaken(db, parsed.data.email)) {
    return data(
      { ok: false, fieldErrors: { email: 'admin.users.emailTaken' }, values: formValues(formData) } as const,
      { status: 400 },
    )
  }
  const { onboarding: _onboarding, password: _password, ...user } = parsed.data
  if (parsed.data.onboarding === 'invitation') {
    const userId = await inviteOrganisationUser(db, admin, { ...user, active: true })
    return redirect(`/admin/users/${userId}?created=invitation`)
  }
  const userId = await createUserAsAdmin(db, admin.organisation.id, {
    ...user,
    active: true,
    password: parsed.data.password,
  })
  return redirect(`/admin/users/${userId}?created=1`)
}

export default function NewUserPage() {
  const { teams } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('admin.users.new')} />
      <UserForm
        mode="new"
        teams={teams}
        values={actionData && !actionData.ok ? actionData.values : { roles: ['worker'] }}
        fieldErrors={actionData && !actionData.ok ? actionData.fieldErrors : {}}
      />
    </>
  )
}
