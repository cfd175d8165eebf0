import { beforeAll, describe, expect, test } from 'vitest'
import { createCommittee, createOrganisation, createUser } from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import { action, loader } from '#app/routes/admin.committees.tsx'

const context = { clientIp: '192.0.2.3' }
let organisationId: string
let committeeId: string
let adminSession: string
let members: { id: string }[]

beforeAll(async () => {
  const db = getDb()
  const organisation = await createOrganisation(db)
  organisationId = organisation.id
  committeeId = (await createCommittee(db, organisationId, 'Sosiaali- ja terveyslautakunta')).id
  const admin = await createUser(db, { organisationId, roles: ['admin'] })
  adminSession = await signIn(admin.email)
  members = await Promise.all(
    ['Aila', 'Bror', 'Cecilia'].map((name) => createUser(db, { organisationId, roles: ['committee_member'], name })),
  )
})

async function post(fields: Record<string, string>, session = adminSession) {
  return action({ request: await formRequest('/admin/committees', fields, { session }), params: {}, context })
}

async function seatsOf(id: string) {
  return getDb()
    .selectFrom('committee_members')
    .select(['user_id', 'role'])
    .where('committee_id', '=', id)
    .orderBy('role')
    .execute()
}

async function load(session = adminSession) {
  return payloadOf(await loader({ request: await getRequest('/admin/committees', session), params: {}, context }))
}

describe('admin manages committee members', () => {
  test('adds members, changes a role and removes a member', async () => {
    const [aila, bror] = members as [{ id: string }, { id: string }]
    const added = await post({ intent: 'add', committeeId, userId: aila.id, role: 'chair' })
    expect(statusOf(added)).toBe(200)
    expect(payloadOf(added).message).toBe('admin.committees.added')
    await post({ intent: 'add', committeeId, userId: bror.id, role: 'member' })

    const changed = await post({ intent: 'changeRole', committeeId, userId: bror.id, role: 'secretary' })
    expect(payloadOf(changed).message).toBe('admin.committees.roleChanged')
    const listed = (await load()).committees.find((c: { id: string }) => c.id === committeeId)
    expect(listed.members).toEqual([
      { userId: aila.id, name: 'Aila', role: 'chair' },
      { userId: bror.id, name: 'Bror', role: 'secretary' },
    ])

    const removed = await post({ intent: 'remove', committeeId, userId: bror.id })
    expect(payloadOf(removed).message).toBe('admin.committees.removed')
    expect(await seatsOf(committeeId)).toEqual([{ user_id: aila.id, role: 'chair' }])
    // Removing someone who no longer sits on the committee is a 404, not a silent success.
    const again = await formRequest(
      '/admin/committees',
      { intent: 'remove', committeeId, userId: bror.id },
      {
        session: adminSession,
      },
    )
    expect(statusOf(await thrownBy(action({ request: again, params: {}, context })))).toBe(404)
  })

  test('a committee has at most one chair', async () => {
    const id = (await createCommittee(getDb(), organisationId, 'Yksi puheenjohtaja')).id
    const [aila, bror] = members as [{ id: string }, { id: string }]
    await post({ intent: 'add', committeeId: id, userId: aila.id, role: 'chair' })
    const second = await post({ intent: 'add', committeeId: id, userId: bror.id, role: 'chair' })
    expect(statusOf(second)).toBe(400)
    expect(payloadOf(second).fieldErrors).toEqual({ role: 'admin.committees.twoChairs' })
    await post({ intent: 'add', committeeId: id, userId: bror.id, role: 'member' })
    const promoted = await post({ intent: 'changeRole', committeeId: id, userId: bror.id, role: 'chair' })
    expect(payloadOf(promoted).fieldErrors).toEqual({ role: 'admin.committees.twoChairs' })
    // Once the chair steps down, the chair is free for someone else.
    await post({ intent: 'changeRole', committeeId: id, userId: aila.id, role: 'member' })
    const now = await post({ intent: 'changeRole', committeeId: id, userId: bror.id, role: 'chair' })
    expect(statusOf(now)).toBe(200)
    expect(await seatsOf(id)).toEqual([
      { user_id: bror.id, role: 'chair' },
      { user_id: aila.id, role: 'member' },
    ])
  })

  test('only active users of the organisation with the committee member role can be added', async () => {
    const db = getDb()
    const id = (await createCommittee(db, organisationId, 'Kelpoisuus')).id
    const worker = await createUser(db, { organisationId, roles: ['worker', 'coordinator'] })
    const inactive = await createUser(db, { organisationId, roles: ['committee_member'], active: false })
    const other = await createOrganisation(db)
    const outsider = await createUser(db, { organisationId: other.id, roles: ['committee_member'] })
    for (const user of [worker, inactive, outsider]) {
      const result = await post({ intent: 'add', committeeId: id, userId: user.id, role: 'member' })
      expect(statusOf(result)).toBe(400)
      expect(payloadOf(result).fieldErrors).toEqual({ userId: 'admin.committees.notEligible' })
    }
    const [aila] = members as [{ id: string }]
    await post({ intent: 'add', committeeId: id, userId: aila.id, role: 'member' })
    const twice = await post({ intent: 'add', committeeId: id, userId: aila.id, role: 'secretary' })
    expect(payloadOf(twice).fieldErrors).toEqual({ userId: 'admin.committees.alreadyMember' })
    expect(await seatsOf(id)).toEqual([{ user_id: aila.id, role: 'member' }])

    const candidates = (await load()).candidates.map((user: { id: string }) => user.id)
    expect(candidates).toEqual(expect.arrayContaining(members.map((m) => m.id)))
    for (const user of [worker, inactive, outsider]) expect(candidates).not.toContain(user.id)
  })

  test('invalid input names the field', async () => {
    const result = await post({ intent: 'add', committeeId, userId: '', role: 'boss' })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).fieldErrors).toEqual({
      userId: 'admin.committees.user.choose',
      role: 'validation.invalid',
    })
  })

  test('non-admins get 403 from the page and every action', async () => {
    const [aila] = members as [{ id: string }]
    const coordinator = await createUser(getDb(), { organisationId, roles: ['coordinator', 'committee_member'] })
    const session = await signIn(coordinator.email)
    expect(statusOf(await thrownBy(load(session)))).toBe(403)
    for (const fields of <Record<string, string>[]>[
      { intent: 'add', committeeId, userId: coordinator.id, role: 'member' },
      { intent: 'changeRole', committeeId, userId: aila.id, role: 'member' },
      { intent: 'remove', committeeId, userId: aila.id },
    ]) {
      expect(statusOf(await thrownBy(post(fields, session)))).toBe(403)
    }
    expect(await seatsOf(committeeId)).toEqual([{ user_id: aila.id, role: 'chair' }])
  })
})
