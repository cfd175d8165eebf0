import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createUser } from '#tests/factories/index.ts'
import {
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
import { action as newUserAction } from '#app/routes/admin.users.new.tsx'
import { action as editUserAction, loader as editUserLoader } from '#app/routes/admin.users.$userId.tsx'
import { action as invitationAction, loader as invitationLoader } from '#app/routes/invitation.$token.tsx'
import { loader as homeLoader } from '#app/routes/_index.tsx'

const context = { clientIp: '192.0.2.30' }
const newPassword = 'oma-uusi-salasana-kutsusta'
let organisation: { id: string; name: string }
let adminSession: string

beforeAll(async () => {
  organisation = await createOrganisation(getDb(), 'Kutsualue')
  const admin = await createUser(getDb(), {
    organisationId: organisation.id,
    roles: ['admin'],
    name: 'Pia Pääkäyttäjä',
  })
  adminSession = await signIn(admin.email)
})

async function invite(fields: Record<string, string | string[]> = {}) {
  const request = await formRequest(
    '/admin/users/new',
    {
      name: 'Kalle Kutsuttu',
      email: `kalle-${crypto.randomUUID()}@example.org`,
      locale: 'fi',
      roles: 'worker',
      ...fields,
    },
    { session: adminSession },
  )
  const response = await newUserAction({ request, params: {}, context })
  expect(statusOf(response)).toBe(302)
  const target = redirectTarget(response)!
  expect(target).toMatch(/\?created=invitation$/)
  return target.match(/\/admin\/users\/([^?]+)/)![1]!
}

function invitationJobs(userId: string) {
  return getDb()
    .selectFrom('email_jobs')
    .select(['id', 'organisation_id', 'kind', 'payload', 'idempotency_key', 'status'])
    .where('recipient_id', '=', userId)
    .orderBy('created_at')
    .execute()
}

/** The secret in the newest invitation email, as the invitee would click it. */
async function latestInvitationToken(userId: string): Promise<string> {
  const jobs = await invitationJobs(userId)
  const url = String(jobs.at(-1)!.payload.url)
  return new URL(url).pathname.split('/').at(-1)!
}

async function openInvitation(token: string, cookie: string | null = null) {
  const request = await getRequest(`/invitation/${token}`, cookie)
  return invitationLoader({ request, params: { token }, context })
}

async function acceptInvitation(token: string, fields: Record<string, string> = {}) {
  const request = await formRequest(`/invitation/${token}`, {
    newPassword,
    confirmPassword: newPassword,
    ...fields,
  })
  return invitationAction({ request, params: { token }, context })
}

async function resend(userId: string) {
  const request = await formRequest(`/admin/users/${userId}`, { intent: 'resendInvitation' }, { session: adminSession })
  return editUserAction({ request, params: { userId }, context })
}

function sessionCookieOf(response: unknown): string {
  const setCookie = headersOf(response).get('Set-Cookie')
  expect(setCookie).toMatch(/^sr_session=/)
  return setCookie!.split(';')[0]!
}

describe('inviting a user', () => {
  test('creates the user without a password and queues exactly one invitation whose link holds a stored token', async () => {
    const userId = await invite()
    const user = await getDb()
      .selectFrom('users')
      .select(['password_hash', 'email'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    expect(user.password_hash).toBeNull()

    const jobs = await invitationJobs(userId)
    expect(jobs).toHaveLength(1)
    const [job] = jobs
    expect(job).toMatchObject({ kind: 'invitation', organisation_id: organisation.id, status: 'pending' })
    expect(Object.keys(job!.payload).sort()).toEqual(['expiresAt', 'inviterName', 'organisationName', 'url'])
    expect(job!.payload).toMatchObject({ inviterName: 'Pia Pääkäyttäjä', organisationName: 'Kutsualue' })
    expect(String(job!.payload.url)).toMatch(new RegExp(`^${getEnv().appUrl}/invitation/[A-Za-z0-9_-]{43}$`))

    const token = await latestInvitationToken(userId)
    const stored = await getDb()
      .selectFrom('user_tokens')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ user_id: userId, purpose: 'invitation', used_at: null })
    expect(job!.idempotency_key).toBe(`invitation/${stored.id}`)
    expect(new Date(String(job!.payload.expiresAt)).getTime()).toBe(stored.expires_at.getTime())
    const days = (stored.expires_at.getTime() - stored.created_at.getTime()) / 86_400_000
    expect(days).toBeCloseTo(7, 3)

    await expect(signIn(user.email, '')).rejects.toThrow(/invalid/)
  })

  test('a form without the choice but with a password still creates a user with that password', async () => {
    const request = await formRequest(
      '/admin/users/new',
      {
        name: 'Vanha Tapa',
        email: 'vanha-tapa@example.org',
        locale: 'fi',
        roles: 'worker',
        password: 'alkusalasana-pitkä',
      },
      { session: adminSession },
    )
    const response = await newUserAction({ request, params: {}, context })
    expect(redirectTarget(response)).toMatch(/\?created=1$/)
    const userId = redirectTarget(response)!.match(/\/admin\/users\/([^?]+)/)![1]!
    expect(await invitationJobs(userId)).toEqual([])
    await expect(signIn('vanha-tapa@example.org', 'alkusalasana-pitkä')).resolves.toMatch(/^sr_session=/)
  })

  test('choosing to set a password requires one, and a failed form keeps the choice and everything typed', async () => {
    const request = await formRequest(
      '/admin/users/new',
      { name: 'Valitsija', email: 'valitsija@example.org', locale: 'sv', roles: 'worker', onboarding: 'password' },
      { session: adminSession },
    )
    const result = await newUserAction({ request, params: {}, context })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).fieldErrors).toEqual({ password: 'validation.passwordRequired' })
    expect(payloadOf(result).values).toEqual({
      name: 'Valitsija',
      email: 'valitsija@example.org',
      locale: 'sv',
      roles: 'worker',
      onboarding: 'password',
    })
  })

  test('with the invitation chosen, a password left in the hidden field is ignored', async () => {
    const userId = await invite({ onboarding: 'invitation', password: 'lyhyt' })
    expect(await invitationJobs(userId)).toHaveLength(1)
  })
})

describe('accepting an invitation', () => {
  test('shows the organisation and name, then sets the password, spends the link and signs the user in', async () => {
    const userId = await invite({ name: 'Iida Invitee' })
    const token = await latestInvitationToken(userId)
    const page = payloadOf(await openInvitation(token))
    expect(page).toMatchObject({ state: 'usable', holder: { name: 'Iida Invitee', organisationName: 'Kutsualue' } })

    const mismatch = await acceptInvitation(token, { confirmPassword: 'jotain-muuta-kokonaan' })
    expect(statusOf(mismatch)).toBe(400)
    expect(payloadOf(mismatch).fieldErrors).toEqual({ confirmPassword: 'validation.passwordsDiffer' })
    const tooShort = await acceptInvitation(token, { newPassword: 'lyhyt', confirmPassword: 'lyhyt' })
    expect(payloadOf(tooShort).fieldErrors).toEqual({ newPassword: 'validation.passwordTooShort' })
    expect(payloadOf(tooShort).values).toEqual({})

    const accepted = await acceptInvitation(token)
    expect(redirectTarget(accepted)).toBe('/')
    const home = payloadOf(
      await homeLoader({ request: await getRequest('/', sessionCookieOf(accepted)), params: {}, context }),
    )
    expect(home.user.name).toBe('Iida Invitee')

    const { email } = await getDb()
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    await expect(signIn(email, newPassword)).resolves.toMatch(/^sr_session=/)
  })

  test('a used link is refused with a clear message, on the page and in the form', async () => {
    const userId = await invite()
    const token = await latestInvitationToken(userId)
    expect(redirectTarget(await acceptInvitation(token))).toBe('/')

    const page = await openInvitation(token)
    expect(statusOf(page)).toBe(410)
    expect(payloadOf(page)).toEqual({ state: 'used' })
    const again = await acceptInvitation(token, {
      newPassword: 'toinen-salasana-yritys',
      confirmPassword: 'toinen-salasana-yritys',
    })
    expect(statusOf(again)).toBe(410)
    expect(payloadOf(again).state).toBe('used')
    const { email } = await getDb()
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    await expect(signIn(email, 'toinen-salasana-yritys')).rejects.toThrow(/invalid/)
  })

  test('an expired or unknown link is refused and shows no one’s details', async () => {
    const userId = await invite()
    const token = await latestInvitationToken(userId)
    await getDb()
      .updateTable('user_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', userId)
      .execute()
    const expired = await openInvitation(token)
    expect(statusOf(expired)).toBe(410)
    expect(payloadOf(expired)).toEqual({ state: 'expired' })
    expect(payloadOf(await acceptInvitation(token)).state).toBe('expired')

    const unknown = await openInvitation('ei-tallaista-kutsua')
    expect(statusOf(unknown)).toBe(404)
    expect(payloadOf(unknown)).toEqual({ state: 'unknown' })
    expect(statusOf(await acceptInvitation('ei-tallaista-kutsua'))).toBe(410)
  })

  test('a deactivated invitee’s link no longer works', async () => {
    const userId = await invite()
    const token = await latestInvitationToken(userId)
    await getDb().updateTable('memberships').set({ active: false }).where('user_id', '=', userId).execute()
    expect(payloadOf(await openInvitation(token))).toEqual({ state: 'expired' })
    expect(payloadOf(await acceptInvitation(token)).state).toBe('expired')
  })

  test('the first visit shows the page in the invitee’s language unless the browser already chose one', async () => {
    const userId = await invite({ locale: 'sv' })
    const token = await latestInvitationToken(userId)
    const redirected = await thrownBy(openInvitation(token))
    expect(redirectTarget(redirected)).toBe(`/invitation/${token}?lang=sv`)
    expect(headersOf(redirected).get('Set-Cookie')).toMatch(/^sr_lang=/)
    const request = await getRequest(`/invitation/${token}?lang=sv`)
    expect(payloadOf(await invitationLoader({ request, params: { token }, context })).state).toBe('usable')
  })
})

describe('resending an invitation', () => {
  test('sends a new link and the old one stops working', async () => {
    const userId = await invite()
    const oldToken = await latestInvitationToken(userId)
    const before = payloadOf(
      await editUserLoader({
        request: await getRequest(`/admin/users/${userId}`, adminSession),
        params: { userId },
        context,
      }),
    )
    expect(before.invitation.pending).toBe(true)
    expect(before.invitation.latest).not.toBeNull()

    expect(payloadOf(await resend(userId))).toEqual({ intent: 'resendInvitation', sent: true, error: null })
    const jobs = await invitationJobs(userId)
    expect(jobs).toHaveLength(2)
    expect(new Set(jobs.map((job) => job.idempotency_key)).size).toBe(2)
    const newToken = await latestInvitationToken(userId)
    expect(newToken).not.toBe(oldToken)

    expect(payloadOf(await openInvitation(oldToken))).toEqual({ state: 'expired' })
    expect(payloadOf(await acceptInvitation(oldToken)).state).toBe('expired')
    expect(redirectTarget(await acceptInvitation(newToken))).toBe('/')
  })

  test('is refused once the user has a password, or while the user is deactivated', async () => {
    const userId = await invite()
    expect(redirectTarget(await acceptInvitation(await latestInvitationToken(userId)))).toBe('/')
    const refused = await resend(userId)
    expect(statusOf(refused)).toBe(409)
    expect(payloadOf(refused).error).toBe('admin.users.invitation.notPending')
    expect(await invitationJobs(userId)).toHaveLength(1)
    const loaded = payloadOf(
      await editUserLoader({
        request: await getRequest(`/admin/users/${userId}`, adminSession),
        params: { userId },
        context,
      }),
    )
    expect(loaded.invitation.pending).toBe(false)

    const inactiveId = await invite()
    await getDb().updateTable('memberships').set({ active: false }).where('user_id', '=', inactiveId).execute()
    expect(payloadOf(await resend(inactiveId)).error).toBe('admin.users.invitation.inactive')
    expect(await invitationJobs(inactiveId)).toHaveLength(1)
  })
})
