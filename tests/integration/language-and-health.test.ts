import { describe, expect, test } from 'vitest'
import { createOrganisation, createUser } from '#tests/factories/index.ts'
import { formRequest, getRequest, headersOf, payloadOf, redirectTarget, signIn } from '#tests/utils.ts'
import { getDb, setDb } from '#app/utils/db.server.ts'
import { createPglite, wrapPglite } from '#app/utils/db.server.ts'
import { action as languageAction } from '#app/routes/language.tsx'
import { loader as rootLoader } from '#app/root.tsx'
import { loader as healthLoader } from '#app/routes/healthz.ts'

const context = { clientIp: '192.0.2.3' }

describe('language', () => {
  test('Finnish is the default for anonymous visitors, and the root loader hands out a CSRF cookie', async () => {
    const result = await rootLoader({ request: await getRequest('/login'), params: {}, context })
    expect(payloadOf(result).locale).toBe('fi')
    expect(headersOf(result).get('Set-Cookie')).toMatch(/^sr_csrf=.*HttpOnly.*SameSite=Lax/)
  })

  test('a first visit from a Swedish-speaking browser is in Swedish until a language is chosen', async () => {
    const headers = { 'Accept-Language': 'sv-FI,sv;q=0.9,fi;q=0.8' }
    const firstVisit = new Request('http://localhost/login', { headers })
    expect(payloadOf(await rootLoader({ request: firstVisit, params: {}, context })).locale).toBe('sv')
    const choice = await languageAction({
      request: await formRequest('/language', { locale: 'fi', redirectTo: '/login' }),
      params: {},
      context,
    })
    const cookie = headersOf(choice).get('Set-Cookie')!.split(';')[0]!
    const afterChoice = new Request('http://localhost/login', { headers: { ...headers, Cookie: cookie } })
    expect(payloadOf(await rootLoader({ request: afterChoice, params: {}, context })).locale).toBe('fi')
  })

  test('an anonymous choice is remembered by cookie', async () => {
    const response = await languageAction({
      request: await formRequest('/language', { locale: 'sv', redirectTo: '/login' }),
      params: {},
      context,
    })
    expect(redirectTarget(response)).toBe('/login')
    const cookie = headersOf(response).get('Set-Cookie')!.split(';')[0]!
    const request = new Request('http://localhost/login', { headers: { Cookie: cookie } })
    expect(payloadOf(await rootLoader({ request, params: {}, context })).locale).toBe('sv')
  })

  test('a signed-in user’s choice is saved on the profile and wins over the cookie', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'] })
    const session = await signIn(user.email)
    await languageAction({
      request: await formRequest('/language', { locale: 'en', redirectTo: '/' }, { session }),
      params: {},
      context,
    })
    const saved = await getDb().selectFrom('users').select('locale').where('id', '=', user.id).executeTakeFirstOrThrow()
    expect(saved.locale).toBe('en')
    const request = new Request('http://localhost/', { headers: { Cookie: `${session}; sr_lang=${btoa('"sv"')}` } })
    expect(payloadOf(await rootLoader({ request, params: {}, context })).locale).toBe('en')
  })

  test('an unknown language falls back to Finnish', async () => {
    const response = await languageAction({
      request: await formRequest('/language', { locale: 'de' }),
      params: {},
      context,
    })
    expect(headersOf(response).get('Set-Cookie')).toContain(`sr_lang=${encodeURIComponent(btoa('"fi"'))}`)
  })
})

describe('GET /healthz', () => {
  test('answers 200 with status ok while the database answers', async () => {
    const response = (await healthLoader()) as Response
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' })
  })

  test('answers 503 when the database does not', async () => {
    const working = getDb()
    const broken = wrapPglite(createPglite(), 'broken')
    await broken.close()
    setDb(broken.db)
    try {
      const response = (await healthLoader()) as Response
      expect(response.status).toBe(503)
      expect(await response.json()).toEqual({ status: 'error', db: 'unreachable' })
    } finally {
      setDb(working)
    }
  })
})
