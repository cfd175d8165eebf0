import { sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as redactions from '#app/routes/admin.redactions.tsx'
import * as reportList from '#app/routes/reports._index.tsx'

const context = { clientIp: '192.0.2.62' }
const fragment = 'Kauppakatu 12 B 4'
let sessions: { admin: string; coordinator: string; otherAdmin: string; worker: string }
let adminId: string
let reportId: string
let draftId: string

beforeAll(async () => {
  const db = getDb()
  const organisation = await createOrganisation(db)
  const other = await createOrganisation(db)
  const team = await createTeam(db, organisation.id, 'Aikuissosiaalityö')
  const person = (organisationId: string, roles: Parameters<typeof createUser>[1]['roles'], teamIds: string[] = []) =>
    createUser(db, { organisationId, roles, teamIds })
  const worker = await person(organisation.id, ['worker'], [team.id])
  const admin = await person(organisation.id, ['admin'])
  const coordinator = await person(organisation.id, ['coordinator'])
  const otherAdmin = await person(other.id, ['admin'])
  adminId = admin.id
  sessions = {
    admin: await signIn(admin.email),
    worker: await signIn(worker.email),
    coordinator: await signIn(coordinator.email),
    otherAdmin: await signIn(otherAdmin.email),
  }
  // Text stored before the guard covered it: in the report's fields, its proposed action and a lead's comment.
  const report = await createReport(db, {
    organisation_id: organisation.id,
    author_id: worker.id,
    team_id: team.id,
    status: 'changes_requested',
    title: 'Häätöuhka nuorilla',
    description: `Perhe osoitteessa ${fragment} sai häätöilmoituksen. Myös ${fragment} mainittiin.`,
    actions: [{ description: `Käynti osoitteessa ${fragment}.`, level: 'team' }],
  })
  reportId = report.id
  await db
    .insertInto('report_events')
    .values({
      report_id: reportId,
      organisation_id: organisation.id,
      actor_id: coordinator.id,
      type: 'status_changed',
      from_status: 'in_review',
      to_status: 'changes_requested',
      comment: `Poista osoite ${fragment} raportista.`,
    })
    .execute()
  draftId = (
    await createReport(db, {
      organisation_id: organisation.id,
      author_id: worker.id,
      status: 'draft',
      title: 'Vanha luonnos',
      description: 'Asiakas 131052-308T',
      identifiability_findings: JSON.stringify([
        { field: 'description', kind: 'personal_identity_code', fragment: '131052-308T' },
      ]),
    })
  ).id
})

async function redact(session: string, fields: Record<string, string>) {
  const request = await formRequest('/admin/redactions', fields, { session })
  return redactions.action({ request, params: {}, context })
}

async function storedTexts() {
  const db = getDb()
  const report = await db
    .selectFrom('reports')
    .select(['description'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow()
  const actions = await db
    .selectFrom('proposed_actions')
    .select('description')
    .where('report_id', '=', reportId)
    .execute()
  const comments = await db
    .selectFrom('report_events')
    .select(['type', 'comment', 'actor_id'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .execute()
  return { description: report.description, actions: actions.map((a) => a.description), comments }
}

describe('an admin redacts a fragment from a report', () => {
  test('without a reason nothing is removed', async () => {
    const before = await storedTexts()
    const result = await redact(sessions.admin, { reportId, fragment, reason: ' ' })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).fieldErrors).toEqual({ reason: 'privacy.redact.reasonRequired' })
    expect(payloadOf(result).values.fragment).toBe(fragment)
    expect(await storedTexts()).toEqual(before)
  })

  test('a reason holding identifying data is refused', async () => {
    const result = await redact(sessions.admin, { reportId, fragment, reason: 'Soitto numerosta 040 123 4567' })
    expect(statusOf(result)).toBe(422)
    expect((await storedTexts()).description).toContain(fragment)
  })

  test('a coordinator may not redact', async () => {
    expect(statusOf(await thrownBy(redact(sessions.coordinator, { reportId, fragment, reason: 'Osoite' })))).toBe(403)
    expect((await storedTexts()).description).toContain(fragment)
  })

  test('another organisation’s admin finds no such report', async () => {
    const result = await redact(sessions.otherAdmin, { reportId, fragment, reason: 'Osoite' })
    expect(statusOf(result)).toBe(404)
    expect((await storedTexts()).description).toContain(fragment)
  })

  test('every occurrence becomes [poistettu], the history says who and why but not what', async () => {
    const result = await redact(sessions.admin, { reportId, fragment, reason: 'Asiakkaan osoite' })
    expect(statusOf(result)).toBe(200)
    expect(payloadOf(result).message.params).toEqual({ title: 'Häätöuhka nuorilla', count: 4 })
    const stored = await storedTexts()
    expect(stored.description).toBe('Perhe osoitteessa [poistettu] sai häätöilmoituksen. Myös [poistettu] mainittiin.')
    expect(stored.actions).toEqual(['Käynti osoitteessa [poistettu].'])
    expect(stored.comments).toEqual([
      expect.objectContaining({ type: 'status_changed', comment: 'Poista osoite [poistettu] raportista.' }),
      { type: 'text_redacted', comment: 'Asiakkaan osoite', actor_id: adminId },
    ])
    expect(JSON.stringify(stored)).not.toContain('Kauppakatu')
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('target_id', '=', reportId)
      .execute()
    expect(audit).toEqual([
      { action: 'redaction', actor_id: adminId, details: { reason: 'Asiakkaan osoite', replaced: 4 } },
    ])
    const notifications = await getDb()
      .selectFrom('notifications')
      .innerJoin('report_events', 'report_events.id', 'notifications.event_id')
      .select('report_events.type')
      .where('report_events.report_id', '=', reportId)
      .execute()
    expect(notifications.map((row) => row.type)).toContain('text_redacted')
  })

  test('a fragment the report does not hold changes nothing and records nothing', async () => {
    const before = await storedTexts()
    const result = await redact(sessions.admin, { reportId, fragment, reason: 'Uudelleen' })
    expect(statusOf(result)).toBe(422)
    expect(payloadOf(result).fieldErrors).toEqual({ fragment: 'privacy.redact.nothingFound' })
    expect(await storedTexts()).toEqual(before)
  })

  test('events stay immutable outside a redaction', async () => {
    const db = getDb()
    const change = db.updateTable('report_events').set({ comment: 'muutettu' }).where('report_id', '=', reportId)
    await expect(change.execute()).rejects.toThrow(/immutable/)
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`select set_config('app.redacting', 'off', true)`.execute(trx)
        await trx.deleteFrom('report_events').where('report_id', '=', reportId).execute()
      }),
    ).rejects.toThrow(/immutable/)
    expect((await storedTexts()).comments).toHaveLength(2)
  })
})

describe('drafts stored with identifying text', () => {
  test('their author finds them listed on My reports, to open and fix', async () => {
    const request = await getRequest('/reports', sessions.worker)
    const page = payloadOf(await reportList.loader({ request, params: {}, context }))
    expect(page.flaggedDrafts).toEqual([{ id: draftId, title: 'Vanha luonnos' }])
  })

  test('the admin sees them by title only, never what was found', async () => {
    const page = payloadOf(
      await redactions.loader({ request: await getRequest('/admin/redactions', sessions.admin), params: {}, context }),
    )
    expect(page.drafts).toEqual([expect.objectContaining({ id: draftId, title: 'Vanha luonnos', findingCount: 1 })])
    expect(JSON.stringify(page)).not.toContain('131052')
  })

  test('redacting the quoted text clears the finding as well', async () => {
    await redact(sessions.admin, { reportId: draftId, fragment: '131052-308T', reason: 'Henkilötunnus' })
    const draft = await getDb()
      .selectFrom('reports')
      .select(['description', 'identifiability_findings'])
      .where('id', '=', draftId)
      .executeTakeFirstOrThrow()
    expect(draft).toEqual({ description: 'Asiakas [poistettu]', identifiability_findings: [] })
  })
})
