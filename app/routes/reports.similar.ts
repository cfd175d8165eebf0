import { type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { requireUser } from '#app/utils/auth.server.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { similarReportsFor } from '#app/utils/report-form.server.ts'

const QuerySchema = z.object({ q: z.string().max(2000).default(''), exclude: z.uuid().optional() })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const parsed = QuerySchema.safeParse(Object.fromEntries(readSearchParams(request)))
  if (!parsed.success) return { similar: [] }
  return { similar: await similarReportsFor(user, parsed.data.q, parsed.data.exclude ?? null) }
}
