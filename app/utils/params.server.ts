import { data } from '@remix-run/node'
import { z } from 'zod'

const Uuid = z.uuid()

/** A malformed id can never name a row, so it is a 404 rather than a database error. */
export function requireUuid(value: string | undefined): string {
  const parsed = Uuid.safeParse(value)
  if (!parsed.success) throw data({ code: 'not_found' }, { status: 404 })
  return parsed.data
}
