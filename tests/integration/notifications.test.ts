import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test, vi } from 'vitest'
import { createOrganisation, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, redirectTarget, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { TransitionRequestSchema } from '#app/domain/report-status.ts'
import { type EmailKind, type ReportStatus } from '#app/models/database.ts'
import { type CurrentUser, getUserInOrganisation } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type Env } from '#app/utils/env.server.ts'
import { applyTransition } from '#app/services/reports.server.ts'
import { loader as rootLoader } from '#app/root.tsx'
import * as notificationsPage from '#app/routes/notifications._index.tsx'
import * as openNotification from '#app/routes/notifications.$notificationId.open.tsx'
import * as settings from '#app/routes/settings.tsx'
import * as follows from '#app/routes/follows.ts'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as phenomenonPage from '#app/routes/phenomena.$phenomenonId.tsx'
import * as adminLayout from '#app/routes/admin.tsx'
import * as mailbox from '#app/routes/admin.mailbox._index.tsx'
import * as mailboxEmail from '#app/routes/admin.mailbox.$emailId.tsx'
import * as mailboxEmailDocument from '#app/routes/admin.mailbox.$emailId_.html.ts'
import * as emailFailures from '#app/routes/admin.email-failures.tsx'

/** The mailbox depends on the mode the app runs in; each test sets the mode it needs. */
const envOverrides: Partial<Env> = {}
vi.mock('#app/utils/env.server.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('#app/utils/env.server.ts')>()
  return { ...actual, getEnv: () => ({ ...actual.getEnv(), ...envOverrides }) }
})

const context = { clientIp: '192.0.2.30' }

interface Person {
  id: string
  email: string
  session: string
  user: CurrentUser
}

let organisationId: string
let worker: Person
let lead: Person
let coordinator: Person
let otherWorker: Person
let admin: Person
let otherAdmin: Person
let otherOrganisationId: string

async function person(organisation: string, roles: CurrentUser['roles'], teamIds: string[] = []): Promise<Person> {
  const created = await createUser(getDb(), { organisationId: organisation, roles, teamIds })
  const user = (await getUserInOrganisation(getDb(), created.id, organisation))!
  return { id: created.id, email: created.email, session: await signIn(created.email), user }
}

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  const team = await createTeam(db, organisationId, 'Aikuissosiaalityö')
  const otherTeam = await createTeam(db, organisationId, 'Nuoret')
  worker = await person(organisationId, ['worker'], [team.id])
  otherWorker = await person(organisationId, ['worker'], [otherTeam.id])
  lead = await person(organisationId, ['team_lead'], [team.id])
  coordinator = await person(organisationId, ['coordinator'])
  admin = await person(organisationId, ['admin'])
  otherOrganisationId = (await createOrganisation(db)).id
  otherAdmin = await person(otherOrganisationId, ['admin'])
})

/** One real step of the lifecycle, through the same function the report page and the API use. */
function step(actor: CurrentUser, reportId: string, from: ReportStatus, to: ReportStatus, comment = '') {
  return applyTransition(actor, { reportId, ...TransitionRequestSchema.parse({ to, expectedStatus: from, comment }) })
}

/** A complete report the worker has just sent to the team, through the real submit step. */
async function submittedReport(title = `Vuokrarästit ${randomUUID().slice(0, 6)}`) {
  const report = await createReport(getDb(), {
    organisation_id: organisationId,
    team_id: worker.user.teams[0]!.id,
    author_id: worker.id,
    status: 'draft',
    title,
    description: 'Nuorten aikuisten ensimmäinen vuokra-asunto on vaarassa vuokrarästien vuoksi.',
    support_needs: ['housing'],
    client_groups: ['young_adults'],
    no_identifying_data_confirmed: true,
    actions: [{ description: 'Asumisinfot yhdessä vuokrataloyhtiön kanssa.', level: 'organisation' }],
  })
  expect(await step(worker.user, report.id, 'draft', 'submitted')).toEqual({ ok: true })
  return report
}

async function requestChanges(reportId: string) {
  expect(await step(lead.user, reportId, 'submitted', 'in_review')).toEqual({
    ok: true,
  })
  const result = await step(lead.user, reportId, 'in_review', 'changes_requested', 'Lisää arvio asiakasmäärästä.')
  expect(result).toEqual({ ok: true })
}

async function bellCount(who: Person): Promise<number> {
  const root = payloadOf(await rootLoader({ request: await getRequest('/', who.session), params: {}, context }))
  return root.user.unreadNotifications
}

async function notificationsOf(who: Person, page = 1) {
  const request = await getRequest(`/notifications?page=${page}`, who.session)
  return payloadOf(await notificationsPage.loader({ request, params: {}, context }))
}

async function postNotifications(who: Person, fields: Record<string, string>) {
  const request = await formRequest('/notifications', fields, { session: who.session })
  return notificationsPage.action({ request, params: {}, context })
}

async function open(who: Person, notificationId: string) {
  const request = await getRequest(`/notifications/${notificationId}/open`, who.session)
  return openNotification.loader({ request, params: { notificationId }, context })
}

async function markAllReadFor(who: Person) {
  await postNotifications(who, { intent: 'markAllRead' })
}

describe('notification centre', () => {
  test('the bell counts unread notifications, and opening one or marking all read brings it down', async () => {
    await markAllReadFor(worker)
    expect(await bellCount(worker)).toBe(0)
    const report = await submittedReport()
    await requestChanges(report.id)
    expect(await bellCount(worker)).toBe(2)

    const { notifications, unread } = await notificationsOf(worker)
    expect(unread).toBe(2)
    const [newest, older] = notifications
    expect(newest).toMatchObject({
      report_id: report.id,
      report_title: report.title,
      reason: 'author',
      type: 'status_changed',
      to_status: 'changes_requested',
      comment: 'Lisää arvio asiakasmäärästä.',
      read_at: null,
    })
    expect(older).toMatchObject({ report_id: report.id, to_status: 'in_review', reason: 'author' })

    const opened = await open(worker, newest.id)
    expect(statusOf(opened)).toBe(302)
    expect(redirectTarget(opened)).toBe(`/reports/${report.id}#timeline`)
    expect(await bellCount(worker)).toBe(1)
    const afterOpen = await notificationsOf(worker)
    expect(afterOpen.notifications[0].read_at).not.toBeNull()
    expect(afterOpen.notifications[1].read_at).toBeNull()

    await markAllReadFor(worker)
    expect(await bellCount(worker)).toBe(0)
    expect((await notificationsOf(worker)).notifications.every((n: { read_at: unknown }) => n.read_at !== null)).toBe(
      true,
    )
  })

  test('marking one read, and all read, touch only the reader’s own notifications', async () => {
    const report = await submittedReport()
    await requestChanges(report.id)
    // The worker resubmits: the team lead hears of it.
    expect(await step(worker.user, report.id, 'changes_requested', 'submitted')).toEqual({ ok: true })
    const leadsBefore = await bellCount(lead)
    expect(leadsBefore).toBeGreaterThan(0)
    const leadsNotification = (await notificationsOf(lead)).notifications[0]
    expect(leadsNotification).toMatchObject({ report_id: report.id, reason: 'team_lead', to_status: 'submitted' })

    expect(
      statusOf(await thrownBy(postNotifications(worker, { intent: 'markRead', notificationId: leadsNotification.id }))),
    ).toBe(404)
    expect(statusOf(await thrownBy(open(worker, leadsNotification.id)))).toBe(404)
    await markAllReadFor(worker)
    expect(await bellCount(lead)).toBe(leadsBefore)

    const workersUnread = (await notificationsOf(worker)).notifications
    expect(workersUnread.every((n: { read_at: unknown }) => n.read_at !== null)).toBe(true)
    await postNotifications(lead, { intent: 'markRead', notificationId: leadsNotification.id })
    expect(await bellCount(lead)).toBe(leadsBefore - 1)
  })

  test('the list pages through, newest first', async () => {
    const report = await submittedReport()
    // 21 link events would be slow to make through transitions; each status step makes one notification.
    for (let i = 0; i < 11; i += 1) {
      await requestChanges(report.id)
      expect(await step(worker.user, report.id, 'changes_requested', 'submitted')).toEqual({ ok: true })
    }
    const first = await notificationsOf(worker)
    expect(first.notifications).toHaveLength(20)
    expect(first.hasNext).toBe(true)
    const second = await notificationsOf(worker, 2)
    expect(second.notifications.length).toBeGreaterThan(0)
    const times = [...first.notifications, ...second.notifications].map((n: { created_at: Date }) =>
      new Date(n.created_at).getTime(),
    )
    expect(times).toEqual([...times].sort((x, y) => y - x))
  })

  test('a malformed or foreign notification id is not found', async () => {
    expect(statusOf(await thrownBy(open(worker, 'not-a-uuid')))).toBe(404)
    expect(statusOf(await thrownBy(open(worker, randomUUID())))).toBe(404)
    expect(statusOf(await thrownBy(postNotifications(worker, { intent: 'markRead', notificationId: 'x' })))).toBe(400)
  })
})

describe('email preference', () => {
  async function saveDelivery(value: string) {
    const request = await formRequest(
      '/settings',
      { intent: 'emailDelivery', emailDelivery: value },
      {
        session: worker.session,
      },
    )
    return settings.action({ request, params: {}, context })
  }

  async function storedDelivery() {
    const row = await getDb()
      .selectFrom('users')
      .select('email_delivery')
      .where('id', '=', worker.id)
      .executeTakeFirstOrThrow()
    return row.email_delivery
  }

  test('is saved, shown on the settings page, and an unknown choice is refused', async () => {
    expect(payloadOf(await settings.loader(await getRequestArgs('/settings', worker))).emailDelivery).toBe('immediate')
    expect(payloadOf(await saveDelivery('daily'))).toMatchObject({ intent: 'emailDelivery', saved: true })
    expect(await storedDelivery()).toBe('daily')
    expect(payloadOf(await settings.loader(await getRequestArgs('/settings', worker))).emailDelivery).toBe('daily')
    const refused = await saveDelivery('hourly')
    expect(statusOf(refused)).toBe(400)
    expect(await storedDelivery()).toBe('daily')
  })

  test('with "none" the notification still appears in the app but no email is queued', async () => {
    await saveDelivery('none')
    const report = await submittedReport()
    await requestChanges(report.id)
    const { notifications } = await notificationsOf(worker)
    expect(notifications[0]).toMatchObject({ report_id: report.id, to_status: 'changes_requested' })
    const jobs = await getDb()
      .selectFrom('email_jobs')
      .select('id')
      .where('idempotency_key', '=', `notification/${notifications[0].id}`)
      .execute()
    expect(jobs).toEqual([])
    await saveDelivery('immediate')
  })
})

async function getRequestArgs(path: string, who: Person, params: Record<string, string> = {}) {
  return { request: await getRequest(path, who.session), params, context }
}

async function postFollow(who: Person, fields: Record<string, string>) {
  const request = await formRequest('/follows', fields, { session: who.session })
  return follows.action({ request, params: {}, context })
}

async function followRows(userId: string) {
  return getDb().selectFrom('follows').select(['report_id', 'phenomenon_id']).where('user_id', '=', userId).execute()
}

describe('following', () => {
  test('a reader who is not the author follows a report, hears of the next step as a follower, then stops', async () => {
    const report = await submittedReport()
    const pageArgs = () => getRequestArgs(`/reports/${report.id}`, coordinator, { reportId: report.id })
    expect(payloadOf(await reportPage.loader(await pageArgs())).follow).toEqual({ following: false })

    const followed = await postFollow(coordinator, { intent: 'follow', kind: 'report', id: report.id })
    expect(redirectTarget(followed)).toBe(`/reports/${report.id}`)
    expect(payloadOf(await reportPage.loader(await pageArgs())).follow).toEqual({ following: true })
    // Following twice changes nothing.
    await postFollow(coordinator, { intent: 'follow', kind: 'report', id: report.id })
    expect(await followRows(coordinator.id)).toHaveLength(1)

    await markAllReadFor(coordinator)
    expect(await step(lead.user, report.id, 'submitted', 'in_review')).toEqual({
      ok: true,
    })
    expect(await bellCount(coordinator)).toBe(1)
    expect((await notificationsOf(coordinator)).notifications[0]).toMatchObject({
      report_id: report.id,
      reason: 'follower',
      to_status: 'in_review',
    })

    await postFollow(coordinator, { intent: 'unfollow', kind: 'report', id: report.id })
    expect(payloadOf(await reportPage.loader(await pageArgs())).follow).toEqual({ following: false })
    await step(lead.user, report.id, 'in_review', 'changes_requested', 'Tarkenna.')
    expect(await bellCount(coordinator)).toBe(1)
  })

  test('a report the user cannot see cannot be followed, and the author is not offered to follow', async () => {
    const report = await submittedReport()
    const refused = await thrownBy(postFollow(otherWorker, { intent: 'follow', kind: 'report', id: report.id }))
    expect(statusOf(refused)).toBe(404)
    expect(statusOf(await thrownBy(postFollow(worker, { intent: 'follow', kind: 'report', id: report.id })))).toBe(403)
    expect(await followRows(otherWorker.id)).toEqual([])
    expect(await followRows(worker.id)).toEqual([])
    const missing = await thrownBy(postFollow(coordinator, { intent: 'follow', kind: 'report', id: randomUUID() }))
    expect(statusOf(missing)).toBe(404)
    const csrfless = await formRequest(
      '/follows',
      { intent: 'follow', kind: 'report', id: report.id },
      { session: coordinator.session, csrf: false },
    )
    expect(statusOf(await thrownBy(follows.action({ request: csrfless, params: {}, context })))).toBe(403)
  })

  test('following a phenomenon brings news of every report linked to it', async () => {
    const report = await submittedReport()
    const phenomenon = await getDb()
      .insertInto('phenomena')
      .values({ organisation_id: organisationId, title: 'Ensimmäinen vuokra-asunto', created_by: lead.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    await getDb()
      .insertInto('phenomenon_reports')
      .values({ phenomenon_id: phenomenon.id, report_id: report.id, linked_by: lead.id })
      .execute()
    const pageArgs = () => getRequestArgs(`/phenomena/${phenomenon.id}`, coordinator, { phenomenonId: phenomenon.id })
    expect(payloadOf(await phenomenonPage.loader(await pageArgs())).following).toBe(false)
    const followed = await postFollow(coordinator, { intent: 'follow', kind: 'phenomenon', id: phenomenon.id })
    expect(redirectTarget(followed)).toBe(`/phenomena/${phenomenon.id}`)
    expect(payloadOf(await phenomenonPage.loader(await pageArgs())).following).toBe(true)

    await markAllReadFor(coordinator)
    await step(lead.user, report.id, 'submitted', 'in_review')
    expect((await notificationsOf(coordinator)).notifications[0]).toMatchObject({
      report_id: report.id,
      reason: 'follower',
    })
    // Workers do not read phenomena, so they cannot follow one.
    const refused = await thrownBy(postFollow(otherWorker, { intent: 'follow', kind: 'phenomenon', id: phenomenon.id }))
    expect(statusOf(refused)).toBe(404)

    await postFollow(coordinator, { intent: 'unfollow', kind: 'phenomenon', id: phenomenon.id })
    expect(payloadOf(await phenomenonPage.loader(await pageArgs())).following).toBe(false)
  })
})

async function insertEmail(
  organisation: string,
  recipientId: string,
  fields: Partial<{
    kind: EmailKind
    status: 'pending' | 'sent' | 'dead'
    delivered_locally: boolean
    subject: string
    attempts: number
    last_error: string
  }>,
) {
  return getDb()
    .insertInto('email_jobs')
    .values({
      organisation_id: organisation,
      recipient_id: recipientId,
      kind: fields.kind ?? 'notification',
      payload: JSON.stringify({}),
      idempotency_key: `test/${randomUUID()}`,
      status: fields.status ?? 'sent',
      delivered_locally: fields.delivered_locally ?? true,
      attempts: fields.attempts ?? 1,
      last_error: fields.last_error ?? null,
      to_address: 'tiina@example.org',
      subject: fields.subject ?? 'Raporttisi tila muuttui',
      html: '<p>Hei <strong>Tiina</strong></p><script>parent.document.title = "hacked"</script>',
      text_body: 'Hei Tiina\n\nAvaa raportti: http://localhost:3000/reports/1#timeline',
      sent_at: fields.status === 'sent' || fields.status === undefined ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

describe('local mailbox', () => {
  test('exists only in demo mode, not even in development', async () => {
    const email = await insertEmail(organisationId, worker.id, {})
    Object.assign(envOverrides, { demo: false, NODE_ENV: 'production' })
    try {
      expect(statusOf(await thrownBy(mailbox.loader(await getRequestArgs('/admin/mailbox', admin))))).toBe(404)
      const detail = getRequestArgs(`/admin/mailbox/${email.id}`, admin, { emailId: email.id })
      expect(statusOf(await thrownBy(mailboxEmail.loader(await detail)))).toBe(404)
      const document = getRequestArgs(`/admin/mailbox/${email.id}/html`, admin, { emailId: email.id })
      expect(statusOf(await thrownBy(mailboxEmailDocument.loader(await document)))).toBe(404)
      expect(payloadOf(await adminLayout.loader(await getRequestArgs('/admin', admin)))).toEqual({
        localMailbox: false,
      })
      // A developer's machine may point at a real database: only the demo's emails may stay in the app.
      Object.assign(envOverrides, { NODE_ENV: 'development' })
      expect(statusOf(await thrownBy(mailbox.loader(await getRequestArgs('/admin/mailbox', admin))))).toBe(404)
      Object.assign(envOverrides, { demo: true, NODE_ENV: 'production' })
      expect(
        payloadOf(await mailbox.loader(await getRequestArgs('/admin/mailbox', admin))).emails.length,
      ).toBeGreaterThan(0)
      expect(payloadOf(await adminLayout.loader(await getRequestArgs('/admin', admin)))).toEqual({ localMailbox: true })
    } finally {
      for (const key of Object.keys(envOverrides)) delete envOverrides[key as keyof Env]
    }
  })

  test('lists the organisation’s locally delivered emails, newest first, and shows one in a sandbox', async () => {
    Object.assign(envOverrides, { demo: true })
    try {
      const older = await insertEmail(organisationId, worker.id, { subject: 'Vanhempi' })
      await new Promise((resolve) => setTimeout(resolve, 5))
      const newer = await insertEmail(organisationId, worker.id, { subject: 'Uudempi', kind: 'digest' })
      const queued = await insertEmail(organisationId, worker.id, { status: 'pending', delivered_locally: false })
      const foreign = await insertEmail(otherOrganisationId, otherAdmin.id, { subject: 'Toisen alueen viesti' })

      const { emails } = payloadOf(await mailbox.loader(await getRequestArgs('/admin/mailbox', admin)))
      const ids = emails.map((email: { id: string }) => email.id)
      expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id))
      expect(ids).not.toContain(queued.id)
      expect(ids).not.toContain(foreign.id)
      expect(emails[0]).toMatchObject({ to_address: 'tiina@example.org', subject: 'Uudempi', kind: 'digest' })

      const detail = payloadOf(
        await mailboxEmail.loader(await getRequestArgs(`/admin/mailbox/${newer.id}`, admin, { emailId: newer.id })),
      )
      expect(detail.email).toMatchObject({ subject: 'Uudempi', text_body: expect.stringContaining('Avaa raportti') })
      // The HTML part is a document of its own, loaded by the page's sandboxed frame, never part of the page's data.
      expect(detail.email).not.toHaveProperty('html')
      const document = await mailboxEmailDocument.loader(
        await getRequestArgs(`/admin/mailbox/${newer.id}/html`, admin, { emailId: newer.id }),
      )
      expect(document.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      expect(await document.text()).toContain('<p>Hei <strong>Tiina</strong></p>')
      const foreignDetail = getRequestArgs(`/admin/mailbox/${foreign.id}`, admin, { emailId: foreign.id })
      expect(statusOf(await thrownBy(mailboxEmail.loader(await foreignDetail)))).toBe(404)
      const foreignDocument = getRequestArgs(`/admin/mailbox/${foreign.id}/html`, admin, { emailId: foreign.id })
      expect(statusOf(await thrownBy(mailboxEmailDocument.loader(await foreignDocument)))).toBe(404)
      const notAdmin = getRequestArgs('/admin/mailbox', worker)
      expect(statusOf(await thrownBy(mailbox.loader(await notAdmin)))).toBe(403)
    } finally {
      delete envOverrides.demo
    }
  })
})

describe('failed emails', () => {
  async function retry(who: Person, jobId: string) {
    const request = await formRequest('/admin/email-failures', { intent: 'retry', jobId }, { session: who.session })
    return emailFailures.action({ request, params: {}, context })
  }

  async function job(id: string) {
    return getDb()
      .selectFrom('email_jobs')
      .select(['status', 'attempts', 'last_error', 'run_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  }

  test('the organisation’s dead emails are listed and can be put back in the queue', async () => {
    const dead = await insertEmail(organisationId, worker.id, {
      status: 'dead',
      delivered_locally: false,
      attempts: 8,
      last_error: 'Resend 422: invalid recipient',
    })
    const foreignDead = await insertEmail(otherOrganisationId, otherAdmin.id, {
      status: 'dead',
      delivered_locally: false,
    })
    const sent = await insertEmail(organisationId, worker.id, {})

    const { jobs } = payloadOf(await emailFailures.loader(await getRequestArgs('/admin/email-failures', admin)))
    expect(jobs.map((row: { id: string }) => row.id)).toEqual([dead.id])
    expect(jobs[0]).toMatchObject({
      kind: 'notification',
      recipient: 'tiina@example.org',
      attempts: 8,
      last_error: 'Resend 422: invalid recipient',
    })

    const before = Date.now()
    expect(payloadOf(await retry(admin, dead.id))).toEqual({ retried: true })
    const retried = await job(dead.id)
    expect(retried).toMatchObject({ status: 'pending', attempts: 0, last_error: 'Resend 422: invalid recipient' })
    expect(retried.run_at.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(payloadOf(await emailFailures.loader(await getRequestArgs('/admin/email-failures', admin))).jobs).toEqual([])

    expect(statusOf(await thrownBy(retry(admin, foreignDead.id)))).toBe(404)
    expect((await job(foreignDead.id)).status).toBe('dead')
    expect(statusOf(await thrownBy(retry(admin, sent.id)))).toBe(404)
    expect((await job(sent.id)).status).toBe('sent')
    expect(statusOf(await thrownBy(retry(worker, dead.id)))).toBe(403)
  })
})
