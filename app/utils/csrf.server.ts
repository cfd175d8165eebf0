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

const formMediaTypes = ['application/x-www-form-urlencoded', 'multipart/form-data']

function mediaTypeOf(request: Request): string {
  return (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
}

/**
 * Double-submit check: the form must carry the same random token as the SameSite cookie.
 * Every state-changing action reads its form through this function. A request without the cookie is refused
 * before its body is read, so an anonymous form cannot be made to parse a large body; a body that is no form
 * is refused with 415 and one that does not parse with 400, so neither becomes a server error.
 */
export async function readProtectedForm(request: Request): Promise<FormData> {
  const expected: unknown = await csrfCookie().parse(request.headers.get('Cookie'))
  if (typeof expected !== 'string') throw data({ code: 'csrf' }, { status: 403 })
  if (!formMediaTypes.includes(mediaTypeOf(request))) throw data({ code: 'not_a_form' }, { status: 415 })
  let formData: FormData
  try {
    formData = await request.formData()
  } catch {
    throw data({ code: 'malformed_form' }, { status: 400 })
  }
  const sent = formData.get(csrfFieldName)
  if (typeof sent !== 'string' || !sameToken(expected, sent)) throw data({ code: 'csrf' }, { status: 403 })
  return formData
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
