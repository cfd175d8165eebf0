import { type LoaderFunctionArgs, data } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { displayName } from '#app/domain/display-name.ts'
import { CompiledReportView } from '#app/components/compiled-report-view.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { getPublicCompiledReport } from '#app/services/compiled-reports.server.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { isStorableText } from '#app/utils/storable-text.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/** A published compiled report without sign-in, only when its organisation has chosen to show them (ADR 037). */
export async function loader({ params }: LoaderFunctionArgs) {
  const organisation = params.organisation ?? ''
  // An address no organisation can have names none: a 404, not a database error.
  if (!isStorableText(organisation)) throw data({ code: 'not_found' }, { status: 404 })
  const found = await getPublicCompiledReport(organisation, requireUuid(params.compiledReportId))
  if (!found) throw data({ code: 'not_found' }, { status: 404 })
  const { report, document } = found
  return {
    title: report.title,
    organisationName: report.organisationName,
    organisationNameSv: report.organisationNameSv,
    publishedAt: report.publishedAt,
    document,
  }
}

export default function PublicCompiledReportPage() {
  const { title, organisationName, organisationNameSv, publishedAt, document } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const organisation = displayName(locale, organisationName, organisationNameSv)
  return (
    <>
      <PageHeading title={title}>
        {t('compiled.public.organisation', {
          organisation,
          date: publishedAt ? formatDate(locale, publishedAt) : '',
        })}
      </PageHeading>
      <CompiledReportView document={document} />
    </>
  )
}
