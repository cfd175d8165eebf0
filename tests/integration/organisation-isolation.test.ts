import { readdirSync } from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  createCommittee,
  createMunicipality,
  createOrganisation,
  createReport,
  createTeam,
  createUser,
} from '#tests/factories/index.ts'
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
import * as home from '#app/routes/_index.tsx'
import * as reports from '#app/routes/reports._index.tsx'
import * as settings from '#app/routes/settings.tsx'
import * as language from '#app/routes/language.tsx'
import * as adminUsers from '#app/routes/admin.users._index.tsx'
import * as adminNewUser from '#app/routes/admin.users.new.tsx'
import * as adminUser from '#app/routes/admin.users.$userId.tsx'
import * as adminOrganisation from '#app/routes/admin.organisation.tsx'
import * as adminCommittees from '#app/routes/admin.committees.tsx'
import * as adminRecipients from '#app/routes/admin.recipients.tsx'
import * as adminTemplates from '#app/routes/admin.templates.tsx'
import * as sendingsList from '#app/routes/sendings._index.tsx'
import * as sendingPage from '#app/routes/sendings.$sendingId.tsx'
import * as followUpBoard from '#app/routes/follow-ups._index.tsx'
import * as followUpPage from '#app/routes/follow-ups.$followUpId.tsx'
import * as followUpsApi from '#app/routes/api.v1.follow-ups.ts'
import * as followUpApi from '#app/routes/api.v1.follow-ups_.$followUpId.ts'
import * as followUpUpdatesApi from '#app/routes/api.v1.follow-ups_.$followUpId_.updates.ts'
import * as recipientsApi from '#app/routes/api.v1.recipients.ts'
import * as reportSendingsApi from '#app/routes/api.v1.reports_.$reportId_.sendings.ts'
import * as phenomenonSendingsApi from '#app/routes/api.v1.phenomena_.$phenomenonId_.sendings.ts'
import * as newReport from '#app/routes/reports.new.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as editReport from '#app/routes/reports.$reportId_.edit.tsx'
import * as similarReports from '#app/routes/reports.similar.ts'
import * as review from '#app/routes/review.tsx'
import * as feedbackTimes from '#app/routes/review_.feedback.tsx'
import * as phenomena from '#app/routes/phenomena._index.tsx'
import * as phenomenonPage from '#app/routes/phenomena.$phenomenonId.tsx'
import * as reportsApi from '#app/routes/api.v1.reports.ts'
import * as reportApi from '#app/routes/api.v1.reports_.$reportId.ts'
import * as transitionsApi from '#app/routes/api.v1.reports_.$reportId_.transitions.ts'
import * as eventsApi from '#app/routes/api.v1.reports_.$reportId_.events.ts'
import * as phenomenaApi from '#app/routes/api.v1.phenomena.ts'
import * as observationsApi from '#app/routes/api.v1.phenomena_.$phenomenonId_.observations.ts'
import * as meApi from '#app/routes/api.v1.me.ts'
import * as notificationsApi from '#app/routes/api.v1.notifications.ts'
import * as notificationsPage from '#app/routes/notifications._index.tsx'
import * as openNotification from '#app/routes/notifications.$notificationId.open.tsx'
import * as follows from '#app/routes/follows.ts'
import * as mailbox from '#app/routes/admin.mailbox._index.tsx'
import * as mailboxEmail from '#app/routes/admin.mailbox.$emailId.tsx'
import * as mailboxEmailDocument from '#app/routes/admin.mailbox.$emailId_.html.ts'
import * as emailFailures from '#app/routes/admin.email-failures.tsx'
import * as meetingsPage from '#app/routes/meetings._index.tsx'
import * as meetingPage from '#app/routes/meetings.$meetingId.tsx'
import * as agendaDocument from '#app/routes/meetings.$meetingId_.agenda.tsx'
import * as minutesDocument from '#app/routes/meetings.$meetingId_.minutes.tsx'
import * as welfareReports from '#app/routes/welfare-reports._index.tsx'
import * as welfareReportPage from '#app/routes/welfare-reports.$welfareReportId.tsx'
import * as markdownExport from '#app/routes/welfare-reports.$welfareReportId_.export[.]md.ts'
import * as htmlExport from '#app/routes/welfare-reports.$welfareReportId_.export[.]html.ts'
import * as csvExport from '#app/routes/welfare-reports.$welfareReportId_.export[.]csv.ts'
import * as dashboard from '#app/routes/dashboard.tsx'
import * as statisticsApi from '#app/routes/api.v1.statistics.ts'
import * as welfareReportsApi from '#app/routes/api.v1.welfare-reports.ts'
import * as welfareReportApi from '#app/routes/api.v1.welfare-reports_.$welfareReportId.ts'
import * as organisationSwitch from '#app/routes/organisation.tsx'
import * as ownData from '#app/routes/settings_.own-data[.]json.ts'
import { loader as rootLoader } from '#app/root.tsx'
import * as auditPage from '#app/routes/admin.audit.tsx'
import * as auditCsv from '#app/routes/admin.audit[.]csv.ts'
import * as redactions from '#app/routes/admin.redactions.tsx'
import * as contribute from '#app/routes/contribute._index.tsx'
import * as phenomenonViews from '#app/routes/phenomena.$phenomenonId_.views.tsx'
import * as clientView from '#app/routes/phenomena.$phenomenonId_.client-view.tsx'
import * as ownContributions from '#app/routes/contribute.own.tsx'
import * as contributeOnPhenomenon from '#app/routes/contribute.phenomenon.$phenomenonId.tsx'
import * as compiledReportsPage from '#app/routes/social-reports._index.tsx'
import * as compiledReportPage from '#app/routes/social-reports.$compiledReportId.tsx'
import * as newCompiledReportPage from '#app/routes/social-reports.new.tsx'
import * as indicatorsPage from '#app/routes/social-reports.indicators.tsx'
import * as publicCompiledReport from '#app/routes/public.$organisation.social-reports.$compiledReportId.tsx'
import * as compiledReportsApi from '#app/routes/api.v1.social-reports.ts'
import * as compiledReportApi from '#app/routes/api.v1.social-reports_.$compiledReportId.ts'
import * as compiledReportCommentsApi from '#app/routes/api.v1.social-reports_.$compiledReportId_.comments.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'

const context = { clientIp: '192.0.2.1' }

/** Organisation A holds the data; every user below belongs to organisation B and must never see or change it. */
let a: {
  organisationId: string
  teamId: string
  municipalityId: string
  userId: string
  userEmail: string
  reportTitle: string
  reportId: string
  draftId: string
  phenomenonId: string
}
let b: {
  organisationId: string
  committeeMemberId: string
  adminSession: string
  coordinatorSession: string
  workerSession: string
  adminId: string
  apiTokens: string[]
}

beforeAll(async () => {
  const db = getDb()
  const orgA = await createOrganisation(db, 'Alue A')
  const teamA = await createTeam(db, orgA.id, 'Tiimi A')
  const municipalityA = await createMunicipality(db, orgA.id, 'Kunta A')
  const userA = await createUser(db, {
    organisationId: orgA.id,
    roles: ['worker', 'admin', 'coordinator'],
    teamIds: [teamA.id],
    name: 'Aino A',
  })
  const reportA = await createReport(db, {
    organisation_id: orgA.id,
    team_id: teamA.id,
    author_id: userA.id,
    municipality_id: municipalityA.id,
    status: 'on_agenda',
    title: 'Salainen A-raportti',
    description: 'Vuokrarästit kasautuvat nuorille aikuisille',
  })
  const draftA = await createReport(db, {
    organisation_id: orgA.id,
    team_id: teamA.id,
    author_id: userA.id,
    status: 'draft',
    title: 'A-luonnos',
  })
  const phenomenonA = await db
    .insertInto('phenomena')
    .values({ organisation_id: orgA.id, title: 'A-ilmiö', created_by: userA.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('phenomenon_reports')
    .values({ phenomenon_id: phenomenonA.id, report_id: reportA.id, linked_by: userA.id })
    .execute()

  const orgB = await createOrganisation(db, 'Alue B')
  const teamB = await createTeam(db, orgB.id, 'Tiimi B')
  const adminB = await createUser(db, { organisationId: orgB.id, roles: ['admin'], name: 'Bertta B' })
  const coordinatorB = await createUser(db, { organisationId: orgB.id, roles: ['coordinator', 'committee_member'] })
  const workerB = await createUser(db, { organisationId: orgB.id, roles: ['worker', 'team_lead'], teamIds: [teamB.id] })
  await createReport(db, {
    organisation_id: orgB.id,
    team_id: teamB.id,
    author_id: workerB.id,
    status: 'submitted',
    title: 'B-raportti',
  })

  a = {
    organisationId: orgA.id,
    teamId: teamA.id,
    municipalityId: municipalityA.id,
    userId: userA.id,
    userEmail: userA.email,
    reportTitle: 'Salainen A-raportti',
    reportId: reportA.id,
    draftId: draftA.id,
    phenomenonId: phenomenonA.id,
  }
  b = {
    organisationId: orgB.id,
    committeeMemberId: coordinatorB.id,
    adminSession: await signIn(adminB.email),
    coordinatorSession: await signIn(coordinatorB.email),
    workerSession: await signIn(workerB.email),
    adminId: adminB.id,
    apiTokens: await Promise.all([adminB, coordinatorB, workerB].map((user) => apiTokenFor(user, orgB.id))),
  }
})

const get = async (path: string, session: string) => ({ request: await getRequest(path, session), params: {}, context })

/** One check per route module; the last test fails when a route is added without one. */
const checks: Record<string, () => Promise<void>> = {
  '_index.tsx': async () => {
    for (const session of [b.adminSession, b.coordinatorSession, b.workerSession]) {
      const result = payloadOf(await home.loader(await get('/', session)))
      expect(result.latest.map((r: { title: string }) => r.title)).not.toContain(a.reportTitle)
      expect(Object.values(result.counts).reduce((sum: number, n) => sum + (n as number), 0)).toBeLessThanOrEqual(1)
    }
  },
  'reports._index.tsx': async () => {
    // The worker gets "My reports" (filtered, with counts); the others the list of all reports they may read.
    for (const session of [b.adminSession, b.coordinatorSession, b.workerSession]) {
      for (const path of ['/reports', '/reports?q=vuokrarästit&status=on_agenda']) {
        const result = payloadOf(await reports.loader(await get(path, session)))
        expect(result.reports.map((r: { title: string }) => r.title)).not.toContain(a.reportTitle)
        expect(result.counts?.on_agenda ?? 0).toBe(0)
      }
    }
  },
  'settings.tsx': async () => {
    const result = payloadOf(await settings.loader(await get('/settings', b.workerSession)))
    expect(result.email).not.toBe(a.userEmail)
    await settings.action({
      request: await formRequest(
        '/settings',
        { intent: 'profile', name: 'Muutettu', locale: 'sv', userId: a.userId },
        { session: b.workerSession },
      ),
      params: {},
      context,
    })
    const userA = await getDb()
      .selectFrom('users')
      .select(['name', 'locale'])
      .where('id', '=', a.userId)
      .executeTakeFirstOrThrow()
    expect(userA).toEqual({ name: 'Aino A', locale: 'fi' })
    const tokenA = await apiTokenFor({ id: a.userId }, a.organisationId)
    const stored = await getDb()
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', a.userId)
      .executeTakeFirstOrThrow()
    const revoke = await formRequest(
      '/settings',
      { intent: 'revokeToken', tokenId: stored.id },
      { session: b.workerSession },
    )
    expect(statusOf(await thrownBy(settings.action({ request: revoke, params: {}, context })))).toBe(404)
    const tokensOfB = payloadOf(await settings.loader(await get('/settings', b.workerSession))).tokens
    expect(tokensOfB.map((token: { id: string }) => token.id)).not.toContain(stored.id)
    const stillWorks = await meApi.loader({ request: apiRequest('/api/v1/me', { token: tokenA }), params: {} })
    expect(stillWorks.status).toBe(200)
  },
  'language.tsx': async () => {
    await language.action({
      request: await formRequest('/language', { locale: 'en', userId: a.userId }, { session: b.adminSession }),
      params: {},
      context,
    })
    const userA = await getDb()
      .selectFrom('users')
      .select('locale')
      .where('id', '=', a.userId)
      .executeTakeFirstOrThrow()
    expect(userA.locale).toBe('fi')
  },
  'admin.users._index.tsx': async () => {
    const result = payloadOf(await adminUsers.loader(await get('/admin/users', b.adminSession)))
    expect(result.users.map((u: { id: string }) => u.id)).not.toContain(a.userId)
  },
  'admin.users.$userId.tsx': async () => {
    const params = { userId: a.userId }
    const loaderError = await thrownBy(
      adminUser.loader({ ...(await get(`/admin/users/${a.userId}`, b.adminSession)), params }),
    )
    expect(statusOf(loaderError)).toBe(404)
    const request = await formRequest(
      `/admin/users/${a.userId}`,
      { name: 'Kaapattu', roles: 'worker' },
      { session: b.adminSession },
    )
    expect(statusOf(await thrownBy(adminUser.action({ request, params, context })))).toBe(404)
    const userA = await getDb().selectFrom('users').select('name').where('id', '=', a.userId).executeTakeFirstOrThrow()
    expect(userA.name).toBe('Aino A')
    // An admin of B cannot send a new invitation (a sign-in link) to A's invited user.
    const invitedA = await createUser(getDb(), { organisationId: a.organisationId, roles: ['worker'] })
    await getDb().updateTable('users').set({ password_hash: null }).where('id', '=', invitedA.id).execute()
    const resend = await formRequest(
      `/admin/users/${invitedA.id}`,
      { intent: 'resendInvitation' },
      { session: b.adminSession },
    )
    const resendError = await thrownBy(adminUser.action({ request: resend, params: { userId: invitedA.id }, context }))
    expect(statusOf(resendError)).toBe(404)
    const sent = await getDb().selectFrom('email_jobs').select('id').where('recipient_id', '=', invitedA.id).execute()
    const links = await getDb().selectFrom('user_tokens').select('id').where('user_id', '=', invitedA.id).execute()
    expect([sent, links]).toEqual([[], []])
  },
  'admin.users.new.tsx': async () => {
    const teams = payloadOf(await adminNewUser.loader(await get('/admin/users/new', b.adminSession))).teams
    expect(teams.map((t: { id: string }) => t.id)).not.toContain(a.teamId)
    const request = await formRequest(
      '/admin/users/new',
      {
        name: 'Uusi',
        email: 'uusi-b@example.org',
        locale: 'fi',
        roles: 'worker',
        teamIds: a.teamId,
        password: 'pitkä-salasana-123',
      },
      { session: b.adminSession },
    )
    expect(statusOf(await adminNewUser.action({ request, params: {}, context }))).toBe(302)
    const joined = await getDb()
      .selectFrom('team_memberships')
      .select('user_id')
      .where('team_id', '=', a.teamId)
      .execute()
    expect(joined.map((row) => row.user_id)).toEqual([a.userId])
    // An invitation sent by B's admin names B and is queued under B, whatever the form claims.
    const invitation = await formRequest(
      '/admin/users/new',
      { name: 'Kutsuttu B', email: 'kutsu-b@example.org', locale: 'fi', roles: 'worker', teamIds: a.teamId },
      { session: b.adminSession },
    )
    expect(statusOf(await adminNewUser.action({ request: invitation, params: {}, context }))).toBe(302)
    const job = await getDb()
      .selectFrom('email_jobs')
      .innerJoin('users', 'users.id', 'email_jobs.recipient_id')
      .select(['email_jobs.organisation_id', 'email_jobs.payload'])
      .where('users.email', '=', 'kutsu-b@example.org')
      .executeTakeFirstOrThrow()
    expect(job.organisation_id).not.toBe(a.organisationId)
    expect(job.payload.organisationName).toBe('Alue B')
  },
  'admin.organisation.tsx': async () => {
    const result = payloadOf(await adminOrganisation.loader(await get('/admin/organisation', b.adminSession)))
    expect(result.organisation.id).not.toBe(a.organisationId)
    expect(result.teams.map((t: { id: string }) => t.id)).not.toContain(a.teamId)
    for (const [unit, id] of [
      ['teams', a.teamId],
      ['municipalities', a.municipalityId],
    ] as const) {
      const request = await formRequest(
        '/admin/organisation',
        { intent: 'rename', unit, id, name: 'Kaapattu' },
        { session: b.adminSession },
      )
      expect(statusOf(await thrownBy(adminOrganisation.action({ request, params: {}, context })))).toBe(404)
    }
    const team = await getDb().selectFrom('teams').select('name').where('id', '=', a.teamId).executeTakeFirstOrThrow()
    expect(team.name).toBe('Tiimi A')
  },
  'admin.committees.tsx': async () => {
    const db = getDb()
    const committeeA = await createCommittee(db, a.organisationId, 'Lautakunta A')
    const memberA = await createUser(db, { organisationId: a.organisationId, roles: ['committee_member'] })
    await db
      .insertInto('committee_members')
      .values({ committee_id: committeeA.id, user_id: a.userId, role: 'chair' })
      .execute()
    const committeeB = await createCommittee(db, b.organisationId, 'Lautakunta B')

    const result = payloadOf(await adminCommittees.loader(await get('/admin/committees', b.adminSession)))
    expect(result.committees.map((c: { id: string }) => c.id)).toEqual([committeeB.id])
    expect(JSON.stringify(result)).not.toContain(a.userId)
    expect(JSON.stringify(result)).not.toContain(memberA.id)

    const post = async (fields: Record<string, string>) =>
      adminCommittees
        .action({
          request: await formRequest('/admin/committees', fields, { session: b.adminSession }),
          params: {},
          context,
        })
        .catch((error: unknown) => error)
    // A's committee cannot be read into, added to, changed or emptied by B's admin.
    for (const fields of <Record<string, string>[]>[
      { intent: 'add', committeeId: committeeA.id, userId: b.committeeMemberId, role: 'member' },
      { intent: 'changeRole', committeeId: committeeA.id, userId: a.userId, role: 'member' },
      { intent: 'remove', committeeId: committeeA.id, userId: a.userId },
    ]) {
      expect(statusOf(await post(fields))).toBe(404)
    }
    // Nor can A's user be seated on B's own committee.
    const seated = await post({ intent: 'add', committeeId: committeeB.id, userId: memberA.id, role: 'chair' })
    expect(statusOf(seated)).toBe(400)
    expect(payloadOf(seated).fieldErrors).toEqual({ userId: 'admin.committees.notEligible' })

    const seats = await db
      .selectFrom('committee_members')
      .select(['committee_id', 'user_id', 'role'])
      .where('committee_id', 'in', [committeeA.id, committeeB.id])
      .execute()
    expect(seats).toEqual([{ committee_id: committeeA.id, user_id: a.userId, role: 'chair' }])
  },
}

Object.assign(checks, {
  'reports.$reportId.tsx': async () => {
    const params = { reportId: a.reportId }
    for (const session of [b.adminSession, b.coordinatorSession, b.workerSession]) {
      const thrown = await thrownBy(reportPage.loader({ ...(await get(`/reports/${a.reportId}`, session)), params }))
      expect(statusOf(thrown)).toBe(404)
    }
    const request = await formRequest(
      `/reports/${a.reportId}`,
      { intent: 'transition', to: 'decided', expectedStatus: 'on_agenda', comment: 'Kaapattu' },
      { session: b.coordinatorSession },
    )
    expect(statusOf(await thrownBy(reportPage.action({ request, params, context })))).toBe(404)
    const report = await getDb()
      .selectFrom('reports')
      .select('status')
      .where('id', '=', a.reportId)
      .executeTakeFirstOrThrow()
    expect(report.status).toBe('on_agenda')
  },
  'reports.$reportId_.edit.tsx': async () => {
    const params = { reportId: a.draftId }
    const thrown = await thrownBy(
      editReport.loader({ ...(await get(`/reports/${a.draftId}/edit`, b.workerSession)), params }),
    )
    expect(statusOf(thrown)).toBe(404)
    const request = await formRequest(
      `/reports/${a.draftId}/edit`,
      { intent: 'save', title: 'Kaapattu' },
      { session: b.workerSession },
    )
    expect(statusOf(await thrownBy(editReport.action({ request, params, context })))).toBe(404)
  },
  'reports.new.tsx': async () => {
    const request = await formRequest(
      '/reports/new',
      { intent: 'save', title: 'B:n luonnos', municipalityId: a.municipalityId, reportId: a.draftId },
      { session: b.workerSession },
    )
    expect(statusOf(await thrownBy(newReport.action({ request, params: {}, context })))).toBe(409)
    const draftA = await getDb()
      .selectFrom('reports')
      .select('title')
      .where('id', '=', a.draftId)
      .executeTakeFirstOrThrow()
    expect(draftA.title).toBe('A-luonnos')
    const fresh = await formRequest(
      '/reports/new',
      { intent: 'save', title: 'B:n luonnos', municipalityId: a.municipalityId },
      { session: b.workerSession },
    )
    await newReport.action({ request: fresh, params: {}, context })
    const created = await getDb()
      .selectFrom('reports')
      .select('municipality_id')
      .where('title', '=', 'B:n luonnos')
      .executeTakeFirstOrThrow()
    expect(created.municipality_id).toBeNull()
  },
  'reports.similar.ts': async () => {
    const request = await formRequest(
      '/reports/similar',
      { q: 'Salainen A-raportti vuokrarästit' },
      { session: b.coordinatorSession },
    )
    const result = payloadOf(await similarReports.action({ request, params: {}, context }))
    expect(result.similar.map((r: { id: string }) => r.id)).not.toContain(a.reportId)
  },
  'review.tsx': async () => {
    const result = payloadOf(await review.loader(await get('/review?q=vuokrarästit', b.coordinatorSession)))
    expect(result.reports.map((r: { id: string }) => r.id)).not.toContain(a.reportId)
  },
  'review_.feedback.tsx': async () => {
    const db = getDb()
    const overdueA = await createReport(db, {
      organisation_id: a.organisationId,
      team_id: a.teamId,
      author_id: a.userId,
      status: 'submitted',
      title: 'A:n myöhässä oleva raportti',
      submitted_at: new Date(Date.now() - 40 * 24 * 60 * 60 * 1000),
    })
    for (const session of [b.coordinatorSession, b.workerSession]) {
      const result = payloadOf(await feedbackTimes.loader(await get('/review/feedback?period=365', session)))
      expect(result.teams.map((t: { teamId: string }) => t.teamId)).not.toContain(a.teamId)
      expect(result.overdue.map((r: { id: string }) => r.id)).not.toContain(overdueA.id)
      expect(result.limitDays).toBe(14)
    }
    // The limit is organisation B's own: setting it leaves organisation A's untouched.
    const request = await formRequest(
      '/admin/organisation',
      { intent: 'feedbackLimit', days: '5', organisationId: a.organisationId },
      { session: b.adminSession },
    )
    expect(statusOf(await adminOrganisation.action({ request, params: {}, context }))).toBe(200)
    const limits = await db
      .selectFrom('organisations')
      .select(['id', 'feedback_limit_days'])
      .where('id', '=', a.organisationId)
      .executeTakeFirstOrThrow()
    expect(limits.feedback_limit_days).toBe(14)
    const after = payloadOf(await feedbackTimes.loader(await get('/review/feedback', b.coordinatorSession)))
    expect(after.limitDays).toBe(5)
  },
  'phenomena._index.tsx': async () => {
    for (const session of [b.coordinatorSession, (await pureWorkerOfB()).session]) {
      const result = payloadOf(await phenomena.loader(await get('/phenomena', session)))
      expect(result.phenomena.map((p: { id: string }) => p.id)).not.toContain(a.phenomenonId)
    }
  },
  'phenomena.$phenomenonId.tsx': async () => {
    const params = { phenomenonId: a.phenomenonId }
    for (const session of [b.coordinatorSession, (await pureWorkerOfB()).session]) {
      const thrown = await thrownBy(
        phenomenonPage.loader({ ...(await get(`/phenomena/${a.phenomenonId}`, session)), params }),
      )
      expect(statusOf(thrown)).toBe(404)
    }
  },
})

/** Calls an API route with each organisation B token and returns the parsed answers. */
async function callApi(
  route: { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> },
  path: string,
  options: { method?: string; body?: unknown; params?: Record<string, string> } = {},
) {
  const answers: { status: number; text: string }[] = []
  for (const token of b.apiTokens) {
    const request = apiRequest(path, { token, method: options.method, body: options.body })
    const handler = request.method === 'GET' ? route.loader : route.action
    const response = await handler({ request, params: options.params ?? {}, context } as never)
    answers.push({ status: response.status, text: await response.text() })
  }
  return answers
}

async function reportAStatus() {
  const report = await getDb()
    .selectFrom('reports')
    .select(['status', 'title'])
    .where('id', '=', a.reportId)
    .executeTakeFirstOrThrow()
  return report
}

Object.assign(checks, {
  'api.v1.reports.ts': async () => {
    for (const answer of await callApi(reportsApi, '/api/v1/reports?limit=100')) {
      expect(answer.status).toBe(200)
      expect(answer.text).not.toContain(a.reportId)
    }
    const created = await callApi(reportsApi, '/api/v1/reports', {
      method: 'POST',
      body: { title: 'B:n API-luonnos', municipalityId: a.municipalityId },
    })
    expect(created.map((answer) => answer.status)).toEqual([403, 403, 201])
    expect(JSON.parse(created[2]!.text).municipalityId).toBeNull()
  },
  'api.v1.reports_.$reportId.ts': async () => {
    for (const reportId of [a.reportId, a.draftId]) {
      const params = { reportId }
      const read = await callApi(reportApi, `/api/v1/reports/${reportId}`, { params })
      expect(read.map((answer) => answer.status)).toEqual([404, 404, 404])
      const patched = await callApi(reportApi, `/api/v1/reports/${reportId}`, {
        method: 'PATCH',
        body: { title: 'Kaapattu' },
        params,
      })
      expect(patched.map((answer) => answer.status)).toEqual([404, 404, 404])
    }
    const draft = await getDb()
      .selectFrom('reports')
      .select('title')
      .where('id', '=', a.draftId)
      .executeTakeFirstOrThrow()
    expect(draft.title).toBe('A-luonnos')
  },
  'api.v1.reports_.$reportId_.transitions.ts': async () => {
    const answers = await callApi(transitionsApi, `/api/v1/reports/${a.reportId}/transitions`, {
      method: 'POST',
      body: { to: 'decided', expectedStatus: 'on_agenda', comment: 'Kaapattu' },
      params: { reportId: a.reportId },
    })
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404])
    expect((await reportAStatus()).status).toBe('on_agenda')
  },
  'api.v1.reports_.$reportId_.events.ts': async () => {
    const answers = await callApi(eventsApi, `/api/v1/reports/${a.reportId}/events`, {
      params: { reportId: a.reportId },
    })
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404])
  },
  'api.v1.phenomena.ts': async () => {
    const answers = await callApi(phenomenaApi, '/api/v1/phenomena')
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200])
    for (const answer of answers) expect(answer.text).not.toContain(a.phenomenonId)
    const request = apiRequest('/api/v1/phenomena', { token: (await pureWorkerOfB()).token })
    const workerAnswer = await phenomenaApi.loader({ request, params: {}, context } as never)
    expect(workerAnswer.status).toBe(200)
    expect(await workerAnswer.text()).not.toContain(a.phenomenonId)
  },
  'api.v1.me.ts': async () => {
    for (const answer of await callApi(meApi, '/api/v1/me')) {
      expect(answer.status).toBe(200)
      expect(answer.text).not.toContain(a.organisationId)
      expect(answer.text).not.toContain(a.teamId)
    }
  },
})

/** Organisation A's feedback: a notification and a follow of A's user, an email in the local mailbox, a dead one. */
let feedbackOfA: Promise<{ notificationId: string; emailId: string; deadEmailId: string }> | undefined
function feedbackDataOfA() {
  feedbackOfA ??= (async () => {
    const db = getDb()
    const event = await db
      .insertInto('report_events')
      .values({
        report_id: a.reportId,
        organisation_id: a.organisationId,
        actor_id: a.userId,
        type: 'status_changed',
        from_status: 'forwarded',
        to_status: 'on_agenda',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const notification = await db
      .insertInto('notifications')
      .values({
        organisation_id: a.organisationId,
        user_id: a.userId,
        event_id: event.id,
        report_id: a.reportId,
        reason: 'author',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('follows')
      .values({ organisation_id: a.organisationId, user_id: a.userId, phenomenon_id: a.phenomenonId })
      .execute()
    const email = (status: 'sent' | 'dead') =>
      db
        .insertInto('email_jobs')
        .values({
          organisation_id: a.organisationId,
          recipient_id: a.userId,
          kind: 'notification',
          payload: JSON.stringify({ notificationId: notification.id }),
          idempotency_key: `isolation/${status}`,
          status,
          delivered_locally: status === 'sent',
          to_address: a.userEmail,
          subject: 'A:n viesti',
          html: '<p>A</p>',
          text_body: 'A',
          last_error: status === 'dead' ? 'A:n virhe' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    return { notificationId: notification.id, emailId: (await email('sent')).id, deadEmailId: (await email('dead')).id }
  })()
  return feedbackOfA
}

async function notificationOfAIsUnread(notificationId: string) {
  const row = await getDb()
    .selectFrom('notifications')
    .select('read_at')
    .where('id', '=', notificationId)
    .executeTakeFirstOrThrow()
  return row.read_at === null
}

Object.assign(checks, {
  'notifications._index.tsx': async () => {
    const { notificationId } = await feedbackDataOfA()
    for (const session of [b.adminSession, b.coordinatorSession, b.workerSession]) {
      const result = payloadOf(await notificationsPage.loader(await get('/notifications', session)))
      expect(result.notifications.map((n: { id: string }) => n.id)).not.toContain(notificationId)
      expect(JSON.stringify(result)).not.toContain(a.reportTitle)
      const markOne = await formRequest('/notifications', { intent: 'markRead', notificationId }, { session })
      expect(statusOf(await thrownBy(notificationsPage.action({ request: markOne, params: {}, context })))).toBe(404)
      const markAll = await formRequest('/notifications', { intent: 'markAllRead' }, { session })
      await notificationsPage.action({ request: markAll, params: {}, context })
    }
    expect(await notificationOfAIsUnread(notificationId)).toBe(true)
  },
  'api.v1.notifications.ts': async () => {
    const { notificationId } = await feedbackDataOfA()
    for (const answer of await callApi(notificationsApi, '/api/v1/notifications?limit=100')) {
      expect(answer.status).toBe(200)
      expect(answer.text).not.toContain(notificationId)
      expect(answer.text).not.toContain(a.reportTitle)
    }
  },
  'notifications.$notificationId.open.tsx': async () => {
    const { notificationId } = await feedbackDataOfA()
    const params = { notificationId }
    const thrown = await thrownBy(
      openNotification.loader({ ...(await get(`/notifications/${notificationId}/open`, b.workerSession)), params }),
    )
    expect(statusOf(thrown)).toBe(404)
    expect(await notificationOfAIsUnread(notificationId)).toBe(true)
  },
  'follows.ts': async () => {
    await feedbackDataOfA()
    const attempts = [
      { session: b.coordinatorSession, intent: 'follow', kind: 'report', id: a.reportId },
      { session: b.coordinatorSession, intent: 'follow', kind: 'phenomenon', id: a.phenomenonId },
      { session: b.workerSession, intent: 'follow', kind: 'report', id: a.reportId },
    ]
    for (const { session, ...fields } of attempts) {
      const request = await formRequest('/follows', fields, { session })
      expect(statusOf(await thrownBy(follows.action({ request, params: {}, context })))).toBe(404)
    }
    const unfollow = await formRequest(
      '/follows',
      { intent: 'unfollow', kind: 'phenomenon', id: a.phenomenonId },
      { session: b.coordinatorSession },
    )
    await follows.action({ request: unfollow, params: {}, context })
    const rows = await getDb()
      .selectFrom('follows')
      .select(['user_id', 'phenomenon_id'])
      .where((eb) => eb.or([eb('report_id', '=', a.reportId), eb('phenomenon_id', '=', a.phenomenonId)]))
      .execute()
    expect(rows).toEqual([{ user_id: a.userId, phenomenon_id: a.phenomenonId }])
  },
  'admin.mailbox._index.tsx': async () => {
    const { emailId } = await feedbackDataOfA()
    // Outside demo mode the mailbox does not exist at all; inside, it holds B's emails only.
    const result = await mailbox.loader(await get('/admin/mailbox', b.adminSession)).catch((error: unknown) => error)
    if (statusOf(result) === 404) return
    expect(payloadOf(result).emails.map((email: { id: string }) => email.id)).not.toContain(emailId)
  },
  'admin.mailbox.$emailId.tsx': async () => {
    const { emailId } = await feedbackDataOfA()
    const params = { emailId }
    const thrown = await thrownBy(
      mailboxEmail.loader({ ...(await get(`/admin/mailbox/${emailId}`, b.adminSession)), params }),
    )
    expect(statusOf(thrown)).toBe(404)
  },
  'admin.mailbox.$emailId_.html.ts': async () => {
    const { emailId } = await feedbackDataOfA()
    const params = { emailId }
    const thrown = await thrownBy(
      mailboxEmailDocument.loader({ ...(await get(`/admin/mailbox/${emailId}/html`, b.adminSession)), params }),
    )
    expect(statusOf(thrown)).toBe(404)
  },
  'admin.email-failures.tsx': async () => {
    const { deadEmailId } = await feedbackDataOfA()
    const result = payloadOf(await emailFailures.loader(await get('/admin/email-failures', b.adminSession)))
    expect(result.jobs.map((job: { id: string }) => job.id)).not.toContain(deadEmailId)
    const request = await formRequest(
      '/admin/email-failures',
      { intent: 'retry', jobId: deadEmailId },
      { session: b.adminSession },
    )
    expect(statusOf(await thrownBy(emailFailures.action({ request, params: {}, context })))).toBe(404)
    const job = await getDb()
      .selectFrom('email_jobs')
      .select(['status', 'attempts'])
      .where('id', '=', deadEmailId)
      .executeTakeFirstOrThrow()
    expect(job.status).toBe('dead')
  },
})

/** The year organisation A's committee work and its housing reports fall in. */
const year2025 = { from: '2025-01-01', to: '2025-12-31' }
const namesOfA = {
  committee: 'A:n sosiaalilautakunta',
  item: 'A:n asia: nuorten vuokrarästit',
  welfareReport: 'A:n hyvinvointikertomus 2025',
  section: 'A:n asumisen tilanne',
}

/**
 * Organisation A's committee work: a published meeting whose item carries A's report and phenomenon, a meeting
 * still being prepared with two items, a welfare report whose first section includes A's report and phenomenon,
 * and eight reports submitted in 2025 about housing in A's municipality, enough to show in any figures they leaked
 * into. Organisation B gets what its own forms need: a committee chaired by a user who is only a committee
 * member (B's coordinator is its secretary), a meeting in preparation and a welfare report with one section.
 */
let committeeWorkOfA:
  | Promise<{
      committeeId: string
      publishedMeetingId: string
      draftMeetingId: string
      publishedItemId: string
      draftItemIds: [string, string]
      welfareReportId: string
      sectionIds: [string, string]
      ofB: { memberSession: string; committeeId: string; meetingId: string; welfareReportId: string; sectionId: string }
    }>
  | undefined
function committeeWorkDataOfA() {
  committeeWorkOfA ??= (async () => {
    const db = getDb()
    const committee = await createCommittee(db, a.organisationId, namesOfA.committee)
    await db
      .insertInto('committee_members')
      .values({ committee_id: committee.id, user_id: a.userId, role: 'chair' })
      .execute()
    const meeting = (startsAt: string, publishedAt: Date | null) =>
      db
        .insertInto('meetings')
        .values({
          organisation_id: a.organisationId,
          committee_id: committee.id,
          starts_at: new Date(startsAt),
          place: 'A:n valtuustosali',
          published_at: publishedAt,
          published_by: publishedAt ? a.userId : null,
          created_by: a.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    const published = await meeting('2025-05-20T14:00:00Z', new Date('2025-05-06T09:00:00Z'))
    const draft = await meeting('2025-06-17T14:00:00Z', null)
    const item = (meetingId: string, position: number, title: string) =>
      db
        .insertInto('agenda_items')
        .values({
          organisation_id: a.organisationId,
          meeting_id: meetingId,
          position,
          title,
          summary: `${title}: A:n tiivistelmä`,
          proposal: `${title}: A:n päätösehdotus`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    const publishedItem = await item(published.id, 1, namesOfA.item)
    const draftItems = [await item(draft.id, 1, 'A:n valmisteltava asia'), await item(draft.id, 2, 'A:n toinen asia')]
    for (const itemId of [publishedItem.id, draftItems[0]!.id]) {
      await db.insertInto('agenda_item_reports').values({ agenda_item_id: itemId, report_id: a.reportId }).execute()
      await db
        .insertInto('agenda_item_phenomena')
        .values({ agenda_item_id: itemId, phenomenon_id: a.phenomenonId })
        .execute()
    }

    const welfareReport = await db
      .insertInto('welfare_reports')
      .values({
        organisation_id: a.organisationId,
        title: namesOfA.welfareReport,
        period_start: year2025.from,
        period_end: year2025.to,
        introduction: 'A:n johdanto',
        created_by: a.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const section = (position: number, title: string, category: string | null) =>
      db
        .insertInto('welfare_report_sections')
        .values({
          organisation_id: a.organisationId,
          welfare_report_id: welfareReport.id,
          position,
          title,
          category,
          body: `${title}: A:n teksti`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    const sections = [await section(1, namesOfA.section, 'housing'), await section(2, 'A:n toimeentulo', null)]
    await db
      .insertInto('welfare_section_reports')
      .values({ section_id: sections[0]!.id, report_id: a.reportId })
      .execute()
    await db
      .insertInto('welfare_section_phenomena')
      .values({ section_id: sections[0]!.id, phenomenon_id: a.phenomenonId })
      .execute()
    for (let day = 1; day <= 8; day++) {
      await createReport(db, {
        organisation_id: a.organisationId,
        team_id: a.teamId,
        author_id: a.userId,
        municipality_id: a.municipalityId,
        status: 'submitted',
        title: `A:n asumisraportti ${day}`,
        support_needs: ['housing'],
        submitted_at: new Date(`2025-03-0${day}T10:00:00Z`),
      })
    }

    const committeeB = await createCommittee(db, b.organisationId, 'B:n lautakunta')
    const memberB = await createUser(db, { organisationId: b.organisationId, roles: ['committee_member'] })
    await db
      .insertInto('committee_members')
      .values([
        { committee_id: committeeB.id, user_id: memberB.id, role: 'chair' },
        { committee_id: committeeB.id, user_id: b.committeeMemberId, role: 'secretary' },
      ])
      .execute()
    const meetingB = await db
      .insertInto('meetings')
      .values({
        organisation_id: b.organisationId,
        committee_id: committeeB.id,
        starts_at: new Date('2025-06-18T14:00:00Z'),
        created_by: b.committeeMemberId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const welfareReportB = await db
      .insertInto('welfare_reports')
      .values({
        organisation_id: b.organisationId,
        title: 'B:n hyvinvointikertomus',
        period_start: year2025.from,
        period_end: year2025.to,
        created_by: b.committeeMemberId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const sectionB = await db
      .insertInto('welfare_report_sections')
      .values({
        organisation_id: b.organisationId,
        welfare_report_id: welfareReportB.id,
        position: 1,
        title: 'B:n osio',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return {
      committeeId: committee.id,
      publishedMeetingId: published.id,
      draftMeetingId: draft.id,
      publishedItemId: publishedItem.id,
      draftItemIds: [draftItems[0]!.id, draftItems[1]!.id] as [string, string],
      welfareReportId: welfareReport.id,
      sectionIds: [sections[0]!.id, sections[1]!.id] as [string, string],
      ofB: {
        memberSession: await signIn(memberB.email),
        committeeId: committeeB.id,
        meetingId: meetingB.id,
        welfareReportId: welfareReportB.id,
        sectionId: sectionB.id,
      },
    }
  })()
  return committeeWorkOfA
}

/** Submits a form to a route's action as the session; returns what the action returned or threw. */
async function submit(
  route: { action: (args: never) => Promise<unknown> },
  path: string,
  params: Record<string, string>,
  fields: Record<string, string>,
  session: string,
) {
  const request = await formRequest(path, fields, { session })
  return route.action({ request, params, context } as never).catch((error: unknown) => error)
}

/** A's meetings, their items and what the items carry: every row a write by organisation B could touch. */
async function meetingRowsOfA() {
  const db = getDb()
  const work = await committeeWorkDataOfA()
  const itemIds = [work.publishedItemId, ...work.draftItemIds]
  return {
    meetings: await db
      .selectFrom('meetings')
      .selectAll()
      .where('organisation_id', '=', a.organisationId)
      .orderBy('starts_at')
      .execute(),
    items: await db
      .selectFrom('agenda_items')
      .selectAll()
      .where('organisation_id', '=', a.organisationId)
      .orderBy('meeting_id')
      .orderBy('position')
      .execute(),
    reports: await db
      .selectFrom('agenda_item_reports')
      .selectAll()
      .where('agenda_item_id', 'in', itemIds)
      .orderBy('agenda_item_id')
      .execute(),
    phenomena: await db
      .selectFrom('agenda_item_phenomena')
      .selectAll()
      .where('agenda_item_id', 'in', itemIds)
      .orderBy('agenda_item_id')
      .execute(),
    report: await reportAStatus(),
  }
}

/** A's welfare reports, their sections and what the sections include, and the history of A's report. */
async function welfareRowsOfA() {
  const db = getDb()
  const work = await committeeWorkDataOfA()
  return {
    welfareReports: await db
      .selectFrom('welfare_reports')
      .selectAll()
      .where('organisation_id', '=', a.organisationId)
      .execute(),
    sections: await db
      .selectFrom('welfare_report_sections')
      .selectAll()
      .where('organisation_id', '=', a.organisationId)
      .orderBy('position')
      .execute(),
    reports: await db
      .selectFrom('welfare_section_reports')
      .selectAll()
      .where('section_id', 'in', work.sectionIds)
      .execute(),
    phenomena: await db
      .selectFrom('welfare_section_phenomena')
      .selectAll()
      .where('section_id', 'in', work.sectionIds)
      .execute(),
    events: await db
      .selectFrom('report_events')
      .select(['type', 'welfare_report_section_id'])
      .where('report_id', '=', a.reportId)
      .orderBy('created_at')
      .execute(),
    report: await reportAStatus(),
  }
}

/** Every signed-in user of organisation B, the committee member without other roles included. */
/** A's published compiled report with an indicator series, in an organisation that shows them publicly. */
let compiledOfA: Promise<{ id: string; seriesId: string }> | null = null
function compiledReportOfA() {
  compiledOfA ??= (async () => {
    const db = getDb()
    await db
      .updateTable('organisations')
      .set({ public_social_reports: true })
      .where('id', '=', a.organisationId)
      .execute()
    const { id } = await db
      .insertInto('compiled_reports')
      .values({
        organisation_id: a.organisationId,
        title: 'A:n koottu raportti',
        narrative: 'A:n kerronta',
        created_by: a.userId,
        stage: 'published',
        approved_at: new Date(),
        published_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('compiled_report_phenomena')
      .values({ compiled_report_id: id, phenomenon_id: a.phenomenonId })
      .execute()
    const series = await db
      .insertInto('indicator_series')
      .values({
        organisation_id: a.organisationId,
        name: 'A:n indikaattori',
        source: 'Sotkanet',
        imported_by: a.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('compiled_report_reviewers').values({ compiled_report_id: id, user_id: a.userId }).execute()
    return { id, seriesId: series.id }
  })()
  return compiledOfA
}

async function sessionsOfB() {
  const { ofB } = await committeeWorkDataOfA()
  return [b.adminSession, b.coordinatorSession, b.workerSession, ofB.memberSession]
}

/** The users of organisation B who may open meetings: the coordinator and the committee member. */
async function meetingReadersOfB() {
  const { ofB } = await committeeWorkDataOfA()
  return [b.coordinatorSession, ofB.memberSession]
}

async function meetingDocumentIsRefused(route: { loader: (args: never) => Promise<unknown> }, document: string) {
  const work = await committeeWorkDataOfA()
  for (const meetingId of [work.publishedMeetingId, work.draftMeetingId]) {
    for (const session of await meetingReadersOfB()) {
      const request = await getRequest(`/meetings/${meetingId}/${document}`, session)
      const thrown = await thrownBy(route.loader({ request, params: { meetingId }, context } as never))
      expect(statusOf(thrown)).toBe(404)
    }
  }
}

async function welfareExportIsRefused(route: { loader: (args: never) => Promise<Response> }, format: string) {
  const work = await committeeWorkDataOfA()
  const load = async (welfareReportId: string, session: string) => {
    const request = await getRequest(`/welfare-reports/${welfareReportId}/export.${format}`, session)
    return route.loader({ request, params: { welfareReportId }, context } as never)
  }
  // B's own welfare report exports; A's does not exist for any user of B.
  expect((await load(work.ofB.welfareReportId, b.coordinatorSession)).status).toBe(200)
  for (const session of await sessionsOfB()) {
    expect(statusOf(await thrownBy(load(work.welfareReportId, session)))).toBe(404)
  }
}

function countOf(rows: { key: string | null; count: number | null }[], key: string) {
  return rows.find((row) => row.key === key)?.count ?? null
}

Object.assign(checks, {
  'meetings._index.tsx': async () => {
    const work = await committeeWorkDataOfA()
    for (const session of await meetingReadersOfB()) {
      const result = payloadOf(await meetingsPage.loader(await get('/meetings', session)))
      const ids = result.meetings.map((m: { id: string }) => m.id)
      expect(ids).not.toContain(work.publishedMeetingId)
      expect(ids).not.toContain(work.draftMeetingId)
      expect(JSON.stringify(result)).not.toContain(namesOfA.committee)
      expect(JSON.stringify(result)).not.toContain(work.committeeId)
    }
    const ofCoordinator = payloadOf(await meetingsPage.loader(await get('/meetings', b.coordinatorSession)))
    expect(ofCoordinator.meetings.map((m: { id: string }) => m.id)).toEqual([work.ofB.meetingId])
    // B's coordinator cannot plan a meeting for A's committee.
    const planned = await submit(
      meetingsPage,
      '/meetings',
      {},
      { committeeId: work.committeeId, startsAt: '2025-09-01T17:00', place: 'Kaapattu' },
      b.coordinatorSession,
    )
    expect(statusOf(planned)).toBe(400)
    expect(payloadOf(planned).fieldErrors).toEqual({ committeeId: 'meetings.validation.committee' })
    const meetingsOfA = await getDb()
      .selectFrom('meetings')
      .select('id')
      .where('committee_id', '=', work.committeeId)
      .orderBy('starts_at')
      .execute()
    expect(meetingsOfA.map((m) => m.id)).toEqual([work.publishedMeetingId, work.draftMeetingId])
  },
  'meetings.$meetingId.tsx': async () => {
    const work = await committeeWorkDataOfA()
    for (const meetingId of [work.publishedMeetingId, work.draftMeetingId]) {
      for (const session of await meetingReadersOfB()) {
        const thrown = await thrownBy(
          meetingPage.loader({ ...(await get(`/meetings/${meetingId}`, session)), params: { meetingId } }),
        )
        expect(statusOf(thrown)).toBe(404)
      }
    }
    const own = payloadOf(
      await meetingPage.loader({
        ...(await get(`/meetings/${work.ofB.meetingId}`, b.coordinatorSession)),
        params: { meetingId: work.ofB.meetingId },
      }),
    )
    expect(JSON.stringify(own.candidates)).not.toContain(a.phenomenonId)

    const before = await meetingRowsOfA()
    const post = (meetingId: string, fields: Record<string, string>, session = b.coordinatorSession) =>
      submit(meetingPage, `/meetings/${meetingId}`, { meetingId }, fields, session)
    const [firstItem, secondItem] = work.draftItemIds
    const details = { committeeId: work.ofB.committeeId, startsAt: '2025-09-01T17:00', place: 'Kaapattu' }
    const item = { title: 'Kaapattu', summary: 'Kaapattu', reportIds: a.reportId, phenomenonIds: a.phenomenonId }
    // Every intent on A's meeting in preparation is answered as if it did not exist.
    for (const fields of <Record<string, string>[]>[
      { intent: 'updateMeeting', ...details },
      { intent: 'addItem', ...item },
      { intent: 'updateItem', itemId: firstItem, version: new Date().toISOString(), ...item },
      { intent: 'deleteItem', itemId: secondItem },
      { intent: 'moveItem', itemId: firstItem, direction: 'down' },
      { intent: 'publish', confirm: 'on' },
    ]) {
      expect(statusOf(await post(work.draftMeetingId, fields)), fields.intent).toBe(404)
    }
    // Neither B's coordinator nor B's chair records a decision in A's published meeting.
    for (const session of await meetingReadersOfB()) {
      const decision = { intent: 'decide', itemId: work.publishedItemId, kind: 'decided', text: 'Kaapattu' }
      expect(statusOf(await post(work.publishedMeetingId, decision, session))).toBe(404)
    }
    // B's own meeting takes neither A's committee, A's report and phenomenon, nor A's items.
    const moved = await post(work.ofB.meetingId, { intent: 'updateMeeting', ...details, committeeId: work.committeeId })
    expect(statusOf(moved)).toBe(400)
    expect(payloadOf(moved).fieldErrors).toEqual({ committeeId: 'meetings.validation.committee' })
    const linked = await post(work.ofB.meetingId, { intent: 'addItem', ...item })
    expect(statusOf(linked)).toBe(400)
    expect(payloadOf(linked).fieldErrors).toEqual({
      reportIds: 'meetings.item.reportsUnavailable',
      phenomenonIds: 'meetings.item.phenomenaUnavailable',
    })
    for (const fields of <Record<string, string>[]>[
      { intent: 'updateItem', itemId: firstItem, version: new Date().toISOString(), title: 'Kaapattu' },
      { intent: 'deleteItem', itemId: secondItem },
      { intent: 'moveItem', itemId: firstItem, direction: 'down' },
      { intent: 'decide', itemId: work.publishedItemId, kind: 'noted', text: '' },
    ]) {
      expect(statusOf(await post(work.ofB.meetingId, fields)), fields.intent).toBe(404)
    }

    const after = await meetingRowsOfA()
    expect(after).toEqual(before)
    expect(after.meetings.map((m) => [m.id, m.published_at === null])).toEqual([
      [work.publishedMeetingId, false],
      [work.draftMeetingId, true],
    ])
    expect(after.items.map((i) => i.decision)).toEqual([null, null, null])
    expect(after.report.status).toBe('on_agenda')
    const meetingB = await getDb()
      .selectFrom('meetings')
      .select('committee_id')
      .where('id', '=', work.ofB.meetingId)
      .executeTakeFirstOrThrow()
    expect(meetingB.committee_id).toBe(work.ofB.committeeId)
    const itemsOfB = await getDb()
      .selectFrom('agenda_items')
      .select('id')
      .where('meeting_id', '=', work.ofB.meetingId)
      .execute()
    expect(itemsOfB).toEqual([])
  },
  'meetings.$meetingId_.agenda.tsx': () => meetingDocumentIsRefused(agendaDocument, 'agenda'),
  'meetings.$meetingId_.minutes.tsx': () => meetingDocumentIsRefused(minutesDocument, 'minutes'),
  'welfare-reports._index.tsx': async () => {
    const work = await committeeWorkDataOfA()
    for (const session of await sessionsOfB()) {
      const result = payloadOf(await welfareReports.loader(await get('/welfare-reports', session)))
      const ids = result.reports.map((r: { id: string }) => r.id)
      expect(ids).toContain(work.ofB.welfareReportId)
      expect(ids).not.toContain(work.welfareReportId)
      for (const name of [namesOfA.welfareReport, namesOfA.section, a.reportTitle]) {
        expect(JSON.stringify(result)).not.toContain(name)
      }
    }
    // A welfare report B's coordinator creates is B's, whatever the form claims.
    const created = await submit(
      welfareReports,
      '/welfare-reports',
      {},
      {
        title: 'B:n uusi kertomus',
        periodStart: year2025.from,
        periodEnd: year2025.to,
        introduction: '',
        organisationId: a.organisationId,
      },
      b.coordinatorSession,
    )
    expect(statusOf(created)).toBe(302)
    const row = await getDb()
      .selectFrom('welfare_reports')
      .select('organisation_id')
      .where('title', '=', 'B:n uusi kertomus')
      .executeTakeFirstOrThrow()
    expect(row.organisation_id).toBe(b.organisationId)
  },
  'welfare-reports.$welfareReportId.tsx': async () => {
    const work = await committeeWorkDataOfA()
    const load = async (welfareReportId: string, session: string) =>
      welfareReportPage.loader({
        ...(await get(`/welfare-reports/${welfareReportId}`, session)),
        params: { welfareReportId },
      })
    const own = payloadOf(await load(work.ofB.welfareReportId, b.coordinatorSession))
    expect(JSON.stringify(own.candidates)).not.toContain(a.phenomenonId)
    for (const session of await sessionsOfB()) {
      expect(statusOf(await thrownBy(load(work.welfareReportId, session)))).toBe(404)
    }

    const before = await welfareRowsOfA()
    const post = (welfareReportId: string, fields: Record<string, string>) =>
      submit(
        welfareReportPage,
        `/welfare-reports/${welfareReportId}`,
        { welfareReportId },
        fields,
        b.coordinatorSession,
      )
    const [section, otherSection] = work.sectionIds
    const content = { title: 'Kaapattu', category: '', body: 'Kaapattu', version: new Date().toISOString() }
    const sectionIntents = (sectionId: string): Record<string, string>[] => [
      { intent: 'updateSection', sectionId, ...content },
      { intent: 'moveSection', sectionId, direction: 'down' },
      { intent: 'deleteSection', sectionId },
      { intent: 'include', sectionId, reportIds: a.reportId, phenomenonIds: a.phenomenonId },
      { intent: 'remove', sectionId, reportIds: a.reportId, phenomenonIds: a.phenomenonId },
    ]
    // Every intent on A's welfare report is answered as if it did not exist.
    for (const fields of [
      { intent: 'updateReport', title: 'Kaapattu', periodStart: '2024-01-01', periodEnd: '2024-12-31' },
      { intent: 'addSection', ...content },
      ...sectionIntents(section),
      { intent: 'deleteSection', sectionId: otherSection },
    ]) {
      expect(statusOf(await post(work.welfareReportId, fields)), fields.intent).toBe(404)
    }
    // Nor can A's sections be reached through B's own welfare report, or A's report and phenomenon included in it.
    for (const fields of [
      ...sectionIntents(section),
      { intent: 'include', sectionId: work.ofB.sectionId, reportIds: a.reportId },
      { intent: 'include', sectionId: work.ofB.sectionId, phenomenonIds: a.phenomenonId },
    ]) {
      expect(statusOf(await post(work.ofB.welfareReportId, fields)), fields.intent).toBe(404)
    }

    const after = await welfareRowsOfA()
    expect(after).toEqual(before)
    expect(after.welfareReports.map((r) => r.title)).toEqual([namesOfA.welfareReport])
    expect(after.sections.map((s) => [s.id, s.title, s.body])).toEqual([
      [section, namesOfA.section, `${namesOfA.section}: A:n teksti`],
      [otherSection, 'A:n toimeentulo', 'A:n toimeentulo: A:n teksti'],
    ])
    expect(after.reports.map((r) => r.report_id)).toEqual([a.reportId])
    expect(after.report.status).toBe('on_agenda')
    const includedInB = await getDb()
      .selectFrom('welfare_section_reports')
      .select('report_id')
      .where('section_id', '=', work.ofB.sectionId)
      .union(
        getDb()
          .selectFrom('welfare_section_phenomena')
          .select('phenomenon_id as report_id')
          .where('section_id', '=', work.ofB.sectionId),
      )
      .execute()
    expect(includedInB).toEqual([])
  },
  'welfare-reports.$welfareReportId_.export[.]md.ts': () => welfareExportIsRefused(markdownExport, 'md'),
  'welfare-reports.$welfareReportId_.export[.]html.ts': () => welfareExportIsRefused(htmlExport, 'html'),
  'welfare-reports.$welfareReportId_.export[.]csv.ts': () => welfareExportIsRefused(csvExport, 'csv'),
  'social-reports._index.tsx': async () => {
    await compiledReportOfA()
    for (const session of [b.adminSession, b.coordinatorSession, b.workerSession]) {
      const result = payloadOf(await compiledReportsPage.loader(await get('/social-reports', session)))
      expect(JSON.stringify(result)).not.toContain('A:n koottu raportti')
    }
  },
  'social-reports.$compiledReportId.tsx': async () => {
    const { id, seriesId } = await compiledReportOfA()
    for (const session of [b.adminSession, b.coordinatorSession, b.workerSession]) {
      const load = compiledReportPage.loader({
        ...(await get(`/social-reports/${id}`, session)),
        params: { compiledReportId: id },
      })
      expect(statusOf(await thrownBy(load))).toBe(404)
    }
    const attempts: Record<string, string>[] = [
      { title: 'Kaapattu', narrative: '', version: '1' },
      { intent: 'send', version: '1' },
      { intent: 'comment', text: 'Kaapattu' },
    ]
    for (const fields of attempts) {
      const answer = await submit(
        compiledReportPage,
        `/social-reports/${id}`,
        { compiledReportId: id },
        fields,
        b.coordinatorSession,
      )
      expect(statusOf(answer)).toBe(404)
    }
    // B's own report cannot take A's phenomenon or indicator series.
    const created = await submit(
      newCompiledReportPage,
      '/social-reports/new',
      {},
      { title: 'B', phenomenonIds: a.phenomenonId },
      b.coordinatorSession,
    )
    const ownId = redirectTarget(created)!.split('/').pop()!
    await submit(
      compiledReportPage,
      `/social-reports/${ownId}`,
      { compiledReportId: ownId },
      { title: 'B', narrative: '', version: '1', phenomenonIds: a.phenomenonId, seriesIds: seriesId },
      b.coordinatorSession,
    )
    const own = payloadOf(
      await compiledReportPage.loader({
        ...(await get(`/social-reports/${ownId}`, b.coordinatorSession)),
        params: { compiledReportId: ownId },
      }),
    )
    expect(own.chosenPhenomena).toEqual([])
    expect(own.chosenSeries).toEqual([])
    expect(JSON.stringify(own)).not.toContain('A:n indikaattori')
  },
  'social-reports.new.tsx': async () => {
    const result = payloadOf(await newCompiledReportPage.loader(await get('/social-reports/new', b.coordinatorSession)))
    expect(result.phenomena.map((p: { id: string }) => p.id)).not.toContain(a.phenomenonId)
  },
  'social-reports.indicators.tsx': async () => {
    await compiledReportOfA()
    const result = payloadOf(await indicatorsPage.loader(await get('/social-reports/indicators', b.coordinatorSession)))
    expect(JSON.stringify(result)).not.toContain('A:n indikaattori')
  },
  'public.$organisation.social-reports.$compiledReportId.tsx': async () => {
    const { id } = await compiledReportOfA()
    const load = async (organisation: string) =>
      publicCompiledReport.loader({
        request: await getRequest(`/public/${organisation}/social-reports/${id}`),
        params: { organisation, compiledReportId: id },
        context,
      })
    expect(payloadOf(await load(a.organisationId)).title).toBe('A:n koottu raportti')
    // Under another organisation's address the report is not found.
    expect(statusOf(await thrownBy(load(b.organisationId)))).toBe(404)
  },
  'api.v1.social-reports.ts': async () => {
    await compiledReportOfA()
    for (const answer of await callApi(compiledReportsApi, '/api/v1/social-reports')) {
      expect(answer.status).toBe(200)
      expect(answer.text).not.toContain('A:n koottu raportti')
    }
  },
  'api.v1.social-reports_.$compiledReportId.ts': async () => {
    const { id } = await compiledReportOfA()
    for (const answer of await callApi(compiledReportApi, `/api/v1/social-reports/${id}`, {
      params: { compiledReportId: id },
    })) {
      expect(answer.status).toBe(404)
    }
  },
  'api.v1.social-reports_.$compiledReportId_.comments.ts': async () => {
    const { id } = await compiledReportOfA()
    const answers = await callApi(compiledReportCommentsApi, `/api/v1/social-reports/${id}/comments`, {
      method: 'POST',
      body: { text: 'Kaapattu' },
      params: { compiledReportId: id },
    })
    for (const answer of answers) expect(answer.status).toBe(404)
    const comments = await getDb()
      .selectFrom('compiled_report_comments')
      .where('compiled_report_id', '=', id)
      .selectAll()
      .execute()
    expect(comments).toEqual([])
  },
  'dashboard.tsx': async () => {
    const work = await committeeWorkDataOfA()
    const year = new URLSearchParams(year2025).toString()
    // A's own dashboard counts A's eight housing reports (perturbed by at most two): had they leaked, B's figures
    // below would show them.
    const ofA = payloadOf(await dashboard.loader(await get(`/dashboard?${year}`, await signIn(a.userEmail))))
    expect(countOf(ofA.figures.byDimension.category, 'housing')).toBeGreaterThanOrEqual(6)
    // B's worker and team lead reads the dashboard too, counting only B's own team's reports.
    for (const session of [b.adminSession, b.coordinatorSession, work.ofB.memberSession, b.workerSession]) {
      // A's municipality is no choice of B's: the filter is refused and nothing is counted.
      const filtered = payloadOf(
        await dashboard.loader(await get(`/dashboard?${year}&municipalityId=${a.municipalityId}`, session)),
      )
      expect(filtered.fieldErrors).toEqual({ municipalityId: 'validation.invalid' })
      expect(filtered.figures).toBeNull()
      expect(filtered.municipalities.map((m: { id: string }) => m.id)).not.toContain(a.municipalityId)
      // B has no reports submitted in 2025, so every figure of the year is suppressed.
      for (const query of [year, `${year}&category=housing`]) {
        const result = payloadOf(await dashboard.loader(await get(`/dashboard?${query}`, session)))
        expect(result.figures.total).toBeNull()
        expect(countOf(result.figures.byDimension.category, 'housing')).toBeNull()
        expect(JSON.stringify(result)).not.toContain('Kunta A')
        expect(JSON.stringify(result)).not.toContain(a.municipalityId)
      }
    }
  },
  'api.v1.statistics.ts': async () => {
    await committeeWorkDataOfA()
    const path = (query: Record<string, string>) =>
      `/api/v1/statistics?${new URLSearchParams({ ...year2025, ...query })}`
    const tokenA = await apiTokenFor({ id: a.userId }, a.organisationId)
    const ofA = await statisticsApi.loader({
      request: apiRequest(path({ groupBy: 'category' }), { token: tokenA }),
      params: {},
      context,
    } as never)
    expect(countOf((await ofA.json()).groups, 'housing')).toBeGreaterThanOrEqual(6)
    for (const groupBy of ['category', 'municipality']) {
      for (const filter of <Record<string, string>[]>[
        {},
        { category: 'housing' },
        { municipalityId: a.municipalityId },
      ]) {
        for (const answer of await callApi(statisticsApi, path({ groupBy, ...filter }))) {
          expect(answer.status).toBe(200)
          const body = JSON.parse(answer.text)
          expect(body.totals.total).toBeNull()
          expect(countOf(body.groups, 'housing')).toBeNull()
          expect(answer.text).not.toContain('Kunta A')
        }
      }
    }
  },
  'api.v1.welfare-reports.ts': async () => {
    const work = await committeeWorkDataOfA()
    for (const answer of await callApi(welfareReportsApi, '/api/v1/welfare-reports')) {
      expect(answer.status).toBe(200)
      const ids = JSON.parse(answer.text).welfareReports.map((r: { id: string }) => r.id)
      expect(ids).toContain(work.ofB.welfareReportId)
      expect(ids).not.toContain(work.welfareReportId)
      expect(answer.text).not.toContain(namesOfA.welfareReport)
    }
  },
  'api.v1.welfare-reports_.$welfareReportId.ts': async () => {
    const work = await committeeWorkDataOfA()
    const read = (welfareReportId: string) =>
      callApi(welfareReportApi, `/api/v1/welfare-reports/${welfareReportId}`, { params: { welfareReportId } })
    expect((await read(work.ofB.welfareReportId)).map((answer) => answer.status)).toEqual([200, 200, 200])
    const answers = await read(work.welfareReportId)
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404])
    for (const answer of answers) {
      expect(answer.text).not.toContain(namesOfA.welfareReport)
      expect(answer.text).not.toContain(namesOfA.section)
    }
  },
})

/** A's working group and one sending of A's report to it, made once. */
let sendingA: { id: string; recipient_id: string } | undefined
async function sendingOfA() {
  if (sendingA) return sendingA
  const db = getDb()
  const recipient = await db
    .insertInto('recipients')
    .values({ organisation_id: a.organisationId, kind: 'working_group', name: 'A:n lähetysryhmä' })
    .returning('id')
    .executeTakeFirstOrThrow()
  sendingA = await db
    .insertInto('sendings')
    .values({
      organisation_id: a.organisationId,
      recipient_id: recipient.id,
      report_id: a.reportId,
      covering_note: 'A:n saate',
      sent_by: a.userId,
    })
    .returning(['id', 'recipient_id'])
    .executeTakeFirstOrThrow()
  return sendingA
}

async function sendingsOfA() {
  const rows = await getDb()
    .selectFrom('sendings')
    .select('id')
    .where('organisation_id', '=', a.organisationId)
    .execute()
  return rows.map((row) => row.id)
}

// Response templates: A's templates are neither listed nor changed in B.
Object.assign(checks, {
  'admin.templates.tsx': async () => {
    const db = getDb()
    const templateA = await db
      .insertInto('response_templates')
      .values({ organisation_id: a.organisationId, name: 'A:n pohja', text_fi: 'A:n teksti' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const result = payloadOf(await adminTemplates.loader(await get('/admin/templates', b.adminSession)))
    expect(JSON.stringify(result)).not.toContain(templateA.id)
    for (const fields of <Record<string, string>[]>[
      { intent: 'update', templateId: templateA.id, name: 'Kaapattu', textFi: 'Kaapattu' },
      { intent: 'archive', templateId: templateA.id },
    ]) {
      const request = await formRequest('/admin/templates', fields, { session: b.adminSession })
      expect(statusOf(await thrownBy(adminTemplates.action({ request, params: {}, context }))), fields.intent).toBe(404)
    }
    const rowsOfA = await db
      .selectFrom('response_templates')
      .select(['name', 'archived_at'])
      .where('id', '=', templateA.id)
      .execute()
    expect(rowsOfA).toEqual([{ name: 'A:n pohja', archived_at: null }])
  },
})

// Recipients and sendings: A's recipients and what was sent to them are nobody's business in B.
Object.assign(checks, {
  'admin.recipients.tsx': async () => {
    const db = getDb()
    const recipientA = await db
      .insertInto('recipients')
      .values({ organisation_id: a.organisationId, kind: 'working_group', name: 'A:n työryhmä' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const result = payloadOf(await adminRecipients.loader(await get('/admin/recipients', b.adminSession)))
    expect(JSON.stringify(result)).not.toContain(recipientA.id)
    expect(JSON.stringify(result)).not.toContain(a.userId)
    for (const fields of <Record<string, string>[]>[
      { intent: 'update', recipientId: recipientA.id, kind: 'working_group', name: 'Kaapattu' },
      { intent: 'archive', recipientId: recipientA.id },
      { intent: 'addMember', recipientId: recipientA.id, userId: b.adminId },
      { intent: 'removeMember', recipientId: recipientA.id, userId: a.userId },
    ]) {
      const request = await formRequest('/admin/recipients', fields, { session: b.adminSession })
      expect(statusOf(await thrownBy(adminRecipients.action({ request, params: {}, context }))), fields.intent).toBe(
        404,
      )
    }
    // Nor can A's municipality be named by B's recipient.
    const request = await formRequest(
      '/admin/recipients',
      { intent: 'create', kind: 'municipal_welfare', name: 'Kaapattu', municipalityId: a.municipalityId },
      { session: b.adminSession },
    )
    expect(statusOf(await adminRecipients.action({ request, params: {}, context }))).toBe(400)
    const rowsOfA = await db
      .selectFrom('recipients')
      .select(['name', 'archived_at'])
      .where('id', '=', recipientA.id)
      .execute()
    expect(rowsOfA).toEqual([{ name: 'A:n työryhmä', archived_at: null }])
    const members = await db
      .selectFrom('recipient_members')
      .select('user_id')
      .where('recipient_id', '=', recipientA.id)
      .execute()
    expect(members).toEqual([])
    expect(await db.selectFrom('recipients').select('id').where('name', '=', 'Kaapattu').execute()).toEqual([])
  },
  'sendings._index.tsx': async () => {
    const sending = await sendingOfA()
    for (const session of [b.adminSession, b.coordinatorSession, b.workerSession]) {
      const result = payloadOf(await sendingsList.loader(await get('/sendings', session)))
      expect(JSON.stringify(result)).not.toContain(sending.id)
      expect(JSON.stringify(result)).not.toContain(a.reportTitle)
    }
  },
  'sendings.$sendingId.tsx': async () => {
    const sending = await sendingOfA()
    const params = { sendingId: sending.id }
    for (const session of [b.adminSession, b.coordinatorSession, b.workerSession]) {
      const thrown = await thrownBy(sendingPage.loader({ ...(await get(`/sendings/${sending.id}`, session)), params }))
      expect(statusOf(thrown)).toBe(404)
      const request = await formRequest(
        `/sendings/${sending.id}`,
        { intent: 'answered', version: '1', text: 'Kaapattu' },
        { session },
      )
      expect(statusOf(await thrownBy(sendingPage.action({ request, params, context })))).toBe(404)
    }
    const stored = await getDb()
      .selectFrom('sendings')
      .select(['state', 'answer'])
      .where('id', '=', sending.id)
      .execute()
    expect(stored).toEqual([{ state: 'sent', answer: null }])
  },
  'api.v1.recipients.ts': async () => {
    const sending = await sendingOfA()
    const answers = await callApi(recipientsApi, '/api/v1/recipients')
    for (const answer of answers) expect(answer.text).not.toContain(sending.recipient_id)
  },
  'api.v1.reports_.$reportId_.sendings.ts': async () => {
    const sending = await sendingOfA()
    const answers = await callApi(reportSendingsApi, `/api/v1/reports/${a.reportId}/sendings`, {
      method: 'POST',
      body: { recipientIds: [sending.recipient_id], coveringNote: 'Kaapattu' },
      params: { reportId: a.reportId },
    })
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404])
    expect(await sendingsOfA()).toEqual([sending.id])
  },
  'api.v1.phenomena_.$phenomenonId_.sendings.ts': async () => {
    const sending = await sendingOfA()
    const answers = await callApi(phenomenonSendingsApi, `/api/v1/phenomena/${a.phenomenonId}/sendings`, {
      method: 'POST',
      body: { recipientIds: [sending.recipient_id], coveringNote: 'Kaapattu' },
      params: { phenomenonId: a.phenomenonId },
    })
    // Only B's coordinator may send phenomena at all; to them A's is not there.
    expect(answers.map((answer) => answer.status)).toEqual([403, 404, 403])
    expect(await sendingsOfA()).toEqual([sending.id])
  },
})

let followUpA: string | undefined

/** A follow-up of A's decision concerning A's report, named by A's user as responsible. */
async function followUpOfA() {
  if (followUpA) return followUpA
  const db = getDb()
  const created = await db
    .insertInto('follow_ups')
    .values({
      organisation_id: a.organisationId,
      title: 'A:n seurattava tehtävä',
      responsible_user_id: a.userId,
      decided_on: '2026-05-12',
      target_date: '2026-06-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('follow_up_reports').values({ follow_up_id: created.id, report_id: a.reportId }).execute()
  followUpA = created.id
  return created.id
}

async function followUpAState() {
  return getDb()
    .selectFrom('follow_ups')
    .select(['version', 'status'])
    .where('id', '=', await followUpOfA())
    .executeTakeFirstOrThrow()
}

// Follow-ups: A's decisions and what became of them are nobody's business in B, on the board, the page and the API.
Object.assign(checks, {
  'follow-ups._index.tsx': async () => {
    await followUpOfA()
    for (const session of [b.adminSession, b.coordinatorSession, b.workerSession]) {
      const result = payloadOf(await followUpBoard.loader(await get('/follow-ups?overdue=true', session)))
      expect(result.followUps).toEqual([])
      expect(JSON.stringify(result.choices)).not.toContain(a.userId)
      expect(JSON.stringify(result.choices)).not.toContain(a.municipalityId)
    }
  },
  'follow-ups.$followUpId.tsx': async () => {
    const followUpId = await followUpOfA()
    const params = { followUpId }
    for (const session of [b.adminSession, b.coordinatorSession, b.workerSession]) {
      const thrown = await thrownBy(
        followUpPage.loader({ ...(await get(`/follow-ups/${followUpId}`, session)), params }),
      )
      expect(statusOf(thrown)).toBe(404)
      const request = await formRequest(
        `/follow-ups/${followUpId}`,
        { version: '1', body: 'Kaapattu', status: 'done' },
        { session },
      )
      expect(statusOf(await thrownBy(followUpPage.action({ request, params, context })))).toBe(404)
    }
    expect(await followUpAState()).toEqual({ version: 1, status: 'not_started' })
  },
  'api.v1.follow-ups.ts': async () => {
    const followUpId = await followUpOfA()
    const answers = await callApi(followUpsApi, '/api/v1/follow-ups?overdue=true')
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      expect(answer.text).not.toContain(followUpId)
    }
  },
  'api.v1.follow-ups_.$followUpId.ts': async () => {
    const followUpId = await followUpOfA()
    const answers = await callApi(followUpApi, `/api/v1/follow-ups/${followUpId}`, { params: { followUpId } })
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404])
  },
  'api.v1.follow-ups_.$followUpId_.updates.ts': async () => {
    const followUpId = await followUpOfA()
    const answers = await callApi(followUpUpdatesApi, `/api/v1/follow-ups/${followUpId}/updates`, {
      method: 'POST',
      body: { expectedVersion: 1, body: 'Kaapattu', status: 'done' },
      params: { followUpId },
    })
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404])
    expect(await followUpAState()).toEqual({ version: 1, status: 'not_started' })
  },
})

Object.assign(checks, {
  'organisation.tsx': async () => {
    const request = await formRequest(
      '/organisation',
      { organisationId: a.organisationId },
      { session: b.adminSession },
    )
    expect(statusOf(await thrownBy(organisationSwitch.action({ request, params: {}, context })))).toBe(404)
    const root = payloadOf(await rootLoader(await get('/', b.adminSession)))
    expect(root.user.organisationId).toBe(b.organisationId)
  },
  'settings_.own-data[.]json.ts': async () => {
    const response = (await ownData.loader(await get('/settings/own-data.json', b.workerSession))) as Response
    const text = await response.text()
    for (const foreign of [a.userId, a.userEmail, a.reportTitle, a.organisationId]) expect(text).not.toContain(foreign)
  },
})

/** Routes that hold no organisation data at all, and why. */
Object.assign(checks, {
  'admin.audit.tsx': async () => {
    await recordAuditOfA()
    const filtered = payloadOf(await auditPage.loader(await get(`/admin/audit?target=${a.reportId}`, b.adminSession)))
    expect(filtered.rows).toEqual([])
    const all = payloadOf(await auditPage.loader(await get('/admin/audit', b.adminSession)))
    expect(JSON.stringify(all.rows)).not.toContain(a.reportId)
    expect(all.actors.map((actor: { id: string }) => actor.id)).not.toContain(a.userId)
  },
  'admin.audit[.]csv.ts': async () => {
    await recordAuditOfA()
    const response = await auditCsv.loader(await get(`/admin/audit.csv?actor=${a.userId}`, b.adminSession))
    expect((await response.text()).trim().split('\r\n')).toHaveLength(1)
  },
})

Object.assign(checks, {
  'admin.redactions.tsx': async () => {
    await getDb()
      .updateTable('reports')
      .set({ identifiability_findings: JSON.stringify([{ field: 'title', kind: 'name', fragment: 'A' }]) })
      .where('id', '=', a.draftId)
      .execute()
    const page = payloadOf(await redactions.loader(await get('/admin/redactions', b.adminSession)))
    expect(page.drafts.map((draft: { id: string }) => draft.id)).not.toContain(a.draftId)
    const fields = { reportId: a.reportId, fragment: 'Vuokrarästit', reason: 'Kokeilu' }
    const request = await formRequest('/admin/redactions', fields, { session: b.adminSession })
    expect(statusOf(await redactions.action({ request, params: {}, context }))).toBe(404)
    const report = await getDb()
      .selectFrom('reports')
      .select('description')
      .where('id', '=', a.reportId)
      .executeTakeFirstOrThrow()
    expect(report.description).toContain('Vuokrarästit')
  },
})

// The shared picture: a worker of B reads B's phenomena only, and cannot say "Havaitsen saman" on A's.
let workerOfB: { session: string; token: string } | undefined
async function pureWorkerOfB() {
  if (workerOfB) return workerOfB
  const user = await createUser(getDb(), { organisationId: b.organisationId, roles: ['worker'] })
  workerOfB = { session: await signIn(user.email), token: await apiTokenFor(user, b.organisationId) }
  return workerOfB
}

async function observationsOfA() {
  const rows = await getDb()
    .selectFrom('phenomenon_observations')
    .select('id')
    .where('phenomenon_id', '=', a.phenomenonId)
    .execute()
  return rows.length
}

Object.assign(checks, {
  'api.v1.phenomena_.$phenomenonId_.observations.ts': async () => {
    const body = { municipalityId: null, clientEstimate: 5, sentence: 'Sama ilmiö näkyy meilläkin.' }
    const answers = await callApi(observationsApi, `/api/v1/phenomena/${a.phenomenonId}/observations`, {
      method: 'POST',
      body,
      params: { phenomenonId: a.phenomenonId },
    })
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404])
    const worker = await pureWorkerOfB()
    const request = apiRequest(`/api/v1/phenomena/${a.phenomenonId}/observations`, {
      token: worker.token,
      method: 'POST',
      body,
    })
    const response = await observationsApi.action({
      request,
      params: { phenomenonId: a.phenomenonId },
      context,
    } as never)
    expect(response.status).toBe(404)
    // The page's form refuses it too.
    const form = await formRequest(
      `/phenomena/${a.phenomenonId}`,
      { intent: 'observe', sentence: body.sentence },
      {
        session: worker.session,
      },
    )
    const thrown = await thrownBy(
      phenomenonPage.action({ request: form, params: { phenomenonId: a.phenomenonId }, context }),
    )
    expect(statusOf(thrown)).toBe(404)
    expect(await observationsOfA()).toBe(0)
  },
})

/** A's user read A's report: an entry B's admin must never see, whatever the filters. */
function recordAuditOfA() {
  return recordAudit(getDb(), {
    organisationId: a.organisationId,
    actorId: a.userId,
    action: 'report.read',
    target: { type: 'report', id: a.reportId },
  })
}

// Contributors (ADR 039): a contributor of B never sees A's phenomena, even those A opened for views, nor A's views.
let contributorOfB: string | undefined
async function contributorSessionOfB() {
  if (contributorOfB) return contributorOfB
  const db = getDb()
  await db.updateTable('phenomena').set({ open_for_views: true }).where('id', '=', a.phenomenonId).execute()
  const user = await createUser(db, { organisationId: b.organisationId, roles: ['contributor'] })
  contributorOfB = await signIn(user.email)
  return contributorOfB
}

Object.assign(checks, {
  'contribute._index.tsx': async () => {
    const result = payloadOf(await contribute.loader(await get('/contribute', await contributorSessionOfB())))
    expect(result.phenomena.map((p: { id: string }) => p.id)).not.toContain(a.phenomenonId)
  },
  'contribute.phenomenon.$phenomenonId.tsx': async () => {
    const session = await contributorSessionOfB()
    const params = { phenomenonId: a.phenomenonId }
    const path = `/contribute/phenomenon/${a.phenomenonId}`
    const thrown = await thrownBy(contributeOnPhenomenon.loader({ ...(await get(path, session)), params }))
    expect(statusOf(thrown)).toBe(404)
    const sent = await thrownBy(
      contributeOnPhenomenon.action({
        request: await formRequest(path, { forum: 'asiakasraati', text: 'Näkemys' }, { session }),
        params,
        context,
      }),
    )
    expect(statusOf(sent)).toBe(404)
  },
  'phenomena.$phenomenonId_.views.tsx': async () => {
    const params = { phenomenonId: a.phenomenonId }
    const path = `/phenomena/${a.phenomenonId}/views`
    const session = b.coordinatorSession
    expect(statusOf(await thrownBy(phenomenonViews.loader({ ...(await get(path, session)), params })))).toBe(404)
    const request = await formRequest(path, { open: 'on', publicSummary: 'B avaa' }, { session })
    expect(statusOf(await thrownBy(phenomenonViews.action({ request, params, context })))).toBe(404)
  },
  'phenomena.$phenomenonId_.client-view.tsx': async () => {
    const params = { phenomenonId: a.phenomenonId }
    const path = `/phenomena/${a.phenomenonId}/client-view`
    const session = b.workerSession
    expect(statusOf(await thrownBy(clientView.loader({ ...(await get(path, session)), params })))).toBe(404)
    const request = await formRequest(path, { text: 'B:n kirjaus' }, { session })
    expect(statusOf(await thrownBy(clientView.action({ request, params, context })))).toBe(404)
  },
  'contribute.own.tsx': async () => {
    const userA = await createUser(getDb(), { organisationId: a.organisationId, roles: ['contributor'] })
    await getDb()
      .insertInto('contributions')
      .values({
        organisation_id: a.organisationId,
        author_id: userA.id,
        kind: 'observation',
        forum: 'muu',
        text: 'A:n näkemys',
      })
      .execute()
    const result = payloadOf(await ownContributions.loader(await get('/contribute/own', await contributorSessionOfB())))
    expect(JSON.stringify(result)).not.toContain('A:n näkemys')
  },
})

const withoutOrganisationData: Record<string, string> = {
  'help.tsx': 'fixed guidance texts; reads only the caller’s own roles',
  'auth.oidc.start.tsx': 'redirects to the configured sign-in service; reads nothing of any organisation',
  'auth.oidc.callback.tsx':
    'signs in only the person the sign-in service vouched for, into an organisation where they are an active member',
  'login.tsx': 'anonymous form; lists only demo accounts, in demo mode',
  'logout.tsx': 'ends only the caller’s own session',
  'healthz.ts': 'reports database health only',
  'messages.$locale.ts': 'one language’s fixed interface texts; the same for everyone',
  '$.tsx': 'the not-found page',
  'errors.too-large.tsx': 'the page for a form over the size limit; the same for everyone',
  'admin.tsx': 'layout; checks the admin role and whether the app runs in a mode with a local mailbox',
  'admin._index.tsx': 'redirects to the user list',
  'api.v1.openapi[.json].ts': 'the API description; the same for everyone',
  'api.v1.$.ts': 'answers 404 for unknown API paths',
  'forgot-password.tsx': 'anonymous form; gives the same answer for every address and shows nothing stored',
  'invitation.$token.tsx':
    'shows only the link holder’s own name, email and organisation, to the holder of the secret link',
  'reset-password.$token.tsx': 'shows only the link holder’s own email, to the holder of the secret link',
  'respond.$token.tsx':
    'shows a partner only what was sent to it (no identifying data by design), to the holder of the secret link',
}

describe('a user of one organisation never reads or changes another organisation’s data', () => {
  for (const [route, check] of Object.entries(checks)) test(route, check)

  test('every route module is covered above', () => {
    const routes = readdirSync('app/routes').sort()
    expect(routes).toEqual([...Object.keys(checks), ...Object.keys(withoutOrganisationData)].sort())
  })
})
