import { beforeAll, describe, expect, test } from 'vitest'
import {
  createCommittee,
  createMunicipality,
  createOrganisation,
  createReport,
  createUser,
} from '#tests/factories/index.ts'
import { apiRequest, apiTokenFor } from '#tests/utils.ts'
import { type ClientGroup, type SupportNeed } from '#app/domain/report-fields.ts'
import { perturbCount, perturbStatistics, publishedPeriod } from '#app/domain/disclosure-control.ts'
import { statisticsDimensions, type StatisticsFilter, shownCount } from '#app/domain/statistics.ts'
import { computeReportStatistics } from '#app/models/statistics.server.ts'
import { getWelfareReportDocument } from '#app/models/welfare-report.server.ts'
import { addSection, createWelfareReport } from '#app/services/welfare-reports.server.ts'
import {
  ApiProblemSchema,
  ApiStatisticsSchema,
  ApiWelfareReportListSchema,
  ApiWelfareReportSchema,
} from '#app/utils/api-schemas.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as statisticsApi from '#app/routes/api.v1.statistics.ts'
import * as welfareReportsApi from '#app/routes/api.v1.welfare-reports.ts'
import * as welfareReportApi from '#app/routes/api.v1.welfare-reports_.$welfareReportId.ts'
import * as openApi from '#app/routes/api.v1.openapi[.json].ts'

const context = { clientIp: '192.0.2.31' }
const year2025 = { from: '2025-01-01', to: '2025-12-31' }
let organisationId: string
let kuopioId: string
let tokens: { worker: string; englishCoordinator: string; outsider: string }
let people: { coordinatorId: string; leadId: string; authorId: string }

type Route = { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> }

async function call(
  route: Route,
  path: string,
  options: Parameters<typeof apiRequest>[1] & { params?: Record<string, string> } = {},
) {
  const request = apiRequest(path, options)
  const response = await route.loader({ request, params: options.params ?? {}, context } as never)
  const text = await response.text()
  return { response, status: response.status, text, body: text ? JSON.parse(text) : null }
}

function problemOf(result: { response: Response; body: unknown }) {
  expect(result.response.headers.get('Content-Type')).toContain('application/problem+json')
  return ApiProblemSchema.parse(result.body)
}

function statisticsPath(query: Record<string, string>) {
  return `/api/v1/statistics?${new URLSearchParams(query)}`
}

/** A coordinator counts the whole organisation; a worker only their own teams' reports (statistics-differencing.test.ts). */
async function getStatistics(query: Record<string, string>, token = tokens.englishCoordinator) {
  const result = await call(statisticsApi, statisticsPath(query), { token })
  expect(result.status, result.text).toBe(200)
  return ApiStatisticsSchema.parse(result.body)
}

async function setThreshold(threshold: number) {
  await getDb()
    .updateTable('organisations')
    .set({ small_count_threshold: threshold })
    .where('id', '=', organisationId)
    .execute()
}

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  const other = await createOrganisation(db)
  const kuopio = await createMunicipality(db, organisationId, 'Kuopio')
  const siilinjarvi = await createMunicipality(db, organisationId, 'Siilinjärvi')
  kuopioId = kuopio.id
  const author = await createUser(db, { organisationId, roles: ['worker'] })
  const lead = await createUser(db, { organisationId, roles: ['team_lead'] })
  const englishCoordinator = await createUser(db, { organisationId, roles: ['coordinator'], locale: 'en' })
  const outsider = await createUser(db, { organisationId: other.id, roles: ['coordinator'] })
  people = {
    coordinatorId: englishCoordinator.id,
    leadId: lead.id,
    authorId: author.id,
  }
  tokens = {
    worker: await apiTokenFor(author, organisationId),
    englishCoordinator: await apiTokenFor(englishCoordinator, organisationId),
    outsider: await apiTokenFor(outsider, other.id),
  }

  // Twelve housing reports in Kuopio, three violence reports in Siilinjärvi (a group that must stay hidden at
  // the default threshold of five), six financial-and-housing reports in Kuopio, and reports that never count.
  const groups: {
    count: number
    day: string
    needs: SupportNeed[]
    clientGroups: ClientGroup[]
    municipality: string
  }[] = [
    { count: 12, day: '2025-03-10', needs: ['housing'], clientGroups: ['adults'], municipality: kuopio.id },
    { count: 3, day: '2025-05-20', needs: ['violence'], clientGroups: ['older_people'], municipality: siilinjarvi.id },
    { count: 6, day: '2025-08-05', needs: ['financial', 'housing'], clientGroups: ['adults'], municipality: kuopio.id },
  ]
  let index = 0
  for (const group of groups) {
    for (let slot = 0; slot < group.count; slot++, index++) {
      const submittedAt = new Date(`${group.day}T09:00:00Z`)
      const report = await createReport(db, {
        organisation_id: organisationId,
        author_id: author.id,
        status: 'submitted',
        submitted_at: submittedAt,
        positive: index % 3 === 0,
        municipality_id: group.municipality,
        support_needs: group.needs,
        client_groups: group.clientGroups,
        age_bands: [index % 2 === 0 ? '18-29' : '30-64'],
        genders: ['women'],
      })
      if (index % 4 !== 3) {
        await db
          .insertInto('report_events')
          .values({
            report_id: report.id,
            organisation_id: organisationId,
            actor_id: lead.id,
            type: 'status_changed',
            created_at: new Date(submittedAt.getTime() + (1 + index) * 86_400_000),
          })
          .execute()
      }
    }
  }
  for (const status of ['draft', 'withdrawn'] as const) {
    await createReport(db, {
      organisation_id: organisationId,
      author_id: author.id,
      status,
      submitted_at: status === 'draft' ? null : new Date('2025-03-10T09:00:00Z'),
      support_needs: ['violence'],
    })
  }
  await createReport(db, {
    organisation_id: organisationId,
    author_id: author.id,
    status: 'closed',
    submitted_at: new Date('2024-12-31T12:00:00Z'),
    support_needs: ['violence'],
  })
  await createReport(db, {
    organisation_id: other.id,
    author_id: outsider.id,
    status: 'submitted',
    submitted_at: new Date('2025-03-10T09:00:00Z'),
    support_needs: ['violence'],
  })
})

describe('GET /api/v1/statistics', () => {
  const filters: StatisticsFilter[] = [
    { ...year2025, category: null, municipalityId: null },
    { from: '2025-04-01', to: '2025-06-30', category: null, municipalityId: null },
    { from: '2025-03-01', to: '2025-06-30', category: null, municipalityId: null },
    { ...year2025, category: 'housing', municipalityId: null },
  ]

  test.each(filters)(
    'figures equal computeReportStatistics for the published period, perturbed ($from – $to, $category)',
    async (filter) => {
      const period = publishedPeriod(filter)!
      const expected = perturbStatistics(await computeReportStatistics(getDb(), organisationId, period), 5)
      for (const groupBy of statisticsDimensions) {
        const query = {
          from: filter.from,
          to: filter.to,
          groupBy,
          ...(filter.category ? { category: filter.category } : {}),
        }
        const statistics = await getStatistics(query)
        expect(statistics).toMatchObject({
          period: { from: period.from, to: period.to },
          category: filter.category,
          municipalityId: null,
          threshold: 5,
          groupBy,
        })
        expect(statistics.totals).toEqual({
          total: shownCount(expected.total),
          positive: shownCount(expected.positive),
          negative: shownCount(expected.negative),
          withFeedback: shownCount(expected.withFeedback),
          feedbackShare: expected.feedbackShare,
          medianDaysToFeedback: expected.medianDaysToFeedback,
        })
        expect(statistics.groups, groupBy).toEqual(
          expected.byDimension[groupBy].map((row) => ({
            key: row.key,
            count: shownCount(row.count),
            suppressed: typeof row.count !== 'number',
          })),
        )
      }
    },
  )

  test('the figures are the ones the data gives, each within two; the share comes from the shown counts', async () => {
    const statistics = await getStatistics({ ...year2025, groupBy: 'municipality' })
    const { total, positive, negative, withFeedback, feedbackShare, medianDaysToFeedback } = statistics.totals
    const near = (shown: number | null, truth: number) => expect(Math.abs(shown! - truth)).toBeLessThanOrEqual(2)
    near(total, 21)
    near(positive, 7)
    near(negative, 14)
    near(withFeedback, 16)
    expect(feedbackShare).toBe(Math.round((withFeedback! / total!) * 1000) / 10)
    expect(medianDaysToFeedback).toEqual(expect.any(Number))
    // Siilinjärvi's 3 stays "<5"; Kuopio may be shown, since 21 − 18 is no longer exact.
    const [kuopio, siilinjarvi] = statistics.groups
    expect(kuopio!.key).toBe('Kuopio')
    near(kuopio!.count, 18)
    expect(siilinjarvi).toEqual({ key: 'Siilinjärvi', count: null, suppressed: true })
  })

  test('the municipality filter limits every figure to that municipality', async () => {
    const statistics = await getStatistics({ ...year2025, groupBy: 'category', municipalityId: kuopioId })
    const expected = perturbStatistics(
      await computeReportStatistics(getDb(), organisationId, { ...year2025, category: null, municipalityId: kuopioId }),
      5,
    )
    expect(statistics.municipalityId).toBe(kuopioId)
    expect(Math.abs(statistics.totals.total! - 18)).toBeLessThanOrEqual(2)
    expect(statistics.groups).toEqual(
      expected.byDimension.category.map((row) => ({
        key: row.key,
        count: shownCount(row.count),
        suppressed: row.count === null,
      })),
    )
  })

  test('a group of three comes back as null and suppressed, never as 3; the threshold setting decides', async () => {
    const violence = async () => {
      const statistics = await getStatistics({ ...year2025, groupBy: 'category' })
      return { statistics, violence: statistics.groups.find((group) => group.key === 'violence') }
    }
    const hidden = await violence()
    expect(hidden.violence).toEqual({ key: 'violence', count: null, suppressed: true })
    expect(hidden.statistics.threshold).toBe(5)

    try {
      // At a threshold of one the group is shown, perturbed by its own cell as every count is.
      await setThreshold(1)
      const shown = await violence()
      expect(shown.statistics.threshold).toBe(1)
      const { byDimension } = await computeReportStatistics(getDb(), organisationId, {
        ...year2025,
        category: null,
        municipalityId: null,
      })
      const cell = byDimension.category.find((row) => row.key === 'violence')!
      expect(cell.count).toBe(3)
      expect(shown.violence).toEqual({ key: 'violence', count: perturbCount(3, cell.cellKey), suppressed: false })

      // Above the largest count the perturbation can give, every figure is hidden, the share and median with them.
      await setThreshold(24)
      const all = await violence()
      expect(all.statistics.totals).toEqual({
        total: null,
        positive: null,
        negative: null,
        withFeedback: null,
        feedbackShare: null,
        medianDaysToFeedback: null,
      })
      expect(all.statistics.groups.every((group) => group.count === null && group.suppressed)).toBe(true)
    } finally {
      await setThreshold(5)
    }
  })

  test('another organisation’s token sees only its own reports', async () => {
    const statistics = await getStatistics({ ...year2025, groupBy: 'category' }, tokens.outsider)
    expect(statistics.totals.total).toBeNull()
    expect(statistics.groups).toEqual([{ key: 'violence', count: null, suppressed: true }])
  })

  test('without a token the answer is 401', async () => {
    const result = await call(statisticsApi, statisticsPath({ ...year2025, groupBy: 'category' }))
    expect(result.status).toBe(401)
    expect(problemOf(result).code).toBe('unauthorized')
  })

  const invalid: [string, Record<string, string>, Record<string, string>][] = [
    ['an unknown groupBy', { ...year2025, groupBy: 'team' }, { groupBy: 'validation.invalid' }],
    ['a missing groupBy', year2025, { groupBy: 'validation.invalid' }],
    [
      'a malformed date',
      { from: '2025-02-30', to: '31.12.2025', groupBy: 'gender' },
      {
        from: 'validation.date',
        to: 'validation.date',
      },
    ],
    ['missing dates', { groupBy: 'gender' }, { from: 'validation.date', to: 'validation.date' }],
    [
      'the end before the start',
      { from: '2025-06-01', to: '2025-05-31', groupBy: 'gender' },
      {
        to: 'validation.periodOrder',
      },
    ],
    [
      'a year no one means (year 0 is no PostgreSQL date)',
      { from: '0000-01-01', to: '2025-12-31', groupBy: 'gender' },
      { from: 'validation.dateYears' },
    ],
    [
      'an unknown category',
      { ...year2025, groupBy: 'gender', category: 'weather' },
      { category: 'validation.invalid' },
    ],
  ]

  test.each(invalid)('%s is 422 with each field’s problem', async (_, query, expected) => {
    const result = await call(statisticsApi, statisticsPath(query), { token: tokens.worker })
    expect(result.status).toBe(422)
    const problem = problemOf(result)
    expect(problem.code).toBe('invalid_request')
    expect(Object.fromEntries(problem.errors!.map((error) => [error.field, error.code]))).toEqual(expected)
  })

  test('the field problems are written in the token owner’s language', async () => {
    const query = statisticsPath({ from: '2025-06-01', to: '2025-05-31', groupBy: 'team' })
    const finnish = problemOf(await call(statisticsApi, query, { token: tokens.worker }))
    expect(finnish.errors).toEqual([{ field: 'groupBy', code: 'validation.invalid', message: 'Tarkista tämä kenttä.' }])

    const order = statisticsPath({ from: '2025-06-01', to: '2025-05-31', groupBy: 'gender' })
    const english = await call(statisticsApi, order, {
      token: tokens.englishCoordinator,
      headers: { 'Accept-Language': 'fi' },
    })
    expect(english.response.headers.get('Content-Language')).toBe('en')
    expect(problemOf(english).errors).toEqual([
      { field: 'to', code: 'validation.periodOrder', message: 'The end of the period cannot be before its start.' },
    ])
    const finnishOrder = problemOf(await call(statisticsApi, order, { token: tokens.worker }))
    expect(finnishOrder.errors![0]!.message).toBe('Jakson loppu ei voi olla ennen sen alkua.')
  })
})

describe('GET /api/v1/welfare-reports and /api/v1/welfare-reports/:id', () => {
  let welfareReportId: string
  let decidedReportId: string
  let phenomenonId: string

  beforeAll(async () => {
    const db = getDb()
    const coordinator = {
      id: people.coordinatorId,
      roles: ['coordinator' as const],
      organisation: { id: organisationId, name: '', name_sv: null },
    }
    const created = await createWelfareReport(coordinator, {
      title: 'Hyvinvointikertomus 2025',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      introduction: '',
    })
    if (!created.ok) throw new Error(`welfare report not created: ${created.reason}`)
    welfareReportId = created.welfareReportId
    const housing = await addSection(coordinator, {
      welfareReportId,
      title: 'Asuminen',
      category: 'housing',
      body: '## Asunnottomuus\n\nKasvaa **edelleen**.',
    })
    const violence = await addSection(coordinator, {
      welfareReportId,
      title: 'Lähisuhdeväkivalta',
      category: 'violence',
      body: 'Pieniä lukuja.',
    })
    if (!housing.ok || !violence.ok) throw new Error('sections not added')

    // Submitted the year before, so the 2025 figures stay those the statistics tests expect.
    decidedReportId = (
      await createReport(db, {
        organisation_id: organisationId,
        author_id: people.authorId,
        title: 'Vuokra-asuntoja ei ole tarjolla',
        status: 'decided',
        submitted_at: new Date('2024-10-01T09:00:00Z'),
        support_needs: ['housing'],
        actions: [{ description: 'Kohtuuhintaisia asuntoja lisää', level: 'committee' }],
      })
    ).id
    phenomenonId = (
      await db
        .insertInto('phenomena')
        .values({
          organisation_id: organisationId,
          title: 'Asunnottomuus',
          description: 'Nuorten asunnottomuus',
          created_by: people.leadId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    await db
      .insertInto('phenomenon_reports')
      .values({ phenomenon_id: phenomenonId, report_id: decidedReportId, linked_by: people.leadId })
      .execute()
    await db
      .insertInto('proposed_actions')
      .values({
        phenomenon_id: phenomenonId,
        position: 1,
        description: 'Asumisneuvontaa nuorille',
        level: 'organisation',
        outcome: 'accepted',
        outcome_reason: 'Budjetoitu',
      })
      .execute()
    await db
      .insertInto('welfare_section_phenomena')
      .values({ section_id: housing.sectionId, phenomenon_id: phenomenonId })
      .execute()
    await db
      .insertInto('welfare_section_reports')
      .values({ section_id: housing.sectionId, report_id: decidedReportId })
      .execute()
    const committee = await createCommittee(db, organisationId, 'Perusturvalautakunta')
    const meeting = await db
      .insertInto('meetings')
      .values({
        organisation_id: organisationId,
        committee_id: committee.id,
        starts_at: new Date('2025-02-11T15:00:00Z'),
        created_by: people.coordinatorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const item = await db
      .insertInto('agenda_items')
      .values({
        organisation_id: organisationId,
        meeting_id: meeting.id,
        position: 1,
        title: 'Asunnottomuus',
        decision: 'decided',
        decision_text: 'Selvitys käynnistetään.',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('agenda_item_reports').values({ agenda_item_id: item.id, report_id: decidedReportId }).execute()
  })

  test('the list shows every welfare report of the organisation to any member', async () => {
    const result = await call(welfareReportsApi, '/api/v1/welfare-reports', { token: tokens.worker })
    expect(result.status).toBe(200)
    const { welfareReports } = ApiWelfareReportListSchema.parse(result.body)
    expect(welfareReports).toEqual([
      {
        id: welfareReportId,
        title: 'Hyvinvointikertomus 2025',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        sectionCount: 2,
        updatedAt: expect.any(String),
      },
    ])
    const outsiders = await call(welfareReportsApi, '/api/v1/welfare-reports', { token: tokens.outsider })
    expect(ApiWelfareReportListSchema.parse(outsiders.body).welfareReports).toEqual([])
  })

  test('one welfare report maps the document: sections, figures suppressed, phenomena, actions, decisions', async () => {
    const path = `/api/v1/welfare-reports/${welfareReportId}`
    const result = await call(welfareReportApi, path, { token: tokens.worker, params: { welfareReportId } })
    expect(result.status, result.text).toBe(200)
    const welfareReport = ApiWelfareReportSchema.parse(result.body)
    const document = (await getWelfareReportDocument(getDb(), organisationId, welfareReportId))!
    expect(welfareReport).toMatchObject({
      id: welfareReportId,
      title: document.title,
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      organisation: document.organisationName,
      updatedAt: document.updatedAt,
    })
    expect(welfareReport.figures.threshold).toBe(5)
    expect(welfareReport.figures.totals.total).toBe(21)
    expect(welfareReport.figures.byDimension.category).toContainEqual({
      key: 'violence',
      count: null,
      suppressed: true,
    })

    const [housing, violence] = welfareReport.sections
    expect(housing).toMatchObject({
      position: 1,
      title: 'Asuminen',
      category: 'housing',
      body: '## Asunnottomuus\n\nKasvaa **edelleen**.',
    })
    expect(housing!.figures.totals.total).toBe(18)
    expect(housing!.phenomena).toEqual([
      {
        id: phenomenonId,
        title: 'Asunnottomuus',
        description: 'Nuorten asunnottomuus',
        reportCount: null,
        reportCountSuppressed: true,
        actions: [
          {
            description: 'Asumisneuvontaa nuorille',
            level: 'organisation',
            outcome: 'accepted',
            outcomeReason: 'Budjetoitu',
          },
        ],
        decisions: [],
      },
    ])
    expect(housing!.reports).toEqual([
      {
        id: decidedReportId,
        title: 'Vuokra-asuntoja ei ole tarjolla',
        status: 'decided',
        actions: [
          { description: 'Kohtuuhintaisia asuntoja lisää', level: 'committee', outcome: null, outcomeReason: null },
        ],
        decisions: [
          {
            committee: 'Perusturvalautakunta',
            meetingDate: '2025-02-11',
            decision: 'decided',
            decisionText: 'Selvitys käynnistetään.',
          },
        ],
      },
    ])
    // Three violence reports: every count of the section is hidden, and nothing says it was three.
    expect(violence!.category).toBe('violence')
    expect(violence!.figures.totals).toEqual({
      total: null,
      positive: null,
      negative: null,
      withFeedback: null,
      feedbackShare: null,
      medianDaysToFeedback: null,
    })
    expect(violence!.figures.byDimension.category).toEqual([{ key: 'violence', count: null, suppressed: true }])
    expect(JSON.stringify(violence!.figures)).not.toMatch(/:3\b/)
  })

  test('another organisation’s welfare report, an unknown id and a malformed id are 404', async () => {
    const fromOutside = await call(welfareReportApi, `/api/v1/welfare-reports/${welfareReportId}`, {
      token: tokens.outsider,
      params: { welfareReportId },
    })
    expect(fromOutside.status).toBe(404)
    expect(problemOf(fromOutside).code).toBe('not_found')
    for (const id of ['8f1b7a58-5d0c-4c4e-9a57-0d9f3c1e2b7a', 'not-an-id']) {
      const result = await call(welfareReportApi, `/api/v1/welfare-reports/${id}`, {
        token: tokens.worker,
        params: { welfareReportId: id },
      })
      expect(result.status).toBe(404)
    }
  })

  test('without a token both answer 401', async () => {
    expect((await call(welfareReportsApi, '/api/v1/welfare-reports')).status).toBe(401)
    const one = await call(welfareReportApi, `/api/v1/welfare-reports/${welfareReportId}`, {
      params: { welfareReportId },
    })
    expect(one.status).toBe(401)
  })
})

describe('OpenAPI', () => {
  test('the document describes the statistics and welfare report paths with their parameters', async () => {
    const document = (await openApi.loader().json()) as {
      paths: Record<string, Record<string, any>>
    }
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/statistics', '/welfare-reports', '/welfare-reports/{id}']),
    )
    const statistics = document.paths['/statistics']!.get
    const parameters = Object.fromEntries(
      (statistics.parameters as { name: string; required?: boolean; schema: any }[]).map((p) => [p.name, p]),
    )
    expect(Object.keys(parameters).sort()).toEqual(['category', 'from', 'groupBy', 'municipalityId', 'to'])
    expect(parameters.groupBy).toMatchObject({ required: true, schema: { enum: [...statisticsDimensions] } })
    expect(parameters.from).toMatchObject({ required: true })
    expect(parameters.category).not.toHaveProperty('required')
    expect(Object.keys(statistics.responses)).toEqual(expect.arrayContaining(['200', '401', '422']))
    expect(JSON.stringify(statistics.responses['200'])).toContain('fewer than `threshold`')
    expect(document.paths['/welfare-reports/{id}']!.get.responses['404']).toBeDefined()
    expect(document.paths['/welfare-reports']!.get.responses['200']).toBeDefined()
  })
})
