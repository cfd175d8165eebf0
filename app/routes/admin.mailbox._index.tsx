import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Pagination } from '#app/components/report-table.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { listLocalMailbox } from '#app/models/email-job.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDateTime } from '#app/utils/i18n.ts'
import { parseListFilters } from '#app/utils/list-filters.ts'
import { requireLocalMailbox } from '#app/utils/local-mailbox.server.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const pageSize = 50

const PageSchema = z.object({ page: z.coerce.number().int().min(1).catch(1).default(1) })

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  requireLocalMailbox()
  const { page } = parseListFilters(PageSchema, readSearchParams(request))
  const rows = await listLocalMailbox(getDb(), admin.organisation.id, {
    limit: pageSize + 1,
    offset: (page - 1) * pageSize,
  })
  return { emails: rows.slice(0, pageSize), hasNext: rows.length > pageSize, page }
}

export default function LocalMailboxPage() {
  const { emails, hasNext, page } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={t('admin.mailbox.title')}>{t('admin.mailbox.intro')}</PageHeading>
      {emails.length === 0 ? (
        <p>{t('admin.mailbox.empty')}</p>
      ) : (
        <Table
          caption={t('admin.mailbox.title')}
          columns={[
            t('admin.mailbox.column.subject'),
            t('admin.mailbox.column.recipient'),
            t('admin.mailbox.column.kind'),
            t('admin.mailbox.column.time'),
          ]}
        >
          {emails.map((email) => (
            <tr key={email.id} className="border-t border-slate-200 align-top">
              <td className="p-3">
                <Link to={`/admin/mailbox/${email.id}`}>{email.subject ?? t('admin.mailbox.noSubject')}</Link>
              </td>
              <td className="p-3 break-words">{email.to_address ?? '–'}</td>
              <td className="p-3">{t(`admin.email.kind.${email.kind}`)}</td>
              <td className="p-3 whitespace-nowrap">{formatDateTime(locale, email.sent_at ?? email.created_at)}</td>
            </tr>
          ))}
        </Table>
      )}
      {page > 1 || hasNext ? (
        <Pagination page={page} hasNext={hasNext} hrefFor={(target) => `?page=${target}`} />
      ) : null}
    </>
  )
}
