import { beforeAll, describe, expect, test } from 'vitest'
import { createCommittee, createMunicipality, createOrganisation, createUser } from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import { action, loader } from '#app/routes/admin.recipients.tsx'

const context = { clientIp: '192.0.2.40' }
let organisationId: string
let municipalityId: string
let adminSession: string

beforeAll(async () => {
  const organisation = await createOrganisation(getDb(), 'Vastaanottaja-alue')
  organisationId = organisation.id
  municipalityId = (await createMunicipality(getDb(), organisationId, 'Mustasaari')).id
  const admin = await createUser(getDb(), { organisationId, roles: ['admin'] })
  adminSession = await signIn(admin.email)
})

async function post(fields: Record<string, string>, session = adminSession) {
  return action({ request: await formRequest('/admin/recipients', fields, { session }), params: {}, context })
}

async function load(session = adminSession) {
  return payloadOf(await loader({ request: await getRequest('/admin/recipients', session), params: {}, context }))
}

function recipientNamed(name: string) {
  return getDb().selectFrom('recipients').selectAll().where('name', '=', name).executeTakeFirstOrThrow()
}

describe('the recipients page', () => {
  test('lists committees as recipients, kept in step with the committee, and never changes them here', async () => {
    const committee = await createCommittee(getDb(), organisationId, 'Perusturvalautakunta')
    await getDb()
      .updateTable('committees')
      .set({ name: 'Hyvinvointilautakunta' })
      .where('id', '=', committee.id)
      .execute()
    const { recipients } = await load()
    const listed = recipients.find((r: { committee_id: string | null }) => r.committee_id === committee.id)
    expect(listed).toMatchObject({ kind: 'committee', name: 'Hyvinvointilautakunta' })
    const renamed = await thrownBy(post({ intent: 'update', recipientId: listed.id, kind: 'working_group', name: 'X' }))
    expect(statusOf(renamed)).toBe(404)
    expect((await recipientNamed('Hyvinvointilautakunta')).kind).toBe('committee')
  })

  test('adds a working group, a management group, a municipality’s welfare work and a partner', async () => {
    for (const fields of <Record<string, string>[]>[
      { kind: 'working_group', name: 'Rakenteellisen sosiaalityön työryhmä' },
      { kind: 'management_group', name: 'Sosiaalipalvelujen johtoryhmä' },
      { kind: 'municipal_welfare', name: 'Mustasaaren hyvinvointityö', municipalityId },
      { kind: 'partner', name: 'Kela', contactEmail: 'yhteys@kela.example', locale: 'sv' },
    ]) {
      const result = await post({ intent: 'create', ...fields })
      expect(statusOf(result)).toBe(200)
      expect(payloadOf(result).message).toBe('admin.recipients.created')
    }
    expect(await recipientNamed('Mustasaaren hyvinvointityö')).toMatchObject({
      kind: 'municipal_welfare',
      municipality_id: municipalityId,
      contact_email: null,
    })
    expect(await recipientNamed('Kela')).toMatchObject({
      kind: 'partner',
      contact_email: 'yhteys@kela.example',
      locale: 'sv',
    })
  })

  test('a partner needs its contact address and welfare work its municipality; what was typed comes back', async () => {
    const partner = await post({ intent: 'create', kind: 'partner', name: 'Seurakunta', contactEmail: 'ei osoite' })
    expect(statusOf(partner)).toBe(400)
    expect(payloadOf(partner)).toMatchObject({
      formId: 'create',
      fieldErrors: { contactEmail: 'admin.recipients.validation.contactEmail' },
      values: { name: 'Seurakunta', contactEmail: 'ei osoite' },
    })
    const welfare = await post({ intent: 'create', kind: 'municipal_welfare', name: 'Kunnan työ', municipalityId: '' })
    expect(payloadOf(welfare).fieldErrors).toEqual({ municipalityId: 'admin.recipients.validation.municipality' })
    const other = await createOrganisation(getDb())
    const foreign = await createMunicipality(getDb(), other.id, 'Muu kunta')
    const foreignWelfare = await post({
      intent: 'create',
      kind: 'municipal_welfare',
      name: 'Vieras työ',
      municipalityId: foreign.id,
    })
    expect(payloadOf(foreignWelfare).fieldErrors).toEqual({
      municipalityId: 'admin.recipients.validation.municipality',
    })
    const stored = await getDb()
      .selectFrom('recipients')
      .select('name')
      .where('name', 'in', ['Seurakunta', 'Kunnan työ', 'Vieras työ'])
      .execute()
    expect(stored).toEqual([])
  })

  test('edits, archives and restores a recipient', async () => {
    await post({ intent: 'create', kind: 'partner', name: 'Järjestö', contactEmail: 'info@jarjesto.example' })
    const { id } = await recipientNamed('Järjestö')
    const saved = await post({
      intent: 'update',
      recipientId: id,
      kind: 'partner',
      name: 'Järjestö ry',
      contactEmail: 'toimisto@jarjesto.example',
      locale: 'en',
    })
    expect(payloadOf(saved).message).toBe('admin.recipients.saved')
    expect(await recipientNamed('Järjestö ry')).toMatchObject({
      contact_email: 'toimisto@jarjesto.example',
      locale: 'en',
    })
    await post({ intent: 'archive', recipientId: id })
    expect((await recipientNamed('Järjestö ry')).archived_at).not.toBeNull()
    await post({ intent: 'restore', recipientId: id })
    expect((await recipientNamed('Järjestö ry')).archived_at).toBeNull()
  })

  test('members are active users of the organisation, once each, and only for bodies that answer in the app', async () => {
    await post({ intent: 'create', kind: 'working_group', name: 'Jäsentyöryhmä' })
    const { id } = await recipientNamed('Jäsentyöryhmä')
    const worker = await createUser(getDb(), { organisationId, roles: ['worker'], name: 'Wilma Työntekijä' })
    const inactive = await createUser(getDb(), { organisationId, roles: ['worker'], active: false })
    const outsider = await createUser(getDb(), {
      organisationId: (await createOrganisation(getDb())).id,
      roles: ['worker'],
    })

    const added = await post({ intent: 'addMember', recipientId: id, userId: worker.id })
    expect(payloadOf(added).message).toBe('admin.recipients.memberAdded')
    for (const userId of [worker.id, inactive.id, outsider.id]) {
      const refused = await post({ intent: 'addMember', recipientId: id, userId })
      expect(statusOf(refused)).toBe(400)
      expect(payloadOf(refused).fieldErrors).toEqual({ userId: 'admin.recipients.validation.member' })
    }
    const { recipients, users } = await load()
    expect(recipients.find((r: { id: string }) => r.id === id).members.map((m: { id: string }) => m.id)).toEqual([
      worker.id,
    ])
    expect(users.map((u: { id: string }) => u.id)).not.toContain(inactive.id)

    await post({ intent: 'create', kind: 'partner', name: 'Kumppani', contactEmail: 'k@example.org' })
    const partner = await recipientNamed('Kumppani')
    expect(statusOf(await thrownBy(post({ intent: 'addMember', recipientId: partner.id, userId: worker.id })))).toBe(
      404,
    )

    const removed = await post({ intent: 'removeMember', recipientId: id, userId: worker.id })
    expect(payloadOf(removed).message).toBe('admin.recipients.memberRemoved')
    const left = await getDb()
      .selectFrom('recipient_members')
      .select('user_id')
      .where('recipient_id', '=', id)
      .execute()
    expect(left).toEqual([])
  })

  test('is for admins only', async () => {
    const coordinator = await createUser(getDb(), { organisationId, roles: ['coordinator', 'team_lead'] })
    const session = await signIn(coordinator.email)
    expect(statusOf(await thrownBy(load(session)))).toBe(403)
    const created = await thrownBy(post({ intent: 'create', kind: 'working_group', name: 'Luvaton' }, session))
    expect(statusOf(created)).toBe(403)
  })
})
