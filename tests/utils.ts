import { expect } from 'vitest'
import { mintApiToken } from '#app/utils/api-auth.server.ts'
import { login } from '#app/utils/auth.server.ts'
import { csrfCookie } from '#app/utils/cookies.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { testPassword } from './factories/index.ts'

export const baseUrl = 'http://localhost'
export const testCsrfToken = 'test-csrf-token-that-is-long-enough-1234567890'

function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0]!
}

/** Logs in through the real login function and returns the Cookie header a browser would send. */
export async function signIn(email: string, password = testPassword): Promise<string> {
  const result = await login(getDb(), { email, password, clientIp: '192.0.2.10' })
  if (!result.ok) throw new Error(`Could not sign in as ${email}: ${result.reason}`)
  return cookiePair(result.setCookie)
}

async function cookieHeader(session: string | null, withCsrf: boolean) {
  const parts = [session, withCsrf ? cookiePair(await csrfCookie().serialize(testCsrfToken)) : null]
  return parts.filter(Boolean).join('; ')
}

export async function getRequest(path: string, session: string | null = null): Promise<Request> {
  return new Request(baseUrl + path, { headers: { Cookie: await cookieHeader(session, false) } })
}

export async function formRequest(
  path: string,
  fields: Record<string, string | string[]>,
  { session = null, csrf = true }: { session?: string | null; csrf?: boolean } = {},
): Promise<Request> {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
  }
  if (csrf) body.append('csrf', testCsrfToken)
  return postRequest(path, { session, csrf, body, contentType: 'application/x-www-form-urlencoded' })
}

/** A POST with the session and CSRF cookies and whatever body and content type the test needs, or none. */
export async function postRequest(
  path: string,
  {
    session = null,
    csrf = true,
    body = null,
    contentType = null,
  }: { session?: string | null; csrf?: boolean; body?: BodyInit | null; contentType?: string | null } = {},
): Promise<Request> {
  const headers = new Headers({ Cookie: await cookieHeader(session, csrf) })
  if (contentType !== null) headers.set('Content-Type', contentType)
  return new Request(baseUrl + path, { method: 'POST', body, headers })
}

interface DataWithInit {
  type: 'DataWithResponseInit'
  data: unknown
  init: ResponseInit | null
}

function isDataWithInit(value: unknown): value is DataWithInit {
  return typeof value === 'object' && value !== null && (value as DataWithInit).type === 'DataWithResponseInit'
}

/** The HTTP status a loader or action result (returned or thrown) becomes. */
export function statusOf(value: unknown): number {
  if (value instanceof Response) return value.status
  if (isDataWithInit(value)) return value.init?.status ?? 200
  return 200
}

export function payloadOf<T = any>(value: unknown): T {
  return (isDataWithInit(value) ? value.data : value) as T
}

export function headersOf(value: unknown): Headers {
  if (value instanceof Response) return value.headers
  if (isDataWithInit(value)) return new Headers(value.init?.headers)
  return new Headers()
}

/** Runs a loader or action that must throw (a redirect, 403, 404…) and returns what it threw. */
export async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  expect.fail('expected the loader or action to throw a response')
}

export function redirectTarget(value: unknown): string | null {
  return value instanceof Response ? value.headers.get('Location') : null
}

/** A request an integration client would send to the API, with its bearer token and JSON body. */
export function apiRequest(
  path: string,
  {
    token = null,
    method = 'GET',
    body,
    headers = {},
  }: {
    token?: string | null
    method?: string
    body?: unknown
    headers?: Record<string, string>
  } = {},
): Request {
  return new Request(baseUrl + path, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** A personal access token for the user, minted the way the settings page and `npm run token` do. */
export async function apiTokenFor(user: { id: string }, organisationId: string): Promise<string> {
  return (await mintApiToken(getDb(), { userId: user.id, organisationId }, 'test')).token
}
