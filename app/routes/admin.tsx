import { type LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
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
    { to: '/admin/email-failures', label: t('admin.nav.emailFailures') },
    ...(localMailbox ? [{ to: '/admin/mailbox', label: t('admin.nav.mailbox') }] : []),
  ]
  return (
    <div>
      <nav aria-label={t('admin.nav.label')} className="mb-6 border-b border-slate-300">
        <ul className="flex flex-wrap gap-2">
          {links.map((link) => (
            <li key={link.to}>
              <NavLink
                to={link.to}
                className={({ isActive }) =>
                  `inline-flex min-h-11 items-center px-3 font-semibold no-underline ${isActive ? 'border-b-4 border-brand-700 text-brand-900' : 'border-b-4 border-transparent'}`
                }
              >
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  )
}
