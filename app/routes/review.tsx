import { type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Pagination, ReportTable } from '#app/components/report-table.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { SelectField, TextField } from '#app/components/ui/field.tsx'
import { clientGroups, supportNeeds } from '#app/domain/report-fields.ts'
import { reportStatuses } from '#app/models/database.ts'
import { listMunicipalities } from '#app/models/organisation.server.ts'
import { listReviewQueue } from '#app/models/report.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatNumber, type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const pageSize = 20
const orNull = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.literal('')])
    .optional()
    .catch(undefined)
    .transform((v) => v || null)

const FiltersSchema = z.object({
  status: orNull(z.enum(reportStatuses)),
  supportNeed: orNull(z.enum(supportNeeds)),
  clientGroup: orNull(z.enum(clientGroups)),
  municipalityId: orNull(z.uuid()),
  from: orNull(z.iso.date()),
  to: orNull(z.iso.date()),
  positive: orNull(z.enum(['yes', 'no'])),
  q: orNull(z.string().trim().max(200)),
  page: z.coerce.number().int().min(1).catch(1).default(1),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ['team_lead', 'coordinator'])
  const filters = FiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const db = getDb()
  const [queue, municipalities] = await Promise.all([
    listReviewQueue(
      db,
      user,
      { ...filters, positive: filters.positive === null ? null : filters.positive === 'yes' },
      { limit: pageSize + 1, offset: (filters.page - 1) * pageSize },
    ),
    listMunicipalities(db, user.organisation.id),
  ])
  return {
    filters,
    municipalities,
    counts: queue.counts,
    reports: queue.reports.slice(0, pageSize),
    hasNext: queue.reports.length > pageSize,
  }
}

export default function ReviewQueuePage() {
  const { filters, municipalities, counts, reports, hasNext } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const option = (prefix: string) => (code: string) => ({ value: code, label: t(`${prefix}.${code}` as MessageKey) })
  const any = { value: '', label: t('review.any') }
  const pageLink = (page: number) => {
    const params = new URLSearchParams(
      Object.entries(filters)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, String(v)]),
    )
    params.set('page', String(page))
    return `?${params}`
  }
  return (
    <>
      <PageHeading title={t('review.title')}>{t('review.intro')}</PageHeading>
      <ul className="mb-4 flex flex-wrap gap-3" aria-label={t('review.counts')}>
        {reportStatuses
          .filter((status) => counts[status])
          .map((status) => (
            <li key={status} className="flex items-center gap-1">
              <StatusBadge status={status} />{' '}
              <span className="font-bold">{formatNumber(locale, counts[status] ?? 0)}</span>
            </li>
          ))}
      </ul>
      <Form
        method="get"
        className="mb-6 grid gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <TextField name="q" type="search" label={t('review.search')} defaultValue={filters.q ?? ''} />
        <SelectField
          name="status"
          label={t('reports.column.status')}
          defaultValue={filters.status ?? ''}
          options={[any, ...reportStatuses.filter((s) => s !== 'draft').map(option('status'))]}
        />
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
          options={[any, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <TextField name="from" type="date" label={t('review.from')} defaultValue={filters.from ?? ''} />
        <TextField name="to" type="date" label={t('review.to')} defaultValue={filters.to ?? ''} />
        <SelectField
          name="positive"
          label={t('review.kind')}
          defaultValue={filters.positive ?? ''}
          options={[
            any,
            { value: 'yes', label: t('review.kind.positive') },
            { value: 'no', label: t('review.kind.problem') },
          ]}
        />
        <div className="flex items-end gap-2">
          <Button>{t('review.filter')}</Button>
          <Link to="/review">{t('review.clear')}</Link>
        </div>
      </Form>
      <ReportTable
        caption={t('review.title')}
        dateLabel={t('review.submitted')}
        reports={reports.map((report) => ({ ...report, date: report.submitted_at }))}
      />
      <Pagination page={filters.page} hasNext={hasNext} hrefFor={pageLink} />
    </>
  )
}
