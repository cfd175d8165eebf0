import { ApiProblem, apiRoute } from '#app/utils/api.server.ts'

/** Unknown API paths answer in problem+json like the rest of the API, never with the HTML not-found page. */
async function notFound(): Promise<Response> {
  throw new ApiProblem('not_found')
}

const route = apiRoute({ GET: notFound, POST: notFound, PATCH: notFound })

export const loader = route.loader
export const action = route.action
