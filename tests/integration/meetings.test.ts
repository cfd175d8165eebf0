import { beforeAll, describe, expect, test } from 'vitest'
import {
  addCommitteeMember,
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
import { type AgendaDecision, type ReportStatus } from '#app/models/database.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as meetingsPage from '#app/routes/meetings._index.tsx'
import * as meetingPage from '#app/routes/meetings.$meetingId.tsx'
import * as agendaDocument from '#app/routes/meetings.$meetingId_.agenda.tsx'
import * as minutesDocument from '#app/routes/meetings.$meetingId_.minutes.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as transitionsApi from '#app/routes/api.v1.reports_.$reportId_.transitions.ts'

const context = { clientIp: '192.0.2.44' }

interface Person {
  id: string
  session: string
}

let organisationId: string
let teamId: string
let municipalityId: string
let committeeA: string
let committeeB: string
let coordinator: Person
let chair: Person
let secretary: Person
let plainMember: Person
let memberOfB: Person
let otherCoordinator: Person
let workers: Person[]

async function person(organisation: string, roles: Parameters<typeof createUser>[1]['roles']): Promise<Person> {
  const user = await createUser(getDb(), { organisationId: organisation, roles, teamIds: [] })
  return { id: user.id, session: await signIn(user.email) }
}

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  teamId = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  municipalityId = (await createMunicipality(db, organisationId, 'Vaasa')).id
  committeeA = (await createCommittee(db, organisationId, 'Perusturvalautakunta')).id
  committeeB = (await createCommittee(db, organisationId, 'Nuorisolautakunta')).id
  coordinator = await person(organisationId, ['coordinator'])
  chair = await person(organisationId, ['committee_member'])
  secretary = await person(organisationId, ['committee_member'])
  plainMember = await person(organisationId, ['committee_member'])
  memberOfB = await person(organisationId, ['committee_member'])
  await addCommitteeMember(db, { committeeId: committeeA, userId: chair.id, role: 'chair' })
  await addCommitteeMember(db, { committeeId: committeeA, userId: secretary.id, role: 'secretary' })
  await addCommitteeMember(db, { committeeId: committeeA, userId: plainMember.id, role: 'member' })
  await addCommitteeMember(db, { committeeId: committeeB, userId: memberOfB.id, role: 'chair' })
  workers = await Promise.all([1, 2, 3].map(() => person(organisationId, ['worker'])))
  otherCoordinator = await person((await createOrganisation(db)).id, ['coordinator', 'committee_member'])
})

async function forwardedReport(author: Person, title: string, status: ReportStatus = 'forwarded') {
  const report = await createReport(getDb(), {
    organisation_id: organisationId,
    author_id: author.id,
    team_id: teamId,
    municipality_id: municipalityId,
    status,
    title,
    submitted_at: new Date(),
    committee_id: committeeA,
  })
  return report.id
}

async function phenomenonOf(title: string, reportIds: string[]) {
  const db = getDb()
  const phenomenon = await db
    .insertInto('phenomena')
    .values({ organisation_id: organisationId, title, created_by: coordinator.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const reportId of reportIds) {
    await db
      .insertInto('phenomenon_reports')
      .values({ phenomenon_id: phenomenon.id, report_id: reportId, linked_by: coordinator.id })
      .execute()
  }
  return phenomenon.id
}

async function planMeeting(committeeId = committeeA, session = coordinator.session, startsAt = '2026-05-12T14:00') {
  const request = await formRequest(
    '/meetings',
    { committeeId, startsAt, place: 'Kaupungintalo, valtuustosali' },
    { session },
  )
  const response = await meetingsPage.action({ request, params: {}, context })
  expect(statusOf(response)).toBe(302)
  return redirectTarget(response)!.match(/\/meetings\/([0-9a-f-]+)/)![1]!
}

async function post(meetingId: string, fields: Record<string, string | string[]>, session = coordinator.session) {
  const request = await formRequest(`/meetings/${meetingId}`, fields, { session })
  return meetingPage.action({ request, params: { meetingId }, context })
}

async function addItem(
  meetingId: string,
  item: { title: string; summary?: string; proposal?: string; reportIds?: string[]; phenomenonIds?: string[] },
) {
  const response = await post(meetingId, {
    intent: 'addItem',
    summary: '',
    proposal: '',
    ...item,
    reportIds: item.reportIds ?? [],
    phenomenonIds: item.phenomenonIds ?? [],
  })
  expect(statusOf(response)).toBe(200)
  const items = await itemsOf(meetingId)
  return items.at(-1)!.id
}

async function publish(meetingId: string) {
  return post(meetingId, { intent: 'publish', confirm: 'on' })
}

async function decide(meetingId: string, itemId: string, kind: AgendaDecision, text: string, session = chair.session) {
  return post(meetingId, { intent: 'decide', itemId, kind, text }, session)
}

async function load(meetingId: string, session: string) {
  const request = await getRequest(`/meetings/${meetingId}`, session)
  return payloadOf(await meetingPage.loader({ request, params: { meetingId }, context }))
}

function itemsOf(meetingId: string) {
  return getDb()
    .selectFrom('agenda_items')
    .select(['id', 'title', 'position', 'decision', 'decision_text', 'decided_by'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute()
}

async function statusesOf(reportIds: string[]) {
  const rows = await getDb().selectFrom('reports').select(['id', 'status']).where('id', 'in', reportIds).execute()
  return reportIds.map((id) => rows.find((row) => row.id === id)!.status)
}

/** How many notifications each user has about each report: the feedback each reporter got. */
async function notificationCounts(userIds: string[]) {
  const rows = await getDb()
    .selectFrom('notifications')
    .select(['user_id', 'report_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('user_id', 'in', userIds)
    .groupBy(['user_id', 'report_id'])
    .execute()
  return Object.fromEntries(rows.map((row) => [`${row.user_id}/${row.report_id}`, Number(row.count)]))
}

async function notificationTotal(userId: string) {
  const row = await getDb()
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

describe('preparing and publishing an agenda', () => {
  test('a coordinator plans a meeting in Finnish time and sees it listed', async () => {
    const meetingId = await planMeeting()
    const meeting = await getDb()
      .selectFrom('meetings')
      .select(['starts_at', 'place', 'published_at'])
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow()
    expect(meeting.starts_at.toISOString()).toBe('2026-05-12T11:00:00.000Z')
    expect(meeting.published_at).toBeNull()
    const list = payloadOf(
      await meetingsPage.loader({ request: await getRequest('/meetings', coordinator.session), params: {}, context }),
    )
    expect(list.mayPrepare).toBe(true)
    expect(list.meetings.map((m: { id: string }) => m.id)).toContain(meetingId)
    const page = await load(meetingId, coordinator.session)
    expect(page.meeting.startsAtInput).toBe('2026-05-12T14:00')
    expect(page.editable).toBe(true)

    const invalid = await meetingsPage.action({
      request: await formRequest(
        '/meetings',
        { committeeId: '', startsAt: 'ensi tiistaina', place: 'Sali' },
        { session: coordinator.session },
      ),
      params: {},
      context,
    })
    expect(statusOf(invalid)).toBe(400)
    expect(payloadOf(invalid).fieldErrors).toEqual({
      committeeId: 'meetings.validation.committee',
      startsAt: 'meetings.validation.startsAt',
    })
    expect(payloadOf(invalid).values).toMatchObject({ startsAt: 'ensi tiistaina', place: 'Sali' })
  })

  test('the meeting place is printed on the public agenda, so the guard checks it when planning and editing', async () => {
    const place = 'Asiakkaan koti, Kauppapuistikko 12 B 7'
    const planned = await meetingsPage.action({
      request: await formRequest(
        '/meetings',
        { committeeId: committeeA, startsAt: '2026-05-12T14:00', place },
        { session: coordinator.session },
      ),
      params: {},
      context,
    })
    expect(statusOf(planned)).toBe(400)
    expect(payloadOf(planned).findings).toEqual([
      expect.objectContaining({
        field: 'place',
        kind: 'street_address',
        fragment: expect.stringContaining('Kauppapuistikko 12'),
      }),
    ])
    expect(payloadOf(planned).fieldErrors).toEqual({ place: 'meetings.guard.field' })
    expect(payloadOf(planned).values).toMatchObject({ place, startsAt: '2026-05-12T14:00' })

    const meetingId = await planMeeting()
    const edited = await post(meetingId, {
      intent: 'updateMeeting',
      committeeId: committeeA,
      startsAt: '2026-05-12T14:00',
      place,
    })
    expect(statusOf(edited)).toBe(422)
    expect(payloadOf(edited).values).toMatchObject({ place })
    const stored = await getDb()
      .selectFrom('meetings')
      .select('place')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow()
    expect(stored.place).toBe('Kaupungintalo, valtuustosali')
  })

  test('publishing moves direct and via-phenomenon reports to the committee and notifies each reporter once', async () => {
    const [first, second] = workers as [Person, Person]
    const direct = await forwardedReport(first, 'Kela-päätösten ohjeet ovat epäselviä')
    const viaPhenomenon = await forwardedReport(second, 'Täydentävän toimeentulotuen hakeminen')
    const both = await forwardedReport(second, 'Asiakkaat eivät tiedä, mistä hakea')
    const alreadyDecided = await forwardedReport(first, 'Aiemmin päätetty', 'decided')
    const phenomenonId = await phenomenonOf('Kelan päätösten sanamuodot', [viaPhenomenon, both, alreadyDecided])
    const meetingId = await planMeeting()
    const itemId = await addItem(meetingId, {
      title: 'Kelan päätösten sanamuodot',
      summary: 'Kolme tiimiä on havainnut saman asian.',
      proposal: 'Lautakunta merkitsee tiedoksi.',
      reportIds: [direct, both],
      phenomenonIds: [phenomenonId],
    })
    const before = await notificationCounts([first.id, second.id])

    const published = await publish(meetingId)
    expect(statusOf(published)).toBe(200)
    expect(payloadOf(published).message).toBe('meetings.publish.done')

    expect(await statusesOf([direct, viaPhenomenon, both, alreadyDecided])).toEqual([
      'on_agenda',
      'on_agenda',
      'on_agenda',
      'decided',
    ])
    const links = await getDb()
      .selectFrom('agenda_item_reports')
      .select(['report_id', 'via_phenomenon_id'])
      .where('agenda_item_id', '=', itemId)
      .execute()
    expect(links).toHaveLength(3)
    expect(links).toEqual(
      expect.arrayContaining([
        { report_id: direct, via_phenomenon_id: null },
        { report_id: both, via_phenomenon_id: null },
        { report_id: viaPhenomenon, via_phenomenon_id: phenomenonId },
      ]),
    )
    const events = await getDb()
      .selectFrom('report_events')
      .select(['report_id', 'from_status', 'to_status', 'agenda_item_id', 'committee_id', 'actor_id'])
      .where('agenda_item_id', '=', itemId)
      .execute()
    expect(events).toHaveLength(3)
    for (const event of events) {
      expect(event).toMatchObject({
        from_status: 'forwarded',
        to_status: 'on_agenda',
        committee_id: committeeA,
        actor_id: coordinator.id,
      })
    }
    const after = await notificationCounts([first.id, second.id])
    const gained = (user: Person, report: string) =>
      (after[`${user.id}/${report}`] ?? 0) - (before[`${user.id}/${report}`] ?? 0)
    expect(gained(first, direct)).toBe(1)
    expect(gained(second, viaPhenomenon)).toBe(1)
    expect(gained(second, both)).toBe(1)
    expect(gained(first, alreadyDecided)).toBe(0)

    // Members of the committee now read the agenda, with the phenomenon's figures and the reports.
    const page = await load(meetingId, plainMember.session)
    expect(page.editable).toBe(false)
    expect(page.mayDecide).toBe(false)
    const [item] = page.items
    expect(item.summaryHtml).toContain('<p>Kolme tiimiä on havainnut saman asian.</p>')
    expect(item.summary).toBeNull()
    expect(item.phenomena).toEqual([
      expect.objectContaining({ id: phenomenonId, report_count: 3, team_count: 1, municipality_count: 1 }),
    ])
    expect(item.reports.map((r: { id: string }) => r.id).sort()).toEqual([direct, viaPhenomenon, both].sort())
    expect(item.reports.some((r: Record<string, unknown>) => 'author_id' in r || 'author_name' in r)).toBe(false)

    // A published agenda no longer changes.
    const late = await post(meetingId, { intent: 'addItem', title: 'Myöhästynyt asia' })
    expect(statusOf(late)).toBe(409)
    expect(payloadOf(late).message).toBe('meetings.alreadyPublished')
    expect(statusOf(await publish(meetingId))).toBe(409)
  })

  test('an empty agenda cannot be published, and publishing needs the confirmation', async () => {
    const meetingId = await planMeeting()
    const empty = await publish(meetingId)
    expect(statusOf(empty)).toBe(400)
    expect(payloadOf(empty).message).toBe('meetings.publish.empty')
    await addItem(meetingId, { title: 'Ajankohtaiskatsaus' })
    const unconfirmed = await post(meetingId, { intent: 'publish' })
    expect(statusOf(unconfirmed)).toBe(400)
    expect(payloadOf(unconfirmed).fieldErrors).toEqual({ confirm: 'meetings.publish.confirmRequired' })
    const meeting = await getDb()
      .selectFrom('meetings')
      .select('published_at')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow()
    expect(meeting.published_at).toBeNull()
  })

  test('a directly linked report that is no longer forwarded stops publishing and is named', async () => {
    const [first] = workers as [Person]
    const fine = await forwardedReport(first, 'Yhä eteenpäin viety')
    const movedOn = await forwardedReport(first, 'Ehti toiselle esityslistalle')
    const meetingId = await planMeeting()
    await addItem(meetingId, { title: 'Asia', reportIds: [fine, movedOn] })
    await getDb().updateTable('reports').set({ status: 'on_agenda' }).where('id', '=', movedOn).execute()
    const before = await notificationTotal(first.id)

    const result = await publish(meetingId)
    expect(statusOf(result)).toBe(409)
    expect(payloadOf(result).message).toBe('meetings.publish.reportsUnavailable')
    expect(payloadOf(result).reports).toEqual([
      { id: movedOn, title: 'Ehti toiselle esityslistalle', status: 'on_agenda' },
    ])
    expect(await statusesOf([fine])).toEqual(['forwarded'])
    expect(await notificationTotal(first.id)).toBe(before)
    const meeting = await getDb()
      .selectFrom('meetings')
      .select('published_at')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow()
    expect(meeting.published_at).toBeNull()
  })

  test('a report on two items, directly or through a phenomenon, stops publishing and is named', async () => {
    const [first, second] = workers as [Person, Person]
    const twiceDirect = await forwardedReport(first, 'Kahdessa asiassa suoraan')
    const viaPhenomenon = await forwardedReport(second, 'Ilmiön kautta ja suoraan')
    const once = await forwardedReport(second, 'Vain yhdessä asiassa')
    const phenomenonId = await phenomenonOf('Toistuva ilmiö', [viaPhenomenon])
    const meetingId = await planMeeting()
    await addItem(meetingId, { title: 'Ensimmäinen', reportIds: [twiceDirect, once], phenomenonIds: [phenomenonId] })
    await addItem(meetingId, { title: 'Toinen', reportIds: [twiceDirect, viaPhenomenon] })
    const before = await notificationCounts([first.id, second.id])

    const result = await publish(meetingId)
    expect(statusOf(result)).toBe(409)
    expect(payloadOf(result).message).toBe('meetings.publish.reportsOnSeveralItems')
    expect(payloadOf(result).reports).toEqual([
      { id: viaPhenomenon, title: 'Ilmiön kautta ja suoraan', status: 'forwarded' },
      { id: twiceDirect, title: 'Kahdessa asiassa suoraan', status: 'forwarded' },
    ])
    expect(await statusesOf([twiceDirect, viaPhenomenon, once])).toEqual(['forwarded', 'forwarded', 'forwarded'])
    expect(await notificationCounts([first.id, second.id])).toEqual(before)
    const viaLinks = await getDb()
      .selectFrom('agenda_item_reports')
      .select('report_id')
      .where('via_phenomenon_id', '=', phenomenonId)
      .execute()
    expect(viaLinks).toEqual([])
  })

  test('the guard stops identifying data in a summary and gives back everything typed', async () => {
    const [first] = workers as [Person]
    const reportId = await forwardedReport(first, 'Vuokrarästit')
    const meetingId = await planMeeting()
    const typed = {
      intent: 'addItem',
      title: 'Nuorten vuokrarästit',
      summary: 'Asiakas 131052-308T menetti asuntonsa.',
      proposal: 'Lautakunta päättää asumisinfoista.',
      reportIds: [reportId],
    }
    const result = await post(meetingId, typed)
    expect(statusOf(result)).toBe(422)
    expect(payloadOf(result).formId).toBe('addItem')
    expect(payloadOf(result).fieldErrors).toEqual({ summary: 'meetings.guard.field' })
    expect(payloadOf(result).findings).toEqual([
      { field: 'summary', kind: 'personal_identity_code', fragment: '131052-308T' },
    ])
    expect(payloadOf(result).values).toMatchObject({
      title: typed.title,
      summary: typed.summary,
      proposal: typed.proposal,
      reportIds: reportId,
    })
    expect(await itemsOf(meetingId)).toEqual([])

    // Names on the organisation's list are caught in the proposal too.
    await getDb()
      .updateTable('organisations')
      .set({ identifying_names: ['Virtanen'] })
      .where('id', '=', organisationId)
      .execute()
    const named = await post(meetingId, { ...typed, summary: 'Yleinen kuvaus.', proposal: 'Perhe Virtanen tukea.' })
    expect(payloadOf(named).fieldErrors).toEqual({ proposal: 'meetings.guard.field' })
    await getDb().updateTable('organisations').set({ identifying_names: [] }).where('id', '=', organisationId).execute()

    // A missing title and a phone number come back from one submission together.
    const both = await post(meetingId, { ...typed, title: '', summary: 'Soita 040 123 4567.', proposal: '' })
    expect(statusOf(both)).toBe(400)
    expect(payloadOf(both).fieldErrors).toEqual({
      title: 'meetings.validation.titleRequired',
      summary: 'meetings.guard.field',
    })
    expect(payloadOf(both).findings).toEqual([{ field: 'summary', kind: 'phone_number', fragment: '040 123 4567' }])
  })

  test('moving an item swaps it with its neighbour; at the edge nothing moves', async () => {
    const meetingId = await planMeeting()
    const first = await addItem(meetingId, { title: 'Ensimmäinen' })
    const second = await addItem(meetingId, { title: 'Toinen' })
    const third = await addItem(meetingId, { title: 'Kolmas' })
    expect((await itemsOf(meetingId)).map((item) => [item.id, item.position])).toEqual([
      [first, 1],
      [second, 2],
      [third, 3],
    ])
    expect(statusOf(await post(meetingId, { intent: 'moveItem', itemId: third, direction: 'up' }))).toBe(200)
    expect((await itemsOf(meetingId)).map((item) => [item.id, item.position])).toEqual([
      [first, 1],
      [third, 2],
      [second, 3],
    ])
    await post(meetingId, { intent: 'moveItem', itemId: first, direction: 'up' })
    await post(meetingId, { intent: 'moveItem', itemId: first, direction: 'down' })
    expect((await itemsOf(meetingId)).map((item) => item.id)).toEqual([third, first, second])

    // Deleting asks first, naming the item; nothing is deleted until confirmed.
    const asked = await post(meetingId, { intent: 'deleteItem', itemId: third })
    expect(payloadOf(asked)).toMatchObject({
      ok: false,
      confirmation: { message: 'meetings.item.deleteConfirm', yes: 'meetings.item.deleteYes', intent: 'deleteItem' },
    })
    expect(await itemsOf(meetingId)).toHaveLength(3)
    // Deleting closes the gap.
    const deleted = await post(meetingId, { intent: 'deleteItem', itemId: third, confirmed: 'yes' })
    expect(statusOf(deleted)).toBe(200)
    expect(payloadOf(deleted).message).toBe('meetings.item.deleted')
    expect((await itemsOf(meetingId)).map((item) => [item.id, item.position])).toEqual([
      [first, 1],
      [second, 2],
    ])
    // The page may put it back where it was, from what the deletion answered with.
    const undo = payloadOf(deleted).undo!
    expect(undo.fields).toEqual(
      expect.arrayContaining([
        ['title', 'Kolmas'],
        ['position', '1'],
      ]),
    )
    const restored = await post(meetingId, { intent: undo.intent, ...Object.fromEntries(undo.fields) })
    expect(payloadOf(restored)).toMatchObject({ ok: true, message: 'meetings.item.restored' })
    const after = await itemsOf(meetingId)
    expect(after.map((item) => item.position)).toEqual([1, 2, 3])
    expect(after.slice(1).map((item) => item.id)).toEqual([first, second])
  })

  test('an item is edited with its links, and links outside the forwarded reports are refused', async () => {
    const [first] = workers as [Person]
    const forwarded = await forwardedReport(first, 'Eteenpäin viety')
    const inReview = await forwardedReport(first, 'Vielä tiimissä', 'in_review')
    const meetingId = await planMeeting()
    const itemId = await addItem(meetingId, { title: 'Alkuperäinen', reportIds: [forwarded] })
    const version = (await load(meetingId, coordinator.session)).items[0].version
    const refused = await post(meetingId, {
      intent: 'updateItem',
      itemId,
      version,
      title: 'Muutettu',
      reportIds: [forwarded, inReview],
    })
    expect(statusOf(refused)).toBe(400)
    expect(payloadOf(refused).fieldErrors).toEqual({ reportIds: 'meetings.item.reportsUnavailable' })
    const saved = await post(meetingId, {
      intent: 'updateItem',
      itemId,
      version,
      title: 'Muutettu',
      summary: '**Tärkeä**',
      reportIds: [],
    })
    expect(statusOf(saved)).toBe(200)
    const page = await load(meetingId, coordinator.session)
    expect(page.items[0]).toMatchObject({ title: 'Muutettu', summary: '**Tärkeä**', reports: [] })
    expect(page.items[0].summaryHtml.trim()).toBe('<p><strong>Tärkeä</strong></p>')
    expect(page.items[0].version).not.toBe(version)
    // Each candidate names the committee its team lead forwarded it to.
    expect(page.candidates.reports).toContainEqual(
      expect.objectContaining({ id: forwarded, committee: 'Perusturvalautakunta' }),
    )
  })

  test('two coordinators editing one item: the later save gets 409 and keeps its text, nothing is overwritten', async () => {
    const meetingId = await planMeeting()
    const itemId = await addItem(meetingId, { title: 'Yhteinen asia', summary: 'Alkuperäinen selostus' })
    const version = (await load(meetingId, coordinator.session)).items[0].version
    const edit = (summary: string, session: string) =>
      post(meetingId, { intent: 'updateItem', itemId, version, title: 'Yhteinen asia', summary }, session)
    expect(statusOf(await edit('Ensimmäisen koordinaattorin selostus', coordinator.session))).toBe(200)
    const secondCoordinator = await person(organisationId, ['coordinator'])
    const stale = await edit('Toisen koordinaattorin selostus', secondCoordinator.session)
    expect(statusOf(stale)).toBe(409)
    expect(payloadOf(stale)).toMatchObject({
      ok: false,
      formId: `item:${itemId}`,
      message: 'edit.stale',
      values: { summary: 'Toisen koordinaattorin selostus' },
    })
    const page = await load(meetingId, secondCoordinator.session)
    expect(page.items[0].summary).toBe('Ensimmäisen koordinaattorin selostus')
    // Saved again from the page as it is now, the second coordinator's text replaces the first on purpose.
    const again = await post(
      meetingId,
      { intent: 'updateItem', itemId, version: page.items[0].version, title: 'Yhteinen asia', summary: 'Yhdistetty' },
      secondCoordinator.session,
    )
    expect(statusOf(again)).toBe(200)
    expect((await load(meetingId, coordinator.session)).items[0].summary).toBe('Yhdistetty')
    // A form from before versions existed carries none: the same conflict, never a silent save.
    const unversioned = await post(meetingId, {
      intent: 'updateItem',
      itemId,
      title: 'Yhteinen asia',
      summary: 'Vanha',
    })
    expect(statusOf(unversioned)).toBe(409)
    expect(payloadOf(unversioned).message).toBe('edit.stale')
  })
})

describe('recording decisions', () => {
  test('a decision waits for the day of the meeting: no form before it, and a sent one is refused', async () => {
    const [first] = workers as [Person]
    const reportId = await forwardedReport(first, 'Ensi vuoden kokouksessa päätettävä')
    const meetingId = await planMeeting(committeeA, coordinator.session, `${new Date().getFullYear() + 1}-02-10T17:00`)
    const itemId = await addItem(meetingId, { title: 'Tulevan kokouksen asia', reportIds: [reportId] })
    expect(statusOf(await publish(meetingId))).toBe(200)

    const page = await load(meetingId, chair.session)
    expect(page.mayDecide).toBe(false)
    expect(page.decisionsOpenOn).toBe(`${new Date().getFullYear() + 1}-02-10`)
    const early = await decide(meetingId, itemId, 'decided', 'Päätettiin etukäteen.')
    expect(statusOf(early)).toBe(409)
    expect(payloadOf(early).message).toBe('meetings.decision.beforeMeeting')
    expect((await itemsOf(meetingId))[0]!.decision).toBeNull()
    expect(await statusesOf([reportId])).toEqual(['on_agenda'])
  })

  test('each decision moves the reports to the right status with the text, and each reporter hears once', async () => {
    const [first, second, third] = workers as [Person, Person, Person]
    const reports = {
      noted: await forwardedReport(first, 'Tiedoksi merkittävä'),
      decided: await forwardedReport(second, 'Toimenpiteistä päätettävä'),
      decidedViaPhenomenon: await forwardedReport(third, 'Toinen samasta ilmiöstä'),
      returned: await forwardedReport(first, 'Valmisteluun palautettava'),
      tabled: await forwardedReport(second, 'Pöydälle pantava'),
    }
    // The decided item's report is linked directly and also belongs to the item's phenomenon.
    const phenomenonId = await phenomenonOf('Päätettävä ilmiö', [reports.decided, reports.decidedViaPhenomenon])
    const meetingId = await planMeeting()
    const items = {
      noted: await addItem(meetingId, { title: 'Tiedoksi', reportIds: [reports.noted] }),
      decided: await addItem(meetingId, {
        title: 'Päätettävä',
        reportIds: [reports.decided],
        phenomenonIds: [phenomenonId],
      }),
      returned: await addItem(meetingId, { title: 'Palautettava', reportIds: [reports.returned] }),
      tabled: await addItem(meetingId, { title: 'Pöydälle', reportIds: [reports.tabled] }),
    }
    expect(statusOf(await publish(meetingId))).toBe(200)
    expect(await statusesOf(Object.values(reports))).toEqual(Array(5).fill('on_agenda'))
    const reporters = [first.id, second.id, third.id]
    const before = await notificationCounts(reporters)

    const page = await load(meetingId, chair.session)
    expect(page.mayDecide).toBe(true)
    const texts: Record<AgendaDecision, string> = {
      noted: 'Merkittiin tiedoksi.',
      decided: 'Lautakunta päätti käynnistää asumisinfot.',
      returned: 'Palautettiin: selvitettävä kustannukset.',
      tabled: '',
    }
    expect(statusOf(await decide(meetingId, items.noted, 'noted', texts.noted))).toBe(200)
    expect(statusOf(await decide(meetingId, items.decided, 'decided', texts.decided, secretary.session))).toBe(200)
    expect(statusOf(await decide(meetingId, items.returned, 'returned', texts.returned))).toBe(200)
    expect(statusOf(await decide(meetingId, items.tabled, 'tabled', texts.tabled))).toBe(200)

    expect(await statusesOf(Object.values(reports))).toEqual([
      'decided',
      'decided',
      'decided',
      'forwarded',
      'forwarded',
    ])
    const events = await getDb()
      .selectFrom('report_events')
      .select(['report_id', 'to_status', 'comment', 'decision', 'agenda_item_id', 'actor_id'])
      .where('report_id', 'in', Object.values(reports))
      .where('from_status', '=', 'on_agenda')
      .execute()
    expect(events).toHaveLength(5)
    const eventOf = (reportId: string) => events.find((event) => event.report_id === reportId)
    expect(eventOf(reports.noted)).toMatchObject({
      to_status: 'decided',
      comment: texts.noted,
      decision: 'noted',
      agenda_item_id: items.noted,
      actor_id: chair.id,
    })
    expect(eventOf(reports.decided)).toMatchObject({
      to_status: 'decided',
      comment: texts.decided,
      decision: 'decided',
      agenda_item_id: items.decided,
      actor_id: secretary.id,
    })
    expect(eventOf(reports.decidedViaPhenomenon)).toMatchObject({
      to_status: 'decided',
      comment: texts.decided,
      decision: 'decided',
    })
    expect(eventOf(reports.returned)).toMatchObject({ to_status: 'forwarded', comment: texts.returned })
    expect(eventOf(reports.tabled)).toMatchObject({ to_status: 'forwarded', comment: null, decision: 'tabled' })

    const after = await notificationCounts(reporters)
    const gained = (user: Person, report: string) =>
      (after[`${user.id}/${report}`] ?? 0) - (before[`${user.id}/${report}`] ?? 0)
    expect(gained(first, reports.noted)).toBe(1)
    expect(gained(second, reports.decided)).toBe(1)
    expect(gained(third, reports.decidedViaPhenomenon)).toBe(1)
    expect(gained(first, reports.returned)).toBe(1)
    expect(gained(second, reports.tabled)).toBe(1)

    const stored = await itemsOf(meetingId)
    expect(stored.map((item) => [item.decision, item.decision_text])).toEqual([
      ['noted', texts.noted],
      ['decided', texts.decided],
      ['returned', texts.returned],
      ['tabled', null],
    ])

    // A second decision on the same item is a conflict and changes nothing.
    const again = await decide(meetingId, items.noted, 'returned', 'Toisin sittenkin.')
    expect(statusOf(again)).toBe(409)
    expect(payloadOf(again).message).toBe('meetings.decision.alreadyDecided')
    expect(await statusesOf([reports.noted])).toEqual(['decided'])

    // The minutes list each item with its decision.
    const minutes = payloadOf(
      await minutesDocument.loader({
        request: await getRequest(`/meetings/${meetingId}/minutes`, plainMember.session),
        params: { meetingId },
        context,
      }),
    )
    expect(minutes.items.map((item: { decision: string }) => item.decision)).toEqual([
      'noted',
      'decided',
      'returned',
      'tabled',
    ])
  })

  test('"decided" needs a text, and the decision text passes the guard', async () => {
    const [first] = workers as [Person]
    const meetingId = await planMeeting()
    const itemId = await addItem(meetingId, { title: 'Asia', reportIds: [await forwardedReport(first, 'R')] })
    await publish(meetingId)
    const missing = await decide(meetingId, itemId, 'decided', ' ')
    expect(statusOf(missing)).toBe(400)
    expect(payloadOf(missing).fieldErrors).toEqual({ text: 'meetings.validation.decisionTextRequired' })
    expect(payloadOf(missing).formId).toBe(`decide:${itemId}`)
    const identifying = await decide(meetingId, itemId, 'decided', 'Soitetaan numeroon 040 123 4567 huomenna.')
    expect(statusOf(identifying)).toBe(422)
    expect(payloadOf(identifying).findings).toEqual([{ field: 'text', kind: 'phone_number', fragment: '040 123 4567' }])
    expect(payloadOf(identifying).values).toMatchObject({
      kind: 'decided',
      text: 'Soitetaan numeroon 040 123 4567 huomenna.',
    })
    expect((await itemsOf(meetingId))[0]!.decision).toBeNull()
  })

  test('a plain member or a coordinator cannot decide; nobody decides on an unpublished agenda', async () => {
    const [first] = workers as [Person]
    const meetingId = await planMeeting()
    const itemId = await addItem(meetingId, { title: 'Asia', reportIds: [await forwardedReport(first, 'R')] })
    // Before publishing, even the chair does not see the meeting.
    expect(statusOf(await thrownBy(decide(meetingId, itemId, 'noted', '')))).toBe(404)
    await publish(meetingId)
    expect(statusOf(await thrownBy(decide(meetingId, itemId, 'noted', '', plainMember.session)))).toBe(403)
    expect(statusOf(await thrownBy(decide(meetingId, itemId, 'noted', '', coordinator.session)))).toBe(403)
    expect(statusOf(await thrownBy(decide(meetingId, itemId, 'noted', '', memberOfB.session)))).toBe(404)
    expect((await load(meetingId, plainMember.session)).mayDecide).toBe(false)
    expect((await load(meetingId, coordinator.session)).mayDecide).toBe(false)
    expect((await itemsOf(meetingId))[0]!.decision).toBeNull()
  })
})

describe('only the meeting moves a report on and off the agenda', () => {
  async function statusOfReport(reportId: string) {
    const report = await getDb()
      .selectFrom('reports')
      .select('status')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow()
    return report.status
  }

  async function fromReportPage(reportId: string, session: string, to: ReportStatus, expectedStatus: ReportStatus) {
    const request = await formRequest(
      `/reports/${reportId}`,
      { intent: 'transition', to, expectedStatus, comment: 'Päätetty ohi kokouksen' },
      { session },
    )
    return statusOf(await thrownBy(reportPage.action({ request, params: { reportId }, context })))
  }

  async function fromApi(reportId: string, user: Person, to: ReportStatus, expectedStatus: ReportStatus) {
    const token = await apiTokenFor(user, organisationId)
    const request = apiRequest(`/api/v1/reports/${reportId}/transitions`, {
      token,
      method: 'POST',
      body: { to, expectedStatus, comment: 'Päätetty ohi kokouksen' },
    })
    const response = await transitionsApi.action({ request, params: { reportId }, context } as never)
    return response.status
  }

  test('the chair cannot decide a report from its page or the API, nor a coordinator put one on an agenda', async () => {
    const [first] = workers as [Person]
    const forwarded = await forwardedReport(first, 'Odottaa esityslistaa')
    const onAgenda = await forwardedReport(first, 'Esityslistalla', 'on_agenda')
    expect(await fromReportPage(forwarded, coordinator.session, 'on_agenda', 'forwarded')).toBe(403)
    expect(await fromApi(forwarded, coordinator, 'on_agenda', 'forwarded')).toBe(403)
    for (const to of ['decided', 'forwarded'] as const) {
      expect(await fromReportPage(onAgenda, chair.session, to, 'on_agenda')).toBe(403)
      expect(await fromApi(onAgenda, chair, to, 'on_agenda')).toBe(403)
      expect(await fromApi(onAgenda, coordinator, to, 'on_agenda')).toBe(403)
    }
    expect(await statusOfReport(forwarded)).toBe('forwarded')
    expect(await statusOfReport(onAgenda)).toBe('on_agenda')
    const page = await reportPage.loader({
      request: await getRequest(`/reports/${onAgenda}`, chair.session),
      params: { reportId: onAgenda },
      context,
    })
    expect(payloadOf(page).transitions).toEqual([])
  })
})

describe('who reads which meeting', () => {
  let draftA: string
  let publishedB: string

  beforeAll(async () => {
    draftA = await planMeeting(committeeA)
    await addItem(draftA, { title: 'Luonnos' })
    publishedB = await planMeeting(committeeB)
    await addItem(publishedB, { title: 'Nuorisoasia' })
    expect(statusOf(await publish(publishedB))).toBe(200)
  })

  test('no member reads an unpublished agenda, not even of their own committee', async () => {
    for (const member of [chair, plainMember, memberOfB]) {
      expect(statusOf(await thrownBy(load(draftA, member.session)))).toBe(404)
      const agenda = agendaDocument.loader({
        request: await getRequest(`/meetings/${draftA}/agenda`, member.session),
        params: { meetingId: draftA },
        context,
      })
      expect(statusOf(await thrownBy(agenda))).toBe(404)
    }
    const list = payloadOf(
      await meetingsPage.loader({ request: await getRequest('/meetings', chair.session), params: {}, context }),
    )
    expect(list.meetings.map((m: { id: string }) => m.id)).not.toContain(draftA)
    // The coordinator reads the draft agenda, marked as such when printed.
    const draft = payloadOf(
      await agendaDocument.loader({
        request: await getRequest(`/meetings/${draftA}/agenda`, coordinator.session),
        params: { meetingId: draftA },
        context,
      }),
    )
    expect(draft.meeting.published_at).toBeNull()
    expect(draft.items.map((item: { title: string }) => item.title)).toEqual(['Luonnos'])
  })

  test("a member of committee A cannot read committee B's meeting; B's member can", async () => {
    expect(statusOf(await thrownBy(load(publishedB, plainMember.session)))).toBe(404)
    expect(statusOf(await thrownBy(load(publishedB, chair.session)))).toBe(404)
    const list = payloadOf(
      await meetingsPage.loader({ request: await getRequest('/meetings', plainMember.session), params: {}, context }),
    )
    expect(list.mayPrepare).toBe(false)
    expect(list.meetings.map((m: { id: string }) => m.id)).not.toContain(publishedB)
    const page = await load(publishedB, memberOfB.session)
    expect(page.items.map((item: { title: string }) => item.title)).toEqual(['Nuorisoasia'])
    expect(page.mayDecide).toBe(true)
  })

  test("another organisation's coordinator gets 404 for every page and action", async () => {
    for (const meetingId of [draftA, publishedB]) {
      expect(statusOf(await thrownBy(load(meetingId, otherCoordinator.session)))).toBe(404)
      const agenda = agendaDocument.loader({
        request: await getRequest(`/meetings/${meetingId}/agenda`, otherCoordinator.session),
        params: { meetingId },
        context,
      })
      expect(statusOf(await thrownBy(agenda))).toBe(404)
    }
    const attempts: Record<string, string | string[]>[] = [
      { intent: 'addItem', title: 'Vieras asia' },
      { intent: 'publish', confirm: 'on' },
      { intent: 'updateMeeting', committeeId: committeeA, startsAt: '2026-06-01T10:00', place: '' },
    ]
    for (const fields of attempts) {
      expect(statusOf(await thrownBy(post(draftA, fields, otherCoordinator.session)))).toBe(404)
    }
    const [item] = await itemsOf(publishedB)
    expect(statusOf(await thrownBy(decide(publishedB, item!.id, 'noted', '', otherCoordinator.session)))).toBe(404)
    // Nor can a meeting be planned for another organisation's committee.
    const planned = await meetingsPage.action({
      request: await formRequest(
        '/meetings',
        { committeeId: committeeA, startsAt: '2026-05-12T14:00', place: '' },
        { session: otherCoordinator.session },
      ),
      params: {},
      context,
    })
    expect(statusOf(planned)).toBe(400)
    expect(payloadOf(planned).fieldErrors).toEqual({ committeeId: 'meetings.validation.committee' })
  })

  test('other roles get 403; members cannot prepare; unknown ids are 404', async () => {
    const [worker] = workers as [Person]
    expect(
      statusOf(
        await thrownBy(
          meetingsPage.loader({ request: await getRequest('/meetings', worker.session), params: {}, context }),
        ),
      ),
    ).toBe(403)
    expect(statusOf(await thrownBy(load(publishedB, worker.session)))).toBe(403)
    expect(statusOf(await thrownBy(post(publishedB, { intent: 'addItem', title: 'x' }, memberOfB.session)))).toBe(403)
    const planning = meetingsPage.action({
      request: await formRequest(
        '/meetings',
        { committeeId: committeeB, startsAt: '2026-05-12T14:00', place: '' },
        { session: memberOfB.session },
      ),
      params: {},
      context,
    })
    expect(statusOf(await thrownBy(planning))).toBe(403)
    expect(statusOf(await thrownBy(load('00000000-0000-4000-8000-000000000000', coordinator.session)))).toBe(404)
    expect(statusOf(await thrownBy(load('not-a-uuid', coordinator.session)))).toBe(404)
    const minutesOfDraft = minutesDocument.loader({
      request: await getRequest(`/meetings/${draftA}/minutes`, coordinator.session),
      params: { meetingId: draftA },
      context,
    })
    expect(statusOf(await thrownBy(minutesOfDraft))).toBe(404)
  })
})
