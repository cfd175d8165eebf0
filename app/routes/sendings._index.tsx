import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Pager } from '#app/components/list-table.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { displayName } from '#app/domain/display-name.ts'
import { listSendingsForUser } from '#app/services/sendings.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { readPageNumber } from '#app/utils/paging.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return listSendingsForUser(user, readPageNumber(readSearchParams(request)))
}

export default function SendingsPage() {
  const { all, sendings, hasNext, page } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={t('sendings.title')}>{t(all ? 'sendings.introAll' : 'sendings.intro')}</PageHeading>
      {sendings.length === 0 ? (
        <p>{t('sendings.none')}</p>
      ) : (
        <Table
          caption={t('sendings.caption')}
          columns={[
            t('sendings.column.subject'),
            t('sendings.column.recipient'),
            t('sendings.column.state'),
            t('sendings.column.sent'),
          ]}
        >
          {sendings.map((sending) => (
            <tr key={sending.id} className="border-t border-slate-200">
              <td className="p-3">
                <Link className="font-semibold" to={`/sendings/${sending.id}`}>
                  {sending.title}
                </Link>
                <span className="block text-sm text-slate-700">
                  {t(sending.report_id ? 'sendings.subject.report' : 'sendings.subject.phenomenon')}
                </span>
              </td>
              <td className="p-3">
                {displayName(locale, sending.recipient_name, sending.recipient_name_sv)}
                <span className="block text-sm text-slate-700">{t(`recipientKind.${sending.recipient_kind}`)}</span>
              </td>
              <td className="p-3">{t(`sendingState.${sending.state}`)}</td>
              <td className="p-3">{formatDate(locale, sending.sent_at)}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pager page={page} hasNext={hasNext} hideWhenSingle />
    </>
  )
}
