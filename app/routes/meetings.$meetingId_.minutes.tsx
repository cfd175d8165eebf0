import { useLoaderData } from '@remix-run/react'
import { FollowUpList } from '#app/components/follow-through-chain.tsx'
import { AgendaItemBody, AgendaItemTitle, DecisionText } from '#app/components/meeting-agenda.tsx'
import { MeetingDocument } from '#app/components/meeting-print.tsx'
import { followUpPath } from '#app/domain/report-events.ts'
import { meetingDocumentLoader } from '#app/utils/meeting-document.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export const loader = meetingDocumentLoader('minutes')

export default function MinutesDocument() {
  const { meeting, items } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
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
            {item.followUps.length > 0 ? (
              <div className="mt-4">
                <h3 className="mb-2 text-lg font-bold">{t('chain.minutes.followUps')}</h3>
                <FollowUpList followUps={item.followUps} locale={locale} t={t} followUpHref={followUpPath} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </MeetingDocument>
  )
}
