import { describe, expect, test } from 'vitest'
import { createOrganisation, createUser, testPassword } from '#tests/factories/index.ts'
import {
  apiRequest,
  apiTokenFor,
  formRequest,
  getRequest,
  headersOf,
  payloadOf,
  redirectTarget,
  signIn,
  statusOf,
  thrownBy,
} from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import { action as loginAction, loader as loginLoader } from '#app/routes/login.tsx'
import { action as logoutAction } from '#app/routes/logout.tsx'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { loader as adminUsersLoader } from '#app/routes/admin.users._index.tsx'
import { loader as meApiLoader } from '#app/routes/api.v1.me.ts'
import { action as settingsAction } from '#app/routes/settings.tsx'

const context = { clientIp: '198.51.100.7' }

async function postLogin(fields: Record<string, string>, ip = context.clientIp, csrf = true) {
  const request = await formRequest('/login', fields, { csrf })
  return loginAction({ request, params: {}, context: { clientIp: ip } })
}

describe('logging in', () => {
  test('right credentials start a session cookie that is httpOnly and SameSite=Lax, and redirect safely', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), {
      organisationId: organisation.id,
      roles: ['worker'],
      email: 'login-ok@example.org',
    })
    const response = await postLogin({
      email: '  LOGIN-OK@example.org ',
      password: testPassword,
      redirectTo: '/reports',
    })
    expect(statusOf(response)).toBe(302)
    expect(redirectTarget(response)).toBe('/reports')
    const setCookie = headersOf(response).get('Set-Cookie')!
    expect(setCookie).toMatch(/^sr_session=/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)

    const session = setCookie.split(';')[0]!
    const home = await homeLoader({ request: await getRequest('/', session), params: {}, context })
    expect(payloadOf(home).user.name).toBe('Testi Käyttäjä')
    expect(user.email).toBe('login-ok@example.org')
  })

  test('an off-site redirectTo is ignored', async () => {
    const organisation = await createOrganisation(getDb())
    await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'], email: 'redirect@example.org' })
    const response = await postLogin({
      email: 'redirect@example.org',
      password: testPassword,
      redirectTo: '//evil.example/x',
    })
    expect(redirectTarget(response)).toBe('/')
  })

  test('a wrong password and an unknown email get the same message and keep the typed email', async () => {
    const organisation = await createOrganisation(getDb())
    await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'], email: 'wrong-pass@example.org' })
    const wrongPassword = await postLogin({ email: 'wrong-pass@example.org', password: 'nope' })
    const unknownEmail = await postLogin({ email: 'nobody@example.org', password: 'nope' })
    for (const result of [wrongPassword, unknownEmail]) {
      expect(statusOf(result)).toBe(401)
      expect(payloadOf(result).formError).toBe('login.invalid')
    }
    expect(payloadOf(wrongPassword).values.email).toBe('wrong-pass@example.org')
  })

  test('empty fields are reported per field', async () => {
    const result = await postLogin({ email: '', password: '' })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).fieldErrors).toEqual({
      email: 'validation.emailRequired',
      password: 'validation.passwordRequired',
    })
  })

  test('after five failures on an account from one address, that address must wait, even with the right password', async () => {
    const organisation = await createOrganisation(getDb())
    await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'], email: 'throttled@example.org' })
    for (let attempt = 0; attempt < 5; attempt++) {
      const failed = await postLogin({ email: 'throttled@example.org', password: 'wrong' }, '203.0.113.50')
      expect(statusOf(failed)).toBe(401)
    }
    const blocked = await postLogin({ email: ' Throttled@example.org', password: testPassword }, '203.0.113.50')
    expect(statusOf(blocked)).toBe(429)
    expect(payloadOf(blocked).formError).toBe('login.throttled')
    expect(payloadOf(blocked).retryAfterSeconds).toBeGreaterThan(25)
    expect(headersOf(blocked).get('Retry-After')).toBe(String(payloadOf(blocked).retryAfterSeconds))
  })

  test('failing on purpose from one address does not lock the owner out from another', async () => {
    const organisation = await createOrganisation(getDb())
    await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'], email: 'victim@example.org' })
    for (let attempt = 0; attempt < 10; attempt++) {
      await postLogin({ email: 'victim@example.org', password: `guess-${attempt}` }, '203.0.113.66')
    }
    const attacker = await postLogin({ email: 'victim@example.org', password: 'guess-10' }, '203.0.113.66')
    expect(statusOf(attacker)).toBe(429)
    expect(Number(headersOf(attacker).get('Retry-After'))).toBeGreaterThan(0)

    const owner = await postLogin({ email: 'Victim@example.org', password: testPassword }, '198.51.100.77')
    expect(statusOf(owner)).toBe(302)
    expect(headersOf(owner).get('Set-Cookie')).toMatch(/^sr_session=/)
  })

  test('after five failures from one address, that address must wait whatever account it tries', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await postLogin({ email: `guess-${attempt}@example.org`, password: 'wrong' }, '203.0.113.200')
    }
    const blocked = await postLogin({ email: 'other@example.org', password: 'x' }, '203.0.113.200')
    expect(statusOf(blocked)).toBe(429)
    const elsewhere = await postLogin({ email: 'other@example.org', password: 'x' }, '203.0.113.201')
    expect(statusOf(elsewhere)).toBe(401)
  })

  test('a deactivated user cannot log in', async () => {
    const organisation = await createOrganisation(getDb())
    await createUser(getDb(), {
      organisationId: organisation.id,
      roles: ['worker'],
      email: 'inactive@example.org',
      active: false,
    })
    expect(statusOf(await postLogin({ email: 'inactive@example.org', password: testPassword }))).toBe(401)
  })

  test('a form without the CSRF token is refused with 403 and nothing happens', async () => {
    const organisation = await createOrganisation(getDb())
    await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'], email: 'csrf@example.org' })
    const thrown = await thrownBy(
      postLogin({ email: 'csrf@example.org', password: testPassword }, context.clientIp, false),
    )
    expect(statusOf(thrown)).toBe(403)
    expect(payloadOf(thrown)).toEqual({ code: 'csrf' })
  })

  test('a signed-in user visiting the login page goes home', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'] })
    const session = await signIn(user.email)
    const thrown = await thrownBy(loginLoader({ request: await getRequest('/login', session), params: {}, context }))
    expect(redirectTarget(thrown)).toBe('/')
  })
})

describe('sessions', () => {
  test('logging out ends the session on the server, not only in the browser', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'] })
    const session = await signIn(user.email)
    const response = await logoutAction({ request: await formRequest('/logout', {}, { session }), params: {}, context })
    expect(redirectTarget(response)).toBe('/login')
    expect(headersOf(response).get('Set-Cookie')).toMatch(/Max-Age=0/)
    const thrown = await thrownBy(homeLoader({ request: await getRequest('/', session), params: {}, context }))
    expect(redirectTarget(thrown)).toBe('/login')
  })

  test('an expired session sends the user to the login page and remembers where they were going', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'] })
    const session = await signIn(user.email)
    await getDb()
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute()
    const thrown = await thrownBy(
      homeLoader({ request: await getRequest('/reports?page=2', session), params: {}, context }),
    )
    expect(redirectTarget(thrown)).toBe('/login?redirectTo=%2Freports%3Fpage%3D2')
  })

  test('a role the user lacks is a 403', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), { organisationId: organisation.id, roles: ['worker', 'coordinator'] })
    const session = await signIn(user.email)
    const thrown = await thrownBy(
      adminUsersLoader({ request: await getRequest('/admin/users', session), params: {}, context }),
    )
    expect(statusOf(thrown)).toBe(403)
  })
})

describe('changing one’s own password in the settings', () => {
  const newPassword = 'oma-uusi-salasana-asetuksista'

  async function changePassword(session: string, currentPassword: string) {
    const request = await formRequest(
      '/settings',
      { intent: 'password', currentPassword, newPassword, confirmPassword: newPassword },
      { session },
    )
    return settingsAction({ request, params: {}, context })
  }

  const home = async (session: string) => homeLoader({ request: await getRequest('/', session), params: {}, context })
  const me = (token: string) => meApiLoader({ request: apiRequest('/api/v1/me', { token }), params: {} })

  test('keeps the session that changed it, signs out every other one and revokes every API token', async () => {
    const organisation = await createOrganisation(getDb())
    const other = await createOrganisation(getDb())
    const user = await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'], name: 'Vaihtaja' })
    await getDb()
      .insertInto('memberships')
      .values({ user_id: user.id, organisation_id: other.id, roles: ['worker'], active: true })
      .execute()
    const laptop = await signIn(user.email)
    const phone = await signIn(user.email)
    const tokens = [await apiTokenFor(user, organisation.id), await apiTokenFor(user, other.id)]
    for (const token of tokens) expect((await me(token)).status).toBe(200)

    const result = await changePassword(laptop, testPassword)
    expect(payloadOf(result)).toMatchObject({ intent: 'password', saved: true })

    expect(payloadOf(await home(laptop)).user.name).toBe('Vaihtaja')
    expect(redirectTarget(await thrownBy(home(phone)))).toBe('/login')
    for (const token of tokens) expect((await me(token)).status).toBe(401)
    await expect(signIn(user.email, testPassword)).rejects.toThrow(/invalid/)
    await expect(signIn(user.email, newPassword)).resolves.toMatch(/^sr_session=/)
  })

  test('a wrong current password changes nothing and ends nothing', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'], name: 'Unohtaja' })
    const laptop = await signIn(user.email)
    const phone = await signIn(user.email)
    const token = await apiTokenFor(user, organisation.id)

    const result = await changePassword(laptop, 'ei-oikea-salasana')
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).fieldErrors).toEqual({ currentPassword: 'settings.password.wrongCurrent' })

    expect(payloadOf(await home(phone)).user.name).toBe('Unohtaja')
    expect((await me(token)).status).toBe(200)
    await expect(signIn(user.email, testPassword)).resolves.toMatch(/^sr_session=/)
  })
})
