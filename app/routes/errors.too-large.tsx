import { data } from '@remix-run/node'
import { bodyLimitBytes } from '#app/utils/request-limits.ts'

/** Rendered in place of a form's answer when its body was over the limit: the shared error page, status 413. */
export function loader() {
  throw data({ code: 'too_large', params: { limit: bodyLimitBytes / 1024 / 1024 } }, { status: 413 })
}

export default function TooLarge() {
  return null
}
