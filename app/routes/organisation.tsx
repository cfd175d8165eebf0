import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { switchOrganisation } from '#app/services/people.server.ts'
import { getSessionId, requireUser } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'

export async function loader() {
  return redirect('/')
}

/** The header's organisation switcher: the session moves to the chosen organisation, and its home page opens. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readProtectedForm(request)
  const organisationId = requireUuid(String(formData.get('organisationId') ?? ''))
  const switched = await switchOrganisation({ ...user, sessionId: await getSessionId(request) }, { organisationId })
  if (!switched.ok) throwRefusal(switched)
  return redirect('/')
}
