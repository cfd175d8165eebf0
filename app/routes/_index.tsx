import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { allReportsLink, reportListPath } from '#app/domain/report-visibility.ts'
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
  const allReports = allReportsLink(user.roles)
  return (
    <>
      <PageHeading title={t('home.greeting', { name: user.name })}>{t('home.intro')}</PageHeading>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t('home.roles.title')}>
          <ul className="grid gap-3">
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
        </Card>
        <Card title={t('home.counts.title')}>
          {statusesWithReports.length === 0 ? (
            <p className="text-slate-700">{t('reports.empty')}</p>
          ) : (
            <dl className="grid gap-2">
              {statusesWithReports.map((status) => (
                <div key={status} className="flex items-center justify-between gap-2">
                  <dt>
                    <Link
                      to={reportListPath(user.roles, status)}
                      aria-label={t('home.counts.link', { status: t(`status.${status}`), count: counts[status] ?? 0 })}
                    >
                      <StatusBadge status={status} />
                    </Link>
                  </dt>
                  <dd className="text-lg font-bold">{formatNumber(locale, counts[status] ?? 0)}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
        <Card title={t('home.latest.title')}>
          {latest.length === 0 ? (
            <p className="text-slate-700">{t('reports.empty')}</p>
          ) : (
            <ul className="grid gap-3">
              {latest.map((report) => (
                <li key={report.id}>
                  <p className="font-semibold">
                    <Link to={`/reports/${report.id}`}>{report.title}</Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    {formatDate(locale, report.created_at)} · <StatusBadge status={report.status} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-4">
            <Link to={allReports.path}>{t(`home.latest.${allReports.label}`)}</Link>
          </p>
        </Card>
      </div>
    </>
  )
}
