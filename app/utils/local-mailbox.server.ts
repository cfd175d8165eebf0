import { data } from '@remix-run/node'
import { getEnv } from './env.server.ts'

/**
 * The local mailbox shows whole emails, invitation and reset links included, so it exists only where no real
 * person's mail can be in it: the demo and a developer's machine.
 */
export function localMailboxAvailable(): boolean {
  const env = getEnv()
  return env.demo || env.NODE_ENV === 'development'
}

export function requireLocalMailbox() {
  if (!localMailboxAvailable()) throw data({ code: 'not_found' }, { status: 404 })
}
