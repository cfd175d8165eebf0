import { beforeAll, describe, expect, test } from 'vitest'
import {
  createCommittee,
  createOrganisation,
  createPhenomenon,
  createReport,
  createTeam,
  createUser,
} from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, redirectTarget, signIn } from '#tests/utils.ts'
import { bellWords } from '#app/components/site-header.tsx'
import { TransitionRequestSchema } from '#app/domain/report-status.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { type CurrentUser, getUserInOrganisation } from '#app/models/user.server.ts'
import { loader as rootLoader } from '#app/root.tsx'
import * as dashboard from '#app/routes/dashboard.tsx'
import * as meetingsPage from '#app/routes/meetings._index.tsx'
import * as meetingPage from '#app/routes/meetings.$meetingId.tsx'
import * as feedbackPage from '#app/routes/review_.feedback.tsx'
import * as sendingsPage from '#app/routes/sendings._index.tsx'
import * as welfareReports from '#app/routes/welfare-reports._index.tsx'
import * as welfareReport from '#app/routes/welfare-reports.$welfareReportId.tsx'
import { applyTransition } from '#app/services/reports.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getTranslate } from '#app/utils/i18n.ts'

const context = { clientIp: '192.0.2.77' }

interface Person {
  id: string
  session: string
  user: CurrentUser
}

let organisationId: string
let teamId: string
let committeeId: string
let worker: Person
let coordinator: Person

async function person(roles: CurrentUser['roles'], teamIds: string[] = []): Promise<Person> {
  const created = await createUser(getDb(), { organisationId, roles, teamIds })
  const user = (await getUserInOrganisation(getDb(), created.id, organisationId))!
  return { id: created.id, session: await signIn(created.email), user }
}

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  teamId = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  committeeId = (await createCommittee(db, organisationId, 'Perusturvalautakunta')).id
  worker = await person(['worker'], [teamId])
  coordinator = await person(['coordinator'])
})

/** Reports of the given status, titled "<prefix> 01", "<prefix> 02", … so their order by title is known. */
async function reports(prefix: string, count: number, status: ReportStatus, submittedAt = new Date()) {
  const ids: string[] = []
  for (let index = 1; index <= count; index++) {
    const report = await createReport(getDb(), {
      organisation_id: organisationId,
      team_id: teamId,
      author_id: worker.id,
      status,
      title: `${prefix} ${String(index).padStart(2, '0')}`,
      submitted_at: submittedAt,
      committee_id: committeeId,
      support_needs: ['housing'],
      no_identifying_data_confirmed: true,
    })
    ids.push(report.id)
  }
  return ids
}

describe('the bell', () => {
  test('with 150 unread it shows "99+" and says "more than 99" in its name, without counting them all', async () => {
    const db = getDb()
    const lead = await person(['team_lead'], [teamId])
    const [reportId] = await reports('Kellon raportti', 1, 'submitted')
    const events = await db
      .insertInto('report_events')
      .values(
        Array.from({ length: 150 }, () => ({
          report_id: reportId!,
          organisation_id: organisationId,
          actor_id: worker.id,
          type: 'status_changed' as const,
        })),
      )
      .returning('id')
      .execute()
    await db
      .insertInto('notifications')
      .values(
        events.map((event) => ({
          organisation_id: organisationId,
          user_id: lead.id,
          event_id: event.id,
          report_id: reportId!,
          reason: 'team_lead' as const,
        })),
      )
      .execute()

    const root = payloadOf(await rootLoader({ request: await getRequest('/', lead.session), params: {}, context }))
    const unread = root.user.unreadNotifications
    expect(unread).toBeLessThanOrEqual(100)
    expect(bellWords('fi', getTranslate('fi'), unread)).toEqual({
      name: 'Päivitykset, yli 99 lukematonta',
      badge: '99+',
    })
    expect(bellWords('sv', getTranslate('sv'), unread).name).toBe('Aviseringar, över 99 olästa')
    expect(bellWords('en', getTranslate('en'), unread).badge).toBe('99+')
    expect(bellWords('fi', getTranslate('fi'), 99).badge).toBe('99')
  })
})

describe('candidate pickers', () => {
  test('the meeting page offers forwarded reports 20 at a time, searched by title', async () => {
    await reports('Vuokrarästit', 25, 'forwarded')
    const [kela] = await reports('Kelan suorat maksut', 1, 'forwarded')
    const phenomenonReports = await reports('Digipalvelut', 2, 'forwarded')
    await createPhenomenon(getDb(), {
      organisationId,
      createdBy: coordinator.id,
      title: 'Verkkopankkitunnukset puuttuvat',
      reportIds: phenomenonReports,
    })
    const planned = await meetingsPage.action({
      request: await formRequest(
        '/meetings',
        { committeeId, startsAt: '2026-05-12T14:00', place: 'Valtuustosali' },
        { session: coordinator.session },
      ),
      params: {},
      context,
    })
    const meetingId = redirectTarget(planned)!.match(/\/meetings\/([0-9a-f-]+)/)![1]!
    const load = async (query: string) =>
      payloadOf(
        await meetingPage.loader({
          request: await getRequest(`/meetings/${meetingId}${query}`, coordinator.session),
          params: { meetingId },
          context,
        }),
      )

    const first = await load('')
    expect(first.candidates.reports).toHaveLength(20)
    expect(first.candidates.hasNext).toBe(true)
    const second = await load('?page=2')
    const titles = (page: { candidates: { reports: { title: string }[] } }) =>
      page.candidates.reports.map((report) => report.title)
    expect(titles(second)).toEqual([...titles(second)].sort())
    expect(new Set([...titles(first), ...titles(second)]).size).toBe(
      first.candidates.reports.length + second.candidates.reports.length,
    )

    const searched = await load('?q=kelan&for=new')
    expect(searched.candidates.reports.map((report: { id: string }) => report.id)).toEqual([kela])
    expect(searched.candidates.hasNext).toBe(false)
    expect(searched.candidateSearch).toEqual({ q: 'kelan', page: 1, for: 'new' })
    const phenomena = await load('?q=verkkopankki')
    expect(phenomena.candidates.phenomena).toEqual([
      expect.objectContaining({ title: 'Verkkopankkitunnukset puuttuvat', forwarded_count: 2 }),
    ])
    expect(phenomena.candidates.reports).toEqual([])
    // A search that makes no sense is the first page of nothing, never an error.
    expect((await load(`?q=${'%'.repeat(300)}&page=-4`)).candidates.reports).toEqual([])
  })

  test('the welfare editor offers decided reports 20 at a time, searched by title', async () => {
    await reports('Asunnottomuus', 23, 'decided')
    const [pension] = await reports('Eläkeläisten etuudet', 1, 'decided')
    const created = await welfareReports.action({
      request: await formRequest(
        '/welfare-reports',
        { title: 'Hyvinvointikertomus 2026', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
        { session: coordinator.session },
      ),
      params: {},
      context,
    })
    const welfareReportId = redirectTarget(created)!.replace('/welfare-reports/', '')
    const load = async (query: string) =>
      payloadOf(
        await welfareReport.loader({
          request: await getRequest(`/welfare-reports/${welfareReportId}${query}`, coordinator.session),
          params: { welfareReportId },
          context,
        }),
      )
    const first = await load('')
    expect(first.candidates.reports).toHaveLength(20)
    expect(first.candidates.hasNext).toBe(true)
    const last = await load('?page=2')
    expect(last.candidates.reports.length).toBeGreaterThan(0)
    expect(last.candidates.reports.length).toBeLessThanOrEqual(20)
    const searched = await load('?q=el%C3%A4kel%C3%A4isten')
    expect(searched.candidates.reports.map((report: { id: string }) => report.id)).toEqual([pension])
  })
})

describe('statistics computed once', () => {
  test('the dashboard keeps its figures for a period, and a transition changes them at once', async () => {
    const inPeriod = new Date('2025-05-14T10:00:00Z')
    const ids = await reports('Tilastoraportti', 20, 'submitted', inPeriod)
    const member = await person(['committee_member'])
    const total = async () =>
      payloadOf(
        await dashboard.loader({
          request: await getRequest('/dashboard?from=2025-01-01&to=2025-12-31', member.session),
          params: {},
          context,
        }),
      ).figures.total
    const before = await total()
    // Each count carries a noise of at most ±2 (ADR 025).
    expect(before).toBeGreaterThanOrEqual(18)
    expect(await total()).toBe(before)
    // The figures were stored for the organisation's current generation, so the second view read them back.
    const stored = await getDb()
      .selectFrom('statistics_cache')
      .select('key')
      .where('organisation_id', '=', organisationId)
      .execute()
    expect(stored.filter((row) => row.key.includes('"2025-01-01","2025-12-31"'))).toHaveLength(1)

    for (const reportId of ids.slice(0, 10)) {
      const request = TransitionRequestSchema.parse({ to: 'withdrawn', expectedStatus: 'submitted', comment: '' })
      expect(await applyTransition(worker.user, { reportId, ...request })).toEqual({ ok: true })
    }
    const after = await total()
    expect(after).toBeLessThanOrEqual(12)
  })
})

describe('sendings', () => {
  test('the list of sendings pages through all of them instead of stopping at some number', async () => {
    const db = getDb()
    const recipient = await db
      .selectFrom('recipients')
      .select('id')
      .where('committee_id', '=', committeeId)
      .executeTakeFirstOrThrow()
    const [reportId] = await reports('Lähetetty raportti', 1, 'forwarded')
    await db
      .insertInto('sendings')
      .values(
        Array.from({ length: 520 }, () => ({
          organisation_id: organisationId,
          recipient_id: recipient.id,
          report_id: reportId!,
          sent_by: coordinator.id,
        })),
      )
      .execute()
    const load = async (query: string) =>
      payloadOf(
        await sendingsPage.loader({
          request: await getRequest(`/sendings${query}`, coordinator.session),
          params: {},
          context,
        }),
      )
    const first = await load('')
    expect(first.sendings).toHaveLength(50)
    expect(first.hasNext).toBe(true)
    const last = await load('?page=11')
    expect(last.sendings).toHaveLength(20)
    expect(last.hasNext).toBe(false)
  })
})

describe('feedback times', () => {
  test('the feedback page reuses its team figures, and taking a report into review shows at once', async () => {
    const team = (
      await getDb()
        .insertInto('teams')
        .values({ organisation_id: organisationId, name: 'Palautetiimi' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    const lead = await person(['team_lead'], [team])
    const author = await person(['worker'], [team])
    const ids: string[] = []
    for (const title of ['Odottaa 1', 'Odottaa 2', 'Odottaa 3']) {
      const report = await createReport(getDb(), {
        organisation_id: organisationId,
        team_id: team,
        author_id: author.id,
        status: 'submitted',
        title,
        submitted_at: new Date(),
        no_identifying_data_confirmed: true,
      })
      ids.push(report.id)
    }
    const waiting = async () => {
      const page = payloadOf(
        await feedbackPage.loader({ request: await getRequest('/review/feedback', lead.session), params: {}, context }),
      )
      return page.teams.find((row: { teamId: string }) => row.teamId === team).waiting
    }
    expect(await waiting()).toBe(3)
    expect(await waiting()).toBe(3)
    const stored = await getDb()
      .selectFrom('statistics_cache')
      .select('key')
      .where('organisation_id', '=', organisationId)
      .where('kind', '=', 'feedback_times')
      .execute()
    expect(stored).toHaveLength(1)

    const request = TransitionRequestSchema.parse({ to: 'in_review', expectedStatus: 'submitted', comment: '' })
    expect(await applyTransition(lead.user, { reportId: ids[0]!, ...request })).toEqual({ ok: true })
    expect(await waiting()).toBe(2)
  })
})
