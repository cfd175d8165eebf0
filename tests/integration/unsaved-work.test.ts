import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createTeam, createUser } from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, redirectTarget, signIn, statusOf } from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import { DraftReportSchema, readCount } from '#app/domain/report-form.ts'
import * as newReport from '#app/routes/reports.new.tsx'
import * as editReport from '#app/routes/reports.$reportId_.edit.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'

const context = { clientIp: '192.0.2.21' }
let worker: { id: string; session: string }
let lead: { id: string; session: string }

beforeAll(async () => {
  const db = getDb()
  const organisation = await createOrganisation(db)
  const team = await createTeam(db, organisation.id, 'Tiimi A')
  const person = async (roles: ('worker' | 'team_lead')[]) => {
    const user = await createUser(db, { organisationId: organisation.id, roles, teamIds: [team.id] })
    return { id: user.id, session: await signIn(user.email) }
  }
  worker = await person(['worker'])
  lead = await person(['team_lead'])
})

const complete = {
  title: 'Iltaneuvonta puuttuu',
  description: 'Asiakkaat eivät saa neuvontaa iltaisin, ja hakemukset jäävät kesken.',
  supportNeeds: ['financial'],
  clientGroups: ['young_adults'],
  actionDescription: ['Iltaneuvonta kirjastossa.'],
  actionLevel: ['team'],
  noIdentifyingDataConfirmed: 'on',
}

async function post(path: string, session: string, fields: Record<string, string | string[]>, reportId?: string) {
  const request = await formRequest(path, fields, { session })
  if (reportId === undefined) return newReport.action({ request, params: {}, context })
  if (path.endsWith('/edit')) return editReport.action({ request, params: { reportId }, context })
  return reportPage.action({ request, params: { reportId }, context })
}

async function storedCount(reportId: string) {
  const row = await getDb()
    .selectFrom('reports')
    .select('client_count')
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow()
  return row.client_count
}

describe('the count of clients takes a rough estimate', () => {
  test.each([
    ['15', 15],
    [' 15 ', 15],
    ['noin 15', 15],
    ['Noin 15', 15],
    ['n. 15', 15],
    ['ca 15', 15],
    ['ca. 15', 15],
    ['about 15', 15],
    ['~15', 15],
    ['1 200', 1200],
    ['noin 1 200', 1200],
  ])('%j is read as %i', (typed, count) => {
    expect(readCount(typed)).toBe(count)
    const parsed = DraftReportSchema.parse({ title: 'Otsikko', clientCount: typed })
    expect(parsed.clientCount).toBe(count)
  })

  test.each(['abc', 'noin', '15-20', '1.5', '-3', 'noin abc'])(
    '%j is refused with words saying what works',
    (typed) => {
      const parsed = DraftReportSchema.safeParse({ title: 'Otsikko', clientCount: typed })
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['report.validation.clientCount'])
    },
  )
})

describe('a background save answers in words the form can show', () => {
  test('"noin 15" saves as the number 15', async () => {
    const response = await post('/reports/new', worker.session, {
      title: 'Arvio',
      clientCount: 'noin 15',
      intent: 'autosave',
    })
    const answer = payloadOf(response)
    expect(answer.autosaved.reportId).toMatch(/^[0-9a-f-]{36}$/)
    expect(answer.autosaveProblem).toBeUndefined()
    expect(await storedCount(answer.autosaved.reportId)).toBe(15)
  })

  test('an invalid field answers 400 naming the problem and the field, with everything typed', async () => {
    const response = await post('/reports/new', worker.session, {
      title: 'Arvio',
      description: 'Tämä teksti ei saa kadota.',
      clientCount: 'abc',
      intent: 'autosave',
    })
    expect(statusOf(response)).toBe(400)
    expect(payloadOf(response)).toMatchObject({
      autosaveProblem: 'invalid',
      fieldErrors: { clientCount: 'report.validation.clientCount' },
      values: { description: 'Tämä teksti ei saa kadota.', clientCount: 'abc' },
    })
  })

  test('a report submitted meanwhile answers 409 "stale" instead of throwing the page away', async () => {
    const submitted = await post('/reports/new', worker.session, { ...complete, intent: 'submit' })
    const reportId = redirectTarget(submitted)!.split('/')[2]!.split('?')[0]!
    const response = await post('/reports/new', worker.session, {
      title: 'Vanha välilehti',
      reportId,
      intent: 'autosave',
    })
    expect(statusOf(response)).toBe(409)
    expect(payloadOf(response)).toMatchObject({ autosaveProblem: 'stale', values: { title: 'Vanha välilehti' } })
  })
})

describe("the lead's request for changes", () => {
  test("shows on the edit page and the report page in the lead's words, with earlier requests, until resubmitted", async () => {
    const submitted = await post('/reports/new', worker.session, { ...complete, intent: 'submit' })
    const reportId = redirectTarget(submitted)!.split('/')[2]!.split('?')[0]!
    const transition = (fields: Record<string, string>) =>
      post(`/reports/${reportId}`, lead.session, { intent: 'transition', comment: '', ...fields }, reportId)
    const resubmit = () =>
      post(`/reports/${reportId}/edit`, worker.session, { ...complete, intent: 'submit' }, reportId)
    const editLoaded = async () =>
      payloadOf(
        await editReport.loader({
          request: await getRequest(`/reports/${reportId}/edit`, worker.session),
          params: { reportId },
          context,
        }),
      )
    const pageLoaded = async (session: string) =>
      payloadOf(
        await reportPage.loader({
          request: await getRequest(`/reports/${reportId}`, session),
          params: { reportId },
          context,
        }),
      )

    await transition({ to: 'in_review', expectedStatus: 'submitted' })
    await transition({ to: 'changes_requested', expectedStatus: 'in_review', comment: 'Kuinka monta asiakasta?' })
    await resubmit()
    await transition({ to: 'in_review', expectedStatus: 'submitted' })
    await transition({ to: 'changes_requested', expectedStatus: 'in_review', comment: 'Lisää kunta, kiitos.' })

    const requests = (await editLoaded()).changeRequests
    expect(requests.map((request: { comment: string }) => request.comment)).toEqual([
      'Lisää kunta, kiitos.',
      'Kuinka monta asiakasta?',
    ])
    expect(requests[0].actorName).toEqual(expect.any(String))
    expect((await pageLoaded(worker.session)).changeRequests).toEqual(requests)
    expect((await pageLoaded(lead.session)).changeRequests).toEqual([])

    expect(redirectTarget(await resubmit())).toBe(`/reports/${reportId}?submitted=1`)
    expect((await pageLoaded(worker.session)).changeRequests).toEqual([])
  })
})
