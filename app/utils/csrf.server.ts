import { randomBytes, timingSafeEqual } from 'node:crypto'
import { data } from '@remix-run/node'
import { csrfCookie } from './cookies.server.ts'

export const csrfFieldName = 'csrf'

/** The token for forms on this page, and a Set-Cookie header when the browser has none yet. */
export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const cookie = csrfCookie()
  const existing: unknown = await cookie.parse(request.headers.get('Cookie'))
  if (typeof existing === 'string' && existing.length >= 32) return { token: existing, setCookie: null }
  const token = randomBytes(32).toString('base64url')
  return { token, setCookie: await cookie.serialize(token) }
}

/**
 * Double-submit check: the form must carry the same random token as the SameSite cookie.
 * Every state-changing action reads its form through this function.
 */
export async function readProtectedForm(request: Request): Promise<FormData> {
  const formData = await request.formData()
  const expected: unknown = await csrfCookie().parse(request.headers.get('Cookie'))
  const sent = formData.get(csrfFieldName)
  if (typeof expected !== 'string' || typeof sent !== 'string' || !sameToken(expected, sent)) {
    throw data({ code: 'csrf' }, { status: 403 })
  }
  return formData
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
