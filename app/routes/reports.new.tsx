import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { PageHeading } from '#app/components/page-heading.tsx'
import { ReportForm, reportFormClientAction } from '#app/components/report-form.tsx'
import { reportWriterRoles } from '#app/domain/roles.ts'
import { listMunicipalities } from '#app/models/organisation.server.ts'
import { listCoAuthorCandidates } from '#app/models/report-co-author.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { handleReportForm, type ReportFormResult } from '#app/utils/report-form.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, reportWriterRoles)
  const [municipalities, coAuthorCandidates] = await Promise.all([
    listMunicipalities(getDb(), user.organisation.id),
    listCoAuthorCandidates(getDb(), user.organisation.id, user.id),
  ])
  return { municipalities, coAuthorCandidates }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, reportWriterRoles)
  return handleReportForm(request, user, null)
}

export const clientAction = reportFormClientAction

export default function NewReportPage() {
  const { municipalities, coAuthorCandidates } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ReportFormResult | undefined
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('report.new.title')}>{t('report.new.intro')}</PageHeading>
      <ReportForm
        reportId={null}
        values={result?.values ?? { actionLevel: ['team'] }}
        fieldErrors={result?.fieldErrors ?? {}}
        findings={result?.findings ?? []}
        municipalities={municipalities}
        coAuthorCandidates={coAuthorCandidates}
        similar={[]}
        samePhenomenon={[]}
        previewHtml={result?.previewHtml ?? null}
        message={null}
      />
    </>
  )
}
