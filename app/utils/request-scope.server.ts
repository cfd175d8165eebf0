import { AsyncLocalStorage } from 'node:async_hooks'
import { type CurrentUser } from '#app/models/user.server.ts'

/**
 * What one HTTP request loads once however many loaders ask for it. Remix hands each loader its own copy of the
 * Request, so nothing keyed by the Request is shared between the root's loader and the page's.
 */
export interface RequestScope {
  currentUser?: Promise<CurrentUser | null>
}

// The server entry and the Remix bundle each load this module; the storage lives on globalThis so both share it.
const globalForScope = globalThis as typeof globalThis & { __requestScope?: AsyncLocalStorage<RequestScope> }
const storage = (globalForScope.__requestScope ??= new AsyncLocalStorage<RequestScope>())

export function runInRequestScope<T>(handle: () => T): T {
  return storage.run({}, handle)
}

/** The current request's scope; none outside one (a test calling a loader, the email worker). */
export function getRequestScope(): RequestScope | undefined {
  return storage.getStore()
}
