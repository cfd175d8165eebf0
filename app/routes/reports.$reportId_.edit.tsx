import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ChangeRequests } from '#app/components/change-requests.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { type FormValues, ReportForm, reportFormClientAction } from '#app/components/report-form.tsx'
import { openChangeRequests } from '#app/domain/change-requests.ts'
import { isEditable } from '#app/domain/report-status.ts'
import { isReportAuthor } from '#app/domain/team-reports.ts'
import { listMunicipalities } from '#app/models/organisation.server.ts'
import { listCoAuthorCandidates } from '#app/models/report-co-author.server.ts'
import { contentOf, getReportForViewer, listReportEvents } from '#app/models/report.server.ts'
import { listSamePhenomenonReports } from '#app/models/similar-report.server.ts'
import { findSimilarReportsFor } from '#app/services/similar-reports.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { handleReportForm, type ReportFormResult } from '#app/utils/report-form.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

async function requireOwnEditableReport(request: Request, reportIdParam: string | undefined) {
  const user = await requireUser(request)
  const report = await getReportForViewer(getDb(), user, requireUuid(reportIdParam))
  if (!report || !isReportAuthor(user.id, report)) throw data({ code: 'not_found' }, { status: 404 })
  if (!isEditable(report.status)) throw data({ code: 'conflict' }, { status: 409 })
  return { user, report }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, report } = await requireOwnEditableReport(request, params.reportId)
  const { actions, ...content } = contentOf(report)
  const values: FormValues = {
    ...content,
    observedSince: content.observedSince ?? '',
    clientCount: content.clientCount === null ? '' : String(content.clientCount),
    trend: content.trend ?? '',
    municipalityId: content.municipalityId ?? '',
    preparedIn: content.preparedIn ?? '',
    coAuthorIds: content.coAuthorIds ?? [],
    actionDescription: actions.map((action) => action.description),
    actionLevel: actions.map((action) => action.level),
  }
  const typed = { text: `${report.title} ${report.description}`, title: report.title, reportId: report.id }
  const [municipalities, coAuthorCandidates, similar, samePhenomenon, events] = await Promise.all([
    listMunicipalities(getDb(), user.organisation.id),
    listCoAuthorCandidates(getDb(), user.organisation.id, report.author_id),
    findSimilarReportsFor(user, typed),
    listSamePhenomenonReports(getDb(), user, report.id),
    listReportEvents(getDb(), user.organisation.id, report.id),
  ])
  return {
    reportId: report.id,
    status: report.status,
    changeRequests: openChangeRequests(report.status, events),
    values,
    findings: report.identifiability_findings,
    municipalities,
    coAuthorCandidates,
    similar,
    samePhenomenon: samePhenomenon.map(({ phenomena: _phenomena, ...mark }) => mark),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, report } = await requireOwnEditableReport(request, params.reportId)
  return handleReportForm(request, user, report.id)
}

export const clientAction = reportFormClientAction

const samePhenomenonMessages: Record<string, MessageKey> = {
  marked: 'similar.saved.marked',
  unmarked: 'similar.saved.unmarked',
  unavailable: 'similar.saved.unavailable',
}

/** What the save that brought the writer here did, as the redirect after it says. */
function savedMessage(searchParams: URLSearchParams): MessageKey | null {
  const same = samePhenomenonMessages[searchParams.get('same') ?? '']
  return same ?? (searchParams.get('saved') ? 'report.saved' : null)
}

export default function EditReportPage() {
  const loaded = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ReportFormResult | undefined
  const [searchParams] = useSearchParams()
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('report.edit.title')}>
        {loaded.status === 'changes_requested' ? t('report.edit.changesRequested') : t('report.edit.intro')}
      </PageHeading>
      <ChangeRequests requests={loaded.changeRequests} />
      <ReportForm
        key={result ? 'posted' : 'loaded'}
        reportId={loaded.reportId}
        values={result?.values ?? loaded.values}
        fieldErrors={result?.fieldErrors ?? {}}
        findings={result ? result.findings : loaded.findings}
        municipalities={loaded.municipalities}
        coAuthorCandidates={loaded.coAuthorCandidates}
        similar={loaded.similar}
        samePhenomenon={loaded.samePhenomenon}
        previewHtml={result?.previewHtml ?? null}
        message={result ? null : savedMessage(searchParams)}
      />
    </>
  )
}
