import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { ListTable } from '#app/components/list-table.tsx'
import { FormMessage, WelfareReportFields } from '#app/components/welfare-forms.tsx'
import { writesReports } from '#app/domain/roles.ts'
import { welfareSectionPath } from '#app/domain/welfare-report.ts'
import {
  canEditWelfareReports,
  currentYearPeriod,
  welfareReportEditorRoles,
  WelfareReportFormSchema,
} from '#app/domain/welfare-report-form.ts'
import {
  createWelfareReport,
  listSectionsUsingMyReports,
  listWelfareReports,
} from '#app/services/welfare-reports.server.ts'
import { requireRole, requireUser } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { parseForm } from '#app/utils/forms.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { pageReplies, resultFor } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [reports, usedReports] = await Promise.all([
    listWelfareReports(user),
    writesReports(user.roles) ? listSectionsUsingMyReports(user) : [],
  ])
  return {
    reports,
    usedReports,
    canCreate: canEditWelfareReports(user.roles),
    defaultPeriod: currentYearPeriod(new Date()),
  }
}

const formId = 'create'

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, welfareReportEditorRoles)
  const formData = await readProtectedForm(request)
  const page = pageReplies(formData, formId, 'welfare.guard.field')
  const parsed = parseForm(WelfareReportFormSchema, formData)
  if (!parsed.ok) return page.invalid(parsed.fieldErrors)
  const created = await createWelfareReport(user, parsed.data)
  return created.ok ? redirect(`/welfare-reports/${created.welfareReportId}`) : page.refused(created)
}

export default function WelfareReportsPage() {
  const { reports, usedReports, canCreate, defaultPeriod } = useLoaderData<typeof loader>()
  const result = resultFor(useActionData<typeof action>(), formId)
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={t('welfare.list.title')}>{t('welfare.list.intro')}</PageHeading>
      <div className="grid gap-8">
        {usedReports.length > 0 ? (
          <Card title={t('welfare.list.yourReports')} tone="info">
            <ul className="grid gap-2">
              {usedReports.map((used) => (
                <li key={`${used.sectionId}:${used.reportId}`}>
                  {t('welfare.list.yourReport', { report: used.reportTitle })}{' '}
                  <Link to={welfareSectionPath(used.welfareReportId, used.sectionId)}>
                    {used.welfareReportTitle}: {used.sectionTitle}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <ListTable
          caption={t('welfare.list.title')}
          columns={[
            t('welfare.column.title'),
            t('welfare.column.period'),
            t('welfare.column.sections'),
            t('welfare.column.updated'),
          ]}
          rows={reports}
          empty={t('welfare.list.empty')}
        >
          {(report) => (
            <tr key={report.id} className="border-t border-slate-200">
              <td className="p-3 font-semibold">
                <Link to={`/welfare-reports/${report.id}`}>{report.title}</Link>
              </td>
              <td className="p-3 whitespace-nowrap">
                {formatDate(locale, report.periodStart)} – {formatDate(locale, report.periodEnd)}
              </td>
              <td className="p-3 tabular-nums">{report.sectionCount}</td>
              <td className="p-3 whitespace-nowrap">{formatDate(locale, report.updatedAt)}</td>
            </tr>
          )}
        </ListTable>
        {canCreate ? (
          <div className="max-w-2xl">
            <Card title={t('welfare.create.title')}>
              <Form method="post" noValidate className="grid gap-4">
                <CsrfInput />
                <FormMessage result={result} />
                <WelfareReportFields
                  result={result}
                  defaults={{
                    title: t('welfare.create.defaultTitle', { year: defaultPeriod.from.slice(0, 4) }),
                    periodStart: defaultPeriod.from,
                    periodEnd: defaultPeriod.to,
                    introduction: '',
                  }}
                  withIntroduction={false}
                />
                <div>
                  <Button>{t('welfare.create.submit')}</Button>
                </div>
              </Form>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  )
}
