import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { reportStatuses } from '#app/models/database.ts'
import { countVisibleReportsByStatus, listVisibleReports } from '#app/models/report.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatNumber } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const [counts, latest] = await Promise.all([
    countVisibleReportsByStatus(db, user),
    listVisibleReports(db, user, { limit: 5, offset: 0 }),
  ])
  return { user: { name: user.name, roles: user.roles, teams: user.teams.map((team) => team.name) }, counts, latest }
}

export default function HomePage() {
  const { user, counts, latest } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const statusesWithReports = reportStatuses.filter((status) => counts[status])
  return (
    <>
      <PageHeading title={t('home.greeting', { name: user.name })}>{t('home.intro')}</PageHeading>
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="my-roles" className="rounded-lg border border-slate-300 bg-white p-5">
          <h2 id="my-roles" className="text-xl font-bold text-brand-900">{t('home.roles.title')}</h2>
          <ul className="mt-3 grid gap-3">
            {user.roles.map((role) => (
              <li key={role}>
                <p className="font-semibold">{t(`role.${role}`)}</p>
                <p className="text-slate-700">{t(`home.role.${role}`)}</p>
              </li>
            ))}
          </ul>
          {user.teams.length > 0 ? (
            <p className="mt-3 text-slate-700">{t('home.teams', { teams: user.teams.join(', ') })}</p>
          ) : null}
        </section>
        <section aria-labelledby="status-counts" className="rounded-lg border border-slate-300 bg-white p-5">
          <h2 id="status-counts" className="text-xl font-bold text-brand-900">{t('home.counts.title')}</h2>
          {statusesWithReports.length === 0 ? (
            <p className="mt-3 text-slate-700">{t('reports.empty')}</p>
          ) : (
            <dl className="mt-3 grid gap-2">
              {statusesWithReports.map((status) => (
                <div key={status} className="flex items-center justify-between gap-2">
                  <dt><StatusBadge status={status} /></dt>
                  <dd className="text-lg font-bold">{formatNumber(locale, counts[status] ?? 0)}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
        <section aria-labelledby="latest" className="rounded-lg border border-slate-300 bg-white p-5">
          <h2 id="latest" className="text-xl font-bold text-brand-900">{t('home.latest.title')}</h2>
          {latest.length === 0 ? (
            <p className="mt-3 text-slate-700">{t('reports.empty')}</p>
          ) : (
            <ul className="mt-3 grid gap-3">
              {latest.map((report) => (
                <li key={report.id}>
                  <p className="font-semibold">{report.title}</p>
                  <p className="text-sm text-slate-700">
                    {formatDate(locale, report.created_at)} · <StatusBadge status={report.status} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-4">
            <Link to="/reports">{t('home.latest.all')}</Link>
          </p>
        </section>
      </div>
    </>
  )
}
