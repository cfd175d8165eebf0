import { data } from '@remix-run/node'
import { type Refused } from '#app/services/result.ts'

/**
 * A refusal no form on the page can show: the thing is not there for this user (404) or they may not do this (403),
 * thrown to the error boundary as every page does. Any other reason here is a refusal the route forgot to answer.
 */
export function throwRefusal(refusal: Refused<string>): never {
  if (refusal.reason === 'not_found') throw data({ code: 'not_found' }, { status: 404 })
  if (refusal.reason === 'forbidden') throw data({ code: 'forbidden' }, { status: 403 })
  throw new Error(`No page answer for the refusal ${refusal.reason}`)
}
