import { Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { type AgendaDecision } from '#app/domain/meetings.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { formatDate, formatDateTime, type MessageKey, type Translate } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { StatusBadge } from './status-badge.tsx'

export interface AgendaPhenomenon {
  id: string
  title: string
  report_count: number
  team_count: number
  municipality_count: number
  first_observed: string | null
  /** While the agenda is prepared: how many forwarded reports will go with the phenomenon when it is published. */
  forwarded_count?: number
}

export interface AgendaReport {
  id: string
  title: string
  status: ReportStatus
  positive: boolean
  municipality: string | null
  team: string | null
  via_phenomenon_id: string | null
  via_phenomenon_title: string | null
}

export interface AgendaItemView {
  id: string
  position: number
  title: string
  /** Sanitised HTML rendered on the server from the item's Markdown summary. */
  summaryHtml: string
  proposal: string
  decision: AgendaDecision | null
  decision_text: string | null
  decided_at: Date | string | null
  decided_by_name: string | null
  phenomena: AgendaPhenomenon[]
  reports: AgendaReport[]
}

type HeadingLevel = 2 | 3

function Heading({ level, children, className }: { level: HeadingLevel; children: ReactNode; className: string }) {
  const Tag = level === 2 ? 'h2' : 'h3'
  return <Tag className={className}>{children}</Tag>
}

function SubHeading({ level, children }: { level: HeadingLevel; children: ReactNode }) {
  const Tag = level === 2 ? 'h3' : 'h4'
  return <Tag className="mt-4 font-semibold text-brand-900 print:text-black">{children}</Tag>
}

/** Where a report comes from; team names may hold commas themselves, so the parts are set apart with a dot. */
export function reportOrigin(t: Translate, report: { municipality: string | null; team: string | null }): string {
  return [report.municipality ?? t('reports.wholeArea'), report.team].filter(Boolean).join(' · ')
}

export function decisionLabelKey(decision: AgendaDecision): MessageKey {
  return `meetings.decision.kind.${decision}`
}

/** "3 §": how an item is numbered on the agenda and in the minutes. */
export function useItemNumber() {
  const { t } = useI18n()
  return (index: number) => t('meetings.item.number', { number: index + 1 })
}

export function AgendaItemTitle({ index, item, level }: { index: number; item: AgendaItemView; level: HeadingLevel }) {
  const itemNumber = useItemNumber()
  return (
    <Heading level={level} className="text-lg font-bold text-brand-900 print:text-black">
      <span className="mr-2">{itemNumber(index)}</span> {item.title}
    </Heading>
  )
}

/** The prepared content of an item: summary, proposal, phenomena with their figures, and the reports. */
export function AgendaItemBody({
  item,
  level,
  linkReports,
}: {
  item: AgendaItemView
  level: HeadingLevel
  /** On screen reports link to their pages; a printed agenda names them only. */
  linkReports: boolean
}) {
  const { locale, t } = useI18n()
  const direct = item.reports.filter((report) => report.via_phenomenon_id === null)
  const viaPhenomena = item.reports.filter((report) => report.via_phenomenon_id !== null)
  return (
    <div className="grid gap-1">
      {item.summaryHtml ? (
        <>
          <SubHeading level={level}>{t('meetings.item.summary')}</SubHeading>
          <div className="prose-report" dangerouslySetInnerHTML={{ __html: item.summaryHtml }} />
        </>
      ) : null}
      {item.proposal ? (
        <>
          <SubHeading level={level}>{t('meetings.item.proposal')}</SubHeading>
          <p className="whitespace-pre-line">{item.proposal}</p>
        </>
      ) : null}
      {item.phenomena.length > 0 ? (
        <>
          <SubHeading level={level}>{t('meetings.item.phenomena')}</SubHeading>
          <ul className="grid gap-2">
            {item.phenomena.map((phenomenon) => (
              <li key={phenomenon.id}>
                {linkReports ? (
                  <Link to={`/phenomena/${phenomenon.id}`} className="font-semibold">
                    {phenomenon.title}
                  </Link>
                ) : (
                  <span className="font-semibold">{phenomenon.title}</span>
                )}
                <span className="block text-slate-700 print:text-black">
                  {t('phenomenon.summary', {
                    reports: phenomenon.report_count,
                    teams: phenomenon.team_count,
                    municipalities: phenomenon.municipality_count,
                    since: phenomenon.first_observed ? formatDate(locale, phenomenon.first_observed) : '–',
                  })}
                  {phenomenon.forwarded_count !== undefined
                    ? ` ${t('meetings.item.forwardedWithPhenomenon', { count: phenomenon.forwarded_count })}`
                    : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {item.reports.length > 0 ? (
        <>
          <SubHeading level={level}>{t('meetings.item.reports', { count: item.reports.length })}</SubHeading>
          <ReportList reports={direct} linkReports={linkReports} />
          {viaPhenomena.length > 0 ? (
            <>
              <p className="mt-2 text-sm text-slate-700 print:text-black">{t('meetings.item.viaPhenomena')}</p>
              <ReportList reports={viaPhenomena} linkReports={linkReports} />
            </>
          ) : null}
        </>
      ) : null}
      {!item.summaryHtml && !item.proposal && item.phenomena.length === 0 && item.reports.length === 0 ? (
        <p className="text-slate-700 print:text-black">{t('meetings.item.empty')}</p>
      ) : null}
    </div>
  )
}

function ReportList({ reports, linkReports }: { reports: AgendaReport[]; linkReports: boolean }) {
  const { t } = useI18n()
  if (reports.length === 0) return null
  return (
    <ul className="grid gap-1">
      {reports.map((report) => (
        <li key={report.id} className="flex flex-wrap items-center gap-x-2">
          {linkReports ? <Link to={`/reports/${report.id}`}>{report.title}</Link> : <span>{report.title}</span>}
          <span className="text-sm text-slate-700 print:text-black">({reportOrigin(t, report)})</span>
          {linkReports ? <StatusBadge status={report.status} /> : null}
          {report.via_phenomenon_title ? (
            <span className="text-sm text-slate-700 print:text-black">
              {t('meetings.item.viaPhenomenon', { phenomenon: report.via_phenomenon_title })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function DecisionText({ item, level }: { item: AgendaItemView; level: HeadingLevel }) {
  const { locale, t } = useI18n()
  if (!item.decision) return null
  return (
    <div className="mt-4 rounded-md border-l-4 border-teal-700 bg-teal-50 p-4 print:border-black print:bg-white print:p-0 print:pl-3">
      <SubHeading level={level}>{t('meetings.decision.title')}</SubHeading>
      <p className="font-semibold">{t(decisionLabelKey(item.decision))}</p>
      {item.decision_text ? <p className="whitespace-pre-line">{item.decision_text}</p> : null}
      {item.decided_at ? (
        <p className="text-sm text-slate-700 print:text-black">
          {t('meetings.decision.recorded', {
            name: item.decided_by_name ?? '–',
            time: formatDateTime(locale, item.decided_at),
          })}
        </p>
      ) : null}
    </div>
  )
}
