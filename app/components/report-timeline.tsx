import { Link } from '@remix-run/react'
import {
  presentReportEvent,
  type StoredReportEvent,
  timelineMessage,
  translateEventMessage,
} from '#app/domain/report-events.ts'
import { formatDateTime } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export type TimelineEvent = StoredReportEvent

/**
 * One event: what happened, when and by whom, and what the actor said. Shared by the timeline and "My reports",
 * where a long comment is cut to a few lines (the whole text stays readable on the report page).
 */
export function ReportEvent({ event: stored, brief = false }: { event: TimelineEvent; brief?: boolean }) {
  const { locale, t } = useI18n()
  const event = presentReportEvent(stored, locale)
  return (
    <>
      <p className="font-semibold">{translateEventMessage(t, timelineMessage(event))}</p>
      <p className="text-sm text-slate-700">
        <time dateTime={event.at}>{formatDateTime(locale, event.at)}</time>
        {event.actorName ? ` · ${event.actorName}` : null}
      </p>
      {event.committee ? <p className="text-sm">{t('timeline.committee', { committee: event.committee })}</p> : null}
      {event.resolution ? <p className="text-sm">{t(`resolution.${event.resolution}`)}</p> : null}
      {event.welfareReport ? (
        <p className="text-sm">
          <Link className="underline" to={event.welfareReport.path}>
            {t('timeline.welfareSection', { report: event.welfareReport.title, section: event.welfareReport.section })}
          </Link>
        </p>
      ) : null}
      {event.followUp ? (
        <p className="text-sm">
          <Link className="underline" to={event.followUp.path}>
            {t('timeline.followUpLink', { followUp: event.followUp.title })}
          </Link>
          {event.followUp.progress !== null ? ` · ${event.followUp.progress} %` : null}
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
