import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createReport, createUser, testPassword } from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, redirectTarget, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { loader as rootLoader } from '#app/root.tsx'
import * as editUser from '#app/routes/admin.users.$userId.tsx'
import * as newUser from '#app/routes/admin.users.new.tsx'
import * as organisationSwitch from '#app/routes/organisation.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as reports from '#app/routes/reports._index.tsx'
import * as ownData from '#app/routes/settings_.own-data[.]json.ts'
import { login } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

const context = { clientIp: '192.0.2.61' }
const newPassword = 'ylläpitäjän-asettama-salasana'

let first: { id: string; name: string }
let second: { id: string; name: string }
let left: { id: string; name: string }
let adminSession: string
/** A worker in the first organisation and a coordinator in the second: the person of the measured attack. */
let shared: { id: string; email: string; name: string }
let secondReportId: string

const suffix = () => randomUUID().slice(0, 6)

async function signsIn(email: string, password: string) {
  return (await login(getDb(), { email, password, clientIp: '192.0.2.62' })).ok
}

async function editAsAdmin(userId: string, fields: Record<string, string | string[]>, session = adminSession) {
  const request = await formRequest(`/admin/users/${userId}`, fields, { session })
  return editUser.action({ request, params: { userId }, context })
}

async function titlesListedFor(session: string) {
  const listed = payloadOf(
    await reports.loader({ request: await getRequest('/reports', session), params: {}, context }),
  )
  return listed.reports.map((report: { title: string }) => report.title) as string[]
}

/** The audit log's actions about a target, oldest first. */
async function auditedActions(organisationId: string, targetId: string) {
  const rows = await getDb()
    .selectFrom('audit_log')
    .select('action')
    .where('organisation_id', '=', organisationId)
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute()
  return rows.map((row) => row.action)
}

async function switchTo(session: string, organisationId: string) {
  const request = await formRequest('/organisation', { organisationId }, { session })
  return organisationSwitch.action({ request, params: {}, context })
}

beforeAll(async () => {
  const db = getDb()
  // Names sort so that signing in opens the first organisation.
  first = await createOrganisation(db, `Aa-alue ${suffix()}`)
  second = await createOrganisation(db, `Bb-alue ${suffix()}`)
  left = await createOrganisation(db, `Cc-alue ${suffix()}`)
  const admin = await createUser(db, { organisationId: first.id, roles: ['admin'], name: 'Ensimmäisen Ylläpitäjä' })
  adminSession = await signIn(admin.email)
  shared = await createUser(db, { organisationId: first.id, roles: ['worker'], name: 'Jaettu Henkilö' })
  await db
    .insertInto('memberships')
    .values([
      { user_id: shared.id, organisation_id: second.id, roles: ['coordinator'] },
      { user_id: shared.id, organisation_id: left.id, roles: ['worker'], active: false },
    ])
    .execute()
  const secondAuthor = await createUser(db, { organisationId: second.id, roles: ['worker'] })
  secondReportId = (
    await createReport(db, {
      organisation_id: second.id,
      author_id: secondAuthor.id,
      status: 'submitted',
      title: 'Toisen alueen raportti',
    })
  ).id
  await createReport(db, {
    organisation_id: first.id,
    author_id: shared.id,
    status: 'submitted',
    title: 'Ensimmäisen alueen oma raportti',
  })
})

describe('credentials of a person who works in several organisations', () => {
  test('the measured attack fails: an admin of one organisation cannot set their password and read the other', async () => {
    const result = await editAsAdmin(shared.id, {
      name: shared.name,
      roles: 'worker',
      active: 'on',
      password: newPassword,
    })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).fieldErrors).toEqual({ password: 'people.credentials.elsewhereField' })
    expect(await signsIn(shared.email, newPassword)).toBe(false)
    expect(await signsIn(shared.email, testPassword)).toBe(true)
  })

  test('the admin cannot rename them, but changes their roles in the admin’s own organisation only', async () => {
    const renamed = await editAsAdmin(shared.id, { name: 'Uusi Nimi', roles: 'worker', active: 'on' })
    expect(payloadOf(renamed).fieldErrors).toEqual({ name: 'people.credentials.elsewhereField' })
    const promoted = await editAsAdmin(shared.id, { name: shared.name, roles: ['worker', 'team_lead'], active: 'on' })
    expect(payloadOf(promoted).ok).toBe(true)
    const memberships = await getDb()
      .selectFrom('memberships')
      .select(['organisation_id', 'roles'])
      .where('user_id', '=', shared.id)
      .execute()
    const rolesIn = (organisationId: string) => memberships.find((row) => row.organisation_id === organisationId)?.roles
    expect(rolesIn(first.id)).toEqual(['worker', 'team_lead'])
    expect(rolesIn(second.id)).toEqual(['coordinator'])
    await editAsAdmin(shared.id, { name: shared.name, roles: 'worker', active: 'on' })
  })

  test('the page says why, offers no password field and sends no invitation that would set one', async () => {
    const page = payloadOf(
      await editUser.loader({
        request: await getRequest(`/admin/users/${shared.id}`, adminSession),
        params: { userId: shared.id },
        context,
      }),
    )
    expect(page.worksElsewhere).toBe(true)
    await getDb().updateTable('users').set({ password_hash: null }).where('id', '=', shared.id).execute()
    try {
      const resent = await editAsAdmin(shared.id, { intent: 'resendInvitation' })
      expect(statusOf(resent)).toBe(409)
      expect(payloadOf(resent).error).toBe('people.invitation.elsewhere')
      const queued = await getDb().selectFrom('email_jobs').select('id').where('recipient_id', '=', shared.id).execute()
      expect(queued).toEqual([])
    } finally {
      const { hashPassword } = await import('#app/utils/password.server.ts')
      const hash = await hashPassword(testPassword)
      await getDb().updateTable('users').set({ password_hash: hash }).where('id', '=', shared.id).execute()
    }
  })

  test('deactivating them ends their sessions in the admin’s organisation only', async () => {
    const inFirst = await signIn(shared.email)
    const inSecond = await signIn(shared.email)
    await switchTo(inSecond, second.id)
    expect(payloadOf(await editAsAdmin(shared.id, { name: shared.name, roles: 'worker' })).ok).toBe(true)
    const signedIn = async (session: string) =>
      payloadOf(await rootLoader({ request: await getRequest('/', session), params: {}, context })).user
    expect(await signedIn(inFirst)).toBeNull()
    expect((await signedIn(inSecond)).organisationId).toBe(second.id)
    await editAsAdmin(shared.id, { name: shared.name, roles: 'worker', active: 'on' })
  })

  test('adding an address that has an account elsewhere adds a membership and leaves the name and password', async () => {
    const db = getDb()
    const elsewhere = await createUser(db, { organisationId: second.id, roles: ['worker'], name: 'Toisen Työntekijä' })
    const request = await formRequest(
      '/admin/users/new',
      {
        name: 'Kirjoitettu Toisin',
        email: elsewhere.email,
        locale: 'sv',
        roles: 'worker',
        onboarding: 'password',
        password: newPassword,
      },
      { session: adminSession },
    )
    const target = redirectTarget(await newUser.action({ request, params: {}, context }))
    expect(target).toBe(`/admin/users/${elsewhere.id}?created=joined`)
    const account = await db
      .selectFrom('users')
      .select(['name', 'locale'])
      .where('id', '=', elsewhere.id)
      .executeTakeFirstOrThrow()
    expect(account).toEqual({ name: 'Toisen Työntekijä', locale: 'fi' })
    expect(await signsIn(elsewhere.email, testPassword)).toBe(true)
    const joined = await db
      .selectFrom('memberships')
      .select(['roles', 'active'])
      .where('user_id', '=', elsewhere.id)
      .where('organisation_id', '=', first.id)
      .executeTakeFirst()
    expect(joined).toEqual({ roles: ['worker'], active: true })
    expect(await auditedActions(first.id, elsewhere.id)).toContain('membership.changed')
  })
})

describe('the organisation switcher', () => {
  test('lists only the person’s active memberships, and the data follows the session’s organisation', async () => {
    const session = await signIn(shared.email)
    const root = payloadOf(await rootLoader({ request: await getRequest('/', session), params: {}, context }))
    expect(root.user.organisations).toEqual([first, second])
    expect(root.user.organisationId).toBe(first.id)
    expect(await titlesListedFor(session)).toEqual(['Ensimmäisen alueen oma raportti'])

    expect(redirectTarget(await switchTo(session, second.id))).toBe('/')
    expect(await auditedActions(second.id, second.id)).toContain('organisation.switched')
    expect(await titlesListedFor(session)).toEqual(['Toisen alueen raportti'])
    const report = await reportPage.loader({
      request: await getRequest(`/reports/${secondReportId}`, session),
      params: { reportId: secondReportId },
      context,
    })
    expect(payloadOf(report).report.title).toBe('Toisen alueen raportti')
  })

  test('a single organisation shows no switcher', async () => {
    const root = payloadOf(await rootLoader({ request: await getRequest('/', adminSession), params: {}, context }))
    expect(root.user.organisations).toHaveLength(1)
  })

  test('an organisation the person is not an active member of is not found', async () => {
    const session = await signIn(shared.email)
    const stranger = await createOrganisation(getDb())
    expect(statusOf(await thrownBy(switchTo(session, stranger.id)))).toBe(404)
    expect(statusOf(await thrownBy(switchTo(session, left.id)))).toBe(404)
    expect(statusOf(await thrownBy(switchTo(session, 'not-an-id')))).toBe(404)
    const root = payloadOf(await rootLoader({ request: await getRequest('/', session), params: {}, context }))
    expect(root.user.organisationId).toBe(first.id)
  })
})

describe('a person’s own data', () => {
  test('the download holds their data from every organisation and nothing of anyone else', async () => {
    const db = getDb()
    const other = await createUser(db, {
      organisationId: second.id,
      roles: ['coordinator'],
      name: 'Toinen Koordinaattori',
    })
    const own = await createReport(db, {
      organisation_id: second.id,
      author_id: shared.id,
      status: 'in_review',
      title: 'Toisen alueen oma raportti',
    })
    const events = await db
      .insertInto('report_events')
      .values([
        { report_id: own.id, organisation_id: second.id, actor_id: shared.id, type: 'created', to_status: 'draft' },
        {
          report_id: own.id,
          organisation_id: second.id,
          actor_id: other.id,
          type: 'status_changed',
          from_status: 'submitted',
          to_status: 'in_review',
        },
      ])
      .returning('id')
      .execute()
    await db
      .insertInto('notifications')
      .values({
        organisation_id: second.id,
        user_id: shared.id,
        event_id: events[1]!.id,
        report_id: own.id,
        reason: 'author',
      })
      .execute()
    await db
      .insertInto('notifications')
      .values({
        organisation_id: second.id,
        user_id: other.id,
        event_id: events[0]!.id,
        report_id: own.id,
        reason: 'author',
      })
      .execute()

    const session = await signIn(shared.email)
    const response = (await ownData.loader({
      request: await getRequest('/settings/own-data.json', session),
      params: {},
      context,
    })) as Response
    expect(response.headers.get('Content-Disposition')).toContain('attachment')
    const text = await response.text()
    const downloaded = JSON.parse(text)
    expect(downloaded.profile).toMatchObject({ name: shared.name, email: shared.email, locale: 'fi' })
    expect(downloaded.memberships.map((row: { organisation: string }) => row.organisation)).toEqual([
      first.name,
      second.name,
      left.name,
    ])
    expect(downloaded.reports.map((row: { title: string }) => row.title).sort()).toEqual([
      'Ensimmäisen alueen oma raportti',
      'Toisen alueen oma raportti',
    ])
    const ownReport = downloaded.reports.find((row: { id: string }) => row.id === own.id)
    expect(ownReport.events.map((event: { actor: string }) => event.actor)).toEqual(['you', 'someone_else'])
    expect(downloaded.notifications).toHaveLength(1)
    expect(ownReport).not.toHaveProperty('statistics_key')
    for (const foreign of [other.id, other.name, other.email, 'Toisen alueen raportti', 'Ensimmäisen Ylläpitäjä']) {
      expect(text).not.toContain(foreign)
    }
  })
})

describe('removing a departed person', () => {
  async function remove(userId: string, session = adminSession) {
    return editAsAdmin(userId, { intent: 'remove', confirmed: 'yes' }, session)
  }

  test('asks first, then their name reads “Entinen työntekijä” on their reports and events, which stay', async () => {
    const db = getDb()
    const departed = await createUser(db, { organisationId: first.id, roles: ['worker'], name: 'Lähtevä Työntekijä' })
    const report = await createReport(db, {
      organisation_id: first.id,
      author_id: departed.id,
      status: 'submitted',
      title: 'Lähteneen raportti',
    })
    await db
      .insertInto('report_events')
      .values({
        report_id: report.id,
        organisation_id: first.id,
        actor_id: departed.id,
        type: 'created',
        to_status: 'draft',
      })
      .execute()
    await signIn(departed.email)

    const asked = await editAsAdmin(departed.id, { intent: 'remove' })
    expect(payloadOf(asked).confirmation.message).toBe('people.remove.confirm')
    expect(payloadOf(await remove(departed.id)).removed).toBe(true)
    expect(await auditedActions(first.id, departed.id)).toContain('user.removed')

    const page = payloadOf(
      await reportPage.loader({
        request: await getRequest(`/reports/${report.id}`, adminSession),
        params: { reportId: report.id },
        context,
      }),
    )
    expect(page.report.title).toBe('Lähteneen raportti')
    expect(page.report.author_name).toBe('Entinen työntekijä')
    expect(page.events.map((event: { actor_name: string }) => event.actor_name)).toEqual(['Entinen työntekijä'])
    expect(await signsIn(departed.email, testPassword)).toBe(false)
    const account = await db
      .selectFrom('users')
      .select(['email', 'password_hash', 'removed_at'])
      .where('id', '=', departed.id)
      .executeTakeFirstOrThrow()
    expect(account.email).toBe(`removed-${departed.id}@removed.invalid`)
    expect(account.password_hash).toBeNull()
    expect(account.removed_at).not.toBeNull()
    const sessions = await db.selectFrom('sessions').select('id').where('user_id', '=', departed.id).execute()
    expect(sessions).toEqual([])
  })

  test('is refused for someone who works in another organisation too', async () => {
    const refused = await remove(shared.id)
    expect(statusOf(refused)).toBe(409)
    expect(payloadOf(refused).error).toBe('people.remove.elsewhere')
    expect(await signsIn(shared.email, testPassword)).toBe(true)
  })

  test('another organisation’s person is not found', async () => {
    const stranger = await createUser(getDb(), { organisationId: second.id, roles: ['worker'] })
    expect(statusOf(await thrownBy(remove(stranger.id)))).toBe(404)
    expect(await signsIn(stranger.email, testPassword)).toBe(true)
  })
})
