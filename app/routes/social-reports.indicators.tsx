import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { ListTable } from '#app/components/list-table.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { TextArea, TextField } from '#app/components/ui/field.tsx'
import { type IndicatorRowError } from '#app/domain/compiled-reports.ts'
import { getIndicatorsPage, importIndicators } from '#app/services/compiled-reports.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { indicatorCsvOf } from '#app/utils/compiled-report-forms.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { formatDate, formatNumber } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await getIndicatorsPage(await requireUser(request))
  if (!page) throw data({ code: 'forbidden' }, { status: 403 })
  return page
}

type ImportReply =
  | {
      ok: true
      preview: boolean
      imported: number
      series: { name: string; source: string; values: number }[]
      csv: string
    }
  | { ok: false; errors: IndicatorRowError[]; csv: string }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readProtectedForm(request)
  const csv = (await indicatorCsvOf(formData)) ?? ''
  const preview = formData.get('intent') !== 'import'
  const result = await importIndicators(user, { csv, preview })
  if (result.ok) return data<ImportReply>({ ok: true, preview, imported: result.imported, series: result.series, csv })
  if (result.reason === 'forbidden') throw data({ code: 'forbidden' }, { status: 403 })
  return data<ImportReply>({ ok: false, errors: result.errors, csv }, { status: 400 })
}

export default function IndicatorsPage() {
  const { series } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { locale, t } = useI18n()
  const previewed = reply?.ok && reply.preview ? reply : null
  const totalRows = previewed ? previewed.series.reduce((sum, entry) => sum + entry.values, 0) : 0
  return (
    <>
      <PageHeading title={t('compiled.import.title')}>{t('compiled.import.intro')}</PageHeading>
      <p className="mb-6">
        <Link to="/social-reports">{t('compiled.list.title')}</Link>
      </p>
      <div className="grid gap-8">
        <Card title={t('compiled.import.title')}>
          <Form method="post" encType="multipart/form-data" noValidate className="grid gap-4">
            <CsrfInput />
            {reply && !reply.ok ? (
              <Alert tone="error">
                <p>{t('compiled.import.failed')}</p>
                <ul className="mt-2 list-disc pl-6">
                  {reply.errors.map((error) => (
                    <li key={`${error.line}:${error.error}`}>
                      {t('compiled.import.line', {
                        line: String(error.line),
                        problem: t(`compiled.import.problem.${error.error}`),
                      })}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            {reply?.ok && !reply.preview ? (
              <Alert tone="success">
                <p>{t('compiled.import.done', { count: reply.imported })}</p>
              </Alert>
            ) : null}
            {previewed ? (
              <Alert tone="info">
                <p>{t('compiled.import.previewTitle', { count: totalRows })}</p>
                <ul className="mt-2 list-disc pl-6">
                  {previewed.series.map((entry) => (
                    <li key={entry.name}>
                      {t('compiled.import.previewSeries', {
                        name: entry.name,
                        source: entry.source,
                        count: entry.values,
                      })}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            <TextField label={t('compiled.import.file')} name="file" type="file" accept=".csv,text/csv" />
            <TextArea
              label={t('compiled.import.text')}
              name="csv"
              rows={8}
              defaultValue={reply && !(reply.ok && !reply.preview) ? reply.csv : ''}
              key={reply ? `${reply.ok}:${reply.csv.length}` : 'empty'}
            />
            <div className="flex flex-wrap gap-3">
              <Button name="intent" value="preview">
                {t('compiled.import.preview')}
              </Button>
              {previewed ? (
                <Button name="intent" value="import">
                  {t('compiled.import.submit')}
                </Button>
              ) : null}
            </div>
          </Form>
        </Card>
        <Card title={t('compiled.import.series')}>
          <ListTable
            caption={t('compiled.import.series')}
            columns={[t('compiled.column.title'), t('compiled.indicators.value')]}
            rows={series}
            empty={t('compiled.import.none')}
          >
            {(entry) => (
              <tr key={entry.id} className="border-t border-slate-200">
                <td className="p-3">
                  <span className="font-semibold">{entry.name}</span> · {entry.source}
                  <br />
                  <span className="text-sm">
                    {t('compiled.import.importedBy', {
                      name: entry.importedByName,
                      date: formatDate(locale, entry.importedAt),
                    })}
                  </span>
                </td>
                <td className="p-3 tabular-nums">{formatNumber(locale, Number(entry.valueCount ?? 0))}</td>
              </tr>
            )}
          </ListTable>
        </Card>
      </div>
    </>
  )
}
