import { describe, expect, test } from 'vitest'
import { createOrganisation, createUser } from '#tests/factories/index.ts'
import { getRequest, payloadOf, redirectTarget, signIn, thrownBy } from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import { catalogs, locales } from '#app/utils/i18n.ts'
import { roles } from '#app/domain/roles.ts'
import { loader } from '#app/routes/help.tsx'

const context = { clientIp: '192.0.2.41' }

describe('the help page', () => {
  test("opens on the reader's own roles", async () => {
    const organisation = await createOrganisation(getDb())
    const lead = await createUser(getDb(), { organisationId: organisation.id, roles: ['worker', 'team_lead'] })
    const loaded = payloadOf(
      await loader({ request: await getRequest('/help', await signIn(lead.email)), params: {}, context }),
    )
    expect(loaded.roles).toEqual(['worker', 'team_lead'])
  })

  test('asks anyone not signed in to sign in first', async () => {
    const response = await thrownBy(loader({ request: await getRequest('/help'), params: {}, context }))
    expect(redirectTarget(response)).toBe('/login?redirectTo=%2Fhelp')
  })

  test('every role has its guidance in every language', () => {
    for (const locale of locales) {
      for (const role of roles) {
        for (const point of [1, 2, 3]) {
          const text = (catalogs[locale] as Record<string, string>)[`help.role.${role}.${point}`]
          expect(text, `${locale} ${role} ${point}`).toMatch(/\p{L}{3}/u)
        }
      }
    }
  })
})
