import { data } from '@remix-run/node'
import { z } from 'zod'

const Uuid = z.uuid()

export function isUuid(value: string | undefined): value is string {
  return Uuid.safeParse(value).success
}

/** A malformed id can never name a row, so it is a 404 rather than a database error. */
export function requireUuid(value: string | undefined): string {
  if (!isUuid(value)) throw data({ code: 'not_found' }, { status: 404 })
  return value
}
