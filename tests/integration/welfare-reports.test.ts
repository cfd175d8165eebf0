import { beforeAll, describe, expect, test } from 'vitest'
import {
  createCommittee,
  createMunicipality,
  createOrganisation,
  createPhenomenon,
  createReport,
  createUser,
} from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, redirectTarget, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { perturbStatistics } from '#app/domain/disclosure-control.ts'
import { type StatisticsFilter } from '#app/domain/statistics.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { computeReportStatistics } from '#app/models/statistics.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as adminOrganisation from '#app/routes/admin.organisation.tsx'
import * as dashboard from '#app/routes/dashboard.tsx'
import * as welfareReport from '#app/routes/welfare-reports.$welfareReportId.tsx'
import * as exportCsv from '#app/routes/welfare-reports.$welfareReportId_.export[.]csv.ts'
import * as exportHtml from '#app/routes/welfare-reports.$welfareReportId_.export[.]html.ts'
import * as exportMd from '#app/routes/welfare-reports.$welfareReportId_.export[.]md.ts'
import * as welfareReports from '#app/routes/welfare-reports._index.tsx'

const context = { clientIp: '192.0.2.40' }

let organisationId: string
let sessions: Record<'coordinator' | 'worker' | 'member' | 'admin' | 'author1', string>
let authors: { id: string; email: string }[]
let kuopioId: string
let phenomenonId: string
let phenomenonReportIds: string[]
let alreadyIncludedId: string
let forwardedId: string
let welfareReportId: string
let firstSectionId: string
let secondSectionId: string
let outsider: { session: string; welfareReportId: string; sectionId: string; phenomenonId: string; reportId: string }
let otherMunicipalityId: string

/** Midday in Finland on the given day, so no time zone moves a report into another quarter. */
const day = (date: string) => new Date(`${date}T10:00:00Z`)

beforeAll(async () => {
  const db = getDb()
  const organisation = await createOrganisation(db)
  organisationId = organisation.id
  const kuopio = await createMunicipality(db, organisationId, 'Kuopio')
  const iisalmi = await createMunicipality(db, organisationId, 'Iisalmi')
  kuopioId = kuopio.id
  const coordinator = await createUser(db, { organisationId, roles: ['coordinator'], name: 'Koordinaattori' })
  const worker = await createUser(db, { organisationId, roles: ['worker'] })
  const member = await createUser(db, { organisationId, roles: ['committee_member'] })
  const admin = await createUser(db, { organisationId, roles: ['admin'] })
  authors = await Promise.all([1, 2, 3].map(() => createUser(db, { organisationId, roles: ['worker'] })))
  const report = (status: ReportStatus, author: { id: string }, fields: Record<string, unknown>) =>
    createReport(db, { organisation_id: organisationId, author_id: author.id, status, ...fields })

  // Financial (§ 11 taloudellinen tuki): seven reports; housing (asuminen): three, all in 2025.
  const financial = { support_needs: ['financial'], municipality_id: kuopio.id }
  const phenomenonReports = await Promise.all(
    authors.map((author, index) =>
      report('decided', author, {
        ...financial,
        title: `Kelan päätös ohjaa kuntaan ${index + 1}`,
        submitted_at: day(`2025-03-1${index}`),
        actions: [{ description: `Yhteinen puhelinlinja ${index + 1}`, level: 'organisation' }],
      }),
    ),
  )
  phenomenonReportIds = phenomenonReports.map((created) => created.id)
  alreadyIncludedId = (
    await report('in_welfare_report', authors[0]!, {
      ...financial,
      title: 'Laskut eivät mene suoraan vuokranantajalle',
      submitted_at: day('2025-05-02'),
    })
  ).id
  forwardedId = (
    await report('forwarded', authors[1]!, {
      ...financial,
      title: 'Nuorilla ei ole tuloja',
      submitted_at: day('2025-06-02'),
    })
  ).id
  for (const date of ['2025-09-01', '2025-09-02']) {
    await report('closed', authors[2]!, { support_needs: ['financial'], submitted_at: day(date) })
  }
  for (const date of ['2025-08-01', '2025-08-02', '2025-08-03']) {
    await report('submitted', authors[2]!, {
      support_needs: ['housing'],
      municipality_id: iisalmi.id,
      submitted_at: day(date),
    })
  }
  const phenomenon = await createPhenomenon(db, {
    organisationId,
    createdBy: coordinator.id,
    title: 'Kelan päätöksistä puuttuu ohje',
    reportIds: phenomenonReportIds,
    actions: [{ description: 'Päätöskirjeen sanamuoto uusiksi asiakasraadin kanssa', level: 'national' }],
  })
  phenomenonId = phenomenon.id
  // A committee decided on the phenomenon: the welfare report shows the decision beside it.
  const committee = await createCommittee(db, organisationId, 'Perusturvalautakunta')
  const meeting = await db
    .insertInto('meetings')
    .values({
      organisation_id: organisationId,
      committee_id: committee.id,
      starts_at: new Date('2025-10-14T14:00:00Z'),
      published_at: new Date('2025-10-01T08:00:00Z'),
      created_by: coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const item = await db
    .insertInto('agenda_items')
    .values({
      organisation_id: organisationId,
      meeting_id: meeting.id,
      position: 1,
      title: 'Kelan päätösten ohjeet',
      decision: 'decided',
      decision_text: 'Lautakunta pyytää Kelaa selkeyttämään päätöskirjeitä.',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('agenda_item_phenomena')
    .values({ agenda_item_id: item.id, phenomenon_id: phenomenonId })
    .execute()

  sessions = {
    coordinator: await signIn(coordinator.email),
    worker: await signIn(worker.email),
    member: await signIn(member.email),
    admin: await signIn(admin.email),
    author1: await signIn(authors[0]!.email),
  }

  // Another organisation with a welfare report, a section, a phenomenon and a decided report of its own.
  const other = await createOrganisation(db)
  const otherCoordinator = await createUser(db, { organisationId: other.id, roles: ['coordinator'] })
  otherMunicipalityId = (await createMunicipality(db, other.id, 'Muualla')).id
  const otherReport = await createReport(db, {
    organisation_id: other.id,
    author_id: otherCoordinator.id,
    status: 'decided',
    submitted_at: day('2025-03-01'),
  })
  const otherPhenomenon = await createPhenomenon(db, {
    organisationId: other.id,
    createdBy: otherCoordinator.id,
    reportIds: [otherReport.id],
  })
  const otherSession = await signIn(otherCoordinator.email)
  const created = await welfareReports.action({
    request: await formRequest(
      '/welfare-reports',
      { title: 'Muun alueen kertomus', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
      { session: otherSession },
    ),
    params: {},
    context,
  })
  const otherWelfareReportId = redirectTarget(created)!.split('/').pop()!
  await post(otherWelfareReportId, { intent: 'addSection', title: 'Muu luku' }, otherSession)
  const otherDocument = await load(otherWelfareReportId, otherSession)
  outsider = {
    session: otherSession,
    welfareReportId: otherWelfareReportId,
    sectionId: otherDocument.document.sections[0].id,
    phenomenonId: otherPhenomenon.id,
    reportId: otherReport.id,
  }
})

async function post(id: string, fields: Record<string, string | string[]>, session = sessions.coordinator) {
  return welfareReport.action({
    request: await formRequest(`/welfare-reports/${id}`, fields, { session }),
    params: { welfareReportId: id },
    context,
  })
}

async function load(id: string, session = sessions.coordinator) {
  return payloadOf(
    await welfareReport.loader({
      request: await getRequest(`/welfare-reports/${id}`, session),
      params: { welfareReportId: id },
      context,
    }),
  )
}

async function download(
  route: { loader: typeof exportMd.loader },
  format: string,
  session = sessions.coordinator,
  query = '',
) {
  const response = (await route.loader({
    request: await getRequest(`/welfare-reports/${welfareReportId}/export.${format}${query}`, session),
    params: { welfareReportId },
    context,
  })) as Response
  const bytes = new Uint8Array(await response.arrayBuffer())
  // Decoded by hand: Response.text() would drop the byte order mark the CSV must start with.
  return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
}

async function loadDashboard(query: string, session = sessions.member) {
  return payloadOf(
    await dashboard.loader({ request: await getRequest(`/dashboard${query}`, session), params: {}, context }),
  )
}

async function statusesOf(ids: string[]) {
  const rows = await getDb().selectFrom('reports').select(['id', 'status']).where('id', 'in', ids).execute()
  return Object.fromEntries(rows.map((row) => [row.id, row.status]))
}

async function eventsOf(reportId: string) {
  return getDb()
    .selectFrom('report_events')
    .select(['id', 'type', 'from_status', 'to_status', 'welfare_report_section_id'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .execute()
}

async function notificationsOf(userId: string, reportId: string) {
  return getDb()
    .selectFrom('notifications')
    .select('event_id')
    .where('user_id', '=', userId)
    .where('report_id', '=', reportId)
    .execute()
}

async function setThreshold(threshold: number) {
  const result = await adminOrganisation.action({
    request: await formRequest(
      '/admin/organisation',
      { intent: 'smallCountThreshold', threshold: String(threshold) },
      { session: sessions.admin },
    ),
    params: {},
    context,
  })
  expect(statusOf(result)).toBe(200)
}

describe('building a welfare report', () => {
  test('a coordinator creates a welfare report and its sections, and reorders them', async () => {
    const invalid = await welfareReports.action({
      request: await formRequest(
        '/welfare-reports',
        { title: 'Hyvinvointikertomus 2025', periodStart: '2025-12-31', periodEnd: '2025-01-01' },
        { session: sessions.coordinator },
      ),
      params: {},
      context,
    })
    expect(statusOf(invalid)).toBe(400)
    expect(payloadOf(invalid).fieldErrors).toEqual({ periodEnd: 'validation.periodOrder' })
    expect(payloadOf(invalid).values).toMatchObject({ title: 'Hyvinvointikertomus 2025', periodStart: '2025-12-31' })

    const created = await welfareReports.action({
      request: await formRequest(
        '/welfare-reports',
        { title: 'Hyvinvointikertomus 2025', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
        { session: sessions.coordinator },
      ),
      params: {},
      context,
    })
    expect(statusOf(created)).toBe(302)
    welfareReportId = redirectTarget(created)!.replace('/welfare-reports/', '')

    const housing = await post(welfareReportId, {
      intent: 'addSection',
      title: 'Asuminen',
      category: 'housing',
      body: 'Nuorten **ensimmäinen vuokra-asunto** on vaarassa.',
    })
    expect(payloadOf(housing).message).toBe('welfare.section.added')
    await post(welfareReportId, { intent: 'addSection', title: 'Toimeentulo', category: 'financial', body: '' })
    let { document } = await load(welfareReportId)
    expect(document.sections.map((s: { title: string }) => s.title)).toEqual(['Asuminen', 'Toimeentulo'])
    const [housingSection, incomeSection] = document.sections
    const moved = await post(welfareReportId, { intent: 'moveSection', sectionId: incomeSection.id, direction: 'up' })
    expect(payloadOf(moved).message).toBe('welfare.section.moved')
    ;({ document } = await load(welfareReportId))
    expect(document.sections.map((s: { title: string; position: number }) => [s.position, s.title])).toEqual([
      [1, 'Toimeentulo'],
      [2, 'Asuminen'],
    ])
    firstSectionId = incomeSection.id
    secondSectionId = housingSection.id

    await post(welfareReportId, {
      intent: 'updateSection',
      sectionId: firstSectionId,
      version: document.sections[0].version,
      title: 'Toimeentulo ja Kela',
      category: 'financial',
      body: 'Kelan päätöksistä puuttuu ohje.',
    })
    const listed = payloadOf(
      await welfareReports.loader({
        request: await getRequest('/welfare-reports', sessions.worker),
        params: {},
        context,
      }),
    )
    expect(listed.reports).toEqual([
      expect.objectContaining({ id: welfareReportId, title: 'Hyvinvointikertomus 2025', sectionCount: 2 }),
    ])
    expect(listed.canCreate).toBe(false)
  })

  test('including a phenomenon moves its decided reports, records the section and tells each author once', async () => {
    const result = await post(welfareReportId, {
      intent: 'include',
      sectionId: firstSectionId,
      phenomenonIds: [phenomenonId],
    })
    expect(statusOf(result)).toBe(200)
    expect(payloadOf(result).message).toBe('welfare.include.done')
    expect(Object.values(await statusesOf(phenomenonReportIds))).toEqual([
      'in_welfare_report',
      'in_welfare_report',
      'in_welfare_report',
    ])
    for (const [index, reportId] of phenomenonReportIds.entries()) {
      const moves = (await eventsOf(reportId)).filter((event) => event.to_status === 'in_welfare_report')
      expect(moves).toEqual([
        expect.objectContaining({
          type: 'status_changed',
          from_status: 'decided',
          welfare_report_section_id: firstSectionId,
        }),
      ])
      const told = await notificationsOf(authors[index]!.id, reportId)
      expect(told).toEqual([{ event_id: moves[0]!.id }])
    }
    const links = await getDb()
      .selectFrom('welfare_section_reports')
      .select(['report_id', 'via_phenomenon_id'])
      .where('section_id', '=', firstSectionId)
      .execute()
    expect(links).toHaveLength(3)
    expect(links.every((link) => link.via_phenomenon_id === phenomenonId)).toBe(true)

    // The same phenomenon again tells nobody anything new: each report is told once per section.
    await post(welfareReportId, { intent: 'include', sectionId: firstSectionId, phenomenonIds: [phenomenonId] })
    for (const [index, reportId] of phenomenonReportIds.entries()) {
      expect(await notificationsOf(authors[index]!.id, reportId)).toHaveLength(1)
    }

    const { document } = await load(welfareReportId)
    const section = document.sections[0]
    expect(section.phenomena).toEqual([
      expect.objectContaining({
        id: phenomenonId,
        // Three reports stand behind it: fewer than five, so the public document says "<5".
        reportCount: null,
        actions: [expect.objectContaining({ description: 'Päätöskirjeen sanamuoto uusiksi asiakasraadin kanssa' })],
        decisions: [
          {
            committee: 'Perusturvalautakunta',
            meetingDate: '2025-10-14',
            decision: 'decided',
            decisionText: 'Lautakunta pyytää Kelaa selkeyttämään päätöskirjeitä.',
          },
        ],
      }),
    ])
    expect(section.reports.map((report: { id: string }) => report.id).sort()).toEqual([...phenomenonReportIds].sort())
    expect(section.reports[0].actions).toEqual([expect.objectContaining({ level: 'organisation', outcome: null })])
  })

  test('a report already in the welfare report gets an inclusion event of its own', async () => {
    const result = await post(welfareReportId, {
      intent: 'include',
      sectionId: firstSectionId,
      reportIds: [alreadyIncludedId],
    })
    expect(statusOf(result)).toBe(200)
    expect((await statusesOf([alreadyIncludedId]))[alreadyIncludedId]).toBe('in_welfare_report')
    const events = await eventsOf(alreadyIncludedId)
    expect(events).toEqual([
      expect.objectContaining({
        type: 'welfare_report_included',
        to_status: null,
        welfare_report_section_id: firstSectionId,
      }),
    ])
    expect(await notificationsOf(authors[0]!.id, alreadyIncludedId)).toEqual([{ event_id: events[0]!.id }])

    // A report used in a second section: its reporter hears of that section too.
    await post(welfareReportId, { intent: 'include', sectionId: secondSectionId, reportIds: [phenomenonReportIds[0]!] })
    const second = (await eventsOf(phenomenonReportIds[0]!)).filter((event) => event.type === 'welfare_report_included')
    expect(second).toEqual([expect.objectContaining({ welfare_report_section_id: secondSectionId })])
    expect(await notificationsOf(authors[0]!.id, phenomenonReportIds[0]!)).toHaveLength(2)

    // The reporter finds the sections that used their reports.
    const listed = payloadOf(
      await welfareReports.loader({
        request: await getRequest('/welfare-reports', sessions.author1),
        params: {},
        context,
      }),
    )
    expect(listed.usedReports).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reportId: alreadyIncludedId, sectionId: firstSectionId, welfareReportId }),
        expect.objectContaining({ reportId: phenomenonReportIds[0], sectionId: secondSectionId }),
      ]),
    )
  })

  test('a report no committee has decided on cannot be included, and nothing is written', async () => {
    const before = await eventsOf(forwardedId)
    const result = await post(welfareReportId, {
      intent: 'include',
      sectionId: secondSectionId,
      reportIds: [forwardedId, alreadyIncludedId],
    })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).message).toBe('welfare.include.notIncludable')
    expect(payloadOf(result).reports).toEqual([
      { id: forwardedId, title: 'Nuorilla ei ole tuloja', status: 'forwarded' },
    ])
    expect(await eventsOf(forwardedId)).toEqual(before)
    const inSecond = await getDb()
      .selectFrom('welfare_section_reports')
      .select('report_id')
      .where('section_id', '=', secondSectionId)
      .execute()
    expect(inSecond.map((row) => row.report_id)).toEqual([phenomenonReportIds[0]])

    const nothing = await post(welfareReportId, { intent: 'include', sectionId: secondSectionId })
    expect(statusOf(nothing)).toBe(400)
    expect(payloadOf(nothing).message).toBe('welfare.include.nothingChosen')
  })

  test('a section reporters were told about cannot be deleted; an unused one can', async () => {
    const used = await post(welfareReportId, { intent: 'deleteSection', sectionId: firstSectionId, confirmed: 'yes' })
    expect(statusOf(used)).toBe(409)
    expect(payloadOf(used).message).toBe('welfare.section.inUse')
    await post(welfareReportId, { intent: 'addSection', title: 'Poistettava' })
    let { document } = await load(welfareReportId)
    const spare = document.sections[2]
    // Without confirming, the page only asks, naming the section and what deleting it does.
    const asked = await post(welfareReportId, { intent: 'deleteSection', sectionId: spare.id })
    expect(statusOf(asked)).toBe(200)
    expect(payloadOf(asked)).toMatchObject({
      ok: false,
      confirmation: {
        message: 'welfare.section.deleteConfirm',
        params: { title: 'Poistettava' },
        yes: 'welfare.section.deleteYes',
        intent: 'deleteSection',
        fields: [['sectionId', spare.id]],
      },
    })
    expect((await load(welfareReportId)).document.sections).toHaveLength(3)
    const deleted = await post(welfareReportId, { intent: 'deleteSection', sectionId: spare.id, confirmed: 'yes' })
    expect(payloadOf(deleted).message).toBe('welfare.section.deleted')
    ;({ document } = await load(welfareReportId))
    expect(document.sections).toHaveLength(2)
    // A section that held only its texts can be put back, from what the deletion answered with.
    const undo = payloadOf(deleted).undo!
    expect(undo).toEqual({
      intent: 'restoreSection',
      fields: [
        ['kind', 'text'],
        ['title', 'Poistettava'],
        ['category', ''],
        ['body', ''],
        ['position', '3'],
      ],
    })
    const restored = await post(welfareReportId, { intent: undo.intent, ...Object.fromEntries(undo.fields) })
    expect(payloadOf(restored)).toMatchObject({ ok: true, message: 'welfare.section.restored' })
    ;({ document } = await load(welfareReportId))
    expect(document.sections).toHaveLength(3)
    expect(document.sections[2]!.title).toBe('Poistettava')
  })

  test('a section saved by someone else meanwhile is not overwritten: 409, and the text typed comes back', async () => {
    const seen = (await load(welfareReportId)).document.sections[1]
    const edit = (body: string) =>
      post(welfareReportId, {
        intent: 'updateSection',
        sectionId: secondSectionId,
        version: seen.version,
        title: seen.title,
        category: seen.category ?? '',
        body,
      })
    expect(statusOf(await edit(`${seen.body}\n\nEnsimmäisen lisäys.`))).toBe(200)
    const stale = await edit(`${seen.body}\n\nToisen lisäys.`)
    expect(statusOf(stale)).toBe(409)
    expect(payloadOf(stale)).toMatchObject({
      ok: false,
      message: 'edit.stale',
      values: { body: `${seen.body}\n\nToisen lisäys.` },
    })
    const { document } = await load(welfareReportId)
    expect(document.sections[1].body).toBe(`${seen.body}\n\nEnsimmäisen lisäys.`)
    expect(document.sections[1].version).not.toBe(seen.version)
  })

  test('the identifiability guard stops identifying text in a section and keeps what was typed', async () => {
    const body = 'Asiakas soitti numerosta 040 123 4567 ja kertoi tilanteestaan.'
    const version = (await load(welfareReportId)).document.sections[1].version
    const result = await post(welfareReportId, {
      intent: 'updateSection',
      sectionId: secondSectionId,
      version,
      title: 'Asuminen ja nuoret',
      category: 'housing',
      body,
    })
    expect(statusOf(result)).toBe(422)
    const payload = payloadOf(result)
    expect(payload.formId).toBe(`updateSection:${secondSectionId}`)
    expect(payload.fieldErrors).toEqual({ body: 'welfare.guard.field' })
    expect(payload.findings).toEqual([{ field: 'body', kind: 'phone_number', fragment: '040 123 4567' }])
    expect(payload.values).toMatchObject({ title: 'Asuminen ja nuoret', category: 'housing', body })
    const { document } = await load(welfareReportId)
    expect(document.sections[1].title).toBe('Asuminen')

    // A missing title and the phone number come back from one submission together.
    const both = await post(welfareReportId, { intent: 'addSection', title: '', category: '', body })
    expect(statusOf(both)).toBe(400)
    expect(payloadOf(both).fieldErrors).toEqual({
      title: 'welfare.validation.titleRequired',
      body: 'welfare.guard.field',
    })
    expect(payloadOf(both).findings).toEqual([{ field: 'body', kind: 'phone_number', fragment: '040 123 4567' }])
    expect(payloadOf(both).values).toMatchObject({ body })

    const introduction = await post(welfareReportId, {
      intent: 'updateReport',
      title: 'Hyvinvointikertomus 2025',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      introduction: 'Lisätietoja: matti.meikalainen@example.org',
    })
    expect(statusOf(introduction)).toBe(422)
    expect(payloadOf(introduction).fieldErrors).toEqual({ introduction: 'welfare.guard.field' })
  })

  test('removing a phenomenon takes out the reports it brought, not those chosen directly', async () => {
    const section = await post(welfareReportId, {
      intent: 'remove',
      sectionId: firstSectionId,
      phenomenonIds: [phenomenonId],
    })
    expect(payloadOf(section).message).toBe('welfare.remove.done')
    const { document } = await load(welfareReportId)
    expect(document.sections[0].phenomena).toEqual([])
    expect(document.sections[0].reports.map((report: { id: string }) => report.id)).toEqual([alreadyIncludedId])
    // Back in, for the exports below; nobody is told twice about the same section.
    await post(welfareReportId, { intent: 'include', sectionId: firstSectionId, phenomenonIds: [phenomenonId] })
    expect(await notificationsOf(authors[1]!.id, phenomenonReportIds[1]!)).toHaveLength(1)
  })
})

describe('who may do what', () => {
  test('an anonymous visitor is sent to log in; a malformed id is not found', async () => {
    const params = { welfareReportId }
    const pages = [
      [welfareReports.loader, '/welfare-reports', {}],
      [welfareReport.loader, `/welfare-reports/${welfareReportId}`, params],
      [exportMd.loader, `/welfare-reports/${welfareReportId}/export.md`, params],
      [exportHtml.loader, `/welfare-reports/${welfareReportId}/export.html`, params],
      [exportCsv.loader, `/welfare-reports/${welfareReportId}/export.csv`, params],
      [dashboard.loader, '/dashboard', {}],
    ] as const
    for (const [loader, path, routeParams] of pages) {
      const thrown = await thrownBy(loader({ request: await getRequest(path), params: routeParams, context }))
      expect(redirectTarget(thrown), path).toMatch(/^\/login/)
    }
    const malformed = await thrownBy(
      welfareReport.loader({
        request: await getRequest('/welfare-reports/x', sessions.worker),
        params: { welfareReportId: 'x' },
        context,
      }),
    )
    expect(statusOf(malformed)).toBe(404)
  })

  test('a worker may read the welfare report and its exports but not edit it', async () => {
    const { document, canEdit, candidates } = await load(welfareReportId, sessions.worker)
    expect(document.id).toBe(welfareReportId)
    expect(canEdit).toBe(false)
    expect(candidates).toBeNull()
    const { response } = await download(exportCsv, 'csv', sessions.worker)
    expect(response.status).toBe(200)
    const denied = await thrownBy(post(welfareReportId, { intent: 'addSection', title: 'Ei saa' }, sessions.worker))
    expect(statusOf(denied)).toBe(403)
    const create = await thrownBy(
      welfareReports.action({
        request: await formRequest(
          '/welfare-reports',
          { title: 'Ei saa', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
          { session: sessions.worker },
        ),
        params: {},
        context,
      }),
    )
    expect(statusOf(create)).toBe(403)
  })

  test("another organisation's welfare reports, sections, phenomena and reports are not found", async () => {
    expect(statusOf(await thrownBy(load(outsider.welfareReportId)))).toBe(404)
    expect(statusOf(await thrownBy(load(welfareReportId, outsider.session)))).toBe(404)
    const exported = await thrownBy(
      exportMd.loader({
        request: await getRequest(`/welfare-reports/${outsider.welfareReportId}/export.md`, sessions.coordinator),
        params: { welfareReportId: outsider.welfareReportId },
        context,
      }),
    )
    expect(statusOf(exported)).toBe(404)
    // Their section under our report, and our section with their phenomenon or report.
    const cases: Record<string, string | string[]>[] = [
      { intent: 'include', sectionId: outsider.sectionId, reportIds: [alreadyIncludedId] },
      { intent: 'include', sectionId: firstSectionId, phenomenonIds: [outsider.phenomenonId] },
      { intent: 'include', sectionId: firstSectionId, reportIds: [outsider.reportId] },
      { intent: 'updateSection', sectionId: outsider.sectionId, title: 'Kaapattu', version: new Date().toISOString() },
      { intent: 'deleteSection', sectionId: outsider.sectionId },
      { intent: 'moveSection', sectionId: outsider.sectionId, direction: 'up' },
    ]
    for (const fields of cases) expect(statusOf(await thrownBy(post(welfareReportId, fields)))).toBe(404)
    expect(statusOf(await thrownBy(post(outsider.welfareReportId, { intent: 'addSection', title: 'Kaapattu' })))).toBe(
      404,
    )
    const untouched = await load(outsider.welfareReportId, outsider.session)
    expect(untouched.document.sections.map((s: { title: string }) => s.title)).toEqual(['Muu luku'])
    expect((await statusesOf([outsider.reportId]))[outsider.reportId]).toBe('decided')
  })
})

describe('small counts are suppressed everywhere the figures go', () => {
  test('in the page loader data', async () => {
    const { document } = await load(welfareReportId, sessions.worker)
    expect(document.figures.threshold).toBe(5)
    expect(document.figures.total).toBe(10)
    expect(document.figures.byDimension.category).toEqual([
      { key: 'housing', count: null },
      { key: 'financial', count: 7 },
    ])
    // No positive observation among ten: "negative 10" beside the total would give that away, so it is withheld.
    expect(document.figures.positive).toBeNull()
    expect(document.figures.negative).toBe('withheld')
    expect(document.figures.feedbackShare).toBeNull()
    // The section's own figures cover only its category.
    const income = document.sections[0]
    expect(income.figures.total).toBe(7)
    // The whole area's 2 would be the section's 7 minus Kuopio's 5, so Kuopio is withheld as well.
    expect(income.figures.byDimension.municipality).toEqual([
      { key: 'Kuopio', count: 'withheld' },
      { key: null, count: null },
    ])
    expect(JSON.stringify(document.figures)).not.toMatch(/"count":3\b/)
  })

  test('in the Markdown, HTML and CSV exports', async () => {
    const md = await download(exportMd, 'md')
    expect(md.response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8')
    expect(md.text).toContain('| Asuminen | <5 |')
    expect(md.text).toContain('| Taloudellinen tuki | 7 |')
    expect(md.text).not.toMatch(/\| 3 \|/)
    expect(md.text).toContain('# Hyvinvointikertomus 2025')
    expect(md.text).toContain('## 1. Toimeentulo ja Kela')
    expect(md.text).toContain('Perusturvalautakunta 14.10.2025: Päätetty toimenpiteistä.')

    const html = await download(exportHtml, 'html')
    expect(html.response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    // The printable document opens in the browser, ready to print.
    expect(html.response.headers.get('Content-Disposition')).toMatch(
      /^inline; filename="hyvinvointikertomus-2025\.html"/,
    )
    expect(html.text.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html.text).toContain('<html lang="fi">')
    expect(html.text).toContain('@media print')
    expect(html.text).not.toMatch(/<script/i)
    expect(html.text).toMatch(/<svg role="img" aria-labelledby="figures-all-category-title figures-all-category-desc"/)
    expect(html.text).toMatch(/<th scope="row"[^>]*>Asuminen<\/th><td[^>]*>&lt;5<\/td>/)
    expect(html.text).toMatch(/<th scope="row"[^>]*>Taloudellinen tuki<\/th><td[^>]*>7<\/td>/)
    expect(html.text).not.toMatch(/<td[^>]*>3<\/td>/)
    expect(html.text).toContain('<strong>ensimmäinen vuokra-asunto</strong>')

    // The default CSV opens in Finnish Excel as it is.
    const spreadsheet = await download(exportCsv, 'csv')
    expect(spreadsheet.text.startsWith('\uFEFFOsa;Ryhmittely;Tunnusluku;Arvo\r\n')).toBe(true)
    expect(spreadsheet.text).toContain(';Taloudellinen tuki;7\r\n')
    const csv = await download(exportCsv, 'csv', sessions.coordinator, '?layout=data')
    expect(csv.response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(csv.response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="hyvinvointikertomus-2025\.csv"/,
    )
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.text.startsWith('\uFEFFscope,dimension,key,label,count\r\n')).toBe(true)
    const lines = csv.text.slice(1).trim().split('\r\n')
    expect(lines).toContain('Koko kertomus,category,housing,Asuminen,<5')
    expect(lines).toContain('Koko kertomus,category,financial,Taloudellinen tuki,7')
    expect(lines).toContain('Koko kertomus,summary,total,Raportteja yhteensä,10')
    expect(lines).toContain('Toimeentulo ja Kela,municipality,,Koko alue,<5')
    expect(lines).toContain('Toimeentulo ja Kela,municipality,Kuopio,Kuopio,–')
    // Withheld beside the small count, the problems still read as the range the total already tells.
    expect(lines).toContain('Koko kertomus,summary,negative,Epäkohtia,6–10')
    expect(lines.filter((line) => line.endsWith(',3'))).toEqual([])
  })

  test('a changed threshold applies at once', async () => {
    await setThreshold(10)
    try {
      const { document } = await load(welfareReportId)
      expect(document.figures.threshold).toBe(10)
      expect(document.figures.total).toBe(10)
      expect(document.figures.byDimension.category).toEqual([
        { key: 'housing', count: null },
        { key: 'financial', count: null },
      ])
      const md = await download(exportMd, 'md')
      expect(md.text).toContain('| Taloudellinen tuki | <10 |')
      expect(md.text).not.toContain('| Taloudellinen tuki | 7 |')
      const csv = await download(exportCsv, 'csv', sessions.coordinator, '?layout=data')
      expect(csv.text).toContain('Koko kertomus,category,financial,Taloudellinen tuki,<10\r\n')
      expect(csv.text).toContain('Koko kertomus,summary,total,Raportteja yhteensä,10\r\n')
      const html = await download(exportHtml, 'html')
      expect(html.text).toMatch(/<th scope="row"[^>]*>Taloudellinen tuki<\/th><td[^>]*>&lt;10<\/td>/)
      const figures = (await loadDashboard('?from=2025-01-01&to=2025-12-31')).figures
      expect(figures.byDimension.category).toEqual([
        { key: 'housing', count: null },
        { key: 'financial', count: null },
      ])
    } finally {
      await setThreshold(5)
    }
    const invalid = await adminOrganisation.action({
      request: await formRequest(
        '/admin/organisation',
        { intent: 'smallCountThreshold', threshold: '0' },
        { session: sessions.admin },
      ),
      params: {},
      context,
    })
    expect(statusOf(invalid)).toBe(400)
    expect(payloadOf(invalid).fieldErrors).toEqual({ threshold: 'validation.smallCountThreshold' })
    expect(payloadOf(invalid).values).toMatchObject({ threshold: '0' })
  })
})

describe('the committee dashboard', () => {
  /** What the dashboard must show for a published period: each count perturbed by its cell, small ones hidden. */
  async function perturbedFigures(filter: Partial<StatisticsFilter> & Pick<StatisticsFilter, 'from' | 'to'>) {
    const statistics = await computeReportStatistics(getDb(), organisationId, {
      category: null,
      municipalityId: null,
      ...filter,
    })
    return perturbStatistics(statistics, 5)
  }
  const near = (shown: number | null, truth: number) => expect(Math.abs(shown! - truth)).toBeLessThanOrEqual(2)

  test('applies the period (its quarter or year), municipality and category filters, counts perturbed and small ones suppressed', async () => {
    const wholeYear = { from: '2025-01-01', to: '2025-12-31' }
    const year = await loadDashboard('?from=2025-01-01&to=2025-12-31&municipalityId=&category=')
    expect(year.fieldErrors).toEqual({})
    expect(year.figures).toEqual(await perturbedFigures(wholeYear))
    near(year.figures.total, 10)
    expect(year.figures.byDimension.category[0]).toEqual({ key: 'housing', count: null })
    near(year.figures.byDimension.category[1].count, 7)
    expect(year.figures.byDimension.quarter.slice(0, 2)).toEqual([
      { key: '2025-Q1', count: null },
      { key: '2025-Q2', count: null },
    ])

    // A period within one quarter is that quarter; one across quarters is the year.
    const summer = await loadDashboard('?from=2025-07-15&to=2025-08-31')
    expect(summer.filter).toMatchObject({ from: '2025-07-01', to: '2025-09-30' })
    expect(summer.figures).toEqual(await perturbedFigures({ from: '2025-07-01', to: '2025-09-30' }))
    const autumn = await loadDashboard('?from=2025-07-01&to=2025-12-31')
    expect(autumn.filter).toMatchObject(wholeYear)
    expect(autumn.figures).toEqual(year.figures)

    const kuopio = await loadDashboard(`?from=2025-01-01&to=2025-12-31&municipalityId=${kuopioId}`)
    expect(kuopio.figures).toEqual(await perturbedFigures({ ...wholeYear, municipalityId: kuopioId }))
    expect(kuopio.figures.byDimension.municipality).toEqual([{ key: 'Kuopio', count: kuopio.figures.total }])

    const housing = await loadDashboard('?from=2025-01-01&to=2025-12-31&category=housing')
    expect(housing.figures.total).toBeNull()
    expect(housing.figures.byDimension.municipality).toEqual([{ key: 'Iisalmi', count: null }])

    // Without dates the dashboard shows the current calendar year.
    const current = await loadDashboard('')
    const thisYear = new Date().getUTCFullYear()
    expect(current.values).toMatchObject({ from: `${thisYear}-01-01`, to: `${thisYear}-12-31` })
    expect(current.figures.total).toBeNull()
  })

  test('invalid filters show messages and keep what was typed', async () => {
    const typo = await loadDashboard('?from=2025-13-45&to=2025-01-01&category=castles')
    expect(typo.figures).toBeNull()
    expect(typo.fieldErrors).toEqual({ from: 'validation.date', category: 'validation.invalid' })
    expect(typo.values).toMatchObject({ from: '2025-13-45', to: '2025-01-01', category: 'castles' })
    const backwards = await loadDashboard('?from=2025-12-31&to=2025-01-01')
    expect(backwards.fieldErrors).toEqual({ to: 'validation.periodOrder' })
    const elsewhere = await loadDashboard(`?from=2025-01-01&to=2025-12-31&municipalityId=${otherMunicipalityId}`)
    expect(elsewhere.fieldErrors).toEqual({ municipalityId: 'validation.invalid' })
    expect(elsewhere.figures).toBeNull()
    const acrossYears = await loadDashboard('?from=2024-11-01&to=2025-02-28')
    expect(acrossYears.fieldErrors).toEqual({ to: 'disclosure.validation.period' })
    expect(acrossYears.figures).toBeNull()
    expect(acrossYears.values).toMatchObject({ from: '2024-11-01', to: '2025-02-28' })
  })

  test('shows committee members, coordinators and admins the whole organisation, and a worker only their own teams', async () => {
    for (const session of [sessions.coordinator, sessions.admin]) {
      const { figures, ownTeams } = await loadDashboard('?from=2025-01-01&to=2025-12-31', session)
      expect(figures.total).toBe((await loadDashboard('?from=2025-01-01&to=2025-12-31')).figures.total)
      expect(ownTeams).toBe(false)
    }
    expect((await loadDashboard('?from=2025-01-01&to=2025-12-31', sessions.worker)).ownTeams).toBe(true)
  })
})
