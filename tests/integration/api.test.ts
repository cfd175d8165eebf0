import { beforeAll, describe, expect, test } from 'vitest'
import { createCommittee, createOrganisation, createTeam, createUser } from '#tests/factories/index.ts'
import { apiRequest, apiTokenFor } from '#tests/utils.ts'
import { type ReportStatus } from '#app/models/database.ts'
import {
  ApiEventListSchema,
  ApiMeSchema,
  ApiPhenomenonListSchema,
  ApiProblemSchema,
  ApiReportListSchema,
  ApiReportSchema,
} from '#app/utils/api-schemas.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as reportsApi from '#app/routes/api.v1.reports.ts'
import * as reportApi from '#app/routes/api.v1.reports_.$reportId.ts'
import * as transitionsApi from '#app/routes/api.v1.reports_.$reportId_.transitions.ts'
import * as eventsApi from '#app/routes/api.v1.reports_.$reportId_.events.ts'
import * as phenomenaApi from '#app/routes/api.v1.phenomena.ts'
import * as meApi from '#app/routes/api.v1.me.ts'
import * as openApi from '#app/routes/api.v1.openapi[.json].ts'
import * as unknownApi from '#app/routes/api.v1.$.ts'

const context = { clientIp: '192.0.2.30' }
let organisationId: string
let committeeId: string
let phenomenonId: string
let tokens: { worker: string; swedishWorker: string; lead: string; coordinator: string; otherLead: string }

const completeReport = {
  title: 'Kela-päätökset eivät kerro, miten täydentävää tukea haetaan',
  description: 'Asiakkaat eivät tiedä:\n\n- mistä hakea\n- mitä liitteitä tarvitaan',
  supportNeeds: ['financial'],
  clientGroups: ['adults'],
  clientCount: 8,
  trend: 'growing',
  actions: [{ description: 'Päätösten sanamuoto uusiksi asiakasraadin kanssa.', level: 'national' }],
  noIdentifyingDataConfirmed: true,
}

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  const team = await createTeam(db, organisationId, 'Aikuissosiaalityö')
  const otherTeam = await createTeam(db, organisationId, 'Perhetyö')
  const user = (roles: Parameters<typeof createUser>[1]['roles'], teamIds: string[], locale: 'fi' | 'sv' = 'fi') =>
    createUser(db, { organisationId, roles, teamIds, locale })
  const worker = await user(['worker'], [team.id])
  const swedishWorker = await user(['worker'], [team.id], 'sv')
  const lead = await user(['team_lead'], [team.id])
  const coordinator = await user(['coordinator'], [])
  const otherLead = await user(['team_lead'], [otherTeam.id])
  tokens = {
    worker: await apiTokenFor(worker, organisationId),
    swedishWorker: await apiTokenFor(swedishWorker, organisationId),
    lead: await apiTokenFor(lead, organisationId),
    coordinator: await apiTokenFor(coordinator, organisationId),
    otherLead: await apiTokenFor(otherLead, organisationId),
  }
  committeeId = (await createCommittee(db, organisationId, 'Sosiaali- ja terveyslautakunta')).id
  phenomenonId = (
    await db
      .insertInto('phenomena')
      .values({ organisation_id: organisationId, title: 'Kela-päätösten sanamuoto', created_by: lead.id })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
})

type Route = { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> }

async function call(
  route: Route,
  path: string,
  options: Parameters<typeof apiRequest>[1] & { params?: Record<string, string> } = {},
) {
  const request = apiRequest(path, options)
  const handler = request.method === 'GET' || request.method === 'HEAD' ? route.loader : route.action
  const response = await handler({ request, params: options.params ?? {}, context } as never)
  const text = await response.text()
  return { response, status: response.status, body: text ? JSON.parse(text) : null }
}

function problemOf(result: { response: Response; body: unknown }) {
  expect(result.response.headers.get('Content-Type')).toContain('application/problem+json')
  return ApiProblemSchema.parse(result.body)
}

async function createDraft(token: string, body: unknown = completeReport) {
  const created = await call(reportsApi, '/api/v1/reports', { token, method: 'POST', body })
  expect(created.status).toBe(201)
  return ApiReportSchema.parse(created.body)
}

function transition(token: string, reportId: string, body: Record<string, unknown>) {
  return call(transitionsApi, `/api/v1/reports/${reportId}/transitions`, {
    token,
    method: 'POST',
    body,
    params: { reportId },
  })
}

async function submittedReport() {
  const draft = await createDraft(tokens.worker)
  const submitted = await transition(tokens.worker, draft.id, { to: 'submitted', expectedStatus: 'draft' })
  expect(submitted.status).toBe(200)
  return draft.id
}

async function statusOfReport(reportId: string): Promise<ReportStatus> {
  const row = await getDb().selectFrom('reports').select('status').where('id', '=', reportId).executeTakeFirstOrThrow()
  return row.status
}

describe('authentication', () => {
  test('without a token, with an unknown one and with a revoked one the answer is 401 in problem+json', async () => {
    const missing = await call(meApi, '/api/v1/me')
    expect(missing.status).toBe(401)
    expect(missing.response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    expect(problemOf(missing)).toMatchObject({ status: 401, code: 'unauthorized', instance: '/api/v1/me' })
    expect(problemOf(missing).detail).toContain('Rajapinta-avain')

    const unknown = await call(meApi, '/api/v1/me', { token: 'srt_not-a-real-token' })
    expect(unknown.status).toBe(401)

    const db = getDb()
    const user = await createUser(db, { organisationId, roles: ['worker'] })
    const token = await apiTokenFor(user, organisationId)
    expect((await call(meApi, '/api/v1/me', { token })).status).toBe(200)
    await db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('user_id', '=', user.id).execute()
    const revoked = await call(meApi, '/api/v1/me', { token })
    expect(revoked.status).toBe(401)
    expect(problemOf(revoked).code).toBe('unauthorized')
  })

  test('an anonymous caller’s error follows Accept-Language', async () => {
    const swedish = await call(meApi, '/api/v1/me', { headers: { 'Accept-Language': 'sv-FI,sv;q=0.9' } })
    expect(problemOf(swedish).detail).toContain('API-nyckeln')
    expect(swedish.response.headers.get('Content-Language')).toBe('sv')
  })

  test('a deactivated membership makes the token useless', async () => {
    const db = getDb()
    const user = await createUser(db, { organisationId, roles: ['worker'] })
    const token = await apiTokenFor(user, organisationId)
    await db.updateTable('memberships').set({ active: false }).where('user_id', '=', user.id).execute()
    expect((await call(meApi, '/api/v1/me', { token })).status).toBe(401)
  })

  test('tokens are stored only as hashes', async () => {
    const rows = await getDb().selectFrom('api_tokens').select('token_hash').execute()
    const stored = rows.map((row) => row.token_hash).join(' ')
    for (const token of Object.values(tokens)) expect(stored).not.toContain(token.slice(4))
  })
})

/** Looks the token's owner up through the API itself. */
async function userByToken(token: string) {
  return ApiMeSchema.parse((await call(meApi, '/api/v1/me', { token })).body)
}

describe('GET /api/v1/me', () => {
  test('lists the organisation, the role identifiers and the teams', async () => {
    const me = await userByToken(tokens.lead)
    expect(me.organisation.id).toBe(organisationId)
    expect(me.roles).toEqual(['team_lead'])
    expect(me.teams.map((team) => team.name)).toEqual(['Aikuissosiaalityö'])
  })

  test('an unknown API path is a 404 problem, not an HTML page', async () => {
    const result = await call(unknownApi, '/api/v1/nothing', { token: tokens.lead })
    expect(result.status).toBe(404)
    expect(problemOf(result).code).toBe('not_found')
  })

  test('other methods get 405 with Allow', async () => {
    const result = await call(meApi, '/api/v1/me', { token: tokens.lead, method: 'POST', body: {} })
    expect(result.status).toBe(405)
    expect(result.response.headers.get('Allow')).toBe('GET')
    expect(problemOf(result).code).toBe('method_not_allowed')
  })
})

describe('POST /api/v1/reports', () => {
  test('creates a draft: 201, Location and the report as documented', async () => {
    const created = await call(reportsApi, '/api/v1/reports', {
      token: tokens.worker,
      method: 'POST',
      body: completeReport,
    })
    expect(created.status).toBe(201)
    const report = ApiReportSchema.parse(created.body)
    expect(created.response.headers.get('Location')).toBe(`/api/v1/reports/${report.id}`)
    expect(report).toMatchObject({
      status: 'draft',
      title: completeReport.title,
      clientCount: 8,
      actions: completeReport.actions,
      team: { name: 'Aikuissosiaalityö' },
      identifyingDataFindings: [],
    })
  })

  test('refuses bad fields with 422, each field named, in the token owner’s language', async () => {
    const body = { ...completeReport, title: '', clientCount: -3, supportNeeds: ['nonsense'], colour: 'red' }
    for (const [token, text] of [
      [tokens.worker, 'Kirjoita otsikko.'],
      [tokens.swedishWorker, 'Skriv en rubrik.'],
    ] as const) {
      const result = await call(reportsApi, '/api/v1/reports', { token, method: 'POST', body })
      expect(result.status).toBe(422)
      const problem = problemOf(result)
      expect(problem.code).toBe('invalid_request')
      const fields = problem.errors!.map((error) => error.field)
      expect(fields).toEqual(expect.arrayContaining(['title', 'clientCount', 'supportNeeds.0', '']))
      expect(problem.errors!.find((error) => error.field === 'title')!.message).toBe(text)
    }
  })

  test('a body that is not JSON is 400', async () => {
    const result = await call(reportsApi, '/api/v1/reports', {
      token: tokens.worker,
      method: 'POST',
      body: '{"title":',
    })
    expect(result.status).toBe(400)
    expect(problemOf(result).code).toBe('malformed_request')
  })

  test('a coordinator, who does not write reports, gets 403', async () => {
    const result = await call(reportsApi, '/api/v1/reports', {
      token: tokens.coordinator,
      method: 'POST',
      body: completeReport,
    })
    expect(result.status).toBe(403)
  })

  test('a draft with identifying data is refused with 422 quoting the fragment, and nothing is stored', async () => {
    const description = 'Asiakas soitti numerosta 040 123 4567 ja kertoi tilanteestaan.'
    const result = await call(reportsApi, '/api/v1/reports', {
      token: tokens.worker,
      method: 'POST',
      body: { ...completeReport, description },
    })
    expect(result.status).toBe(422)
    expect(problemOf(result).errors).toEqual([
      expect.objectContaining({ field: 'description', code: 'phone_number', message: expect.stringContaining('040') }),
    ])
    const stored = await getDb().selectFrom('reports').select('id').where('description', '=', description).execute()
    expect(stored).toEqual([])
  })
})

describe('GET and PATCH /api/v1/reports/:id', () => {
  test('PATCH changes only the given fields of the author’s draft', async () => {
    const draft = await createDraft(tokens.worker)
    const patched = await call(reportApi, `/api/v1/reports/${draft.id}`, {
      token: tokens.worker,
      method: 'PATCH',
      body: { title: 'Uusi otsikko', positive: true },
      params: { reportId: draft.id },
    })
    expect(patched.status).toBe(200)
    expect(ApiReportSchema.parse(patched.body)).toMatchObject({
      title: 'Uusi otsikko',
      positive: true,
      description: completeReport.description,
      clientCount: 8,
    })
    const read = await call(reportApi, `/api/v1/reports/${draft.id}`, {
      token: tokens.worker,
      params: { reportId: draft.id },
    })
    expect(read.body.title).toBe('Uusi otsikko')
  })

  test('PATCH of a submitted report is 409 with its status; someone else’s draft is 404', async () => {
    const reportId = await submittedReport()
    const submitted = await call(reportApi, `/api/v1/reports/${reportId}`, {
      token: tokens.worker,
      method: 'PATCH',
      body: { title: 'Myöhäinen muutos' },
      params: { reportId },
    })
    expect(submitted.status).toBe(409)
    expect(problemOf(submitted)).toMatchObject({ code: 'not_editable', currentStatus: 'submitted' })

    const draft = await createDraft(tokens.worker)
    for (const token of [tokens.swedishWorker, tokens.lead]) {
      const result = await call(reportApi, `/api/v1/reports/${draft.id}`, {
        token,
        method: 'PATCH',
        body: { title: 'Kaapattu' },
        params: { reportId: draft.id },
      })
      expect(result.status).toBe(404)
    }
    expect(
      (await call(reportApi, '/api/v1/reports/x', { token: tokens.worker, params: { reportId: 'x' } })).status,
    ).toBe(404)
  })
})

describe('POST /api/v1/reports/:id/transitions', () => {
  test('submitting an incomplete draft is 422 naming what is missing', async () => {
    const draft = await createDraft(tokens.worker, { title: 'Pelkkä otsikko' })
    const result = await transition(tokens.worker, draft.id, { to: 'submitted', expectedStatus: 'draft' })
    expect(result.status).toBe(422)
    const problem = problemOf(result)
    expect(problem.code).toBe('incomplete_report')
    expect(problem.errors!.map((error) => error.field)).toEqual(
      expect.arrayContaining(['description', 'supportNeeds', 'clientGroups', 'actions', 'noIdentifyingDataConfirmed']),
    )
    expect(await statusOfReport(draft.id)).toBe('draft')
  })

  test('submitting a draft with identifying data is 422 quoting the fragment', async () => {
    const draft = await createDraft(tokens.worker)
    // A draft stored before drafts were guarded may still hold identifying text.
    await getDb()
      .updateTable('reports')
      .set({ causes: 'Asiakas 131052-308T ei saanut päätöstä ajoissa.' })
      .where('id', '=', draft.id)
      .execute()
    const result = await transition(tokens.worker, draft.id, { to: 'submitted', expectedStatus: 'draft' })
    expect(result.status).toBe(422)
    const problem = problemOf(result)
    expect(problem.code).toBe('identifying_data')
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'causes', code: 'personal_identity_code' })])
    expect(problem.errors![0]!.message).toContain('131052-308T')
    expect(await statusOfReport(draft.id)).toBe('draft')
  })

  test('the whole path: submit, review, request changes, resubmit, forward with a phenomenon', async () => {
    const reportId = await submittedReport()
    expect((await transition(tokens.lead, reportId, { to: 'in_review', expectedStatus: 'submitted' })).status).toBe(200)
    const noComment = await transition(tokens.lead, reportId, { to: 'changes_requested', expectedStatus: 'in_review' })
    expect(noComment.status).toBe(422)
    expect(problemOf(noComment).errors![0]!.field).toBe('comment')
    const changes = await transition(tokens.lead, reportId, {
      to: 'changes_requested',
      expectedStatus: 'in_review',
      comment: 'Lisää arvio asiakasmäärästä.',
    })
    expect(ApiReportSchema.parse(changes.body).status).toBe('changes_requested')
    await call(reportApi, `/api/v1/reports/${reportId}`, {
      token: tokens.worker,
      method: 'PATCH',
      body: { clientCount: 20 },
      params: { reportId },
    })
    expect(
      (await transition(tokens.worker, reportId, { to: 'submitted', expectedStatus: 'changes_requested' })).status,
    ).toBe(200)
    await transition(tokens.lead, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    const forwarded = await transition(tokens.lead, reportId, {
      to: 'forwarded',
      expectedStatus: 'in_review',
      committeeId,
      phenomenonId,
    })
    expect(forwarded.status).toBe(200)
    expect(ApiReportSchema.parse(forwarded.body)).toMatchObject({
      status: 'forwarded',
      clientCount: 20,
      committee: { id: committeeId },
      phenomena: [{ id: phenomenonId }],
    })

    const events = await call(eventsApi, `/api/v1/reports/${reportId}/events`, {
      token: tokens.worker,
      params: { reportId },
    })
    const history = ApiEventListSchema.parse(events.body).events
    expect(history.map((event) => event.toStatus ?? event.type)).toEqual([
      'draft',
      'submitted',
      'in_review',
      'changes_requested',
      'submitted',
      'in_review',
      'forwarded',
      'phenomenon_linked',
    ])
    expect(history[3]).toMatchObject({ comment: 'Lisää arvio asiakasmäärästä.', fromStatus: 'in_review' })
  })

  test('a stale expectedStatus is 409 with the current status, and nothing changes', async () => {
    const reportId = await submittedReport()
    await transition(tokens.lead, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    const stale = await transition(tokens.lead, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    expect(stale.status).toBe(409)
    expect(problemOf(stale)).toMatchObject({ code: 'conflict', currentStatus: 'in_review' })
    expect(problemOf(stale).detail).toContain('Tiimin käsittelyssä')
  })

  test('a worker cannot review, and a lead of another team cannot see the report', async () => {
    const reportId = await submittedReport()
    const worker = await transition(tokens.worker, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    expect(worker.status).toBe(403)
    expect(problemOf(worker).code).toBe('forbidden')
    const otherLead = await transition(tokens.otherLead, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    expect(otherLead.status).toBe(404)
    expect(await statusOfReport(reportId)).toBe('submitted')
  })

  test('an unknown phenomenon undoes the whole step', async () => {
    const reportId = await submittedReport()
    await transition(tokens.lead, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    const result = await transition(tokens.lead, reportId, {
      to: 'forwarded',
      expectedStatus: 'in_review',
      committeeId,
      phenomenonId: '00000000-0000-4000-8000-000000000000',
    })
    expect(result.status).toBe(422)
    expect(problemOf(result).errors![0]!.field).toBe('phenomenonId')
    expect(await statusOfReport(reportId)).toBe('in_review')
  })

  test('unknown status identifiers and fields are 422', async () => {
    const reportId = await submittedReport()
    const result = await transition(tokens.lead, reportId, { to: 'reviewing', expectedStatus: 'submitted', x: 1 })
    expect(result.status).toBe(422)
    expect(problemOf(result).errors!.map((error) => error.field)).toEqual(expect.arrayContaining(['to', '']))
  })
})

describe('lists', () => {
  test('GET /api/v1/reports pages through what the caller may read, filtered by status', async () => {
    const reportId = await submittedReport()
    const first = await call(reportsApi, '/api/v1/reports?limit=1', { token: tokens.lead })
    const page = ApiReportListSchema.parse(first.body)
    expect(page.reports).toHaveLength(1)
    expect(page.hasMore).toBe(true)
    const submitted = await call(reportsApi, '/api/v1/reports?status=submitted&limit=100', { token: tokens.lead })
    const list = ApiReportListSchema.parse(submitted.body).reports
    expect(list.map((report) => report.id)).toContain(reportId)
    expect(list.every((report) => report.status === 'submitted')).toBe(true)
    const drafts = await call(reportsApi, '/api/v1/reports?status=draft&limit=100', { token: tokens.lead })
    expect(ApiReportListSchema.parse(drafts.body).reports).toEqual([])
    const bad = await call(reportsApi, '/api/v1/reports?limit=1000', { token: tokens.lead })
    expect(bad.status).toBe(422)
  })

  test('GET /api/v1/phenomena shows the evidence; a worker gets the worker’s view', async () => {
    const result = await call(phenomenaApi, '/api/v1/phenomena', { token: tokens.coordinator })
    const phenomena = ApiPhenomenonListSchema.parse(result.body).phenomena
    expect(phenomena.find((p) => p.id === phenomenonId)).toMatchObject({ title: 'Kela-päätösten sanamuoto' })
    const workers = await call(phenomenaApi, '/api/v1/phenomena', { token: tokens.worker })
    expect(workers.status).toBe(200)
    expect(ApiPhenomenonListSchema.parse(workers.body).view).toBe('worker')
  })
})

describe('GET /api/v1/openapi.json', () => {
  test('describes every endpoint in OpenAPI 3.1, with schemas generated from the code', async () => {
    const response = openApi.loader()
    const document = (await response.json()) as {
      openapi: string
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>
    }
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths).sort()).toEqual([
      '/follow-ups',
      '/follow-ups/{id}',
      '/follow-ups/{id}/updates',
      '/me',
      '/notifications',
      '/phenomena',
      '/phenomena/{id}/observations',
      '/phenomena/{id}/sendings',
      '/recipients',
      '/reports',
      '/reports/{id}',
      '/reports/{id}/events',
      '/reports/{id}/sendings',
      '/reports/{id}/transitions',
      '/social-reports',
      '/social-reports/{id}',
      '/social-reports/{id}/comments',
      '/statistics',
      '/welfare-reports',
      '/welfare-reports/{id}',
    ])
    const transitionBody = document.paths['/reports/{id}/transitions']!.post!.requestBody!.content['application/json']!
      .schema as { properties: Record<string, { enum?: string[] }>; required: string[] }
    expect(transitionBody.required).toEqual(['to', 'expectedStatus'])
    expect(transitionBody.properties.to!.enum).toContain('in_welfare_report')
    const createBody = document.paths['/reports']!.post!.requestBody!.content['application/json']!.schema as {
      properties: Record<string, unknown>
    }
    expect(Object.keys(createBody.properties)).toEqual(expect.arrayContaining(['title', 'actions', 'supportNeeds']))
    const sendingBody = document.paths['/reports/{id}/sendings']!.post!.requestBody!.content['application/json']!
      .schema as { required: string[] }
    expect(sendingBody.required).toEqual(['recipientIds', 'coveringNote'])
  })
})
