import { type ActionFunctionArgs, data } from '@remix-run/node'
import { z } from 'zod'
import { findSimilarReportsFor } from '#app/services/similar-reports.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'

const LookupSchema = z.object({
  q: z.string().max(2000).default(''),
  /** The title alone, compared with titles; without it the whole text is. */
  title: z.string().max(2000).optional(),
  exclude: z.uuid().optional(),
})

/** What is being typed is posted, never put in a URL, where access logs and browser history would keep it. */
export function loader() {
  throw data({ code: 'method_not_allowed' }, { status: 405, headers: { Allow: 'POST' } })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = LookupSchema.safeParse(Object.fromEntries(await readProtectedForm(request)))
  if (!parsed.success) return { similar: [] }
  const { q, title, exclude } = parsed.data
  return { similar: await findSimilarReportsFor(user, { text: q, title: title ?? q, reportId: exclude ?? null }) }
}
