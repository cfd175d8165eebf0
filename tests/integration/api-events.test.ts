import { beforeAll, describe, expect, test } from 'vitest'
import { createCommittee, createOrganisation, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { apiRequest, apiTokenFor } from '#tests/utils.ts'
import { ApiEventListSchema } from '#app/utils/api-schemas.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as eventsApi from '#app/routes/api.v1.reports_.$reportId_.events.ts'
import * as openApi from '#app/routes/api.v1.openapi[.json].ts'

/**
 * GET /api/v1/reports/:id/events tells every kind of event with what it refers to, as the timeline and the emails
 * do. The events are written straight into the table: the flows that record them (meetings, action outcomes, the
 * welfare report) are tested in their own files; this one is about how an event is presented.
 */

const context = { clientIp: '192.0.2.31' }
let organisationId: string
let authorId: string
let committeeId: string
let token: string

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  const team = await createTeam(db, organisationId, 'Aikuissosiaalityö')
  const author = await createUser(db, { organisationId, roles: ['worker'], teamIds: [team.id] })
  authorId = author.id
  token = await apiTokenFor(author, organisationId)
  committeeId = (await createCommittee(db, organisationId, 'Perusturvalautakunta')).id
})

async function reportWithEvents(
  status: 'decided' | 'in_welfare_report',
  events: (reportId: string) => Promise<unknown>,
  actions: { description: string; level: 'team' | 'national' }[] = [],
) {
  const report = await createReport(getDb(), {
    organisation_id: organisationId,
    author_id: authorId,
    status,
    committee_id: committeeId,
    actions,
  })
  await events(report.id)
  return report.id
}

function insertEvent(reportId: string, values: Record<string, unknown>) {
  return getDb()
    .insertInto('report_events')
    .values({ report_id: reportId, organisation_id: organisationId, actor_id: authorId, ...values } as never)
    .execute()
}

async function eventsOf(reportId: string) {
  const request = apiRequest(`/api/v1/reports/${reportId}/events`, { token })
  const response = await eventsApi.loader({ request, params: { reportId }, context } as never)
  expect(response.status).toBe(200)
  return ApiEventListSchema.parse(await response.json()).events
}

describe('GET /api/v1/reports/:id/events', () => {
  test('a decided report’s events include the committee’s decision', async () => {
    const reportId = await reportWithEvents('decided', (id) =>
      insertEvent(id, {
        type: 'status_changed',
        from_status: 'on_agenda',
        to_status: 'decided',
        committee_id: committeeId,
        decision: 'decided',
        comment: 'Lautakunta päätti käynnistää asumisinfot.',
      }),
    )
    const [decided] = await eventsOf(reportId)
    expect(decided).toMatchObject({
      type: 'status_changed',
      fromStatus: 'on_agenda',
      toStatus: 'decided',
      committee: 'Perusturvalautakunta',
      decision: 'decided',
      comment: 'Lautakunta päätti käynnistää asumisinfot.',
      actionOutcome: null,
      welfareSection: null,
    })
  })

  test('an outcome event includes the proposed action and its outcome', async () => {
    const description = 'Neuvontaa täydentävän toimeentulotuen hakemisesta.'
    const reportId = await reportWithEvents(
      'decided',
      async (id) => {
        const action = await getDb()
          .selectFrom('proposed_actions')
          .select('id')
          .where('report_id', '=', id)
          .executeTakeFirstOrThrow()
        await insertEvent(id, { type: 'action_outcome', proposed_action_id: action.id, action_outcome: 'done' })
      },
      [{ description, level: 'team' }],
    )
    const [outcome] = await eventsOf(reportId)
    expect(outcome).toMatchObject({
      type: 'action_outcome',
      decision: null,
      actionOutcome: { action: description, outcome: 'done' },
      welfareSection: null,
    })
  })

  test('a welfare report inclusion includes the section and its welfare report', async () => {
    const db = getDb()
    const welfareReport = await db
      .insertInto('welfare_reports')
      .values({
        organisation_id: organisationId,
        title: 'Hyvinvointikertomus 2025',
        period_start: '2025-01-01',
        period_end: '2025-12-31',
        created_by: authorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const section = await db
      .insertInto('welfare_report_sections')
      .values({
        organisation_id: organisationId,
        welfare_report_id: welfareReport.id,
        position: 1,
        title: 'Asuminen',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const reportId = await reportWithEvents('in_welfare_report', (id) =>
      insertEvent(id, { type: 'welfare_report_included', welfare_report_section_id: section.id }),
    )
    const [included] = await eventsOf(reportId)
    expect(included).toMatchObject({
      type: 'welfare_report_included',
      decision: null,
      actionOutcome: null,
      welfareSection: {
        id: section.id,
        title: 'Asuminen',
        welfareReport: { id: welfareReport.id, title: 'Hyvinvointikertomus 2025' },
      },
    })
  })
})

describe('GET /api/v1/openapi.json', () => {
  test('documents the decision, the action outcome and the welfare report section of an event', async () => {
    const document = (await openApi.loader().json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }>
    }
    const list = document.paths['/reports/{id}/events']!.get.responses['200']!.content['application/json']!.schema as {
      properties: { events: { items: { properties: Record<string, unknown>; required: string[] } } }
    }
    const event = list.properties.events.items
    expect(event.required).toEqual(expect.arrayContaining(['decision', 'actionOutcome', 'welfareSection']))
    expect(event.properties.decision).toMatchObject({
      anyOf: expect.arrayContaining([expect.objectContaining({ enum: ['noted', 'decided', 'returned', 'tabled'] })]),
    })
    expect(JSON.stringify(event.properties.actionOutcome)).toContain('"outcome"')
    expect(JSON.stringify(event.properties.welfareSection)).toContain('"welfareReport"')
  })
})
