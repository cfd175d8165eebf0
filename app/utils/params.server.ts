import { data } from '@remix-run/node'
import { z } from 'zod'
import { unstorableFields } from './storable-text.ts'

const Uuid = z.uuid()

export function isUuid(value: string | undefined): value is string {
  return Uuid.safeParse(value).success
}

/** A malformed id can never name a row, so it is a 404 rather than a database error. */
export function requireUuid(value: string | undefined): string {
  if (!isUuid(value)) throw data({ code: 'not_found' }, { status: 404 })
  return value
}

/** Every page reads its query string here: text no search or filter can hold (storable-text.ts) is a 400. */
export function readSearchParams(request: Request): URLSearchParams {
  const searchParams = new URL(request.url).searchParams
  if (unstorableFields(searchParams).length > 0) throw data({ code: 'bad_request' }, { status: 400 })
  return searchParams
}
