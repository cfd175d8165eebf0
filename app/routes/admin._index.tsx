import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { requireRole } from '#app/utils/auth.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ['admin'])
  return redirect('/admin/users')
}
