import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { NewUserSchema, UserForm, userFormArrayFields } from '#app/components/user-form.tsx'
import { listTeams } from '#app/models/organisation.server.ts'
import { createUser } from '#app/services/users.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formValues, parseForm } from '#app/utils/forms.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
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
  const result = await createUser(admin, { ...parsed.data, active: true })
  const created = parsed.data.onboarding === 'invitation' ? 'invitation' : '1'
  if (result.ok) return redirect(`/admin/users/${result.userId}?created=${result.joined ? 'joined' : created}`)
  if (result.reason !== 'invalid') throwRefusal(result)
  return data({ ok: false, fieldErrors: result.fieldErrors, values: formValues(formData) } as const, { status: 400 })
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
