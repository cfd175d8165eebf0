import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { AgendaItemBody, AgendaItemTitle } from '#app/components/meeting-agenda.tsx'
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
  if (!meeting) throw data({ code: 'not_found' }, { status: 404 })
  const { items, viewerSeat: _seat, ...details } = meeting
  return {
    meeting: details,
    items: items.map(({ summary, ...item }) => ({ ...item, summaryHtml: renderMarkdown(summary) })),
  }
}

export default function AgendaDocument() {
  const { meeting, items } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  return (
    <MeetingDocument title={t('meetings.print.agendaTitle')} meeting={meeting} draft={!meeting.published_at}>
      {items.length === 0 ? <p>{t('meetings.agenda.empty')}</p> : null}
      <ol className="grid gap-8">
        {items.map((item, index) => (
          <li key={item.id} className="break-inside-avoid-page">
            <AgendaItemTitle index={index} item={item} level={2} />
            <AgendaItemBody item={item} level={2} linkReports={false} />
          </li>
        ))}
      </ol>
    </MeetingDocument>
  )
}
