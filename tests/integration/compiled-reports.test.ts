import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createPhenomenon, createReport, createUser } from '#tests/factories/index.ts'
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
import * as apiComments from '#app/routes/api.v1.social-reports_.$compiledReportId_.comments.ts'
import * as apiReport from '#app/routes/api.v1.social-reports_.$compiledReportId.ts'
import * as apiReports from '#app/routes/api.v1.social-reports.ts'
import * as openApi from '#app/routes/api.v1.openapi[.json].ts'
import * as adminOrganisation from '#app/routes/admin.organisation.tsx'
import * as compiledReport from '#app/routes/social-reports.$compiledReportId.tsx'
import * as compiledReports from '#app/routes/social-reports._index.tsx'
import * as indicators from '#app/routes/social-reports.indicators.tsx'
import * as newCompiledReport from '#app/routes/social-reports.new.tsx'
import * as publicPage from '#app/routes/public.$organisation.social-reports.$compiledReportId.tsx'

const context = {}
let organisationId: string
let phenomenonId: string
let sessions: Record<'coordinator' | 'worker' | 'groupMember' | 'reviewer', string>
let reviewerId: string

const day = (date: string) => new Date(`${date}T10:00:00Z`)

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  const coordinator = await createUser(db, { organisationId, roles: ['coordinator'] })
  const worker = await createUser(db, { organisationId, roles: ['worker'], name: 'Raportoija Rauha' })
  const groupMember = await createUser(db, { organisationId, roles: ['team_lead'] })
  const group = await db
    .insertInto('recipients')
    .values({ organisation_id: organisationId, kind: 'working_group', name: 'Rakenteellisen työn ryhmä' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('recipient_members').values({ recipient_id: group.id, user_id: groupMember.id }).execute()
  const reports = await Promise.all(
    Array.from({ length: 12 }, (_, index) =>
      createReport(db, {
        organisation_id: organisationId,
        author_id: worker.id,
        status: 'forwarded',
        title: `Ensimmäinen vuokra-asunto ${index + 1}`,
        sectors: ['housing'],
        trend: 'growing',
        client_count: 3,
        submitted_at: day(index < 6 ? '2025-02-10' : '2025-05-10'),
      }),
    ),
  )
  phenomenonId = (
    await createPhenomenon(db, {
      organisationId,
      createdBy: coordinator.id,
      title: 'Nuorten aikuisten ensimmäinen koti',
      reportIds: reports.map((report) => report.id),
    })
  ).id
  const reviewer = await createUser(db, { organisationId, roles: ['worker'], name: 'Kokemusasiantuntija Kaisa' })
  reviewerId = reviewer.id
  sessions = {
    reviewer: await signIn(reviewer.email),
    coordinator: await signIn(coordinator.email),
    worker: await signIn(worker.email),
    groupMember: await signIn(groupMember.email),
  }
})

async function create(session: string, fields: Record<string, string | string[]>) {
  return newCompiledReport.action({
    request: await formRequest('/social-reports/new', fields, { session }),
    params: {},
    context,
  })
}

async function page(id: string, session: string) {
  return payloadOf(
    await compiledReport.loader({
      request: await getRequest(`/social-reports/${id}`, session),
      params: { compiledReportId: id },
      context,
    }),
  )
}

async function save(id: string, session: string, fields: Record<string, string | string[]>) {
  return compiledReport.action({
    request: await formRequest(`/social-reports/${id}`, fields, { session }),
    params: { compiledReportId: id },
    context,
  })
}

describe('compiled report editor', () => {
  let id: string

  test('a coordinator creates a compiled report from a phenomenon and sees its figures suppressed and without names', async () => {
    const created = await create(sessions.coordinator, {
      title: 'Köyhyys Pirkanmaalla – sosiaalinen raportti',
      phenomenonIds: [phenomenonId],
    })
    id = redirectTarget(created)!.split('/').pop()!
    const shown = await page(id, sessions.coordinator)
    expect(shown.report.stage).toBe('draft')
    expect(shown.document.phenomena.map((entry: { title: string }) => entry.title)).toEqual([
      'Nuorten aikuisten ensimmäinen koti',
    ])
    expect(shown.document.phenomena[0].reportTitles).toHaveLength(12)
    // Twelve reports: the total is shown (perturbed by at most 2); each quarter's six as well or as "<5".
    expect(Math.abs(shown.document.figures.total - 12)).toBeLessThanOrEqual(2)
    expect(shown.document.figures.bySector.map((row: { key: string }) => row.key)).toEqual(['housing'])
    expect(shown.document.figures.byQuarter.map((row: { key: string }) => row.key)).toEqual(['2025-Q1', '2025-Q2'])
    expect(JSON.stringify(shown.document)).not.toContain('Raportoija Rauha')
  })

  test('a member of a working group may compile; a worker may not, and sees no drafts', async () => {
    expect(redirectTarget(await create(sessions.groupMember, { title: 'Ryhmän raportti' }))).toMatch(
      /^\/social-reports\//,
    )
    expect(statusOf(await thrownBy(create(sessions.worker, { title: 'Ei saa' })))).toBe(403)
    const listed = payloadOf(
      await compiledReports.loader({
        request: await getRequest('/social-reports', sessions.worker),
        params: {},
        context,
      }),
    )
    expect(listed.reports).toEqual([])
    expect(listed.canCreate).toBe(false)
    expect(statusOf(await thrownBy(page(id, sessions.worker)))).toBe(404)
  })

  test('the narrative is guarded, and a save from an older version gets 409 with the text kept', async () => {
    const guarded = await save(id, sessions.coordinator, {
      title: 'Köyhyys',
      narrative: 'Asiakas 010190-123A kertoi vuokrarästeistä.',
      version: '1',
    })
    expect(statusOf(guarded)).toBe(422)
    const saved = await save(id, sessions.coordinator, {
      title: 'Köyhyys Pirkanmaalla',
      narrative: '## Tausta\n\nVuokrarästit kasvavat.',
      phenomenonIds: [phenomenonId],
      version: '1',
    })
    expect(statusOf(saved)).toBe(200)
    const stale = await save(id, sessions.coordinator, { title: 'Vanha', narrative: 'Vanha teksti', version: '1' })
    expect(statusOf(stale)).toBe(409)
    expect(payloadOf(stale).values.narrative).toBe('Vanha teksti')
    const shown = await page(id, sessions.coordinator)
    expect(shown.report.title).toBe('Köyhyys Pirkanmaalla')
    expect(shown.document.narrativeHtml).toContain('Vuokrarästit kasvavat.')
  })
})

describe('indicator import', () => {
  async function post(session: string, csv: string, intent: 'preview' | 'import') {
    return indicators.action({
      request: await formRequest('/social-reports/indicators', { csv, intent }, { session }),
      params: {},
      context,
    })
  }
  const good = [
    'name;source;area;period;value',
    'Toimeentulotukea saaneet, % väestöstä;Sotkanet (THL);Tampere;2024;7,4',
    'Toimeentulotukea saaneet, % väestöstä;Sotkanet (THL);Koko maakunta;2024;5,9',
    'Työttömät, %;Työllisyyskatsaus;Tampere;2025-Q1;12,1',
  ].join('\n')

  test('a preview names the series and stores nothing; the import stores them with decimal commas read', async () => {
    const preview = payloadOf(await post(sessions.coordinator, good, 'preview'))
    expect(preview.series).toEqual([
      { name: 'Toimeentulotukea saaneet, % väestöstä', source: 'Sotkanet (THL)', values: 2 },
      { name: 'Työttömät, %', source: 'Työllisyyskatsaus', values: 1 },
    ])
    const before = await getDb()
      .selectFrom('indicator_series')
      .where('organisation_id', '=', organisationId)
      .selectAll()
      .execute()
    expect(before).toEqual([])
    expect(payloadOf(await post(sessions.coordinator, good, 'import')).imported).toBe(3)
    const values = await getDb()
      .selectFrom('indicator_values')
      .innerJoin('indicator_series', 'indicator_series.id', 'indicator_values.series_id')
      .where('indicator_series.organisation_id', '=', organisationId)
      .select(['area', 'period', 'value'])
      .orderBy('value')
      .execute()
    expect(values.map((value) => Number(value.value))).toEqual([5.9, 7.4, 12.1])
  })

  test('a file with bad rows imports nothing and names every bad row', async () => {
    const bad = [
      'name,source,area,period,value',
      'Työttömät,Tilasto,Tampere,2025-13,12.1',
      'Työttömät,Tilasto,Tampere,2025,paljon',
      'Työttömät,Tilasto,Tampere',
      'Työttömät,Tilasto,Tampere,2024,3.5',
    ].join('\n')
    const result = await post(sessions.coordinator, bad, 'import')
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).errors).toEqual([
      { line: 2, error: 'period' },
      { line: 3, error: 'value' },
      { line: 4, error: 'columns' },
    ])
    const count = await getDb()
      .selectFrom('indicator_series')
      .where('organisation_id', '=', organisationId)
      .where('name', '=', 'Työttömät')
      .selectAll()
      .execute()
    expect(count).toEqual([])
  })

  test('a worker cannot import', async () => {
    expect(statusOf(await thrownBy(post(sessions.worker, good, 'import')))).toBe(403)
  })
})

describe('compiled report stages', () => {
  let id: string
  const act = (session: string, fields: Record<string, string | string[]>) => save(id, session, fields)

  beforeAll(async () => {
    const created = await create(sessions.coordinator, { title: 'Kelan päätökset', phenomenonIds: [phenomenonId] })
    id = redirectTarget(created)!.split('/').pop()!
    await act(sessions.coordinator, { title: 'Kelan päätökset', narrative: 'Kooste.', version: '1' })
  })

  test('draft → comment round with reviewers; a stale version gets 409', async () => {
    expect(statusOf(await act(sessions.coordinator, { intent: 'startRound', version: '2' }))).toBe(400)
    expect(
      statusOf(await act(sessions.coordinator, { intent: 'startRound', version: '1', reviewerIds: [reviewerId] })),
    ).toBe(409)
    expect(
      statusOf(await act(sessions.coordinator, { intent: 'startRound', version: '2', reviewerIds: [reviewerId] })),
    ).toBe(200)
    expect((await page(id, sessions.coordinator)).report.stage).toBe('comment_round')
  })

  test('only reviewers comment, each comment guarded; the coordinator answers', async () => {
    expect(statusOf(await thrownBy(act(sessions.groupMember, { intent: 'comment', text: 'Hyvä.' })))).toBe(403)
    expect(statusOf(await act(sessions.reviewer, { intent: 'comment', text: 'Asiakas 010190-123A' }))).toBe(422)
    expect(statusOf(await act(sessions.reviewer, { intent: 'comment', text: 'Lisätkää asiakasraadin näkemys.' }))).toBe(
      200,
    )
    const { comments } = await page(id, sessions.coordinator)
    expect(comments.map((comment: { text: string }) => comment.text)).toEqual(['Lisätkää asiakasraadin näkemys.'])
    const answered = await act(sessions.coordinator, {
      intent: 'answer',
      commentId: comments[0].id,
      answer: 'Lisätty.',
    })
    expect(statusOf(answered)).toBe(200)
    expect((await page(id, sessions.coordinator)).comments[0].answer).toBe('Lisätty.')
  })

  test('approve records who and when; publishing waits for the organisation setting; the public page has no names', async () => {
    expect(statusOf(await thrownBy(act(sessions.groupMember, { intent: 'approve', version: '3' })))).toBe(403)
    expect(statusOf(await act(sessions.coordinator, { intent: 'approve', version: '3' }))).toBe(200)
    const approved = await page(id, sessions.coordinator)
    expect(approved.report.stage).toBe('approved')
    expect(approved.report.approvedAt).not.toBeNull()
    expect(statusOf(await act(sessions.reviewer, { intent: 'comment', text: 'Myöhässä.' }))).toBe(409)
    expect(statusOf(await act(sessions.coordinator, { intent: 'publish', version: '4' }))).toBe(409)
    const visit = async () =>
      publicPage.loader({
        request: await getRequest(`/public/${organisationId}/social-reports/${id}`),
        params: { organisation: organisationId, compiledReportId: id },
        context,
      })
    await getDb()
      .updateTable('organisations')
      .set({ public_social_reports: true })
      .where('id', '=', organisationId)
      .execute()
    expect(statusOf(await thrownBy(visit()))).toBe(404)
    expect(statusOf(await act(sessions.coordinator, { intent: 'publish', version: '4' }))).toBe(200)
    const shown = JSON.stringify(payloadOf(await visit()))
    expect(shown).toContain('Kooste.')
    expect(shown).not.toContain('Raportoija Rauha')
    expect(shown).not.toContain('Kokemusasiantuntija Kaisa')
    expect(shown).not.toContain('Lisätkää asiakasraadin')
    expect(statusOf(await act(sessions.coordinator, { intent: 'send', version: '5' }))).toBe(200)
    expect((await page(id, sessions.worker)).report.stage).toBe('sent')
    await getDb()
      .updateTable('organisations')
      .set({ public_social_reports: false })
      .where('id', '=', organisationId)
      .execute()
    expect(statusOf(await thrownBy(visit()))).toBe(404)
  })
})

test('an admin turns the public page of compiled reports on and off on the organisation page', async () => {
  const admin = await createUser(getDb(), { organisationId, roles: ['admin'] })
  const session = await signIn(admin.email)
  const change = async (fields: Record<string, string>) =>
    adminOrganisation.action({
      request: await formRequest('/admin/organisation', { intent: 'publicSocialReports', ...fields }, { session }),
      params: {},
      context,
    })
  const shown = async () =>
    payloadOf(
      await adminOrganisation.loader({
        request: await getRequest('/admin/organisation', session),
        params: {},
        context,
      }),
    ).publicSocialReports
  expect(statusOf(await change({ allowed: 'on' }))).toBe(200)
  expect(await shown()).toBe(true)
  expect(statusOf(await change({}))).toBe(200)
  expect(await shown()).toBe(false)
})

describe('social reports API', () => {
  let id: string
  let tokens: Record<'coordinator' | 'worker' | 'reviewer', string>

  beforeAll(async () => {
    const db = getDb()
    const user = async (role: 'coordinator' | 'worker') => createUser(db, { organisationId, roles: [role] })
    const coordinator = await user('coordinator')
    const worker = await user('worker')
    tokens = {
      coordinator: await apiTokenFor(coordinator, organisationId),
      worker: await apiTokenFor(worker, organisationId),
      reviewer: await apiTokenFor({ id: reviewerId }, organisationId),
    }
    id = redirectTarget(await create(sessions.coordinator, { title: 'API-raportti', phenomenonIds: [phenomenonId] }))!
      .split('/')
      .pop()!
  })

  const comment = (token: string, body: unknown) =>
    apiComments.action({
      request: apiRequest(`/api/v1/social-reports/${id}/comments`, { token, method: 'POST', body }),
      params: { compiledReportId: id },
    })

  test('drafts are listed and read only by those who compile them', async () => {
    const list = async (token: string) =>
      (
        await (await apiReports.loader({ request: apiRequest('/api/v1/social-reports', { token }), params: {} })).json()
      ).socialReports.map((report: { id: string }) => report.id)
    expect(await list(tokens.coordinator)).toContain(id)
    expect(await list(tokens.worker)).not.toContain(id)
    const read = (token: string) =>
      apiReport.loader({
        request: apiRequest(`/api/v1/social-reports/${id}`, { token }),
        params: { compiledReportId: id },
      })
    const shown = await (await read(tokens.coordinator)).json()
    expect(shown.stage).toBe('draft')
    expect(JSON.stringify(shown)).not.toContain('Raportoija Rauha')
    expect((await read(tokens.worker)).status).toBe(404)
  })

  test('comments: 409 outside the round, 403 for non-reviewers, 422 for identifying data, 201 for a reviewer', async () => {
    expect((await comment(tokens.reviewer, { text: 'Liian aikaisin.' })).status).toBe(403)
    await save(id, sessions.coordinator, { intent: 'startRound', version: '1', reviewerIds: [reviewerId] })
    expect((await comment(tokens.worker, { text: 'En ole kommentoija.' })).status).toBe(403)
    expect((await comment(tokens.reviewer, { text: 'Asiakas 010190-123A' })).status).toBe(422)
    expect((await comment(tokens.reviewer, { text: 'Hyvä kooste.' })).status).toBe(201)
    await save(id, sessions.coordinator, { intent: 'approve', version: '2' })
    const late = await comment(tokens.reviewer, { text: 'Myöhässä.' })
    expect(late.status).toBe(409)
    expect((await late.json()).currentStage).toBe('approved')
  })

  test('the OpenAPI document describes the three operations', async () => {
    const document = await openApi.loader().json()
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/social-reports', '/social-reports/{id}', '/social-reports/{id}/comments']),
    )
  })
})
