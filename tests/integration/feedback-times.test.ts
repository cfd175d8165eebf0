import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { summariseFeedbackTimes } from './feedback-times-definition.ts'
import { TransitionRequestSchema } from '#app/domain/report-status.ts'
import { type ReportEventType, type ReportStatus } from '#app/models/database.ts'
import { listFeedbackTimesByTeam } from '#app/models/feedback-times.server.ts'
import { type CurrentUser, getUserInOrganisation } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { catalogs, locales } from '#app/utils/i18n.ts'
import { applyTransition } from '#app/services/reports.server.ts'
import * as adminOrganisation from '#app/routes/admin.organisation.tsx'
import * as review from '#app/routes/review.tsx'
import * as feedbackPage from '#app/routes/review_.feedback.tsx'

const context = { clientIp: '192.0.2.40' }
const dayMs = 24 * 60 * 60 * 1000
const daysAgo = (days: number) => new Date(Date.now() - days * dayMs)

interface Person {
  id: string
  session: string
  user: CurrentUser
}

let organisationId: string
let teams: { a: string; b: string; c: string }
let workerA: Person
let workerB: Person
let workerC: Person
let lead: Person
let coordinator: Person
let admin: Person
let reports: Record<string, string>

async function person(roles: CurrentUser['roles'], teamIds: string[] = []): Promise<Person> {
  const created = await createUser(getDb(), { organisationId, roles, teamIds })
  const user = (await getUserInOrganisation(getDb(), created.id, organisationId))!
  return { id: created.id, session: await signIn(created.email), user }
}

/** A report whose latest submission was `submittedDaysAgo`, with its event history written as it happened. */
async function reportWithHistory(options: {
  title: string
  team: string
  author: Person
  status: ReportStatus
  submittedDaysAgo: number | null
  events: { by: Person; daysAgo: number; type?: ReportEventType; to?: ReportStatus }[]
}) {
  const db = getDb()
  const report = await createReport(db, {
    organisation_id: organisationId,
    team_id: options.team,
    author_id: options.author.id,
    status: options.status,
    title: options.title,
    submitted_at: options.submittedDaysAgo === null ? null : daysAgo(options.submittedDaysAgo),
  })
  for (const event of options.events) {
    await db
      .insertInto('report_events')
      .values({
        report_id: report.id,
        organisation_id: organisationId,
        actor_id: event.by.id,
        type: event.type ?? 'status_changed',
        to_status: event.to ?? null,
        created_at: daysAgo(event.daysAgo),
      })
      .execute()
  }
  return report.id
}

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  teams = {
    a: (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id,
    b: (await createTeam(db, organisationId, 'Nuorten palvelut')).id,
    c: (await createTeam(db, organisationId, 'Vammaispalvelut')).id,
  }
  workerA = await person(['worker'], [teams.a])
  workerB = await person(['worker'], [teams.b])
  workerC = await person(['worker'], [teams.c])
  lead = await person(['worker', 'team_lead'], [teams.a, teams.b])
  coordinator = await person(['coordinator'])
  admin = await person(['admin'])

  // Team A: answered in 2, 5 and 1.5 days within the last 90 days, and in 50 days long ago.
  reports = {
    answered2: await reportWithHistory({
      title: 'Vastattu kahdessa päivässä',
      team: teams.a,
      author: workerA,
      status: 'in_review',
      submittedDaysAgo: 30,
      events: [
        { by: workerA, daysAgo: 31, type: 'created', to: 'draft' },
        { by: workerA, daysAgo: 30, to: 'submitted' },
        { by: lead, daysAgo: 28, to: 'in_review' },
      ],
    }),
    answered5: await reportWithHistory({
      title: 'Vastattu viidessä päivässä',
      team: teams.a,
      author: workerA,
      status: 'closed',
      submittedDaysAgo: 20,
      events: [
        { by: lead, daysAgo: 15, to: 'in_review' },
        { by: lead, daysAgo: 14, to: 'closed' },
      ],
    }),
    linked: await reportWithHistory({
      title: 'Liitetty ilmiöön',
      team: teams.a,
      author: workerA,
      status: 'submitted',
      submittedDaysAgo: 10,
      events: [{ by: lead, daysAgo: 8.5, type: 'phenomenon_linked' }],
    }),
    longAgo: await reportWithHistory({
      title: 'Vanha raportti',
      team: teams.a,
      author: workerA,
      status: 'closed',
      submittedDaysAgo: 200,
      events: [{ by: lead, daysAgo: 150, to: 'in_review' }],
    }),
    // Only the author has touched it since it was sent: still waiting, and over the 14-day limit.
    ownStepsOnly: await reportWithHistory({
      title: 'Vain omia merkintöjä',
      team: teams.a,
      author: workerA,
      status: 'submitted',
      submittedDaysAgo: 40,
      events: [
        { by: workerA, daysAgo: 41, type: 'created', to: 'draft' },
        { by: workerA, daysAgo: 40, to: 'submitted' },
        { by: workerA, daysAgo: 39, type: 'phenomenon_linked' },
      ],
    }),
    // Feedback came on the first submission; the resubmission 8 days ago has had none.
    resubmitted: await reportWithHistory({
      title: 'Täydennetty ja lähetetty uudelleen',
      team: teams.a,
      author: workerA,
      status: 'submitted',
      submittedDaysAgo: 8,
      events: [
        { by: lead, daysAgo: 55, to: 'changes_requested' },
        { by: workerA, daysAgo: 8, to: 'submitted' },
      ],
    }),
    draft: await reportWithHistory({
      title: 'Luonnos',
      team: teams.a,
      author: workerA,
      status: 'draft',
      submittedDaysAgo: null,
      events: [],
    }),
    // Team B: moved on only through real transitions in the tests below.
    waitingB: await reportWithHistory({
      title: 'Nuorten raportti odottaa',
      team: teams.b,
      author: workerB,
      status: 'submitted',
      submittedDaysAgo: 20,
      events: [],
    }),
    leadsOwn: await reportWithHistory({
      title: 'Tiiminvetäjän oma raportti',
      team: teams.b,
      author: lead,
      status: 'submitted',
      // A little after the report above: the same millisecond would leave their order to their random ids.
      submittedDaysAgo: 19.9,
      events: [],
    }),
    // Team C: the lead does not lead it.
    otherTeam: await reportWithHistory({
      title: 'Vammaispalvelujen raportti',
      team: teams.c,
      author: workerC,
      status: 'submitted',
      submittedDaysAgo: 30,
      events: [],
    }),
  }
})

const get = async (path: string, who: Person) => ({
  request: await getRequest(path, who.session),
  params: {},
  context,
})

async function feedbackTimes(who: Person, query = '') {
  return payloadOf(await feedbackPage.loader(await get(`/review/feedback${query}`, who)))
}

type TeamRow = Awaited<ReturnType<typeof listFeedbackTimesByTeam>>[number]
const rowOf = (rows: TeamRow[], teamId: string) => rows.find((row) => row.teamId === teamId)!

/** The domain's own definition applied to what is stored, to hold the SQL to it. */
async function definitionFor(teamId: string, periodDays: number, limitDays: number, now: Date) {
  const db = getDb()
  const stored = await db
    .selectFrom('reports')
    .select(['id', 'author_id', 'status', 'submitted_at'])
    .where('team_id', '=', teamId)
    .where('status', '!=', 'draft')
    .execute()
  const events = await db
    .selectFrom('report_events')
    .select(['report_id', 'actor_id', 'type', 'created_at'])
    .where(
      'report_id',
      'in',
      stored.map((report) => report.id),
    )
    .execute()
  return summariseFeedbackTimes(
    stored.map((report) => ({
      authorId: report.author_id,
      status: report.status,
      submittedAt: report.submitted_at,
      events: events
        .filter((event) => event.report_id === report.id)
        .map((event) => ({ actorId: event.actor_id, type: event.type, createdAt: event.created_at })),
    })),
    { now, periodDays, limitDays },
  )
}

async function setLimit(days: string) {
  const request = await formRequest(
    '/admin/organisation',
    { intent: 'feedbackLimit', days },
    { session: admin.session },
  )
  return adminOrganisation.action({ request, params: {}, context })
}

describe('time to first feedback per team', () => {
  test('median and longest cover the period; the author’s own steps are not feedback', async () => {
    const result = await feedbackTimes(coordinator)
    expect(result.period).toBe(90)
    expect(result.limitDays).toBe(14)
    expect(rowOf(result.teams, teams.a)).toEqual({
      teamId: teams.a,
      teamName: 'Aikuissosiaalityö',
      submitted: 5,
      medianDays: 2,
      longestDays: 5,
      waiting: 2,
      overdue: 1,
    })
    const year = await feedbackTimes(coordinator, '?period=365')
    expect(rowOf(year.teams, teams.a)).toMatchObject({ submitted: 6, medianDays: 3.5, longestDays: 50 })
  })

  test('the SQL gives what the domain definition gives on the same data', async () => {
    const now = new Date()
    for (const periodDays of [30, 90, 365]) {
      const rows = await listFeedbackTimesByTeam(getDb(), coordinator.user, { periodDays, now })
      for (const teamId of Object.values(teams)) {
        const { teamId: _id, teamName: _name, ...figures } = rowOf(rows, teamId)
        expect(figures).toEqual(await definitionFor(teamId, periodDays, 14, now))
      }
    }
  })

  test('a hand-edited period falls back to the default', async () => {
    expect((await feedbackTimes(coordinator, '?period=12')).period).toBe(90)
    expect((await feedbackTimes(coordinator, '?period=abc')).period).toBe(90)
  })
})

describe('who sees what', () => {
  test('a team lead sees only the teams they lead; a coordinator every team', async () => {
    const leadView = await feedbackTimes(lead)
    expect(leadView.teams.map((row: TeamRow) => row.teamName)).toEqual(['Aikuissosiaalityö', 'Nuorten palvelut'])
    expect(leadView.overdue.map((report: { id: string }) => report.id)).not.toContain(reports.otherTeam)

    const coordinatorView = await feedbackTimes(coordinator)
    expect(coordinatorView.teams.map((row: TeamRow) => row.teamName)).toEqual([
      'Aikuissosiaalityö',
      'Nuorten palvelut',
      'Vammaispalvelut',
    ])
    expect(coordinatorView.overdue.map((report: { id: string }) => report.id)).toContain(reports.otherTeam)
  })

  test('workers and admins without a review role are turned away', async () => {
    for (const who of [workerA, admin]) {
      expect(statusOf(await thrownBy(feedbackPage.loader(await get('/review/feedback', who))))).toBe(403)
    }
  })
})

describe('overdue', () => {
  test('the overdue list is sorted by waiting time and the queue marks the same reports', async () => {
    const result = await feedbackTimes(coordinator)
    expect(result.overdue.map((report: { title: string }) => report.title)).toEqual([
      'Vain omia merkintöjä',
      'Vammaispalvelujen raportti',
      'Nuorten raportti odottaa',
      'Tiiminvetäjän oma raportti',
    ])
    expect(result.overdue[0].daysWaiting).toBe(40)

    const queue = payloadOf(await review.loader(await get('/review', coordinator)))
    const overdueInQueue = queue.reports
      .filter((report: { overdue: boolean }) => report.overdue)
      .map((report: { id: string }) => report.id)
      .sort()
    expect(overdueInQueue).toEqual([reports.ownStepsOnly, reports.otherTeam, reports.waitingB, reports.leadsOwn].sort())
  })

  test('feedback through a real transition ends the wait; a lead acting on their own report does not', async () => {
    const takeIntoReview = TransitionRequestSchema.parse({ to: 'in_review', expectedStatus: 'submitted' })
    expect(await applyTransition(lead.user, { reportId: reports.waitingB!, ...takeIntoReview })).toEqual({ ok: true })
    expect(await applyTransition(lead.user, { reportId: reports.leadsOwn!, ...takeIntoReview })).toEqual({ ok: true })

    const result = await feedbackTimes(lead)
    expect(rowOf(result.teams, teams.b)).toMatchObject({
      submitted: 2,
      medianDays: 20,
      longestDays: 20,
      waiting: 1,
      overdue: 1,
    })
    const overdueIds = result.overdue.map((report: { id: string }) => report.id)
    expect(overdueIds).not.toContain(reports.waitingB)
    expect(overdueIds).toContain(reports.leadsOwn)
  })

  test('the configured limit decides what is overdue, in the page and in the queue', async () => {
    expect(statusOf(await setLimit('7'))).toBe(200)
    const result = await feedbackTimes(lead)
    expect(result.limitDays).toBe(7)
    expect(rowOf(result.teams, teams.a)).toMatchObject({ waiting: 2, overdue: 2 })
    expect(result.overdue.map((report: { id: string }) => report.id)).toContain(reports.resubmitted)
    const queue = payloadOf(await review.loader(await get('/review?q=uudelleen', lead)))
    expect(queue.reports).toMatchObject([{ id: reports.resubmitted, overdue: true }])

    expect(statusOf(await setLimit('35'))).toBe(200)
    const relaxed = await feedbackTimes(coordinator)
    expect(rowOf(relaxed.teams, teams.a)).toMatchObject({ waiting: 2, overdue: 1 })
    expect(relaxed.overdue.map((report: { id: string }) => report.id)).toEqual([reports.ownStepsOnly])
    expect(statusOf(await setLimit('14'))).toBe(200)
  })
})

describe('the limit setting', () => {
  test('the admin page shows the current limit', async () => {
    const result = payloadOf(await adminOrganisation.loader(await get('/admin/organisation', admin)))
    expect(result.organisation.feedback_limit_days).toBe(14)
  })

  test.each(['0', '366', '2.5', 'kaksi', ''])('%j is refused with a message in every language', async (days) => {
    const result = await setLimit(days)
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result)).toMatchObject({
      formId: 'feedbackLimit',
      fieldErrors: { days: 'validation.feedbackLimit' },
      values: { days },
    })
    for (const locale of locales) expect(catalogs[locale]['validation.feedbackLimit']).toMatch(/365/)
    const stored = await getDb()
      .selectFrom('organisations')
      .select('feedback_limit_days')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow()
    expect(stored.feedback_limit_days).toBe(14)
  })

  test('only admins may change it', async () => {
    const request = await formRequest(
      '/admin/organisation',
      { intent: 'feedbackLimit', days: '3' },
      { session: coordinator.session },
    )
    expect(statusOf(await thrownBy(adminOrganisation.action({ request, params: {}, context })))).toBe(403)
  })
})
