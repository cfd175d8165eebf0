import { Link } from '@remix-run/react'
import { type ReportStatus } from '#app/models/database.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { StatusBadge } from './status-badge.tsx'
import { Table } from './ui/table.tsx'

interface ReportRow {
  id: string
  title: string
  status: ReportStatus
  positive: boolean
  municipality: string | null
  team: string | null
  date: Date | string | null
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
  if (reports.length === 0) return <p>{t('reports.empty')}</p>
  return (
    <Table
      caption={caption}
      columns={[
        t('reports.column.title'),
        t('reports.column.status'),
        t('reports.column.municipality'),
        t('reports.column.team'),
        dateLabel,
      ]}
    >
      {reports.map((report) => (
        <tr key={report.id} className="border-t border-slate-200 align-top">
          <td className="p-3 font-semibold">
            <Link to={`/reports/${report.id}`}>{report.title}</Link>
            {report.positive ? <PositiveTag /> : null}
          </td>
          <td className="p-3">
            <StatusBadge status={report.status} />
          </td>
          <td className="p-3">{report.municipality ?? t('reports.wholeArea')}</td>
          <td className="p-3">{report.team ?? '–'}</td>
          <td className="p-3 whitespace-nowrap">{report.date ? formatDate(locale, report.date) : '–'}</td>
        </tr>
      ))}
    </Table>
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

export function Pagination({
  page,
  hasNext,
  hrefFor,
}: {
  page: number
  hasNext: boolean
  hrefFor: (page: number) => string
}) {
  const { t } = useI18n()
  return (
    <nav aria-label={t('pagination.label')} className="mt-4 flex gap-4">
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link> : null}
      <span>{t('pagination.page', { page })}</span>
      {hasNext ? <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link> : null}
    </nav>
  )
}
