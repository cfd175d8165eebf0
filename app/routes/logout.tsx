import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { logout } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  await readProtectedForm(request)
  return redirect('/login', { headers: { 'Set-Cookie': await logout(request) } })
}
