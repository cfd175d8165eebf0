import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { createFollowUp, createRecipient, createSending } from '#tests/factories/follow-through.ts'
import { apiRequest, apiTokenFor } from '#tests/utils.ts'
import { markRead } from '#app/models/notification.server.ts'
import { recordReportEvent, type ReportEventRecord } from '#app/models/report.server.ts'
import { ApiEventListSchema, ApiNotificationListSchema } from '#app/utils/api-schemas.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as notificationsApi from '#app/routes/api.v1.notifications.ts'
import * as eventsApi from '#app/routes/api.v1.reports_.$reportId_.events.ts'
import * as openApi from '#app/routes/api.v1.openapi[.json].ts'

/**
 * GET /api/v1/notifications: the caller's own notifications, newest first, paged, each with its event told as the
 * report's history tells it (the recipient and the follow-up included) and whether it is read.
 */

const context = { clientIp: '192.0.2.78' }
let organisationId: string
let reportId: string
let authorId: string
let tokens: Record<'author' | 'colleague' | 'outsider', string>

/** One step at a time, each in its own transaction, as the flows record them: notifications come with it. */
async function record(event: Omit<ReportEventRecord, 'organisationId' | 'reportId'> & { reportId?: string }) {
  await getDb()
    .transaction()
    .execute((trx) => recordReportEvent(trx, { organisationId, reportId, ...event }))
}

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  const team = await createTeam(db, organisationId, 'Aikuissosiaalityö')
  const author = await createUser(db, { organisationId, roles: ['worker'], teamIds: [team.id] })
  authorId = author.id
  const colleague = await createUser(db, { organisationId, roles: ['worker'], teamIds: [team.id] })
  const lead = await createUser(db, { organisationId, roles: ['team_lead'], teamIds: [team.id], name: 'Liisa' })
  reportId = (
    await createReport(db, {
      organisation_id: organisationId,
      author_id: author.id,
      team_id: team.id,
      status: 'forwarded',
      title: 'Nuoret jäävät ilman asuntoa',
      submitted_at: new Date('2026-01-05T10:00:00Z'),
    })
  ).id
  const colleagueReportId = (
    await createReport(db, { organisation_id: organisationId, author_id: colleague.id, status: 'in_review' })
  ).id
  const kela = await createRecipient(db, {
    organisationId,
    kind: 'partner',
    name: 'Kela',
    contactEmail: 'kela@example.fi',
  })
  const sending = await createSending(db, { organisationId, recipientId: kela.id, reportId, sentBy: lead.id })
  const followUp = await createFollowUp(db, {
    organisationId,
    title: 'Asumisinfot nuorille',
    decidedOn: '2026-02-01',
    targetDate: '2026-09-30',
    reportIds: [reportId],
    status: 'in_progress',
    createdBy: lead.id,
    updates: [
      { body: 'Ensimmäinen info pidetty.', at: new Date('2026-03-01T10:00:00Z'), status: 'in_progress', progress: 30 },
    ],
  })

  await record({ actorId: lead.id, type: 'status_changed', fromStatus: 'submitted', toStatus: 'in_review' })
  await record({ actorId: lead.id, type: 'sent_to_recipient', sendingId: sending.id, comment: 'Tiedoksi Kelalle.' })
  await record({ actorId: null, type: 'recipient_answered', sendingId: sending.id, comment: 'Kela tarkistaa ohjeen.' })
  await record({ actorId: lead.id, type: 'follow_up_created', followUpId: followUp.id })
  await record({
    actorId: lead.id,
    type: 'follow_up_updated',
    followUpId: followUp.id,
    followUpUpdateId: followUp.updateIds[0]!,
    comment: 'Ensimmäinen info pidetty.',
  })
  // The colleague's own report: its notifications are the colleague's, never the author's.
  await record({
    reportId: colleagueReportId,
    actorId: lead.id,
    type: 'status_changed',
    fromStatus: 'submitted',
    toStatus: 'in_review',
  })

  // Another organisation where the same kinds of steps happen.
  const other = await createOrganisation(db)
  const outsider = await createUser(db, { organisationId: other.id, roles: ['worker'] })
  const outsiderLead = await createUser(db, { organisationId: other.id, roles: ['team_lead'] })
  const outsiderReport = await createReport(db, {
    organisation_id: other.id,
    author_id: outsider.id,
    status: 'submitted',
  })
  await getDb()
    .transaction()
    .execute((trx) =>
      recordReportEvent(trx, {
        organisationId: other.id,
        reportId: outsiderReport.id,
        actorId: outsiderLead.id,
        type: 'status_changed',
        fromStatus: 'submitted',
        toStatus: 'in_review',
      }),
    )

  tokens = {
    author: await apiTokenFor(author, organisationId),
    colleague: await apiTokenFor(colleague, organisationId),
    outsider: await apiTokenFor(outsider, other.id),
  }
})

async function notificationsOf(token: string, query = '') {
  const request = apiRequest(`/api/v1/notifications${query}`, { token })
  const response = await notificationsApi.loader({ request, params: {}, context } as never)
  return { status: response.status, body: await response.json() }
}

describe('GET /api/v1/notifications', () => {
  test('the caller’s own notifications, newest first, each event told with its recipient or follow-up', async () => {
    const { status, body } = await notificationsOf(tokens.author)
    expect(status).toBe(200)
    const list = ApiNotificationListSchema.parse(body)
    expect(list.notifications.map((notification) => notification.event.type)).toEqual([
      'follow_up_updated',
      'follow_up_created',
      'recipient_answered',
      'sent_to_recipient',
      'status_changed',
    ])
    expect(list.notifications.every((notification) => notification.report.id === reportId)).toBe(true)
    expect(list.notifications.every((notification) => notification.reason === 'author')).toBe(true)
    const [updated, , answered, sent] = list.notifications
    expect(updated!.event).toMatchObject({
      followUp: { title: 'Asumisinfot nuorille', status: 'in_progress', progress: 30, targetDate: '2026-09-30' },
      comment: 'Ensimmäinen info pidetty.',
      recipient: null,
    })
    // The partner answered through its link: no user, so the recipient names the step.
    expect(answered!.event).toMatchObject({ recipient: 'Kela', actor: { name: 'Kela' }, followUp: null })
    expect(sent!.event).toMatchObject({ recipient: 'Kela', comment: 'Tiedoksi Kelalle.' })
    expect(list).toMatchObject({ unread: 5, hasMore: false, limit: 50, offset: 0 })
  })

  test('pages with limit and offset, and tells which are read', async () => {
    const first = ApiNotificationListSchema.parse((await notificationsOf(tokens.author, '?limit=2')).body)
    expect(first.notifications.map((notification) => notification.event.type)).toEqual([
      'follow_up_updated',
      'follow_up_created',
    ])
    expect(first.hasMore).toBe(true)
    const last = ApiNotificationListSchema.parse((await notificationsOf(tokens.author, '?limit=2&offset=4')).body)
    expect(last.notifications.map((notification) => notification.event.type)).toEqual(['status_changed'])
    expect(last.hasMore).toBe(false)

    await markRead(getDb(), { userId: authorId, organisationId }, last.notifications[0]!.id)
    const again = ApiNotificationListSchema.parse((await notificationsOf(tokens.author, '?limit=2&offset=4')).body)
    expect(again.notifications[0]).toMatchObject({ read: true, readAt: expect.any(String) })
    expect(again.unread).toBe(4)
    expect(first.notifications[0]).toMatchObject({ read: false, readAt: null })
  })

  test('another person of the organisation and another organisation’s user see only their own', async () => {
    const colleague = ApiNotificationListSchema.parse((await notificationsOf(tokens.colleague)).body)
    expect(colleague.notifications).toHaveLength(1)
    expect(colleague.notifications[0]!.report.id).not.toBe(reportId)
    const outsider = ApiNotificationListSchema.parse((await notificationsOf(tokens.outsider)).body)
    expect(outsider.notifications).toHaveLength(1)
    expect(JSON.stringify(outsider)).not.toContain(reportId)
  })

  test('a malformed page is refused with 422; no token is 401', async () => {
    expect((await notificationsOf(tokens.author, '?limit=0')).status).toBe(422)
    expect((await notificationsOf(tokens.author, '?offset=-1')).status).toBe(422)
    const response = await notificationsApi.loader({
      request: apiRequest('/api/v1/notifications'),
      params: {},
      context,
    } as never)
    expect(response.status).toBe(401)
  })
})

describe('GET /api/v1/reports/{id}/events', () => {
  test('tells the recipient and the follow-up of the follow-through steps', async () => {
    const request = apiRequest(`/api/v1/reports/${reportId}/events`, { token: tokens.author })
    const response = await eventsApi.loader({ request, params: { reportId }, context } as never)
    const { events } = ApiEventListSchema.parse(await response.json())
    expect(events.find((event) => event.type === 'sent_to_recipient')).toMatchObject({ recipient: 'Kela' })
    expect(events.find((event) => event.type === 'follow_up_created')).toMatchObject({
      followUp: { title: 'Asumisinfot nuorille', status: 'in_progress', progress: null },
      recipient: null,
    })
  })
})

describe('GET /api/v1/openapi.json', () => {
  test('documents the notifications and the events’ recipient and follow-up', async () => {
    const document = (await openApi.loader().json()) as {
      paths: Record<string, { get: { parameters?: { name: string }[]; responses: Record<string, unknown> } }>
    }
    const notifications = document.paths['/notifications']!.get
    expect(notifications.parameters!.map((parameter) => parameter.name)).toEqual(['limit', 'offset'])
    const listed = JSON.stringify(notifications.responses['200'])
    expect(listed).toContain('"unread"')
    expect(listed).toContain('"hasMore"')
    const events = JSON.stringify(document.paths['/reports/{id}/events']!.get.responses['200'])
    expect(events).toContain('"recipient"')
    expect(events).toContain('"followUp"')
  })
})
