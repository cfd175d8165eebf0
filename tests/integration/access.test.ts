import { describe, expect, test } from 'vitest'
import { createOrganisation, createUser } from '#tests/factories/index.ts'
import { getRequest, redirectTarget, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as home from '#app/routes/_index.tsx'
import * as reports from '#app/routes/reports._index.tsx'
import * as settings from '#app/routes/settings.tsx'
import * as admin from '#app/routes/admin.tsx'
import * as adminIndex from '#app/routes/admin._index.tsx'
import * as adminUsers from '#app/routes/admin.users._index.tsx'
import * as adminNewUser from '#app/routes/admin.users.new.tsx'
import * as adminUser from '#app/routes/admin.users.$userId.tsx'
import * as adminOrganisation from '#app/routes/admin.organisation.tsx'
import * as notFound from '#app/routes/$.tsx'

const context = { clientIp: '192.0.2.1' }
const someId = '00000000-0000-4000-8000-000000000000'

const protectedPages = [
  ['/', home.loader, {}],
  ['/reports', reports.loader, {}],
  ['/settings', settings.loader, {}],
  ['/admin', admin.loader, {}],
  ['/admin', adminIndex.loader, {}],
  ['/admin/users', adminUsers.loader, {}],
  ['/admin/users/new', adminNewUser.loader, {}],
  [`/admin/users/${someId}`, adminUser.loader, { userId: someId }],
  ['/admin/organisation', adminOrganisation.loader, {}],
] as const

const adminPages = protectedPages.filter(([path]) => path.startsWith('/admin'))

describe('access', () => {
  test.each(protectedPages)('an anonymous visitor to %s is sent to log in', async (path, loader, params) => {
    const thrown = await thrownBy(loader({ request: await getRequest(path), params, context }))
    expect(redirectTarget(thrown)).toMatch(/^\/login/)
  })

  test('administration pages are closed to every role but admin', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), {
      organisationId: organisation.id,
      roles: ['worker', 'team_lead', 'coordinator', 'committee_member'],
    })
    const session = await signIn(user.email)
    for (const [path, loader, params] of adminPages) {
      expect(
        statusOf(await thrownBy(loader({ request: await getRequest(path, session), params, context }))),
        path,
      ).toBe(403)
    }
  })

  test('a contributor is sent from the home page to their own pages and refused on every other page', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), { organisationId: organisation.id, roles: ['contributor'] })
    const session = await signIn(user.email)
    for (const [path, loader, params] of protectedPages) {
      const thrown = await thrownBy(loader({ request: await getRequest(path, session), params, context }))
      if (path === '/') expect(redirectTarget(thrown)).toBe('/contribute')
      else expect(statusOf(thrown), path).toBe(403)
    }
  })

  test('an unknown address is a 404, and so is a malformed id', async () => {
    expect(statusOf(await thrownBy(notFound.loader()))).toBe(404)
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), { organisationId: organisation.id, roles: ['admin'] })
    const session = await signIn(user.email)
    const thrown = await thrownBy(
      adminUser.loader({ request: await getRequest('/admin/users/x', session), params: { userId: 'x' }, context }),
    )
    expect(statusOf(thrown)).toBe(404)
  })
})
