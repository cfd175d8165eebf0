import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { OpenQuestions } from '#app/components/open-questions.tsx'
import { OwnReportList } from '#app/components/own-report-list.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { FilterForm, KindFilter, SearchFilter, StatusCounts, StatusFilter } from '#app/components/report-filters.tsx'
import { Pager } from '#app/components/list-table.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { ReportTable } from '#app/components/report-table.tsx'
import { writesReports } from '#app/domain/roles.ts'
import { reportStatuses } from '#app/models/database.ts'
import { listOwnDraftsWithFindings } from '#app/models/redaction.server.ts'
import { listOwnReports, listVisibleReports } from '#app/models/report.server.ts'
import { listReportsWithOpenQuestions } from '#app/models/report-question.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { filteredPageHref, parseListFilters, positiveFlag, ReportListFiltersSchema } from '#app/utils/list-filters.ts'
import { pageOf, pageWindow } from '#app/utils/paging.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const pageSize = 20

/**
 * Whoever writes reports (worker, team lead) sees "My reports" here: their own, with filters and the newest event.
 * Everyone else sees every report their roles let them read, as before.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const filters = parseListFilters(ReportListFiltersSchema, readSearchParams(request))
  const page = pageWindow(filters.page, pageSize)
  if (writesReports(user.roles)) {
    const [own, flaggedDrafts, openQuestions] = await Promise.all([
      listOwnReports(getDb(), user, { ...filters, positive: positiveFlag(filters.positive) }, page),
      listOwnDraftsWithFindings(getDb(), user.organisation.id, user.id),
      listReportsWithOpenQuestions(getDb(), user),
    ])
    const { rows: reports, hasNext } = pageOf(own.reports, pageSize)
    return { view: 'own' as const, filters, counts: own.counts, reports, hasNext, flaggedDrafts, openQuestions }
  }
  const { rows: reports, hasNext } = pageOf(await listVisibleReports(getDb(), user, page), pageSize)
  return { view: 'visible' as const, page: filters.page, reports, hasNext }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

export default function ReportsPage() {
  const loaded = useLoaderData<typeof loader>()
  return loaded.view === 'own' ? <OwnReports {...loaded} /> : <VisibleReports {...loaded} />
}

/** Drafts stored with identifying text before drafts were guarded: each to be opened and fixed by its author. */
function FlaggedDrafts({ drafts }: { drafts: { id: string; title: string }[] }) {
  const { t } = useI18n()
  if (drafts.length === 0) return null
  return (
    <div className="mb-4">
      <Alert tone="error">
        <p className="font-semibold">{t('privacy.flaggedDrafts.title')}</p>
        <p>{t('privacy.flaggedDrafts.help')}</p>
        <ul className="mt-2 list-disc pl-6">
          {drafts.map((draft) => (
            <li key={draft.id}>
              <Link to={`/reports/${draft.id}/edit`}>{draft.title}</Link>
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  )
}

function OwnReports({
  filters,
  counts,
  reports,
  hasNext,
  flaggedDrafts,
  openQuestions,
}: Extract<Loaded, { view: 'own' }>) {
  const { t } = useI18n()
  const total = filters.status ? (counts[filters.status] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0)
  const filtered = filters.status !== null || filters.positive !== null || filters.q !== null
  return (
    <>
      <PageHeading title={t('reports.own.title')}>{t('reports.own.intro')}</PageHeading>
      <FlaggedDrafts drafts={flaggedDrafts} />
      <OpenQuestions reports={openQuestions} />
      <StatusCounts counts={counts} />
      <FilterForm clearHref="/reports" columns="lg:grid-cols-[repeat(3,minmax(0,1fr))_auto]">
        <SearchFilter value={filters.q} />
        <StatusFilter value={filters.status} statuses={reportStatuses} />
        <KindFilter value={filters.positive} />
      </FilterForm>
      <p className="mb-2 font-semibold" role="status">
        {t('reports.own.total', { count: total })}
      </p>
      {reports.length > 0 ? (
        <OwnReportList label={t('reports.own.title')} reports={reports} />
      ) : (
        <div className="rounded-lg border border-slate-300 bg-white p-4">
          <p className="font-semibold">{filtered ? t('reports.own.emptyFiltered') : t('reports.own.empty')}</p>
          <p className="mt-2">
            {filtered ? (
              <Link to="/reports">{t('filters.clear')}</Link>
            ) : (
              <Link to="/reports/new">{t('reports.own.newReport')}</Link>
            )}
          </p>
        </div>
      )}
      <Pager page={filters.page} hasNext={hasNext} hrefFor={(page) => filteredPageHref(filters, page)} />
    </>
  )
}

function VisibleReports({ page, reports, hasNext }: Extract<Loaded, { view: 'visible' }>) {
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('reports.title')}>{t('reports.intro')}</PageHeading>
      <ReportTable
        caption={t('reports.title')}
        dateLabel={t('reports.column.created')}
        reports={reports.map((report) => ({ ...report, date: report.created_at }))}
      />
      <Pager page={page} hasNext={hasNext} />
    </>
  )
}
