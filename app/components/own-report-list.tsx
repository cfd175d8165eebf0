import { Link } from '@remix-run/react'
import { isEditable } from '#app/domain/report-status.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { PositiveTag } from './report-table.tsx'
import { ReportEvent, type TimelineEvent } from './report-timeline.tsx'
import { StatusBadge } from './status-badge.tsx'

interface OwnReport {
  id: string
  title: string
  status: ReportStatus
  positive: boolean
  created_at: Date | string
  latestEvent: TimelineEvent | null
}

/**
 * "My reports": where each of the author's reports stands and what last happened to it. A list of cards rather
 * than a table, so the status and the newest event stay in view on a phone. A report the author can still
 * change (a draft, or one sent back for changes) opens straight in the editor.
 */
export function OwnReportList({ label, reports }: { label: string; reports: OwnReport[] }) {
  const { locale, t } = useI18n()
  return (
    <ul aria-label={label} className="grid gap-3">
      {reports.map((report) => (
        <li
          key={report.id}
          className="grid gap-3 rounded-lg border border-slate-300 bg-white p-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] md:gap-6"
        >
          <div>
            <h2 className="text-lg font-semibold">
              <Link to={isEditable(report.status) ? `/reports/${report.id}/edit` : `/reports/${report.id}`}>
                {report.title}
              </Link>
            </h2>
            <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
              <StatusBadge status={report.status} />
              {report.positive ? <PositiveTag className="" /> : null}
              <span className="text-sm text-slate-700">
                {t('reports.createdOn', { date: formatDate(locale, report.created_at) })}
              </span>
            </p>
          </div>
          <div className="border-l-4 border-brand-100 pl-3">
            <p className="text-sm text-slate-700">{t('reports.latestEvent')}</p>
            {report.latestEvent ? <ReportEvent event={report.latestEvent} brief /> : <p>{t('reports.event.none')}</p>}
          </div>
        </li>
      ))}
    </ul>
  )
}
