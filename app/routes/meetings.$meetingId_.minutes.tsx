import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { AgendaItemBody, AgendaItemTitle, DecisionText } from '#app/components/meeting-agenda.tsx'
import { MeetingDocument } from '#app/components/meeting-print.tsx'
import { meetingReaderRoles } from '#app/domain/meetings.ts'
import { getMeetingForViewer } from '#app/models/meeting.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, meetingReaderRoles)
  const meeting = await getMeetingForViewer(getDb(), user, requireUuid(params.meetingId))
  // Minutes record what a published agenda was decided; a draft has none.
  if (!meeting?.published_at) throw data({ code: 'not_found' }, { status: 404 })
  const { items, viewerSeat: _seat, ...details } = meeting
  return {
    meeting: details,
    items: items.map(({ summary, ...item }) => ({ ...item, summaryHtml: renderMarkdown(summary) })),
  }
}

export default function MinutesDocument() {
  const { meeting, items } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  const open = items.filter((item) => !item.decision).length
  return (
    <MeetingDocument title={t('meetings.print.minutesTitle')} meeting={meeting} draft={false}>
      {open > 0 ? <p className="mb-6 font-semibold">{t('meetings.print.undecided', { count: open })}</p> : null}
      <ol className="grid gap-8">
        {items.map((item, index) => (
          <li key={item.id} className="break-inside-avoid-page">
            <AgendaItemTitle index={index} item={item} level={2} />
            <AgendaItemBody item={item} level={2} linkReports={false} />
            {item.decision ? (
              <DecisionText item={item} level={2} />
            ) : (
              <p className="mt-4 font-semibold">{t('meetings.decision.none')}</p>
            )}
          </li>
        ))}
      </ol>
    </MeetingDocument>
  )
}
