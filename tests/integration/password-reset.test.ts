import { beforeAll, describe, expect, test } from 'vitest'
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
import { hashToken } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { action as forgotAction, loader as forgotLoader } from '#app/routes/forgot-password.tsx'
import { action as resetAction, loader as resetLoader } from '#app/routes/reset-password.$token.tsx'
import { action as invitationAction, loader as invitationLoader } from '#app/routes/invitation.$token.tsx'
import { action as newUserAction } from '#app/routes/admin.users.new.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { loader as meApiLoader } from '#app/routes/api.v1.me.ts'
import { action as settingsAction } from '#app/routes/settings.tsx'

const newPassword = 'uusi-salasana-linkin-kautta'
let organisationId: string
let ipCounter = 0

/** Each test asks from its own address, so the per-address throttle of one test never touches another. */
function freshIp() {
  ipCounter += 1
  return `198.51.100.${ipCounter}`
}

beforeAll(async () => {
  organisationId = (await createOrganisation(getDb(), 'Palautusalue')).id
})

async function forgot(email: string, clientIp: string) {
  const request = await formRequest('/forgot-password', { email })
  return forgotAction({ request, params: {}, context: { clientIp } })
}

function resetJobs(userId: string) {
  return getDb()
    .selectFrom('email_jobs')
    .select(['id', 'kind', 'payload', 'idempotency_key', 'organisation_id'])
    .where('recipient_id', '=', userId)
    .where('kind', '=', 'password_reset')
    .orderBy('created_at')
    .execute()
}

async function latestResetToken(userId: string): Promise<string> {
  const url = String((await resetJobs(userId)).at(-1)!.payload.url)
  return new URL(url).pathname.split('/').at(-1)!
}

async function reset(token: string, password = newPassword) {
  const request = await formRequest(`/reset-password/${token}`, { newPassword: password, confirmPassword: password })
  return resetAction({ request, params: { token }, context: { clientIp: '198.51.100.250' } })
}

async function openReset(token: string) {
  return resetLoader({ request: await getRequest(`/reset-password/${token}`), params: { token }, context: {} })
}

const anonymousHome = async (session: string) =>
  thrownBy(homeLoader({ request: await getRequest('/', session), params: {}, context: {} }))

describe('asking for a reset link', () => {
  test('answers the same for a known and an unknown address and queues a link only for the known one', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'], email: 'tunnettu@example.org' })
    const ip = freshIp()
    const known = await forgot('  Tunnettu@Example.org ', ip)
    const unknown = await forgot('tuntematon@example.org', ip)
    expect(statusOf(known)).toBe(statusOf(unknown))
    expect(statusOf(known)).toBe(200)
    expect(Object.keys(payloadOf(known))).toEqual(Object.keys(payloadOf(unknown)))
    expect(payloadOf(known).sentTo).toBe('Tunnettu@Example.org')
    expect(payloadOf(unknown).sentTo).toBe('tuntematon@example.org')

    const jobs = await resetJobs(user.id)
    expect(jobs).toHaveLength(1)
    const all = await getDb()
      .selectFrom('email_jobs')
      .select('recipient_id')
      .where('kind', '=', 'password_reset')
      .execute()
    expect(all.map((job) => job.recipient_id)).toEqual([user.id])

    const [job] = jobs
    expect(Object.keys(job!.payload).sort()).toEqual(['expiresAt', 'url'])
    expect(job!.organisation_id).toBe(organisationId)
    expect(String(job!.payload.url)).toMatch(new RegExp(`^${getEnv().appUrl}/reset-password/[A-Za-z0-9_-]{43}$`))
    const stored = await getDb()
      .selectFrom('user_tokens')
      .selectAll()
      .where('token_hash', '=', hashToken(await latestResetToken(user.id)))
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ user_id: user.id, purpose: 'password_reset', used_at: null })
    expect(job!.idempotency_key).toBe(`password_reset/${stored.id}`)
    const validFor = stored.expires_at.getTime() - stored.created_at.getTime()
    expect(Math.abs(validFor - 60 * 60 * 1000)).toBeLessThan(5000)
  })

  test('a deactivated user gets no link, and the answer is the same', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'], active: false })
    const result = await forgot(user.email, freshIp())
    expect(statusOf(result)).toBe(200)
    expect(await resetJobs(user.id)).toEqual([])
  })

  test('a newer link replaces the older one', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'] })
    await forgot(user.email, freshIp())
    const first = await latestResetToken(user.id)
    await forgot(user.email, freshIp())
    const second = await latestResetToken(user.id)
    expect(second).not.toBe(first)
    expect(payloadOf(await openReset(first))).toEqual({ state: 'expired' })
    expect(payloadOf(await openReset(second))).toEqual({ state: 'usable', email: user.email })
  })

  test('requests are throttled per address and per client, apart from login attempts', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'] })
    for (let request = 0; request < 5; request++) expect(statusOf(await forgot(user.email, freshIp()))).toBe(200)
    const blocked = await forgot(user.email, freshIp())
    expect(statusOf(blocked)).toBe(429)
    expect(payloadOf(blocked).sentTo).toBeNull()
    expect(payloadOf(blocked).retryAfterSeconds).toBeGreaterThan(25)
    expect(headersOf(blocked).get('Retry-After')).toBe(String(payloadOf(blocked).retryAfterSeconds))
    expect(await resetJobs(user.id)).toHaveLength(5)

    const ip = freshIp()
    for (let request = 0; request < 5; request++) await forgot(`arvaus-${request}@example.org`, ip)
    expect(statusOf(await forgot('viela-yksi@example.org', ip))).toBe(429)
    // An unknown address is throttled exactly like a known one: the wait says nothing about accounts.
    expect(statusOf(await forgot(user.email, ip))).toBe(429)

    const login = await loginAction({
      request: await formRequest('/login', { email: user.email, password: testPassword }),
      params: {},
      context: { clientIp: ip },
    })
    expect(statusOf(login)).toBe(302)
  })

  test('a signed-in user is sent home instead', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'] })
    const session = await signIn(user.email)
    const thrown = await thrownBy(
      forgotLoader({ request: await getRequest('/forgot-password', session), params: {}, context: {} }),
    )
    expect(redirectTarget(thrown)).toBe('/')
  })
})

describe('resetting the password through the link', () => {
  test('works once, ends the user’s other sessions, revokes their API tokens and signs them in', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'], name: 'Reetta Resetoija' })
    const laptop = await signIn(user.email)
    const phone = await signIn(user.email)
    const apiToken = await apiTokenFor(user, organisationId)
    await forgot(user.email, freshIp())
    const token = await latestResetToken(user.id)

    const response = await reset(token)
    expect(redirectTarget(response)).toBe('/')
    const session = headersOf(response).get('Set-Cookie')!.split(';')[0]!
    expect(session).toMatch(/^sr_session=/)
    const home = await homeLoader({ request: await getRequest('/', session), params: {}, context: {} })
    expect(payloadOf(home).user.name).toBe('Reetta Resetoija')
    for (const old of [laptop, phone]) expect(redirectTarget(await anonymousHome(old))).toBe('/login')
    expect((await meApiLoader({ request: apiRequest('/api/v1/me', { token: apiToken }), params: {} })).status).toBe(401)
    const sessions = await getDb().selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()
    expect(sessions).toHaveLength(1)

    await expect(signIn(user.email, testPassword)).rejects.toThrow(/invalid/)
    await expect(signIn(user.email, newPassword)).resolves.toMatch(/^sr_session=/)

    const again = await reset(token, 'kolmas-salasana-yritys')
    expect(statusOf(again)).toBe(410)
    expect(payloadOf(again).state).toBe('used')
    expect(payloadOf(await openReset(token))).toEqual({ state: 'used' })
    await expect(signIn(user.email, 'kolmas-salasana-yritys')).rejects.toThrow(/invalid/)
  })

  test('a password changed in the settings ends a reset link asked for before', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'] })
    await forgot(user.email, freshIp())
    const token = await latestResetToken(user.id)
    const request = await formRequest(
      '/settings',
      { intent: 'password', currentPassword: testPassword, newPassword, confirmPassword: newPassword },
      { session: await signIn(user.email) },
    )
    expect(payloadOf(await settingsAction({ request, params: {}, context: {} })).saved).toBe(true)
    expect(payloadOf(await openReset(token))).toEqual({ state: 'expired' })
    expect(payloadOf(await reset(token, 'kolmas-salasana-yritys')).state).toBe('expired')
    await expect(signIn(user.email, newPassword)).resolves.toMatch(/^sr_session=/)
  })

  test('an expired link is refused with a clear message', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'] })
    await forgot(user.email, freshIp())
    const token = await latestResetToken(user.id)
    await getDb()
      .updateTable('user_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute()
    const page = await openReset(token)
    expect(statusOf(page)).toBe(410)
    expect(payloadOf(page)).toEqual({ state: 'expired' })
    expect(payloadOf(await reset(token)).state).toBe('expired')
    await expect(signIn(user.email, testPassword)).resolves.toMatch(/^sr_session=/)
  })

  test('a reset link is no invitation, and an invitation link resets nothing', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'] })
    await forgot(user.email, freshIp())
    const resetToken = await latestResetToken(user.id)
    const asInvitation = await invitationLoader({
      request: await getRequest(`/invitation/${resetToken}`),
      params: { token: resetToken },
      context: {},
    })
    expect(statusOf(asInvitation)).toBe(404)
    const acceptRequest = await formRequest(`/invitation/${resetToken}`, {
      newPassword,
      confirmPassword: newPassword,
    })
    const accepted = await invitationAction({ request: acceptRequest, params: { token: resetToken }, context: {} })
    expect(payloadOf(accepted).state).toBe('unknown')
    await expect(signIn(user.email, testPassword)).resolves.toMatch(/^sr_session=/)

    const admin = await createUser(getDb(), { organisationId, roles: ['admin'] })
    const inviteRequest = await formRequest(
      '/admin/users/new',
      { name: 'Kutsuttu', email: 'kutsu-ei-nollaa@example.org', locale: 'fi', roles: 'worker' },
      { session: await signIn(admin.email) },
    )
    const invitedId = redirectTarget(await newUserAction({ request: inviteRequest, params: {}, context: {} }))!.match(
      /\/admin\/users\/([^?]+)/,
    )![1]!
    const invitation = await getDb()
      .selectFrom('email_jobs')
      .select('payload')
      .where('recipient_id', '=', invitedId)
      .executeTakeFirstOrThrow()
    const invitationToken = new URL(String(invitation.payload.url)).pathname.split('/').at(-1)!
    expect(statusOf(await openReset(invitationToken))).toBe(404)
    expect(payloadOf(await reset(invitationToken)).state).toBe('unknown')
    const { password_hash } = await getDb()
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', invitedId)
      .executeTakeFirstOrThrow()
    expect(password_hash).toBeNull()
  })
})
