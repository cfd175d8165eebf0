import { Form, Link } from '@remix-run/react'
import { type ReactNode } from 'react'
import { type ReportStatus, reportStatuses } from '#app/models/database.ts'
import { formatNumber } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { StatusBadge } from './status-badge.tsx'
import { Button } from './ui/button.tsx'
import { SelectField, TextField } from './ui/field.tsx'

/** How many reports stand in each status under the current filters; statuses without reports are left out. */
export function StatusCounts({ counts }: { counts: Partial<Record<ReportStatus, number>> }) {
  const { locale, t } = useI18n()
  const present = reportStatuses.filter((status) => counts[status])
  if (present.length === 0) return null
  return (
    <ul className="mb-4 flex flex-wrap gap-x-4 gap-y-2" aria-label={t('filters.counts')}>
      {present.map((status) => (
        <li key={status} className="flex items-center gap-1">
          <StatusBadge status={status} /> <span className="font-bold">{formatNumber(locale, counts[status] ?? 0)}</span>
        </li>
      ))}
    </ul>
  )
}

/**
 * A GET form, so filtered lists work without JavaScript and every filtered view has a link of its own.
 * `columns` lays out the fields on wide screens; the buttons come last.
 */
export function FilterForm({
  clearHref,
  columns = 'lg:grid-cols-4',
  children,
}: {
  clearHref: string
  columns?: string
  children: ReactNode
}) {
  const { t } = useI18n()
  return (
    <Form
      method="get"
      className={`mb-6 grid gap-4 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-2 ${columns}`}
    >
      {children}
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <Button>{t('filters.submit')}</Button>
        <Link to={clearHref} className="inline-flex min-h-11 items-center">
          {t('filters.clear')}
        </Link>
      </div>
    </Form>
  )
}

export function SearchFilter({ value }: { value: string | null }) {
  const { t } = useI18n()
  return <TextField name="q" type="search" label={t('filters.search')} defaultValue={value ?? ''} />
}

export function StatusFilter({ value, statuses }: { value: ReportStatus | null; statuses: readonly ReportStatus[] }) {
  const { t } = useI18n()
  return (
    <SelectField
      name="status"
      label={t('reports.column.status')}
      defaultValue={value ?? ''}
      options={[
        { value: '', label: t('filters.any') },
        ...statuses.map((status) => ({ value: status, label: t(`status.${status}`) })),
      ]}
    />
  )
}

/** Good practices, problems, or both. */
export function KindFilter({ value }: { value: 'yes' | 'no' | null }) {
  const { t } = useI18n()
  return (
    <SelectField
      name="positive"
      label={t('filters.kind')}
      defaultValue={value ?? ''}
      options={[
        { value: '', label: t('filters.any') },
        { value: 'yes', label: t('filters.kind.positive') },
        { value: 'no', label: t('filters.kind.problem') },
      ]}
    />
  )
}
