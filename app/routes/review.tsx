import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { PageHeading } from '#app/components/page-heading.tsx'
import { FilterForm, KindFilter, SearchFilter, StatusCounts, StatusFilter } from '#app/components/report-filters.tsx'
import { Pager } from '#app/components/list-table.tsx'
import { ReportTable } from '#app/components/report-table.tsx'
import { SelectField, TextField } from '#app/components/ui/field.tsx'
import { displayName } from '#app/domain/display-name.ts'
import { IsoDateSchema } from '#app/domain/dates.ts'
import { clientGroups, supportNeeds } from '#app/domain/report-fields.ts'
import { reportStatuses } from '#app/models/database.ts'
import { listMunicipalities } from '#app/models/organisation.server.ts'
import { listReviewQueue } from '#app/models/report.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import {
  filteredPageHref,
  optionalFilter,
  parseListFilters,
  positiveFlag,
  ReportListFiltersSchema,
} from '#app/utils/list-filters.ts'
import { pageOf, pageWindow } from '#app/utils/paging.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const pageSize = 20

const FiltersSchema = ReportListFiltersSchema.extend({
  supportNeed: optionalFilter(z.enum(supportNeeds)),
  clientGroup: optionalFilter(z.enum(clientGroups)),
  municipalityId: optionalFilter(z.uuid()),
  from: optionalFilter(IsoDateSchema),
  to: optionalFilter(IsoDateSchema),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['team_lead', 'coordinator'])
  const filters = parseListFilters(FiltersSchema, readSearchParams(request))
  const db = getDb()
  const [queue, municipalities] = await Promise.all([
    listReviewQueue(
      db,
      user,
      { ...filters, positive: positiveFlag(filters.positive) },
      pageWindow(filters.page, pageSize),
    ),
    listMunicipalities(db, user.organisation.id),
  ])
  const { rows: reports, hasNext } = pageOf(queue.reports, pageSize)
  return { filters, municipalities, counts: queue.counts, reports, hasNext }
}

export default function ReviewQueuePage() {
  const { filters, municipalities, counts, reports, hasNext } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const option = (prefix: string) => (code: string) => ({ value: code, label: t(`${prefix}.${code}` as MessageKey) })
  const any = { value: '', label: t('filters.any') }
  return (
    <>
      <PageHeading title={t('review.title')}>
        <p>{t('review.intro')}</p>
        <p className="mt-1">
          <Link to="/review/feedback">{t('review.feedbackLink')}</Link>
        </p>
      </PageHeading>
      <StatusCounts counts={counts} />
      <FilterForm clearHref="/review">
        <SearchFilter value={filters.q} />
        <StatusFilter value={filters.status} statuses={reportStatuses.filter((s) => s !== 'draft')} />
        <SelectField
          name="supportNeed"
          label={t('report.field.supportNeeds')}
          defaultValue={filters.supportNeed ?? ''}
          options={[any, ...supportNeeds.map(option('supportNeed'))]}
        />
        <SelectField
          name="clientGroup"
          label={t('report.field.clientGroups')}
          defaultValue={filters.clientGroup ?? ''}
          options={[any, ...clientGroups.map(option('clientGroup'))]}
        />
        <SelectField
          name="municipalityId"
          label={t('report.field.municipality')}
          defaultValue={filters.municipalityId ?? ''}
          options={[
            any,
            ...municipalities.map((m) => ({ value: m.id, label: displayName(locale, m.name, m.name_sv) })),
          ]}
        />
        <TextField name="from" type="date" label={t('review.from')} defaultValue={filters.from ?? ''} />
        <TextField name="to" type="date" label={t('review.to')} defaultValue={filters.to ?? ''} />
        <KindFilter value={filters.positive} />
      </FilterForm>
      <ReportTable
        caption={t('review.title')}
        dateLabel={t('review.submitted')}
        reports={reports.map((report) => ({ ...report, date: report.submitted_at }))}
      />
      <Pager page={filters.page} hasNext={hasNext} hrefFor={(page) => filteredPageHref(filters, page)} />
    </>
  )
}
