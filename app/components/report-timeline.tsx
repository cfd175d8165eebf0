import { Link } from '@remix-run/react'
import { welfareSectionPath } from '#app/domain/welfare-report.ts'
import {
  type ActionOutcome,
  type AgendaDecision,
  type ReportEventType,
  type ReportStatus,
} from '#app/models/database.ts'
import { formatDateTime, type Translate } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export interface TimelineEvent {
  id: string
  type: ReportEventType
  to_status: ReportStatus | null
  comment: string | null
  resolution: 'resolved_in_team' | 'no_further_action' | null
  created_at: Date | string
  actor_name: string
  committee_name: string | null
  phenomenon_title: string | null
  decision: AgendaDecision | null
  action_outcome: ActionOutcome | null
  action_description: string | null
  welfare_report_id: string | null
  welfare_report_title: string | null
  welfare_section_id: string | null
  welfare_section_title: string | null
}

/** What happened, in the same words wherever an event is shown. */
function describeEvent(t: Translate, event: TimelineEvent) {
  switch (event.type) {
    case 'created':
      return t('timeline.created')
    case 'status_changed':
      if (event.decision) return t('timeline.decision', { decision: t(`agendaDecision.${event.decision}`) })
      return t('timeline.statusChanged', { status: t(`status.${event.to_status ?? 'draft'}`) })
    case 'phenomenon_linked':
      return t('timeline.linked', { phenomenon: event.phenomenon_title ?? '' })
    case 'phenomenon_unlinked':
      return t('timeline.unlinked', { phenomenon: event.phenomenon_title ?? '' })
    case 'action_outcome':
      return t('timeline.actionOutcome', {
        // Quoted mid-sentence, so the action's own closing full stop would sit before the quote mark.
        action: (event.action_description ?? '').trim().replace(/[.]+$/, ''),
        outcome: event.action_outcome ? t(`actionOutcome.${event.action_outcome}`) : '',
      })
    case 'welfare_report_included':
      return t('timeline.welfareIncluded')
  }
}

/**
 * One event: what happened, when and by whom, and what the actor said. Shared by the timeline and "My reports",
 * where a long comment is cut to a few lines (the whole text stays readable on the report page).
 */
export function ReportEvent({ event, brief = false }: { event: TimelineEvent; brief?: boolean }) {
  const { locale, t } = useI18n()
  return (
    <>
      <p className="font-semibold">{describeEvent(t, event)}</p>
      <p className="text-sm text-slate-700">
        <time dateTime={new Date(event.created_at).toISOString()}>{formatDateTime(locale, event.created_at)}</time> ·{' '}
        {event.actor_name}
      </p>
      {event.committee_name ? (
        <p className="text-sm">{t('timeline.committee', { committee: event.committee_name })}</p>
      ) : null}
      {event.resolution ? <p className="text-sm">{t(`resolution.${event.resolution}`)}</p> : null}
      {event.welfare_report_id && event.welfare_section_id ? (
        <p className="text-sm">
          <Link className="underline" to={welfareSectionPath(event.welfare_report_id, event.welfare_section_id)}>
            {t('timeline.welfareSection', {
              report: event.welfare_report_title ?? '',
              section: event.welfare_section_title ?? '',
            })}
          </Link>
        </p>
      ) : null}
      {event.comment ? (
        <p className={`mt-1 whitespace-pre-line rounded bg-slate-50 p-2 ${brief ? 'line-clamp-3 text-sm' : ''}`}>
          {event.comment}
        </p>
      ) : null}
    </>
  )
}

/** Every recorded step of the report, oldest first, readable by the reporter at any time. */
export function ReportTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <ol className="grid gap-4 border-l-4 border-brand-100 pl-4">
      {events.map((event) => (
        <li key={event.id}>
          <ReportEvent event={event} />
        </li>
      ))}
    </ol>
  )
}
