import { type DatabaseConnection, type Dialect, type Driver } from 'kysely'

/** Seconds a client is asked to wait before trying again while the database is away. */
export const databaseRetryAfterSeconds = 5

// The Remix bundle and the server entry each load this module, so the mark is a registered symbol, not a class.
const unavailableMark = Symbol.for('sosiaalinen-raportointi.database-unavailable')

/** Error codes and messages with which pg and PostgreSQL say the connection, not the query, failed. */
const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
])
const connectionErrorMessage =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Client was closed|Connection refused|PGlite (instance )?is (already )?closed/i

export function isConnectionFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (connectionErrorCodes.has(code) || code.startsWith('08'))) return true
  const message = (error as { message?: unknown }).message
  return typeof message === 'string' && connectionErrorMessage.test(message)
}

/**
 * What a lost database connection becomes: a 503 response Remix renders through the error boundary in the
 * user's language (pages) or hands back as it is (resource routes); the API turns it into problem+json.
 * The original error stays as `cause` for logs and start-up messages.
 */
export function databaseUnavailableResponse(cause: unknown): Response & { cause: unknown } {
  const response = new Response(JSON.stringify({ code: 'database_unavailable' }), {
    status: 503,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Retry-After': String(databaseRetryAfterSeconds),
      'Cache-Control': 'no-store',
    },
  })
  return Object.assign(response, { [unavailableMark]: true, cause })
}

export function isDatabaseUnavailable(error: unknown): error is Response & { cause: unknown } {
  return error instanceof Response && (error as unknown as Record<symbol, unknown>)[unavailableMark] === true
}

function translateFailure(error: unknown): never {
  throw isConnectionFailure(error) ? databaseUnavailableResponse(error) : error
}

/** Calls every method of `target` through `guard`, keeping `this` on the original object. */
function guarded<T extends object>(target: T, wrapResult: (name: PropertyKey, value: unknown) => unknown): T {
  return new Proxy(target, {
    get(object, name) {
      const value: unknown = Reflect.get(object, name, object)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const result: unknown = value.apply(object, args)
        if (!(result instanceof Promise)) return result
        return result.then((resolved) => wrapResult(name, resolved), translateFailure)
      }
    },
  })
}

function availabilityAwareDriver(driver: Driver): Driver {
  const connections = new WeakMap<DatabaseConnection, DatabaseConnection>()
  const wrapConnection = (connection: DatabaseConnection) => {
    let wrapped = connections.get(connection)
    if (!wrapped) {
      wrapped = guarded(connection, (_, value) => value)
      connections.set(connection, wrapped)
    }
    return wrapped
  }
  return guarded(driver, (name, value) =>
    name === 'acquireConnection' ? wrapConnection(value as DatabaseConnection) : value,
  )
}

/**
 * Wraps a dialect so that every lost or refused connection surfaces as one recognisable 503 instead of a raw
 * driver error: one place, so no route, service or worker needs its own check.
 */
export function availabilityAwareDialect(dialect: Dialect): Dialect {
  return {
    createDriver: () => availabilityAwareDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  }
}
