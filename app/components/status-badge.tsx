import { type ReportStatus } from '#app/models/database.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const tones: Record<ReportStatus, string> = {
  draft: 'bg-slate-100 text-slate-800 border-slate-400',
  submitted: 'bg-brand-50 text-brand-900 border-brand-600',
  in_review: 'bg-amber-50 text-amber-900 border-amber-600',
  changes_requested: 'bg-orange-50 text-orange-900 border-orange-600',
  forwarded: 'bg-indigo-50 text-indigo-900 border-indigo-600',
  on_agenda: 'bg-violet-50 text-violet-900 border-violet-600',
  decided: 'bg-teal-50 text-teal-900 border-teal-700',
  in_welfare_report: 'bg-green-50 text-green-900 border-green-700',
  closed: 'bg-slate-100 text-slate-800 border-slate-500',
  withdrawn: 'bg-slate-100 text-slate-700 border-slate-400',
}

export function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useI18n()
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${tones[status]}`}
    >
      {t(`status.${status}`)}
    </span>
  )
}
