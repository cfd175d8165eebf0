import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { IntentForm } from '#app/components/intent-form.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { ListTable, Pager } from '#app/components/list-table.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { listDeadEmailJobs } from '#app/models/email-job.server.ts'
import { retryFailedEmail } from '#app/services/email-queue.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDateTime } from '#app/utils/i18n.ts'
import { pageOf, pageWindow, readPageNumber } from '#app/utils/paging.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const pageSize = 50

const RetrySchema = z.object({ intent: z.literal('retry'), jobId: z.uuid() })

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const page = readPageNumber(readSearchParams(request))
  const rows = await listDeadEmailJobs(getDb(), admin.organisation.id, pageWindow(page, pageSize))
  const { rows: jobs, hasNext } = pageOf(rows, pageSize)
  return { jobs, hasNext, page }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const parsed = RetrySchema.safeParse(Object.fromEntries(await readProtectedForm(request)))
  if (!parsed.success) throw data({ code: 'invalid' }, { status: 400 })
  const result = await retryFailedEmail(admin, parsed.data)
  if (!result.ok) throwRefusal(result)
  return { retried: true }
}

export default function EmailFailuresPage() {
  const { jobs, hasNext, page } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={t('admin.emailFailures.title')}>{t('admin.emailFailures.intro')}</PageHeading>
      {result?.retried ? (
        <div className="mb-4">
          <Alert tone="success">{t('admin.emailFailures.retried')}</Alert>
        </div>
      ) : null}
      <ListTable
        caption={t('admin.emailFailures.title')}
        columns={[
          t('admin.mailbox.column.kind'),
          t('admin.mailbox.column.recipient'),
          t('admin.emailFailures.column.attempts'),
          t('admin.emailFailures.column.error'),
          t('admin.emailFailures.column.created'),
          t('admin.emailFailures.column.action'),
        ]}
        rows={jobs}
        empty={t('admin.emailFailures.empty')}
      >
        {(job) => (
          <tr key={job.id} className="border-t border-slate-200 align-top">
            <td className="p-3">{t(`admin.email.kind.${job.kind}`)}</td>
            <td className="p-3 break-words">{job.recipient}</td>
            <td className="p-3">{job.attempts}</td>
            <td className="p-3 break-words">{job.last_error ?? '–'}</td>
            <td className="p-3 whitespace-nowrap">{formatDateTime(locale, job.created_at)}</td>
            <td className="p-3">
              <IntentForm intent="retry" fields={{ jobId: job.id }}>
                <Button variant="secondary" className="whitespace-nowrap">
                  {t('admin.emailFailures.retry')}
                  <span className="sr-only">
                    : {t(`admin.email.kind.${job.kind}`)}, {job.recipient}
                  </span>
                </Button>
              </IntentForm>
            </td>
          </tr>
        )}
      </ListTable>
      <Pager page={page} hasNext={hasNext} hideWhenSingle />
    </>
  )
}
