import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type ReactNode } from 'react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { getLocalEmail } from '#app/models/email-job.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDateTime } from '#app/utils/i18n.ts'
import { requireLocalMailbox } from '#app/utils/local-mailbox.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  requireLocalMailbox()
  const found = await getLocalEmail(getDb(), admin.organisation.id, requireUuid(params.emailId))
  if (!found) throw data({ code: 'not_found' }, { status: 404 })
  // The HTML part is not the page's: the frame loads it as a document of its own (admin.mailbox.$emailId_.html.ts).
  const { html, ...email } = found
  return { email }
}

/** The text part with its web addresses made clickable, so an invitation or reset link can be followed. */
function TextWithLinks({ text }: { text: string }) {
  const parts: ReactNode[] = text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="break-all">
        {part}
      </a>
    ) : (
      part
    ),
  )
  return <pre className="overflow-x-auto text-sm whitespace-pre-wrap">{parts}</pre>
}

export default function LocalEmailPage() {
  const { email } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const subject = email.subject ?? t('admin.mailbox.noSubject')
  return (
    <>
      <p className="mb-4">
        <Link to="/admin/mailbox">{t('admin.mailbox.back')}</Link>
      </p>
      <PageHeading title={subject} />
      <dl className="mb-6 grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(0,12rem)_1fr]">
        <dt className="font-semibold">{t('admin.mailbox.column.recipient')}</dt>
        <dd className="break-words">{email.to_address ?? '–'}</dd>
        <dt className="font-semibold">{t('admin.mailbox.column.kind')}</dt>
        <dd>{t(`admin.email.kind.${email.kind}`)}</dd>
        <dt className="font-semibold">{t('admin.mailbox.column.time')}</dt>
        <dd>{formatDateTime(locale, email.sent_at ?? email.created_at)}</dd>
      </dl>
      <div className="grid gap-6">
        <Card title={t('admin.mailbox.text')}>
          <TextWithLinks text={email.text_body ?? ''} />
        </Card>
        <Card title={t('admin.mailbox.html')}>
          {/*
            The message's own HTML never enters this page: an empty sandbox runs no script and reaches nothing, and
            its document comes with a policy of its own that allows the email's inline styles, which this page's
            Content-Security-Policy forbids.
          */}
          <iframe
            title={t('admin.mailbox.htmlFrame')}
            sandbox=""
            src={`/admin/mailbox/${email.id}/html`}
            className="h-[44rem] w-full rounded border border-slate-300 bg-white"
          />
        </Card>
      </div>
    </>
  )
}
