import { sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createPhenomenon, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import {
  apiRequest,
  apiTokenFor,
  formRequest,
  getRequest,
  payloadOf,
  signIn,
  statusOf,
  thrownBy,
} from '#tests/utils.ts'
import { removeExpiredAuditEntries } from '#app/services/audit.server.ts'
import { login } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { startEmailWorker } from '#app/utils/email-worker.server.ts'
import * as auditPage from '#app/routes/admin.audit.tsx'
import * as auditCsv from '#app/routes/admin.audit[.]csv.ts'
import * as adminOrganisation from '#app/routes/admin.organisation.tsx'
import * as adminUser from '#app/routes/admin.users.$userId.tsx'
import * as reportApi from '#app/routes/api.v1.reports_.$reportId.ts'
import * as eventsApi from '#app/routes/api.v1.reports_.$reportId_.events.ts'
import * as reportsApi from '#app/routes/api.v1.reports.ts'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as phenomenonPage from '#app/routes/phenomena.$phenomenonId.tsx'
import * as csvExport from '#app/routes/welfare-reports.$welfareReportId_.export[.]csv.ts'
import * as settings from '#app/routes/settings.tsx'

const context = { clientIp: '192.0.2.77' }

interface Side {
  organisationId: string
  admin: { id: string; email: string; session: string }
  lead: { id: string; email: string; session: string }
  reportId: string
}

let a: Side
let b: Side

async function makeSide(name: string): Promise<Side> {
  const db = getDb()
  const organisation = await createOrganisation(db, name)
  const team = await createTeam(db, organisation.id, `Tiimi ${name}`)
  const admin = await createUser(db, { organisationId: organisation.id, roles: ['admin'], name: `Ylläpitäjä ${name}` })
  const lead = await createUser(db, {
    organisationId: organisation.id,
    roles: ['team_lead'],
    teamIds: [team.id],
    name: `Tiimin vetäjä ${name}`,
  })
  const report = await createReport(db, {
    organisation_id: organisation.id,
    team_id: team.id,
    author_id: lead.id,
    status: 'submitted',
    title: `Raportti ${name}`,
  })
  return {
    organisationId: organisation.id,
    admin: { ...admin, session: await signIn(admin.email) },
    lead: { ...lead, session: await signIn(lead.email) },
    reportId: report.id,
  }
}

beforeAll(async () => {
  a = await makeSide(`Audit A ${Date.now()}`)
  b = await makeSide(`Audit B ${Date.now()}`)
})

/** The organisation's entries, newest first, as stored. */
function entriesOf(organisationId: string) {
  return getDb()
    .selectFrom('audit_log')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('id', 'desc')
    .execute()
}

async function latest(organisationId: string, action: string) {
  return (await entriesOf(organisationId)).find((entry) => entry.action === action)
}

async function openAuditPage(session: string, query = '') {
  return auditPage.loader({ request: await getRequest(`/admin/audit${query}`, session), params: {}, context })
}

describe('what is written to the audit log', () => {
  test('opening a report page logs who read which report through which route', async () => {
    await reportPage.loader({
      request: await getRequest(`/reports/${a.reportId}`, a.lead.session),
      params: { reportId: a.reportId },
      context,
    })
    expect(await latest(a.organisationId, 'report.read')).toMatchObject({
      actor_id: a.lead.id,
      target_type: 'report',
      target_id: a.reportId,
      api_token_id: null,
      details: { route: `/reports/${a.reportId}`, method: 'GET' },
    })
  })

  test('a report read through the API, with its events, names the token; a list is an API read', async () => {
    const token = await apiTokenFor(a.lead, a.organisationId)
    const stored = await getDb()
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', a.lead.id)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    const before = (await entriesOf(a.organisationId)).length
    const params = { reportId: a.reportId }
    expect(
      (await reportApi.loader({ request: apiRequest(`/api/v1/reports/${a.reportId}`, { token }), params })).status,
    ).toBe(200)
    await eventsApi.loader({ request: apiRequest(`/api/v1/reports/${a.reportId}/events`, { token }), params })
    await reportsApi.loader({ request: apiRequest('/api/v1/reports?status=submitted', { token }), params: {} })
    const added = (await entriesOf(a.organisationId)).slice(0, (await entriesOf(a.organisationId)).length - before)
    expect(added.map((entry) => [entry.action, entry.target_id, entry.api_token_id])).toEqual([
      ['api.read', '/api/v1/reports', stored.id],
      ['report.read', a.reportId, stored.id],
      ['report.read', a.reportId, stored.id],
    ])
    expect(added[0]!.details).toMatchObject({ route: '/api/v1/reports?status=submitted' })
  })

  test('opening a phenomenon and exporting a welfare report are logged with their routes', async () => {
    const db = getDb()
    const phenomenon = await createPhenomenon(db, { organisationId: a.organisationId, createdBy: a.lead.id })
    await phenomenonPage.loader({
      request: await getRequest(`/phenomena/${phenomenon.id}`, a.lead.session),
      params: { phenomenonId: phenomenon.id },
      context,
    })
    expect(await latest(a.organisationId, 'phenomenon.read')).toMatchObject({
      actor_id: a.lead.id,
      target_id: phenomenon.id,
    })

    const welfareReport = await db
      .insertInto('welfare_reports')
      .values({
        organisation_id: a.organisationId,
        title: 'Hyvinvointikertomus 2025',
        period_start: '2025-01-01',
        period_end: '2025-12-31',
        introduction: 'Johdanto',
        created_by: a.admin.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const path = `/welfare-reports/${welfareReport.id}/export.csv`
    const response = await csvExport.loader({
      request: await getRequest(path, a.lead.session),
      params: { welfareReportId: welfareReport.id },
      context,
    })
    expect(statusOf(response)).toBe(200)
    expect(await latest(a.organisationId, 'welfare_report.exported')).toMatchObject({
      actor_id: a.lead.id,
      target_type: 'welfare_report',
      target_id: welfareReport.id,
      details: { route: path },
    })
  })

  test('a report the reader may not see is not found and leaves no read behind', async () => {
    const before = (await entriesOf(b.organisationId)).length
    const thrown = await thrownBy(
      reportPage.loader({
        request: await getRequest(`/reports/${a.reportId}`, b.lead.session),
        params: { reportId: a.reportId },
        context,
      }),
    )
    expect(statusOf(thrown)).toBe(404)
    expect(await entriesOf(b.organisationId)).toHaveLength(before)
    expect((await entriesOf(a.organisationId)).some((entry) => entry.actor_id === b.lead.id)).toBe(false)
  })

  test('a role change records the roles before and after, by the admin', async () => {
    const user = await createUser(getDb(), {
      organisationId: a.organisationId,
      roles: ['worker'],
      name: 'Rooli Vaihtuu',
    })
    const request = await formRequest(
      `/admin/users/${user.id}`,
      { name: 'Rooli Vaihtuu', roles: ['worker', 'coordinator'], active: 'on' },
      { session: a.admin.session },
    )
    expect(payloadOf(await adminUser.action({ request, params: { userId: user.id }, context })).ok).toBe(true)
    expect(await latest(a.organisationId, 'user.roles_changed')).toMatchObject({
      actor_id: a.admin.id,
      target_type: 'user',
      target_id: user.id,
      details: { changes: { roles: { before: ['worker'], after: ['worker', 'coordinator'] } } },
    })
  })

  test('a sign-in and a failed one are logged; a failure names the address only of a known account', async () => {
    await signIn(a.lead.email)
    expect(await latest(a.organisationId, 'sign_in')).toMatchObject({
      actor_id: a.lead.id,
      details: { method: 'password' },
    })

    const failed = await login(getDb(), { email: a.lead.email, password: 'väärä salasana', clientIp: '192.0.2.78' })
    expect(failed.ok).toBe(false)
    const failure = await latest(a.organisationId, 'sign_in_failed')
    expect(failure).toMatchObject({ actor_id: a.lead.id, details: { email: a.lead.email } })
    expect(JSON.stringify(failure)).not.toContain('väärä salasana')

    const unknown = `ei-ketaan-${Date.now()}@example.org`
    await login(getDb(), { email: unknown, password: 'mitä tahansa', clientIp: '192.0.2.79' })
    const mentions = await getDb()
      .selectFrom('audit_log')
      .select('id')
      .where(sql<boolean>`details::text like ${`%${unknown}%`}`)
      .execute()
    expect(mentions).toEqual([])
  })

  test('creating and revoking an API token are logged with the token', async () => {
    const create = await formRequest(
      '/settings',
      { intent: 'createToken', name: 'Raportointi' },
      { session: a.lead.session },
    )
    await settings.action({ request: create, params: {}, context })
    const created = await latest(a.organisationId, 'token.created')
    expect(created).toMatchObject({ actor_id: a.lead.id, target_type: 'api_token', details: { name: 'Raportointi' } })

    const revoke = await formRequest(
      '/settings',
      { intent: 'revokeToken', tokenId: created!.target_id! },
      { session: a.lead.session },
    )
    await settings.action({ request: revoke, params: {}, context })
    expect(await latest(a.organisationId, 'token.revoked')).toMatchObject({
      actor_id: a.lead.id,
      api_token_id: created!.target_id,
    })
  })

  test('a settings change records before and after; retention outside 1–50 is refused with a message', async () => {
    const save = async (fields: Record<string, string>) =>
      adminOrganisation.action({
        request: await formRequest('/admin/organisation', fields, { session: a.admin.session }),
        params: {},
        context,
      })
    expect(payloadOf(await save({ intent: 'feedbackLimit', days: '21' })).ok).toBe(true)
    expect(await latest(a.organisationId, 'settings.changed')).toMatchObject({
      actor_id: a.admin.id,
      details: { intent: 'feedbackLimit', changes: { feedback_limit_days: { before: 14, after: 21 } } },
    })

    const refused = await save({ intent: 'auditRetention', years: '0' })
    expect(statusOf(refused)).toBe(400)
    expect(payloadOf(refused).fieldErrors).toEqual({ years: 'audit.retention.invalid' })
    expect(payloadOf(await save({ intent: 'auditRetention', years: '2' })).ok).toBe(true)
    expect(await latest(a.organisationId, 'settings.changed')).toMatchObject({
      details: { changes: { audit_retention_years: { before: 5, after: 2 } } },
    })
  })
})

describe('the table keeps what it has', () => {
  test('no entry can be changed or removed outside the retention round', async () => {
    const db = getDb()
    await expect(
      db.updateTable('audit_log').set({ action: 'sign_out' }).where('organisation_id', '=', a.organisationId).execute(),
    ).rejects.toThrow(/append-only/)
    await expect(db.deleteFrom('audit_log').where('organisation_id', '=', a.organisationId).execute()).rejects.toThrow(
      /append-only/,
    )
  })

  test("retention removes only entries older than their own organisation's setting", async () => {
    const db = getDb()
    const org = async (years: number) => {
      const organisation = await createOrganisation(db)
      await db
        .updateTable('organisations')
        .set({ audit_retention_years: years })
        .where('id', '=', organisation.id)
        .execute()
      return organisation.id
    }
    const shortKeeper = await org(1)
    const longKeeper = await org(5)
    const old = sql<Date>`now() - interval '2 years'`
    for (const organisationId of [shortKeeper, longKeeper]) {
      await db
        .insertInto('audit_log')
        .values([
          { organisation_id: organisationId, actor_id: null, action: 'sign_in', created_at: old },
          { organisation_id: organisationId, actor_id: null, action: 'sign_out' },
        ])
        .execute()
    }
    await removeExpiredAuditEntries(db)
    expect((await entriesOf(shortKeeper)).map((entry) => entry.action)).toEqual(['sign_out'])
    expect((await entriesOf(longKeeper)).map((entry) => entry.action).sort()).toEqual(['sign_in', 'sign_out'])
  })

  test('the email worker runs the retention round when it starts', async () => {
    const db = getDb()
    const organisation = await createOrganisation(db)
    await db.updateTable('organisations').set({ audit_retention_years: 1 }).where('id', '=', organisation.id).execute()
    await db
      .insertInto('audit_log')
      .values({
        organisation_id: organisation.id,
        actor_id: null,
        action: 'sign_in',
        created_at: sql<Date>`now() - interval '13 months'`,
      })
      .execute()
    const stop = startEmailWorker(db, { pollMs: 60_000 })
    await stop()
    expect(await entriesOf(organisation.id)).toEqual([])
  })
})

describe('the admin page', () => {
  test('shows only the own organisation, newest first, in words, and filters by user, target and period', async () => {
    const all = payloadOf(await openAuditPage(a.admin.session))
    expect(all.rows.length).toBeGreaterThan(0)
    const ids = all.rows.map((row: { id: string }) => Number(row.id))
    expect(ids).toEqual([...ids].sort((x, y) => y - x))
    expect(JSON.stringify(all)).not.toContain(b.reportId)
    expect(all.actors.map((actor: { id: string }) => actor.id)).not.toContain(b.lead.id)

    const byReport = payloadOf(await openAuditPage(a.admin.session, `?target=${a.reportId}`))
    expect(byReport.rows.length).toBeGreaterThan(0)
    expect(byReport.rows.every((row: { target_id: string }) => row.target_id === a.reportId)).toBe(true)

    const byUser = payloadOf(await openAuditPage(a.admin.session, `?actor=${a.admin.id}`))
    expect(byUser.rows.every((row: { actor_id: string }) => row.actor_id === a.admin.id)).toBe(true)
    expect(byUser.rows.length).toBeGreaterThan(0)

    const lastYear = payloadOf(await openAuditPage(a.admin.session, '?from=2000-01-01&to=2000-12-31'))
    expect(lastYear.rows).toEqual([])

    const otherOrganisation = payloadOf(await openAuditPage(b.admin.session, `?target=${a.reportId}`))
    expect(otherOrganisation.rows).toEqual([])
  })

  test('is for admins only', async () => {
    expect(statusOf(await thrownBy(openAuditPage(a.lead.session)))).toBe(403)
    const csv = auditCsv.loader({ request: await getRequest('/admin/audit.csv', a.lead.session), params: {}, context })
    expect(statusOf(await thrownBy(csv))).toBe(403)
  })

  test('the CSV holds the filtered entries in words, and downloading it is itself logged', async () => {
    const request = await getRequest(`/admin/audit.csv?target=${a.reportId}`, a.admin.session)
    const response = await auditCsv.loader({ request, params: {}, context })
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('time,who,user_id,action,what,target_type,target_id,via,api_token_id,details')
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.slice(1).every((line) => line.includes(a.reportId))).toBe(true)
    expect(lines.join('\n')).toContain('Luki raportin')
    expect(await latest(a.organisationId, 'audit.exported')).toMatchObject({
      actor_id: a.admin.id,
      details: { filters: { targetId: a.reportId }, rows: lines.length - 1 },
    })
  })
})
