import { data } from '@remix-run/node'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'

export async function loader() {
  throw data({ code: 'not_found' }, { status: 404 })
}

export async function action() {
  throw data({ code: 'not_found' }, { status: 404 })
}

export default function NotFound() {
  return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
