import { Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { displayName } from '#app/domain/display-name.ts'
import { formatDateTime } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/**
 * A printable meeting document (agenda or minutes) that reads as a document on screen too. Its class
 * `meeting-document` takes the site's header, menu and footer off the printout (app/tailwind.css).
 */
export function MeetingDocument({
  title,
  meeting,
  draft,
  children,
}: {
  title: string
  meeting: {
    id: string
    committee_name: string
    committee_name_sv: string | null
    starts_at: Date | string
    place: string
  }
  /** Shown while the agenda is still being prepared, so a printout of a draft is never taken for the real one. */
  draft: boolean
  children: ReactNode
}) {
  const { locale, t } = useI18n()
  return (
    <article className="meeting-document mx-auto max-w-3xl rounded-lg border border-slate-300 bg-white p-8 text-slate-900 print:max-w-none print:border-0 print:p-0 print:text-black">
      <div className="mb-6 flex flex-wrap items-center gap-3 print:hidden">
        <button
          type="button"
          onClick={() => window.print()}
          className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t('meetings.print.button')}
        </button>
        <Link to={`/meetings/${meeting.id}`}>{t('meetings.print.back')}</Link>
      </div>
      <header className="mb-6 border-b-2 border-slate-900 pb-4 print:border-black">
        <p className="text-lg font-semibold">
          {displayName(locale, meeting.committee_name, meeting.committee_name_sv)}
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4">
          <dt className="font-semibold">{t('meetings.field.startsAt')}</dt>
          <dd>{formatDateTime(locale, meeting.starts_at)}</dd>
          <dt className="font-semibold">{t('meetings.field.place')}</dt>
          <dd>{meeting.place || '–'}</dd>
        </dl>
        {draft ? <p className="mt-2 font-bold uppercase">{t('meetings.print.draft')}</p> : null}
      </header>
      {children}
    </article>
  )
}
