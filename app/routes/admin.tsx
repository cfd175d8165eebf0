import { type LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { requireRole } from '#app/utils/auth.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['admin'])
  return null
}

export default function AdminLayout() {
  const { t } = useI18n()
  const links = [
    { to: '/admin/users', label: t('admin.nav.users') },
    { to: '/admin/organisation', label: t('admin.nav.organisation') },
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
