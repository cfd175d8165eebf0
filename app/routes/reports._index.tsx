import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { listVisibleReports } from '#app/models/report.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const pageSize = 20

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const requestedPage = Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10)
  const page = Number.isFinite(requestedPage) && requestedPage > 0 ? requestedPage : 1
  const rows = await listVisibleReports(getDb(), user, { limit: pageSize + 1, offset: (page - 1) * pageSize })
  return { reports: rows.slice(0, pageSize), page, hasNext: rows.length > pageSize }
}

export default function ReportsPage() {
  const { reports, page, hasNext } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={t('reports.title')}>{t('reports.intro')}</PageHeading>
      {reports.length === 0 ? (
        <p>{t('reports.empty')}</p>
      ) : (
        <Table
          caption={t('reports.title')}
          columns={[
            t('reports.column.title'),
            t('reports.column.status'),
            t('reports.column.municipality'),
            t('reports.column.team'),
            t('reports.column.created'),
          ]}
        >
          {reports.map((report) => (
            <tr key={report.id} className="border-t border-slate-200 align-top">
              <td className="p-3 font-semibold">
                {report.title}
                {report.positive ? (
                  <span className="ml-2 rounded bg-green-50 px-1 text-sm font-normal text-green-900">
                    {t('reports.positive')}
                  </span>
                ) : null}
              </td>
              <td className="p-3">
                <StatusBadge status={report.status} />
              </td>
              <td className="p-3">{report.municipality ?? t('reports.wholeArea')}</td>
              <td className="p-3">{report.team ?? '–'}</td>
              <td className="p-3 whitespace-nowrap">{formatDate(locale, report.created_at)}</td>
            </tr>
          ))}
        </Table>
      )}
      <nav aria-label={t('pagination.label')} className="mt-4 flex gap-4">
        {page > 1 ? <Link to={`?page=${page - 1}`}>{t('pagination.previous')}</Link> : null}
        <span>{t('pagination.page', { page })}</span>
        {hasNext ? <Link to={`?page=${page + 1}`}>{t('pagination.next')}</Link> : null}
      </nav>
    </>
  )
}
