import { Link } from '@remix-run/react'
import { type ReportStatus } from '#app/models/database.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { StatusBadge } from './status-badge.tsx'
import { ListTable } from './list-table.tsx'

interface ReportRow {
  id: string
  title: string
  status: ReportStatus
  positive: boolean
  municipality: string | null
  team: string | null
  date: Date | string | null
  /** Waiting for first feedback longer than the organisation's limit (the review queue sets it). */
  overdue?: boolean
}

/** The list of reports used by "Reports" and the review queue; each title opens the report. */
export function ReportTable({
  caption,
  dateLabel,
  reports,
}: {
  caption: string
  dateLabel: string
  reports: ReportRow[]
}) {
  const { locale, t } = useI18n()
  return (
    <ListTable
      caption={caption}
      columns={[
        t('reports.column.title'),
        t('reports.column.status'),
        t('reports.column.municipality'),
        t('reports.column.team'),
        dateLabel,
      ]}
      rows={reports}
      empty={t('reports.empty')}
    >
      {(report) => (
        <tr key={report.id} className="border-t border-slate-200 align-top">
          <td className="p-3 font-semibold">
            <Link to={`/reports/${report.id}`}>{report.title}</Link>
            {report.positive ? <PositiveTag /> : null}
            {report.overdue ? <OverdueTag /> : null}
          </td>
          <td className="p-3">
            <StatusBadge status={report.status} />
          </td>
          <td className="p-3">{report.municipality ?? t('reports.wholeArea')}</td>
          <td className="p-3">{report.team ?? '–'}</td>
          <td className="p-3 whitespace-nowrap">{report.date ? formatDate(locale, report.date) : '–'}</td>
        </tr>
      )}
    </ListTable>
  )
}

/** Marks a report about good practice worth spreading, next to its title. */
export function PositiveTag({ className = 'ml-2' }: { className?: string }) {
  const { t } = useI18n()
  return (
    <span className={`rounded bg-green-50 px-1 text-sm font-normal whitespace-nowrap text-green-900 ${className}`}>
      {t('reports.positive')}
    </span>
  )
}

/** Marks a report that has waited for first feedback longer than the limit; the word says it, not the colour. */
export function OverdueTag({ className = 'ml-2' }: { className?: string }) {
  const { t } = useI18n()
  return (
    <span
      className={`inline-block rounded border border-red-700 bg-red-50 px-1 text-sm font-semibold whitespace-nowrap text-red-900 ${className}`}
    >
      {t('review.overdue')}
    </span>
  )
}
