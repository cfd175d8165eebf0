import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { getLocalEmail } from '#app/models/email-job.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { requireLocalMailbox } from '#app/utils/local-mailbox.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'

/**
 * An email's HTML part as a document of its own, for the frame on the mailbox page. The security headers give
 * this address its own policy: inline styles, no scripts, sandboxed, framed by this site only (ADR 015).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  requireLocalMailbox()
  const email = await getLocalEmail(getDb(), admin.organisation.id, requireUuid(params.emailId))
  if (!email) throw data({ code: 'not_found' }, { status: 404 })
  return new Response(email.html ?? '', {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
  })
}
