import { type LoaderFunctionArgs } from '@remix-run/node'
import { exportOwnData } from '#app/services/people.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'

/** The signed-in person's own data as a JSON download; never cached, since it is personal. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const personalData = await exportOwnData(user)
  return new Response(JSON.stringify(personalData, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="omat-tiedot.json"',
      'Cache-Control': 'no-store',
    },
  })
}
