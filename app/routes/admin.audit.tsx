import { type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { ListTable, Pager } from '#app/components/list-table.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { SelectField, TextField } from '#app/components/ui/field.tsx'
import { auditEntryInWords } from '#app/domain/audit.ts'
import { readAuditLog } from '#app/services/audit.server.ts'
import { auditFilterQuery, readAuditFilters } from '#app/utils/audit-filters.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { formatDateTime } from '#app/utils/i18n.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const { filters, page } = readAuditFilters(readSearchParams(request))
  const log = await readAuditLog(admin, filters, page)
  if (!log.ok) throwRefusal(log)
  return { rows: log.rows, hasNext: log.hasNext, actors: log.actors, filters, page }
}

export default function AuditLogPage() {
  const { rows, hasNext, actors, filters, page } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const query = auditFilterQuery(filters)
  const pageHref = (number: number) => `?${new URLSearchParams([...query, ['page', String(number)]])}`
  return (
    <>
      <PageHeading title={t('audit.title')}>{t('audit.intro')}</PageHeading>
      <Form method="get" className="mb-6 rounded-lg border border-slate-300 bg-white p-4">
        <fieldset className="flex flex-wrap items-end gap-4">
          <legend className="mb-2 font-semibold">{t('audit.filter.legend')}</legend>
          <div className="min-w-56">
            <SelectField
              name="actor"
              label={t('audit.filter.actor')}
              defaultValue={filters.actorId ?? ''}
              options={[
                { value: '', label: t('audit.filter.anyActor') },
                ...actors.map((actor) => ({ value: actor.id, label: actor.name })),
              ]}
            />
          </div>
          <div className="min-w-80">
            <TextField
              name="target"
              label={t('audit.filter.target')}
              description={t('audit.filter.targetHelp')}
              defaultValue={filters.targetId ?? ''}
            />
          </div>
          <TextField name="from" type="date" label={t('audit.filter.from')} defaultValue={filters.from ?? ''} />
          <TextField name="to" type="date" label={t('audit.filter.to')} defaultValue={filters.to ?? ''} />
          <Button>{t('audit.filter.submit')}</Button>
          <Link to="/admin/audit" className="underline">
            {t('audit.filter.clear')}
          </Link>
        </fieldset>
      </Form>
      <p className="mb-4">
        <a href={`/admin/audit.csv?${query}`} className="font-semibold underline" download>
          {t('audit.export')}
        </a>
      </p>
      <ListTable
        caption={t('audit.title')}
        columns={[
          t('audit.column.when'),
          t('audit.column.who'),
          t('audit.column.what'),
          t('audit.column.target'),
          t('audit.column.via'),
          t('audit.column.changes'),
        ]}
        rows={rows}
        empty={t('audit.empty')}
      >
        {(row) => {
          const words = auditEntryInWords(t, row)
          return (
            <tr key={row.id} className="border-t border-slate-200 align-top">
              <td className="p-3 whitespace-nowrap">{formatDateTime(locale, row.created_at)}</td>
              <td className="p-3 break-words">{words.who}</td>
              <td className="p-3">{words.what}</td>
              <td className="p-3 break-all">
                {row.target_type === 'report' && row.target_id ? (
                  <Link to={`/reports/${row.target_id}`} className="underline">
                    {words.target}
                  </Link>
                ) : (
                  words.target
                )}
              </td>
              <td className="p-3 break-all">{words.via}</td>
              <td className="p-3 break-words">
                {words.changes.length > 0 ? (
                  <ul>
                    {words.changes.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          )
        }}
      </ListTable>
      <Pager page={page} hasNext={hasNext} hrefFor={pageHref} hideWhenSingle />
    </>
  )
}
