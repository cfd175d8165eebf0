import { type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Pagination, ReportTable } from '#app/components/report-table.tsx'
import { listVisibleReports } from '#app/models/report.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
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
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('reports.title')}>{t('reports.intro')}</PageHeading>
      <ReportTable
        caption={t('reports.title')}
        dateLabel={t('reports.column.created')}
        reports={reports.map((report) => ({ ...report, date: report.created_at }))}
      />
      <Pagination page={page} hasNext={hasNext} hrefFor={(target) => `?page=${target}`} />
    </>
  )
}
