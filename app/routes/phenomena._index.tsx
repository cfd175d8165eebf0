import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { ListTable } from '#app/components/list-table.tsx'
import {
  hasWorkerView,
  readerEvidence,
  sharedPictureRoles,
  type ShownCount,
  workerEvidence,
} from '#app/domain/shared-picture.ts'
import { listPhenomena } from '#app/models/phenomenon.server.ts'
import { getSmallCountThreshold } from '#app/models/statistics.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatNumber } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/** Readers see the evidence as counted; a worker sees it as outside the team (shared-picture.ts workerEvidence). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, sharedPictureRoles)
  const db = getDb()
  const workerView = hasWorkerView(user.roles)
  const [phenomena, threshold] = await Promise.all([
    listPhenomena(db, user.organisation.id),
    workerView ? getSmallCountThreshold(db, user.organisation.id) : null,
  ])
  return {
    threshold,
    phenomena: phenomena.map((phenomenon) => ({
      id: phenomenon.id,
      title: phenomenon.title,
      ...(threshold === null ? readerEvidence(phenomenon) : workerEvidence(phenomenon, threshold)),
      // A worker gets no dates: the first and latest report's would date a single report behind a withheld count.
      first_observed: threshold === null ? phenomenon.first_observed : null,
      latest_report: threshold === null ? phenomenon.latest_report : null,
    })),
  }
}

export default function PhenomenaPage() {
  const { phenomena, threshold } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const count = (value: ShownCount) =>
    value === null ? t('sharedPicture.evidence.suppressed', { threshold: threshold ?? 0 }) : formatNumber(locale, value)
  return (
    <>
      <PageHeading title={t('phenomenon.list.title')}>
        {threshold === null ? t('phenomenon.list.intro') : t('sharedPicture.workerIntro')}
      </PageHeading>
      {threshold === null ? null : (
        <p className="mb-4 text-sm text-slate-700">{t('sharedPicture.evidence.note', { threshold })}</p>
      )}
      <ListTable
        caption={t('phenomenon.list.title')}
        columns={[
          t('phenomenon.column.title'),
          t('phenomenon.column.reports'),
          t('phenomenon.column.teams'),
          t('phenomenon.column.municipalities'),
          t('sharedPicture.column.observations'),
          ...(threshold === null ? [t('phenomenon.column.since'), t('phenomenon.column.latest')] : []),
        ]}
        rows={phenomena}
        empty={t('phenomenon.list.empty')}
      >
        {(phenomenon) => (
          <tr key={phenomenon.id} className="border-t border-slate-200">
            <td className="p-3 font-semibold">
              <Link to={`/phenomena/${phenomenon.id}`}>{phenomenon.title}</Link>
            </td>
            <td className="p-3">{count(phenomenon.report_count)}</td>
            <td className="p-3">{count(phenomenon.team_count)}</td>
            <td className="p-3">{count(phenomenon.municipality_count)}</td>
            <td className="p-3">{formatNumber(locale, phenomenon.observation_count)}</td>
            {threshold === null ? (
              <>
                <td className="p-3">
                  {phenomenon.first_observed ? formatDate(locale, phenomenon.first_observed) : '–'}
                </td>
                <td className="p-3">{phenomenon.latest_report ? formatDate(locale, phenomenon.latest_report) : '–'}</td>
              </>
            ) : null}
          </tr>
        )}
      </ListTable>
    </>
  )
}
