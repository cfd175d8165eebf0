import { describe, expect, test } from 'vitest'
import {
  databaseUnavailableResponse,
  isConnectionFailure,
  isDatabaseUnavailable,
} from './database-availability.server.ts'

function failure(code: string | undefined, message = 'failed') {
  return Object.assign(new Error(message), { code })
}

describe('isConnectionFailure', () => {
  test.each([
    ['a refused connection', failure('ECONNREFUSED')],
    ['a reset socket', failure('ECONNRESET')],
    ['a connection failure SQLSTATE', failure('08006')],
    ['an administrator shutdown', failure('57P01')],
    ['a server still starting', failure('57P03')],
    ['a connection ended mid-query', failure(undefined, 'Connection terminated unexpectedly')],
    ['a pool connect timeout', failure(undefined, 'timeout exceeded when trying to connect')],
    ['a closed embedded database', failure(undefined, 'PGlite instance is already closed.')],
  ])('%s is the database being away', (_, error) => {
    expect(isConnectionFailure(error)).toBe(true)
  })

  test.each([
    ['a unique violation', failure('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', failure('42601', 'syntax error at or near "x"')],
    ['a serialisation failure', failure('40001')],
    ['an error of our own', new Error('Nothing to send')],
    ['a non-error', 'Connection terminated'],
  ])('%s is not', (_, error) => {
    expect(isConnectionFailure(error)).toBe(false)
  })
})

test('the 503 response is recognised, keeps its cause and asks the client to come back in 5 s', async () => {
  const cause = failure('ECONNREFUSED')
  const response = databaseUnavailableResponse(cause)
  expect(isDatabaseUnavailable(response)).toBe(true)
  expect(response.cause).toBe(cause)
  expect(response.status).toBe(503)
  expect(response.headers.get('Retry-After')).toBe('5')
  expect(await response.json()).toEqual({ code: 'database_unavailable' })
  expect(isDatabaseUnavailable(new Response(null, { status: 503 }))).toBe(false)
})
