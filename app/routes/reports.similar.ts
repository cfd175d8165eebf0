import { type ActionFunctionArgs, data } from '@remix-run/node'
import { z } from 'zod'
import { findSimilarReportsFor } from '#app/services/reports.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'

const LookupSchema = z.object({ q: z.string().max(2000).default(''), exclude: z.uuid().optional() })

/** What is being typed is posted, never put in a URL, where access logs and browser history would keep it. */
export function loader() {
  throw data({ code: 'method_not_allowed' }, { status: 405, headers: { Allow: 'POST' } })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = LookupSchema.safeParse(Object.fromEntries(await readProtectedForm(request)))
  if (!parsed.success) return { similar: [] }
  return { similar: await findSimilarReportsFor(user, { text: parsed.data.q, excludeId: parsed.data.exclude ?? null }) }
}
