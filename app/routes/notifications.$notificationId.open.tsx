import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { markNotificationRead } from '#app/services/notifications.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'

/**
 * Following a notification marks it read and opens the report's timeline. A plain link (so it opens in a new
 * tab too) makes this a GET that writes; that is safe without a CSRF token because the only change is the
 * reader's own read mark, and a forged link would need the notification's unguessable id.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const notificationId = requireUuid(params.notificationId)
  const result = await markNotificationRead(user, { notificationId })
  if (!result.ok) throwRefusal(result)
  return redirect(`/reports/${result.reportId}#timeline`)
}
