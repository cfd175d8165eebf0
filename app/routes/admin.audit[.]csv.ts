import { type LoaderFunctionArgs } from '@remix-run/node'
import { auditEntryInWords } from '#app/domain/audit.ts'
import { csvDocument } from '#app/domain/csv.ts'
import { exportAuditLog } from '#app/services/audit.server.ts'
import { readAuditFilters } from '#app/utils/audit-filters.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getTranslate } from '#app/utils/i18n.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'

/** The filtered log as CSV in the admin's language, newest first; the download is itself logged. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const { filters } = readAuditFilters(readSearchParams(request))
  const exported = await exportAuditLog(admin, request, filters)
  if (!exported.ok) throwRefusal(exported)
  const t = getTranslate(admin.locale)
  const rows = exported.rows.map((row) => {
    const words = auditEntryInWords(t, row)
    return [
      row.created_at.toISOString(),
      words.who,
      row.actor_id ?? '',
      row.action,
      words.what,
      row.target_type ?? '',
      row.target_id ?? '',
      words.via,
      row.api_token_id ?? '',
      words.changes.join('; '),
    ]
  })
  const header = [
    'time',
    'who',
    'user_id',
    'action',
    'what',
    'target_type',
    'target_id',
    'via',
    'api_token_id',
    'details',
  ]
  return new Response(csvDocument([header, ...rows]), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="audit-log.csv"',
      'Cache-Control': 'no-store',
    },
  })
}
