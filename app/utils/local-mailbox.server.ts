import { data } from '@remix-run/node'
import { type Env, getEnv } from './env.server.ts'

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
