import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import {
  apiRequest,
  apiTokenFor,
  formRequest,
  payloadOf,
  redirectTarget,
  signIn,
  statusOf,
  thrownBy,
} from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as newReport from '#app/routes/reports.new.tsx'
import * as editReport from '#app/routes/reports.$reportId_.edit.tsx'
import * as reportsApi from '#app/routes/api.v1.reports.ts'
import * as reportApi from '#app/routes/api.v1.reports_.$reportId.ts'
import * as similarReports from '#app/routes/reports.similar.ts'

const context = { clientIp: '192.0.2.61' }
let worker: { id: string; session: string; token: string }
let submittedId: string

beforeAll(async () => {
  const db = getDb()
  const organisation = await createOrganisation(db)
  const team = await createTeam(db, organisation.id, 'Aikuissosiaalityö')
  const user = await createUser(db, { organisationId: organisation.id, roles: ['worker'], teamIds: [team.id] })
  worker = { id: user.id, session: await signIn(user.email), token: await apiTokenFor(user, organisation.id) }
  const submitted = await createReport(db, {
    organisation_id: organisation.id,
    author_id: user.id,
    team_id: team.id,
    status: 'submitted',
    title: 'Vuokrarästit uhkaavat nuorten ensimmäistä asuntoa',
    description: 'Nuoret aikuiset menettävät ensimmäisen vuokra-asuntonsa vuokrarästien takia.',
  })
  submittedId = submitted.id
})

/** One of each kind the guard knows by its shape, each in a different free-text field. */
const identifying = [
  {
    field: 'description',
    kind: 'personal_identity_code',
    text: 'Asiakas 131052-308T kävi toimistolla.',
    fragment: '131052-308T',
  },
  {
    field: 'causes',
    kind: 'phone_number',
    text: 'Hän soitti numerosta 040 123 4567 monta kertaa.',
    fragment: '040 123 4567',
  },
  {
    field: 'consequences',
    kind: 'email_address',
    text: 'Viestit tulivat osoitteesta matti.m@example.fi.',
    fragment: 'matti.m@example.fi',
  },
  {
    field: 'description',
    kind: 'street_address',
    text: 'Perhe asuu osoitteessa Kauppakatu 12 B 4.',
    fragment: 'Kauppakatu 12',
  },
] as const

const cleanDraft = { title: 'Iltaneuvonta puuttuu', description: 'Neuvontaa ei ole iltaisin.' }

async function postForm(fields: Record<string, string>, reportId: string | null) {
  const path = reportId ? `/reports/${reportId}/edit` : '/reports/new'
  const request = await formRequest(path, fields, { session: worker.session })
  if (!reportId) return newReport.action({ request, params: {}, context })
  return editReport.action({ request, params: { reportId }, context })
}

async function storedTexts(reportId: string) {
  return getDb()
    .selectFrom('reports')
    .select(['title', 'description', 'causes', 'consequences'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow()
}

async function reportsOfWorker() {
  return getDb().selectFrom('reports').select('id').where('author_id', '=', worker.id).execute()
}

async function savedDraftId() {
  const saved = await postForm({ ...cleanDraft, intent: 'save' }, null)
  return redirectTarget(saved)!.split('/')[2]!
}

describe('a draft holding identifying data is never stored', () => {
  test.each(identifying)('a new draft with $kind is refused on autosave and on save', async (example) => {
    const before = await reportsOfWorker()
    for (const intent of ['autosave', 'save']) {
      const result = await postForm({ ...cleanDraft, [example.field]: example.text, intent }, null)
      expect(statusOf(result)).toBe(422)
      const payload = payloadOf(result)
      expect(payload.findings).toEqual([
        expect.objectContaining({
          field: example.field,
          kind: example.kind,
          fragment: expect.stringContaining(example.fragment),
        }),
      ])
      expect(payload.values[example.field]).toBe(example.text)
      if (intent === 'autosave') expect(payload.autosaveProblem).toBe('identifying_data')
    }
    expect(await reportsOfWorker()).toEqual(before)
  })

  test.each(identifying)('an existing draft keeps its stored text when $kind is typed into it', async (example) => {
    const reportId = await savedDraftId()
    const stored = await storedTexts(reportId)
    for (const intent of ['autosave', 'save']) {
      const result = await postForm({ ...cleanDraft, [example.field]: example.text, intent, reportId }, reportId)
      expect(statusOf(result)).toBe(422)
      expect(payloadOf(result).findings).toHaveLength(1)
    }
    expect(await storedTexts(reportId)).toEqual(stored)
  })

  test('a clean save of a draft stored earlier with identifying text clears its findings', async () => {
    const reportId = await savedDraftId()
    await getDb()
      .updateTable('reports')
      .set({
        description: 'Asiakas 131052-308T kävi toimistolla.',
        identifiability_findings: JSON.stringify([
          { field: 'description', kind: 'personal_identity_code', fragment: '131052-308T' },
        ]),
      })
      .where('id', '=', reportId)
      .execute()
    const result = await postForm({ ...cleanDraft, intent: 'autosave', reportId }, reportId)
    expect(payloadOf(result).autosaved.reportId).toBe(reportId)
    const row = await getDb()
      .selectFrom('reports')
      .select(['description', 'identifiability_findings'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ description: cleanDraft.description, identifiability_findings: [] })
  })
})

describe('the API stores no identifying data either', () => {
  async function callApi(route: typeof reportsApi, path: string, method: string, body: unknown, params = {}) {
    const request = apiRequest(path, { token: worker.token, method, body })
    const response = await route.action({ request, params, context } as never)
    return { status: response.status, body: await response.json() }
  }

  test.each(identifying)('POST /api/v1/reports with $kind is 422 with the finding', async (example) => {
    const before = await reportsOfWorker()
    const result = await callApi(reportsApi, '/api/v1/reports', 'POST', {
      ...cleanDraft,
      [example.field]: example.text,
    })
    expect(result.status).toBe(422)
    expect(result.body.code).toBe('identifying_data')
    expect(result.body.errors).toEqual([expect.objectContaining({ field: example.field, code: example.kind })])
    expect(await reportsOfWorker()).toEqual(before)
  })

  test.each(identifying)('PATCH of a draft with $kind is 422 and the draft stays as it was', async (example) => {
    const created = await callApi(reportsApi, '/api/v1/reports', 'POST', cleanDraft)
    expect(created.status).toBe(201)
    const reportId = created.body.id as string
    const stored = await storedTexts(reportId)
    const result = await callApi(
      reportApi,
      `/api/v1/reports/${reportId}`,
      'PATCH',
      { [example.field]: example.text },
      { reportId },
    )
    expect(result.status).toBe(422)
    expect(result.body.errors).toEqual([expect.objectContaining({ field: example.field, code: example.kind })])
    expect(await storedTexts(reportId)).toEqual(stored)
  })
})

describe('the similar-reports lookup', () => {
  async function lookUp(q: string, options: { csrf?: boolean } = {}) {
    const request = await formRequest('/reports/similar', { q }, { session: worker.session, ...options })
    return similarReports.action({ request, params: {}, context })
  }

  test('finds reports like the text posted with the CSRF token', async () => {
    const result = payloadOf(await lookUp('vuokrarästit nuoret asunto'))
    expect(result.similar.map((report: { id: string }) => report.id)).toEqual([submittedId])
  })

  test('takes no text in the URL: GET is 405', async () => {
    const refused = await thrownBy(Promise.resolve().then(() => similarReports.loader()))
    expect(statusOf(refused)).toBe(405)
  })

  test('a post without the CSRF token is 403', async () => {
    expect(statusOf(await thrownBy(lookUp('vuokrarästit nuoret asunto', { csrf: false })))).toBe(403)
  })

  test('text holding identifying data is not looked up: no hits', async () => {
    const result = payloadOf(await lookUp('vuokrarästit nuoret asunto, asiakas 131052-308T'))
    expect(result.similar).toEqual([])
  })
})
