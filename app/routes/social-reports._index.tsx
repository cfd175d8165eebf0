import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ListTable } from '#app/components/list-table.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { listCompiledReports } from '#app/services/compiled-reports.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  return listCompiledReports(await requireUser(request))
}

export default function CompiledReportsPage() {
  const { reports, canCreate } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={t('compiled.list.title')}>{t('compiled.list.intro')}</PageHeading>
      {canCreate ? (
        <p className="mb-6 flex flex-wrap gap-4">
          <Link to="/social-reports/new" className="font-semibold">
            {t('compiled.list.new')}
          </Link>
          <Link to="/social-reports/indicators" className="font-semibold">
            {t('compiled.list.indicators')}
          </Link>
        </p>
      ) : null}
      <ListTable
        caption={t('compiled.list.title')}
        columns={[t('compiled.column.title'), t('compiled.column.stage'), t('compiled.column.updated')]}
        rows={reports}
        empty={t('compiled.list.empty')}
      >
        {(report) => (
          <tr key={report.id} className="border-t border-slate-200">
            <td className="p-3 font-semibold">
              <Link to={`/social-reports/${report.id}`}>{report.title}</Link>
            </td>
            <td className="p-3">{t(`compiled.stage.${report.stage}`)}</td>
            <td className="p-3 whitespace-nowrap">{formatDate(locale, report.updatedAt)}</td>
          </tr>
        )}
      </ListTable>
    </>
  )
}
