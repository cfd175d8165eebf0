import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { ListTable } from '#app/components/list-table.tsx'
import { phenomenonReaders } from '#app/domain/phenomena.ts'
import { listPhenomena } from '#app/models/phenomenon.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatNumber } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, phenomenonReaders)
  return { phenomena: await listPhenomena(getDb(), user.organisation.id) }
}

export default function PhenomenaPage() {
  const { phenomena } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={t('phenomenon.list.title')}>{t('phenomenon.list.intro')}</PageHeading>
      <ListTable
        caption={t('phenomenon.list.title')}
        columns={[
          t('phenomenon.column.title'),
          t('phenomenon.column.reports'),
          t('phenomenon.column.teams'),
          t('phenomenon.column.municipalities'),
          t('phenomenon.column.since'),
          t('phenomenon.column.latest'),
        ]}
        rows={phenomena}
        empty={t('phenomenon.list.empty')}
      >
        {(phenomenon) => (
          <tr key={phenomenon.id} className="border-t border-slate-200">
            <td className="p-3 font-semibold">
              <Link to={`/phenomena/${phenomenon.id}`}>{phenomenon.title}</Link>
            </td>
            <td className="p-3">{formatNumber(locale, phenomenon.report_count)}</td>
            <td className="p-3">{formatNumber(locale, phenomenon.team_count)}</td>
            <td className="p-3">{formatNumber(locale, phenomenon.municipality_count)}</td>
            <td className="p-3">{phenomenon.first_observed ? formatDate(locale, phenomenon.first_observed) : '–'}</td>
            <td className="p-3">{phenomenon.latest_report ? formatDate(locale, phenomenon.latest_report) : '–'}</td>
          </tr>
        )}
      </ListTable>
    </>
  )
}
