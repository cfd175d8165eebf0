import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createReport, createUser } from '#tests/factories/index.ts'
import { createFollowUp, createRecipient } from '#tests/factories/follow-through.ts'
import { apiRequest, apiTokenFor, formRequest, getRequest, payloadOf, signIn, statusOf } from '#tests/utils.ts'
import { type WelfareReportDocument } from '#app/domain/welfare-report.ts'
import { ApiWelfareReportSchema } from '#app/utils/api-schemas.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as welfareReportApi from '#app/routes/api.v1.welfare-reports_.$welfareReportId.ts'
import * as welfareReport from '#app/routes/welfare-reports.$welfareReportId.tsx'
import * as exportCsv from '#app/routes/welfare-reports.$welfareReportId_.export[.]csv.ts'
import * as exportMd from '#app/routes/welfare-reports.$welfareReportId_.export[.]md.ts'

/**
 * The welfare report tells what was done: a "what was done" section lists the period's follow-ups (decided or due
 * within it) with their state, and the figures count follow-ups done, in progress and overdue, small counts hidden.
 */

const context = { clientIp: '192.0.2.79' }
let organisationId: string
let welfareReportId: string
let sessions: Record<'coordinator' | 'worker' | 'colleague', string>
let workerToken: string

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  const coordinator = await createUser(db, { organisationId, roles: ['coordinator'] })
  const worker = await createUser(db, { organisationId, roles: ['worker'] })
  const colleague = await createUser(db, { organisationId, roles: ['worker'] })
  const responsible = await createUser(db, { organisationId, roles: ['team_lead'], name: 'Pirjo Palvelualuejohtaja' })
  const group = await createRecipient(db, {
    organisationId,
    kind: 'management_group',
    name: 'Sosiaalipalvelujen johtoryhmä',
  })
  const report = await createReport(db, { organisation_id: organisationId, author_id: worker.id, status: 'decided' })
  const followUp = (title: string, fields: Partial<Parameters<typeof createFollowUp>[1]>) =>
    createFollowUp(db, {
      organisationId,
      title,
      decidedOn: '2025-03-01',
      targetDate: '2025-10-31',
      reportIds: [report.id],
      responsibleRecipientId: group.id,
      responsibleUserId: responsible.id,
      ...fields,
    })
  // Five done, one in progress in time, two overdue (one of them in progress), one not carried out: all in 2025.
  for (const index of [1, 2, 3, 4, 5]) await followUp(`Valmis tehtävä ${index}`, { status: 'done', progress: 100 })
  await followUp('Käynnissä ajallaan', { status: 'in_progress', progress: 50, targetDate: '2099-12-31' })
  await followUp('Myöhässä käynnissä', {
    status: 'in_progress',
    progress: 20,
    updates: [{ body: 'Aineisto kerätty.', at: new Date('2025-06-01T10:00:00Z'), progress: 20 }],
  })
  await followUp('Myöhässä aloittamatta', { status: 'not_started', targetDate: '2025-06-30' })
  await followUp('Ei toteutettu', { status: 'not_carried_out', statusReason: 'Rahoitus ei riittänyt.' })
  // Decided before the period and due after it: not the period's.
  await followUp('Toisen kauden tehtävä', { decidedOn: '2024-05-01', targetDate: '2026-05-01' })
  // Due in the period though decided before it: the period's.
  await followUp('Edelliseltä kaudelta siirtynyt', {
    decidedOn: '2024-11-01',
    targetDate: '2025-02-28',
    status: 'done',
  })

  welfareReportId = (
    await db
      .insertInto('welfare_reports')
      .values({
        organisation_id: organisationId,
        title: 'Hyvinvointikertomus 2025',
        period_start: '2025-01-01',
        period_end: '2025-12-31',
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id

  // Another organisation's follow-ups of the same period never count here.
  const other = await createOrganisation(db)
  for (const index of [1, 2, 3]) {
    await createFollowUp(db, {
      organisationId: other.id,
      title: `Toisen alueen tehtävä ${index}`,
      decidedOn: '2025-03-01',
      targetDate: '2025-04-01',
    })
  }

  sessions = {
    coordinator: await signIn(coordinator.email),
    worker: await signIn(worker.email),
    colleague: await signIn(colleague.email),
  }
  workerToken = await apiTokenFor(worker, organisationId)
})

async function documentAs(session: string): Promise<WelfareReportDocument> {
  const loaded = await welfareReport.loader({
    request: await getRequest(`/welfare-reports/${welfareReportId}`, session),
    params: { welfareReportId },
    context,
  } as never)
  return payloadOf(loaded).document
}

describe('a "what was done" section', () => {
  test('the coordinator adds one; it lists the period’s follow-ups with their state, overdue ones flagged', async () => {
    const added = await welfareReport.action({
      request: await formRequest(
        `/welfare-reports/${welfareReportId}`,
        {
          intent: 'addSection',
          kind: 'what_was_done',
          title: 'Mitä tehtiin',
          category: '',
          body: 'Päätösten seuranta.',
        },
        { session: sessions.coordinator },
      ),
      params: { welfareReportId },
      context,
    } as never)
    expect(statusOf(added)).toBe(200)
    expect(payloadOf(added)).toMatchObject({ ok: true, message: 'welfare.section.added' })

    // Any member of the organisation reads it.
    const document = await documentAs(sessions.worker)
    const [section] = document.sections
    expect(section).toMatchObject({ kind: 'what_was_done', title: 'Mitä tehtiin' })
    const titles = section!.followUps.map((followUp) => followUp.title)
    expect(titles).toHaveLength(10)
    expect(titles).toContain('Edelliseltä kaudelta siirtynyt')
    expect(titles).not.toContain('Toisen kauden tehtävä')
    expect(titles.some((title) => title.startsWith('Toisen alueen'))).toBe(false)
    const byTitle = new Map(section!.followUps.map((followUp) => [followUp.title, followUp]))
    expect(byTitle.get('Myöhässä käynnissä')).toMatchObject({
      overdue: true,
      progress: 20,
      latestUpdate: { text: 'Aineisto kerätty.' },
      responsibleUnit: 'Sosiaalipalvelujen johtoryhmä',
    })
    expect(byTitle.get('Käynnissä ajallaan')!.overdue).toBe(false)
    expect(byTitle.get('Ei toteutettu')).toMatchObject({ overdue: false, statusReason: 'Rahoitus ei riittänyt.' })
  })

  test('every member reads the list; only those who may open a follow-up get its link', async () => {
    const readable = async (session: string) =>
      payloadOf(
        await welfareReport.loader({
          request: await getRequest(`/welfare-reports/${welfareReportId}`, session),
          params: { welfareReportId },
          context,
        } as never),
      ).readableFollowUpIds as string[]
    // The reporter of the report the follow-ups concern may open them all; a colleague none, though both read the list.
    expect(await readable(sessions.worker)).toHaveLength(10)
    expect(await readable(sessions.colleague)).toEqual([])
    expect((await documentAs(sessions.colleague)).sections[0]!.followUps).toHaveLength(10)
  })

  test('a text section lists none, and a section’s kind offered by the form must be one of the two', async () => {
    const refused = await welfareReport.action({
      request: await formRequest(
        `/welfare-reports/${welfareReportId}`,
        { intent: 'addSection', kind: 'anything', title: 'Luku' },
        { session: sessions.coordinator },
      ),
      params: { welfareReportId },
      context,
    } as never)
    expect(statusOf(refused)).toBe(400)
    expect(payloadOf(refused).fieldErrors).toEqual({ kind: 'validation.invalid' })
    await welfareReport.action({
      request: await formRequest(
        `/welfare-reports/${welfareReportId}`,
        { intent: 'addSection', title: 'Asuminen' },
        { session: sessions.coordinator },
      ),
      params: { welfareReportId },
      context,
    } as never)
    const document = await documentAs(sessions.coordinator)
    expect(document.sections.map((section) => [section.kind, section.followUps.length])).toEqual([
      ['what_was_done', 10],
      ['text', 0],
    ])
  })
})

describe('follow-up figures', () => {
  test('done, in progress and overdue, each below the threshold shown as "<5" on the page, exports and API', async () => {
    const document = await documentAs(sessions.worker)
    // Six done; one in progress in time; two overdue: the small ones hidden.
    expect(document.followUpFigures).toEqual({ threshold: 5, done: 6, inProgress: null, overdue: null })

    const csv = await (
      await exportCsv.loader({
        request: await getRequest(`/welfare-reports/${welfareReportId}/export.csv?layout=data`, sessions.worker),
        params: { welfareReportId },
        context,
      } as never)
    ).text()
    expect(csv).toContain('Koko kertomus,followUps,done,Seurannat valmiina,6\r\n')
    expect(csv).toContain('Koko kertomus,followUps,inProgress,Seurannat käynnissä,<5\r\n')
    expect(csv).toContain('Koko kertomus,followUps,overdue,Seurannat myöhässä,<5\r\n')

    const markdown = await (
      await exportMd.loader({
        request: await getRequest(`/welfare-reports/${welfareReportId}/export.md`, sessions.worker),
        params: { welfareReportId },
        context,
      } as never)
    ).text()
    expect(markdown).toContain('| Seurannat myöhässä | <5 |')
    expect(markdown).toContain('**Myöhässä: tavoitepäivä 31.10.2025 on ohitettu.**')
    // The public document names the responsible body, never the person.
    expect(markdown).toContain('Vastuussa: Sosiaalipalvelujen johtoryhmä')
    expect(markdown).not.toContain('Pirjo Palvelualuejohtaja')

    const response = await welfareReportApi.loader({
      request: apiRequest(`/api/v1/welfare-reports/${welfareReportId}`, { token: workerToken }),
      params: { welfareReportId },
      context,
    } as never)
    const api = ApiWelfareReportSchema.parse(await response.json())
    expect(api.followUpFigures).toEqual({ threshold: 5, done: 6, inProgress: null, overdue: null })
    expect(api.sections[0]).toMatchObject({ kind: 'what_was_done' })
    expect(api.sections[0]!.followUps).toHaveLength(10)
  })

  test('with a lower threshold the small counts show', async () => {
    await getDb()
      .updateTable('organisations')
      .set({ small_count_threshold: 1 })
      .where('id', '=', organisationId)
      .execute()
    const document = await documentAs(sessions.worker)
    expect(document.followUpFigures).toEqual({ threshold: 1, done: 6, inProgress: 1, overdue: 2 })
  })
})
