import { type ActionFunctionArgs, data, redirect } from '@remix-run/node'
import { z } from 'zod'
import { type FollowTarget } from '#app/models/follow.server.ts'
import { startFollowing, stopFollowing } from '#app/services/notifications.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'

const FollowSchema = z.object({
  intent: z.enum(['follow', 'unfollow']),
  kind: z.enum(['report', 'phenomenon']),
  id: z.uuid(),
})

const pageOf = (target: FollowTarget) =>
  target.kind === 'report' ? `/reports/${target.id}` : `/phenomena/${target.id}`

/** The follow toggle of the report and phenomenon pages posts here and returns to the page it came from. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = FollowSchema.safeParse(Object.fromEntries(await readProtectedForm(request)))
  if (!parsed.success) throw data({ code: 'invalid' }, { status: 400 })
  const { intent, ...target } = parsed.data
  const result = intent === 'follow' ? await startFollowing(user, target) : await stopFollowing(user, target)
  if (!result.ok) throwRefusal(result)
  return redirect(pageOf(target))
}
