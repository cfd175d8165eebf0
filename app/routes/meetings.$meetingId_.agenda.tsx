import { useLoaderData } from '@remix-run/react'
import { AgendaItemBody, AgendaItemTitle } from '#app/components/meeting-agenda.tsx'
import { MeetingDocument } from '#app/components/meeting-print.tsx'
import { meetingDocumentLoader } from '#app/utils/meeting-document.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export const loader = meetingDocumentLoader('agenda')

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
