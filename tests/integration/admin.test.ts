import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createTeam, createUser } from '#tests/factories/index.ts'
import {
  apiRequest,
  apiTokenFor,
  formRequest,
  getRequest,
  payloadOf,
  redirectTarget,
  signIn,
  statusOf,
  thrownBy,
} from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import { action as newUserAction } from '#app/routes/admin.users.new.tsx'
import { action as editUserAction, loader as editUserLoader } from '#app/routes/admin.users.$userId.tsx'
import { action as organisationAction, loader as organisationLoader } from '#app/routes/admin.organisation.tsx'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { loader as meApiLoader } from '#app/routes/api.v1.me.ts'

const context = { clientIp: '192.0.2.2' }
let organisationId: string
let teamIds: string[]
let adminId: string
let session: string

beforeAll(async () => {
  const organisation = await createOrganisation(getDb())
  organisationId = organisation.id
  teamIds = [
    (await createTeam(getDb(), organisationId, 'Lapsiperheet')).id,
    (await createTeam(getDb(), organisationId, 'Aikuiset')).id,
  ]
  const admin = await createUser(getDb(), { organisationId, roles: ['admin'], name: 'Pia Pääkäyttäjä' })
  adminId = admin.id
  session = await signIn(admin.email)
})

async function editViaForm(userId: string, fields: Record<string, string | string[]>) {
  const request = await formRequest(`/admin/users/${userId}`, fields, { session })
  return editUserAction({ request, params: { userId }, context })
}

const home = async (userSession: string) =>
  homeLoader({ request: await getRequest('/', userSession), params: {}, context })
const me = (token: string) => meApiLoader({ request: apiRequest('/api/v1/me', { token }), params: {} })

async function createViaForm(fields: Record<string, string | string[]>) {
  return newUserAction({ request: await formRequest('/admin/users/new', fields, { session }), params: {}, context })
}

describe('admin manages users', () => {
  test('creates a user with roles, teams and an initial password the user can log in with', async () => {
    const response = await createViaForm({
      name: 'Sari Sosiaalityöntekijä',
      email: 'Sari@Example.org',
      locale: 'sv',
      roles: ['worker', 'team_lead'],
      teamIds,
      password: 'alkusalasana-joka-on-pitkä',
    })
    expect(statusOf(response)).toBe(302)
    const userId = redirectTarget(response)!.match(/\/admin\/users\/([^?]+)/)![1]!
    const loaded = payloadOf(
      await editUserLoader({
        request: await getRequest(`/admin/users/${userId}`, session),
        params: { userId },
        context,
      }),
    )
    expect(loaded.user).toMatchObject({
      email: 'sari@example.org',
      roles: ['worker', 'team_lead'],
      active: true,
      locale: 'sv',
    })
    expect([...loaded.user.teamIds].sort()).toEqual([...teamIds].sort())
    await expect(signIn('sari@example.org', 'alkusalasana-joka-on-pitkä')).resolves.toMatch(/^sr_session=/)
  })

  test('invalid input names each field and keeps everything typed except the password', async () => {
    const result = await createViaForm({
      name: 'Keijo',
      email: 'ei-osoite',
      locale: 'fi',
      roles: [],
      teamIds: [teamIds[0]!],
      password: 'lyhyt',
    })
    expect(statusOf(result)).toBe(400)
    const payload = payloadOf(result)
    expect(payload.fieldErrors).toEqual({
      email: 'validation.emailInvalid',
      roles: 'admin.users.rolesRequired',
      password: 'validation.passwordTooShort',
    })
    expect(payload.values).toMatchObject({ name: 'Keijo', email: 'ei-osoite', teamIds: teamIds[0] })
    expect(payload.values.password).toBeUndefined()
  })

  test('an email already in use is refused', async () => {
    const existing = await createUser(getDb(), { organisationId, roles: ['worker'] })
    const result = await createViaForm({
      name: 'Toinen',
      email: existing.email,
      locale: 'fi',
      roles: 'worker',
      password: 'riittävän-pitkä-salasana',
    })
    expect(payloadOf(result).fieldErrors).toEqual({ email: 'admin.users.emailTaken' })
  })

  test('deactivating a user ends their sessions and stops their login', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'] })
    const userSession = await signIn(user.email)
    const request = await formRequest(`/admin/users/${user.id}`, { name: 'Poistuva', roles: 'worker' }, { session })
    expect(payloadOf(await editUserAction({ request, params: { userId: user.id }, context })).ok).toBe(true)
    const thrown = await thrownBy(homeLoader({ request: await getRequest('/', userSession), params: {}, context }))
    expect(redirectTarget(thrown)).toBe('/login')
    await expect(signIn(user.email)).rejects.toThrow(/invalid/)
  })

  test('deactivation revokes the API tokens for good: reactivating the user does not bring them back', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'] })
    const token = await apiTokenFor(user, organisationId)
    expect((await me(token)).status).toBe(200)

    expect(payloadOf(await editViaForm(user.id, { name: 'Tauolla', roles: 'worker' })).ok).toBe(true)
    expect((await me(token)).status).toBe(401)
    expect(payloadOf(await editViaForm(user.id, { name: 'Palannut', roles: 'worker', active: 'on' })).ok).toBe(true)

    expect((await me(token)).status).toBe(401)
    await expect(signIn(user.email)).resolves.toMatch(/^sr_session=/)
    const fresh = await apiTokenFor(user, organisationId)
    expect((await me(fresh)).status).toBe(200)
  })

  test('setting a user’s password signs them out everywhere and revokes their API tokens, and says so', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'] })
    const userSession = await signIn(user.email)
    const token = await apiTokenFor(user, organisationId)

    const saved = await editViaForm(user.id, {
      name: 'Uusi Salasana',
      roles: 'worker',
      active: 'on',
      password: 'ylläpitäjän-antama-salasana',
    })
    expect(payloadOf(saved)).toMatchObject({ ok: true, passwordChanged: true })

    expect(redirectTarget(await thrownBy(home(userSession)))).toBe('/login')
    expect((await me(token)).status).toBe(401)
    expect(payloadOf(await home(session)).user.name).toBe('Pia Pääkäyttäjä')
    await expect(signIn(user.email, 'ylläpitäjän-antama-salasana')).resolves.toMatch(/^sr_session=/)
  })

  test('saving a user without a new password leaves their sessions and API tokens alone', async () => {
    const user = await createUser(getDb(), { organisationId, roles: ['worker'], name: 'Sama Salasana' })
    const userSession = await signIn(user.email)
    const token = await apiTokenFor(user, organisationId)

    const saved = await editViaForm(user.id, { name: 'Sama Salasana', roles: 'worker', active: 'on', password: '' })
    expect(payloadOf(saved)).toMatchObject({ ok: true, passwordChanged: false })

    expect(payloadOf(await home(userSession)).user.name).toBe('Sama Salasana')
    expect((await me(token)).status).toBe(200)
  })

  test('an admin cannot lock themselves out', async () => {
    const request = await formRequest(
      `/admin/users/${adminId}`,
      { name: 'Admin', roles: 'worker', active: 'on' },
      { session },
    )
    const result = await editUserAction({ request, params: { userId: adminId }, context })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).fieldErrors).toEqual({ roles: 'admin.users.cannotLockOutSelf' })
    expect(payloadOf(result).values).toMatchObject({ name: 'Admin', roles: 'worker', active: true })
  })
})

describe('admin manages municipalities and teams', () => {
  async function post(fields: Record<string, string>) {
    return organisationAction({
      request: await formRequest('/admin/organisation', fields, { session }),
      params: {},
      context,
    })
  }

  test('adds and renames a municipality; a duplicate name is refused with the typed name kept', async () => {
    expect(payloadOf(await post({ intent: 'create', unit: 'municipalities', name: 'Kristiinankaupunki' })).ok).toBe(
      true,
    )
    const duplicate = await post({ intent: 'create', unit: 'municipalities', name: 'Kristiinankaupunki' })
    expect(statusOf(duplicate)).toBe(400)
    expect(payloadOf(duplicate)).toMatchObject({
      fieldErrors: { name: 'admin.organisation.duplicate' },
      values: { name: 'Kristiinankaupunki' },
    })

    const structure = payloadOf(
      await organisationLoader({ request: await getRequest('/admin/organisation', session), params: {}, context }),
    )
    const municipality = structure.municipalities.find((m: { name: string }) => m.name === 'Kristiinankaupunki')
    expect(
      payloadOf(await post({ intent: 'rename', unit: 'municipalities', id: municipality.id, name: 'Kaskinen' })).ok,
    ).toBe(true)
    const names = await getDb()
      .selectFrom('municipalities')
      .select('name')
      .where('organisation_id', '=', organisationId)
      .execute()
    expect(names.map((row) => row.name)).toEqual(['Kaskinen'])
  })

  test('renames the organisation; an empty name is refused', async () => {
    expect(payloadOf(await post({ intent: 'renameOrganisation', name: '' })).fieldErrors).toEqual({
      name: 'validation.nameRequired',
    })
    await post({ intent: 'renameOrganisation', name: 'Länsi-Uudenmaan hyvinvointialue' })
    const organisation = await getDb()
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow()
    expect(organisation.name).toBe('Länsi-Uudenmaan hyvinvointialue')
  })

  test('names get an optional Swedish form; an empty field clears it', async () => {
    await post({
      intent: 'renameOrganisation',
      name: 'Pohjanmaan hyvinvointialue',
      nameSv: 'Österbottens välfärdsområde',
    })
    expect(
      payloadOf(await post({ intent: 'create', unit: 'municipalities', name: 'Närpiö', nameSv: ' Närpes ' })).ok,
    ).toBe(true)
    const named = () =>
      getDb()
        .selectFrom('municipalities')
        .select(['id', 'name', 'name_sv'])
        .where('organisation_id', '=', organisationId)
        .where('name', '=', 'Närpiö')
        .executeTakeFirstOrThrow()
    expect(await named()).toMatchObject({ name_sv: 'Närpes' })
    await post({ intent: 'rename', unit: 'municipalities', id: (await named()).id, name: 'Närpiö', nameSv: '' })
    expect(await named()).toMatchObject({ name_sv: null })
    const organisation = await getDb()
      .selectFrom('organisations')
      .select('name_sv')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow()
    expect(organisation.name_sv).toBe('Österbottens välfärdsområde')
  })
})
