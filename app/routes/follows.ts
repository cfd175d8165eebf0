import { type ActionFunctionArgs, data, redirect } from '@remix-run/node'
import { z } from 'zod'
import { phenomenonReaders } from '#app/domain/phenomena.ts'
import { hasAnyRole } from '#app/domain/roles.ts'
import { follow, type FollowTarget, unfollow } from '#app/models/follow.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'

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
  const db = getDb()
  if (intent === 'unfollow') {
    await unfollow(db, user, target)
    return redirect(pageOf(target))
  }
  // A phenomenon is followed by those who may read phenomena; anyone else is told it does not exist for them.
  if (target.kind === 'phenomenon' && !hasAnyRole(user.roles, phenomenonReaders)) {
    throw data({ code: 'not_found' }, { status: 404 })
  }
  const result = await follow(db, user, target)
  if (result === 'not_found') throw data({ code: 'not_found' }, { status: 404 })
  if (result === 'own_report') throw data({ code: 'forbidden' }, { status: 403 })
  return redirect(pageOf(target))
}
