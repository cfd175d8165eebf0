import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, inject, vi } from 'vitest'
import { setDb, type OpenDatabase } from '#app/utils/db.server.ts'
import { openIsolatedDatabase } from './test-database.ts'

process.env.NODE_ENV = 'test'

/** No test may reach the network; handlers for the email provider's API are added where email is sent. */
export const mockServer = setupServer()

let database: OpenDatabase

beforeAll(async () => {
  mockServer.listen({ onUnhandledFrame: 'error' })
  database = await openIsolatedDatabase(inject('pgliteTemplate'))
  setDb(database.db)
})

afterEach(() => {
  mockServer.resetHandlers()
})

afterAll(async () => {
  mockServer.close()
  setDb(undefined)
  await database.close()
})

// An error logged during a test is a failure, not noise.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
  })
})

afterEach(() => {
  vi.restoreAllMocks()
})
