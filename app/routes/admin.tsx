import { type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { NavList } from '#app/components/nav-list.tsx'
import { requireRole } from '#app/utils/auth.server.ts'
import { localMailboxAvailable } from '#app/utils/local-mailbox.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['admin'])
  return { localMailbox: localMailboxAvailable() }
}

export default function AdminLayout() {
  const { localMailbox } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  const links = [
    { to: '/admin/users', label: t('admin.nav.users') },
    { to: '/admin/organisation', label: t('admin.nav.organisation') },
    { to: '/admin/committees', label: t('admin.nav.committees') },
    { to: '/admin/recipients', label: t('admin.nav.recipients') },
    { to: '/admin/templates', label: t('admin.nav.templates') },
    { to: '/admin/email-failures', label: t('admin.nav.emailFailures') },
    { to: '/admin/audit', label: t('admin.nav.audit') },
    { to: '/admin/redactions', label: t('privacy.admin.nav') },
    ...(localMailbox ? [{ to: '/admin/mailbox', label: t('admin.nav.mailbox') }] : []),
  ]
  return (
    <div>
      <NavList label={t('admin.nav.label')} look="section" items={links} />
      <Outlet />
    </div>
  )
}
