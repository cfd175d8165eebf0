import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { listOrganisationUsers } from '#app/models/user.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return { users: await listOrganisationUsers(getDb(), admin.organisation.id) }
}

export default function AdminUsersPage() {
  const { users } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('admin.users.title')} />
      <p className="mb-4">
        <Link
          to="/admin/users/new"
          className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
        >
          {t('admin.users.new')}
        </Link>
      </p>
      <Table
        caption={t('admin.users.title')}
        columns={[
          t('common.name'),
          t('login.email'),
          t('common.roles'),
          t('admin.users.teams'),
          t('admin.users.state'),
        ]}
      >
        {users.map((user) => (
          <tr key={user.id} className="border-t border-slate-200 align-top">
            <td className="p-3">
              <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
            </td>
            <td className="p-3 break-all">{user.email}</td>
            <td className="p-3">{user.roles.map((role) => t(`role.${role}`)).join(', ')}</td>
            <td className="p-3">{user.teams.join(', ') || '–'}</td>
            <td className="p-3">{user.active ? t('admin.users.activeState') : t('admin.users.inactiveState')}</td>
          </tr>
        ))}
      </Table>
    </>
  )
}
