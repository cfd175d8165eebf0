import { expect, test } from 'vitest'
import { getCurrentUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { runInRequestScope } from '#app/utils/request-scope.server.ts'
import { createOrganisation, createUser } from '#tests/factories/index.ts'
import { getRequest, signIn } from '#tests/utils.ts'

// Remix hands the root's loader and the page's loader each a copy of the Request; one page request must still
// load the signed-in user once, not once per loader.
test('the loaders of one page request share one load of the signed-in user', async () => {
  const organisation = await createOrganisation(getDb())
  const user = await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'] })
  const request = await getRequest('/review', await signIn(user.email))
  const copyForRoot = new Request(request.url, request)
  const copyForPage = new Request(`${request.url}?index`, request)

  const [seenByRoot, seenByPage] = await runInRequestScope(() =>
    Promise.all([getCurrentUser(copyForRoot), getCurrentUser(copyForPage)]),
  )
  expect(seenByRoot).toMatchObject({ id: user.id })
  expect(seenByPage).toBe(seenByRoot)

  // Each request loads afresh: a change to the user shows on the next page.
  const [oneRequest, anotherRequest] = await Promise.all([
    runInRequestScope(() => getCurrentUser(copyForRoot)),
    runInRequestScope(() => getCurrentUser(copyForRoot)),
  ])
  expect(oneRequest).toMatchObject({ id: user.id })
  expect(anotherRequest).not.toBe(oneRequest)
})
