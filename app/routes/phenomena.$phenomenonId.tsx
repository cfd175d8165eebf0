import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { FollowToggle } from '#app/components/follow-toggle.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { isFollowing } from '#app/models/follow.server.ts'
import { getPhenomenon } from '#app/models/phenomenon.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { phenomenonReaders } from '#app/domain/phenomena.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, phenomenonReaders)
  const phenomenon = await getPhenomenon(getDb(), user.organisation.id, requireUuid(params.phenomenonId))
  if (!phenomenon) throw data({ code: 'not_found' }, { status: 404 })
  const following = await isFollowing(getDb(), user, { kind: 'phenomenon', id: phenomenon.id })
  return { phenomenon, following }
}

export default function PhenomenonPage() {
  const { phenomenon, following } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={phenomenon.title}>
        {t('phenomenon.summary', {
          reports: phenomenon.report_count,
          teams: phenomenon.team_count,
          municipalities: phenomenon.municipality_count,
          since: phenomenon.first_observed ? formatDate(locale, phenomenon.first_observed) : '–',
        })}
      </PageHeading>
      <div className="mb-6 max-w-2xl">
        <Card title={t('follow.title')}>
          <FollowToggle kind="phenomenon" id={phenomenon.id} following={following} />
        </Card>
      </div>
      <Table
        caption={t('phenomenon.reports')}
        columns={[
          t('reports.column.title'),
          t('reports.column.status'),
          t('reports.column.team'),
          t('reports.column.municipality'),
          t('reports.column.created'),
        ]}
      >
        {phenomenon.reports.map((report) => (
          <tr key={report.id} className="border-t border-slate-200">
            <td className="p-3 font-semibold">
              <Link to={`/reports/${report.id}`}>{report.title}</Link>
            </td>
            <td className="p-3">
              <StatusBadge status={report.status} />
            </td>
            <td className="p-3">{report.team ?? '–'}</td>
            <td className="p-3">{report.municipality ?? t('reports.wholeArea')}</td>
            <td className="p-3">{formatDate(locale, report.created_at)}</td>
          </tr>
        ))}
      </Table>
    </>
  )
}
