import { http, passthrough } from 'msw'
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { createOrganisation, createUser } from '#tests/factories/index.ts'
import { signInAtProvider, startTestOidcProvider, type TestOidcProvider } from '#tests/oidc-provider.ts'
import { mockServer } from '#tests/setup/setup-test-env.ts'
import {
  baseUrl,
  formRequest,
  getRequest,
  headersOf,
  payloadOf,
  redirectTarget,
  signIn,
  statusOf,
} from '#tests/utils.ts'
import { action as forgotPasswordAction } from '#app/routes/forgot-password.tsx'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { action as loginAction, loader as loginLoader } from '#app/routes/login.tsx'
import { action as organisationAction, loader as organisationLoader } from '#app/routes/admin.organisation.tsx'
import { loader as callbackLoader } from '#app/routes/auth.oidc.callback.tsx'
import { loader as startLoader } from '#app/routes/auth.oidc.start.tsx'
import { getDb } from '#app/utils/db.server.ts'

// The app reads the environment afresh, so single sign-on is configured for these tests only.
vi.mock('#app/utils/env.server.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('#app/utils/env.server.ts')>()
  return { ...actual, getEnv: () => actual.parseEnv(process.env) }
})

const context = { clientIp: '198.51.100.23' }
let provider: TestOidcProvider

const accounts = {
  first: { login: 'anna', email: 'anna.aalto@hyvinvointialue.fi', emailVerified: true },
  unknown: { login: 'tuntematon', email: 'ei.lisatty@hyvinvointialue.fi', emailVerified: true },
  unverified: { login: 'vahvistamaton', email: 'ville.vahvistamaton@hyvinvointialue.fi', emailVerified: false },
  otherDomain: { login: 'muualta', email: 'maija.muualta@example.com', emailVerified: true },
  deactivated: { login: 'poistettu', email: 'pekka.poissa@hyvinvointialue.fi', emailVerified: true },
  admin: { login: 'yllapitaja', email: 'ylla.pitaja@hyvinvointialue.fi', emailVerified: true },
  ssoOnly: { login: 'vainsso', email: 'sanna.sso@hyvinvointialue.fi', emailVerified: true },
}

beforeAll(async () => {
  provider = await startTestOidcProvider({
    redirectUri: `${baseUrl}/auth/oidc/callback`,
    accounts: Object.values(accounts),
  })
})

afterAll(async () => {
  await provider.close()
})

beforeEach(() => {
  vi.stubEnv('APP_URL', baseUrl)
  vi.stubEnv('OIDC_ISSUER', provider.issuer)
  vi.stubEnv('OIDC_CLIENT_ID', provider.clientId)
  vi.stubEnv('OIDC_CLIENT_SECRET', provider.clientSecret)
  vi.stubEnv('OIDC_ALLOWED_EMAIL_DOMAINS', 'hyvinvointialue.fi, kunta.fi')
  // The provider is real and local: its traffic is not mocked.
  mockServer.use(http.all(`${provider.issuer}/*`, () => passthrough()))
})

function cookiePair(setCookie: string | null): string {
  return setCookie!.split(';')[0]!
}

/** The browser's trip: the app's start page, the provider's sign-in form as `login`, and the app's callback. */
async function signInThroughProvider(login: string, { tamper }: { tamper?: (callback: URL) => void } = {}) {
  const start = await startLoader({
    request: await getRequest('/auth/oidc/start?redirectTo=/reports'),
    params: {},
    context,
  })
  expect(statusOf(start)).toBe(302)
  const transaction = cookiePair(headersOf(start).get('Set-Cookie'))
  expect(headersOf(start).get('Set-Cookie')).toMatch(/HttpOnly/)
  const callback = await signInAtProvider(redirectTarget(start)!, login)
  expect(`${callback.origin}${callback.pathname}`).toBe(`${baseUrl}/auth/oidc/callback`)
  tamper?.(callback)
  const request = new Request(callback, { headers: { Cookie: transaction } })
  return callbackLoader({ request, params: {}, context })
}

function sessionOf(answer: unknown): string {
  const session = headersOf(answer)
    .getSetCookie()
    .find((cookie) => cookie.startsWith('sr_session='))
  return cookiePair(session ?? null)
}

async function signedInName(session: string) {
  const home = await homeLoader({ request: await getRequest('/', session), params: {}, context })
  return payloadOf(home).user.name as string
}

async function identitiesOf(userId: string) {
  return getDb().selectFrom('user_identities').selectAll().where('user_id', '=', userId).execute()
}

describe('signing in with the organisation account', () => {
  test('the login page offers it when single sign-on is configured', async () => {
    const page = await loginLoader({ request: await getRequest('/login'), params: {}, context })
    expect(payloadOf(page).singleSignOn).toEqual({ label: null })
  })

  test('a first sign-in links to the user an admin added under the verified email; the next uses the identity', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), {
      organisationId: organisation.id,
      roles: ['worker'],
      email: accounts.first.email,
      name: 'Anna Aalto',
    })

    const first = await signInThroughProvider(accounts.first.login)
    expect(statusOf(first)).toBe(302)
    expect(redirectTarget(first)).toBe('/reports')
    expect(await signedInName(sessionOf(first))).toBe('Anna Aalto')
    const [identity] = await identitiesOf(user.id)
    expect(identity).toMatchObject({ issuer: provider.issuer, subject: accounts.first.login, email: user.email })
    const logged = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'details', 'organisation_id'])
      .where('actor_id', '=', user.id)
      .execute()
    expect(logged).toEqual([{ action: 'sign_in', details: { method: 'sso' }, organisation_id: organisation.id }])

    // The address changes at the county; the provider's subject still finds the same person.
    await getDb()
      .updateTable('users')
      .set({ email: 'anna.uusi@hyvinvointialue.fi' })
      .where('id', '=', user.id)
      .execute()
    const second = await signInThroughProvider(accounts.first.login)
    expect(await signedInName(sessionOf(second))).toBe('Anna Aalto')
    expect(await identitiesOf(user.id)).toHaveLength(1)
  })

  test('someone no admin has added is refused with a page saying so, and no account is created', async () => {
    const answer = await signInThroughProvider(accounts.unknown.login)
    expect(statusOf(answer)).toBe(403)
    expect(payloadOf(answer)).toEqual({ reason: 'not_added' })
    expect(headersOf(answer).get('Set-Cookie')).not.toMatch(/sr_session=/)
    const created = await getDb().selectFrom('users').select('id').where('email', '=', accounts.unknown.email).execute()
    expect(created).toEqual([])
  })

  test('an address the provider has not verified links nobody', async () => {
    const organisation = await createOrganisation(getDb())
    const user = await createUser(getDb(), {
      organisationId: organisation.id,
      roles: ['admin'],
      email: accounts.unverified.email,
    })
    const answer = await signInThroughProvider(accounts.unverified.login)
    expect(statusOf(answer)).toBe(403)
    expect(payloadOf(answer)).toEqual({ reason: 'email_unverified' })
    expect(await identitiesOf(user.id)).toEqual([])
  })

  test('an address outside the allowed domains is refused', async () => {
    const organisation = await createOrganisation(getDb())
    await createUser(getDb(), { organisationId: organisation.id, roles: ['worker'], email: accounts.otherDomain.email })
    const answer = await signInThroughProvider(accounts.otherDomain.login)
    expect(payloadOf(answer)).toEqual({ reason: 'email_domain_not_allowed' })
  })

  test('a deactivated user is refused', async () => {
    const organisation = await createOrganisation(getDb())
    await createUser(getDb(), {
      organisationId: organisation.id,
      roles: ['worker'],
      email: accounts.deactivated.email,
      active: false,
    })
    const answer = await signInThroughProvider(accounts.deactivated.login)
    expect(statusOf(answer)).toBe(403)
    expect(payloadOf(answer)).toEqual({ reason: 'deactivated' })
  })

  test('a callback whose state is not this browser’s attempt is refused, and so is one with no attempt at all', async () => {
    const tampered = await signInThroughProvider(accounts.unknown.login, {
      tamper: (callback) => callback.searchParams.set('state', 'forged-state'),
    })
    expect(statusOf(tampered)).toBe(400)
    expect(payloadOf(tampered)).toEqual({ reason: 'failed' })

    const noAttempt = await callbackLoader({
      request: await getRequest('/auth/oidc/callback?code=abc&state=xyz'),
      params: {},
      context,
    })
    expect(payloadOf(noAttempt)).toEqual({ reason: 'expired' })
  })

  test('the provider’s own refusal gives a page, not an error', async () => {
    const answer = await callbackLoader({
      request: await getRequest('/auth/oidc/callback?error=access_denied&state=xyz'),
      params: {},
      context,
    })
    expect(statusOf(answer)).toBe(400)
    expect(payloadOf(answer)).toEqual({ reason: 'denied' })
  })
})

describe('an organisation that turns password sign-in off', () => {
  test('only an admin who has signed in through single sign-on may turn it off; then passwords and resets stop', async () => {
    const organisation = await createOrganisation(getDb())
    const admin = await createUser(getDb(), {
      organisationId: organisation.id,
      roles: ['admin'],
      email: accounts.admin.email,
    })
    const worker = await createUser(getDb(), {
      organisationId: organisation.id,
      roles: ['worker'],
      email: accounts.ssoOnly.email,
    })
    const adminSession = await signIn(admin.email)
    const turnOff = () =>
      formRequest('/admin/organisation', { intent: 'passwordLogin' }, { session: adminSession }).then((request) =>
        organisationAction({ request, params: {}, context }),
      )

    const refused = await turnOff()
    expect(statusOf(refused)).toBe(409)
    expect(payloadOf(refused).message).toBe('sso.admin.needsIdentity')

    await signInThroughProvider(accounts.admin.login)
    expect(statusOf(await turnOff())).toBe(200)
    const page = await organisationLoader({
      request: await getRequest('/admin/organisation', adminSession),
      params: {},
      context,
    })
    expect(payloadOf(page).passwordLogin).toBe(false)
    // Who turned password sign-in off, and when, is in the audit log.
    const logged = await getDb()
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('organisation_id', '=', organisation.id)
      .where('action', '=', 'settings.changed')
      .execute()
    expect(logged).toEqual([
      {
        actor_id: admin.id,
        details: { intent: 'passwordLogin', changes: { passwordLogin: { before: true, after: false } } },
      },
    ])

    const passwordAttempt = await loginAction({
      request: await formRequest('/login', { email: worker.email, password: 'oikein-pitkä-testisalasana' }),
      params: {},
      context,
    })
    expect(statusOf(passwordAttempt)).toBe(403)
    expect(payloadOf(passwordAttempt).formError).toBe('sso.passwordLoginOff')

    await getDb().deleteFrom('email_jobs').execute()
    await forgotPasswordAction({
      request: await formRequest('/forgot-password', { email: worker.email }),
      params: {},
      context,
    })
    const queued = await getDb().selectFrom('email_jobs').select('id').where('recipient_id', '=', worker.id).execute()
    expect(queued).toEqual([])

    // The worker still gets in, through the organisation account.
    const ssoSignIn = await signInThroughProvider(accounts.ssoOnly.login)
    expect(statusOf(ssoSignIn)).toBe(302)
  })

  test('someone also working where passwords are allowed signs in with a password there, not in the other', async () => {
    const ssoOnly = await createOrganisation(getDb(), 'A-alue, vain organisaation tunnus')
    const withPasswords = await createOrganisation(getDb(), 'B-alue, salasanat sallittu')
    await getDb().updateTable('organisations').set({ password_login: false }).where('id', '=', ssoOnly.id).execute()
    const person = await createUser(getDb(), { organisationId: ssoOnly.id, roles: ['worker'] })
    await getDb()
      .insertInto('memberships')
      .values({ user_id: person.id, organisation_id: withPasswords.id, roles: ['coordinator'], active: true })
      .execute()
    const session = await signIn(person.email)
    const home = await homeLoader({ request: await getRequest('/', session), params: {}, context })
    expect(payloadOf(home).user.roles).toEqual(['coordinator'])
  })
})
