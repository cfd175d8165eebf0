import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { ListTable, Pager } from '#app/components/list-table.tsx'
import { listLocalMailbox } from '#app/models/email-job.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDateTime } from '#app/utils/i18n.ts'
import { pageOf, pageWindow, readPageNumber } from '#app/utils/paging.ts'
import { requireLocalMailbox } from '#app/utils/local-mailbox.server.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const pageSize = 50

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  requireLocalMailbox()
  const page = readPageNumber(readSearchParams(request))
  const rows = await listLocalMailbox(getDb(), admin.organisation.id, pageWindow(page, pageSize))
  const { rows: emails, hasNext } = pageOf(rows, pageSize)
  return { emails, hasNext, page }
}

export default function LocalMailboxPage() {
  const { emails, hasNext, page } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={t('admin.mailbox.title')}>{t('admin.mailbox.intro')}</PageHeading>
      <ListTable
        caption={t('admin.mailbox.title')}
        columns={[
          t('admin.mailbox.column.subject'),
          t('admin.mailbox.column.recipient'),
          t('admin.mailbox.column.kind'),
          t('admin.mailbox.column.time'),
        ]}
        rows={emails}
        empty={t('admin.mailbox.empty')}
      >
        {(email) => (
          <tr key={email.id} className="border-t border-slate-200 align-top">
            <td className="p-3">
              <Link to={`/admin/mailbox/${email.id}`}>{email.subject ?? t('admin.mailbox.noSubject')}</Link>
            </td>
            <td className="p-3 break-words">{email.to_address ?? '–'}</td>
            <td className="p-3">{t(`admin.email.kind.${email.kind}`)}</td>
            <td className="p-3 whitespace-nowrap">{formatDateTime(locale, email.sent_at ?? email.created_at)}</td>
          </tr>
        )}
      </ListTable>
      <Pager page={page} hasNext={hasNext} hideWhenSingle />
    </>
  )
}
