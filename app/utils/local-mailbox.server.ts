import { data } from '@remix-run/node'
import { getLocalEmail } from '#app/models/email-job.server.ts'
import { requireRole } from './auth.server.ts'
import { getDb } from './db.server.ts'
import { type Env, getEnv } from './env.server.ts'
import { requireUuid } from './params.server.ts'

/**
 * The local mailbox shows whole emails, invitation and reset links included, and an email delivered to it never
 * leaves the app, so it exists only where no real person's mail can be in it: the demo.
 */
export function localMailboxAvailable(env: Env = getEnv()): boolean {
  return env.demo
}

export function requireLocalMailbox() {
  if (!localMailboxAvailable()) throw data({ code: 'not_found' }, { status: 404 })
}

/** One email of the admin's organisation from the local mailbox, for its page and for its HTML part's frame. */
export async function requireLocalEmail(request: Request, emailId: string | undefined) {
  const admin = await requireRole(request, ['admin'])
  requireLocalMailbox()
  const email = await getLocalEmail(getDb(), admin.organisation.id, requireUuid(emailId))
  if (!email) throw data({ code: 'not_found' }, { status: 404 })
  return email
}
