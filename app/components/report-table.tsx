import { Link } from '@remix-run/react'
import { displayName } from '#app/domain/display-name.ts'
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
  /** The Swedish forms, where the list's query selects them (displayName). */
  municipality_sv?: string | null
  team: string | null
  team_sv?: string | null
  date: Date | string | null
  /** Waiting for first feedback longer than the organisation's limit (the review queue sets it). */
  overdue?: boolean
}

/**
 * The list of reports used by "Reports" and the review queue; each title opens the report. On a phone each report
 * is a card with every fact in words; from the small breakpoint up, a table (only one of the two is ever shown, so
 * assistive technology meets the list once).
 */
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
  const municipalityOf = (report: ReportRow) =>
    report.municipality ? displayName(locale, report.municipality, report.municipality_sv) : t('reports.wholeArea')
  const teamOf = (report: ReportRow) => (report.team ? displayName(locale, report.team, report.team_sv) : '–')
  if (reports.length === 0) return <p>{t('reports.empty')}</p>
  const dateOf = (report: ReportRow) => (report.date ? formatDate(locale, report.date) : '–')
  return (
    <>
      <ul aria-label={caption} className="grid gap-3 sm:hidden">
        {reports.map((report) => (
          <li key={report.id} className="rounded-lg border border-slate-300 bg-white p-4">
            <p className="font-semibold">
              <ReportTitle report={report} />
            </p>
            <p className="mt-2">
              <StatusBadge status={report.status} />
            </p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-700">{t('reports.column.municipality')}</dt>
              <dd>{municipalityOf(report)}</dd>
              <dt className="text-slate-700">{t('reports.column.team')}</dt>
              <dd>{teamOf(report)}</dd>
              <dt className="text-slate-700">{dateLabel}</dt>
              <dd>{dateOf(report)}</dd>
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
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
                <ReportTitle report={report} />
              </td>
              <td className="p-3">
                <StatusBadge status={report.status} />
              </td>
              <td className="p-3">{municipalityOf(report)}</td>
              <td className="p-3">{teamOf(report)}</td>
              <td className="p-3 whitespace-nowrap">{dateOf(report)}</td>
            </tr>
          )}
        </ListTable>
      </div>
    </>
  )
}

/** The report's title as a link, with what marks it out: good practice, overdue for feedback. */
function ReportTitle({ report }: { report: ReportRow }) {
  return (
    <>
      <Link to={`/reports/${report.id}`}>{report.title}</Link>
      {report.positive ? <PositiveTag /> : null}
      {report.overdue ? <OverdueTag /> : null}
    </>
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
