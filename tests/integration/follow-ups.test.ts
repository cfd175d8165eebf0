import { sql } from 'kysely'
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
import { sweepFollowUps } from '#app/services/follow-ups.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as meetingsPage from '#app/routes/meetings._index.tsx'
import * as meetingPage from '#app/routes/meetings.$meetingId.tsx'
import * as followUpPage from '#app/routes/follow-ups.$followUpId.tsx'
import * as boardPage from '#app/routes/follow-ups._index.tsx'
import * as followUpsApi from '#app/routes/api.v1.follow-ups.ts'
import * as followUpApi from '#app/routes/api.v1.follow-ups_.$followUpId.ts'
import * as updatesApi from '#app/routes/api.v1.follow-ups_.$followUpId_.updates.ts'
import * as reportPage from '#app/routes/reports.$reportId.tsx'

const context = { clientIp: '192.0.2.61' }

interface Person {
  id: string
  session: string
}

let organisationId: string
let teamId: string
let municipalityId: string
let committeeId: string
let committeeRecipientId: string
let coordinator: Person
let chair: Person
let responsible: Person
let reporters: Person[]
let bystander: Person
let teamLead: Person
let otherCoordinator: Person

async function person(organisation: string, roles: Parameters<typeof createUser>[1]['roles'], teamIds: string[] = []) {
  const user = await createUser(getDb(), { organisationId: organisation, roles, teamIds })
  return { id: user.id, session: await signIn(user.email) }
}

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  teamId = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  municipalityId = (await createMunicipality(db, organisationId, 'Seinäjoki')).id
  committeeId = (await createCommittee(db, organisationId, 'Perusturvalautakunta')).id
  committeeRecipientId = (
    await db.selectFrom('recipients').select('id').where('committee_id', '=', committeeId).executeTakeFirstOrThrow()
  ).id
  coordinator = await person(organisationId, ['coordinator'])
  chair = await person(organisationId, ['committee_member'])
  await addCommitteeMember(db, { committeeId, userId: chair.id, role: 'chair' })
  responsible = await person(organisationId, ['worker'])
  reporters = [await person(organisationId, ['worker'], [teamId]), await person(organisationId, ['worker'], [teamId])]
  bystander = await person(organisationId, ['worker'])
  teamLead = await person(organisationId, ['team_lead'], [teamId])
  otherCoordinator = await person((await createOrganisation(db)).id, ['coordinator', 'committee_member'])
})

/** A report forwarded to the committee with proposed actions, by the given reporter. */
async function forwardedReport(author: Person, title: string, actions: string[] = []) {
  return createReport(getDb(), {
    organisation_id: organisationId,
    author_id: author.id,
    team_id: teamId,
    municipality_id: municipalityId,
    status: 'forwarded',
    title,
    submitted_at: new Date(),
    committee_id: committeeId,
    actions: actions.map((description) => ({ description, level: 'organisation' as const })),
  })
}

async function actionIdsOf(reportId: string) {
  const rows = await getDb()
    .selectFrom('proposed_actions')
    .select(['id', 'description', 'outcome', 'outcome_reason'])
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute()
  return rows
}

async function postMeeting(meetingId: string, fields: Record<string, string | string[]>, session: string) {
  const request = await formRequest(`/meetings/${meetingId}`, fields, { session })
  return meetingPage.action({ request, params: { meetingId }, context })
}

/** A published meeting on 12 May 2026 with one item holding the given reports. */
async function publishedItem(reportIds: string[]) {
  const plan = await formRequest(
    '/meetings',
    { committeeId, startsAt: '2026-05-12T14:00', place: 'Valtuustosali' },
    { session: coordinator.session },
  )
  const planned = await meetingsPage.action({ request: plan, params: {}, context })
  const meetingId = redirectTarget(planned)!.match(/\/meetings\/([0-9a-f-]+)/)![1]!
  const added = await postMeeting(
    meetingId,
    { intent: 'addItem', title: 'Omaishoidon sijaishoito', summary: '', proposal: '', reportIds, phenomenonIds: [] },
    coordinator.session,
  )
  expect(statusOf(added)).toBe(200)
  expect(statusOf(await postMeeting(meetingId, { intent: 'publish', confirm: 'on' }, coordinator.session))).toBe(200)
  const item = await getDb()
    .selectFrom('agenda_items')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow()
  return { meetingId, itemId: item.id }
}

const decisionText = 'Pyydetään palvelualuejohtajalta selvitys omaishoidon sijaishoidosta 31.3.2027 mennessä.'

/** Decides the item adopting the first action of the first report and setting one task; returns the follow-ups. */
async function decideWithFollowUps(reportTitles: [string, string], targetDate = '2027-03-31') {
  const first = await forwardedReport(reporters[0]!, reportTitles[0], [
    'Sijaishoito järjestetään kotiin',
    'Omaishoitajille oma yhteyshenkilö',
  ])
  const second = await forwardedReport(reporters[1]!, reportTitles[1])
  const { meetingId, itemId } = await publishedItem([first.id, second.id])
  const [adopted, notAdopted] = await actionIdsOf(first.id)
  const response = await postMeeting(
    meetingId,
    {
      intent: 'decide',
      itemId,
      kind: 'decided',
      text: decisionText,
      adopt: [adopted!.id],
      [`action.${adopted!.id}.responsible`]: `recipient:${committeeRecipientId}`,
      [`action.${adopted!.id}.person`]: responsible.id,
      [`action.${adopted!.id}.targetDate`]: targetDate,
      'task.0.title': 'Selvitys omaishoidon sijaishoidon järjestämisestä',
      'task.0.responsible': `team:${teamId}`,
      'task.0.person': '',
      'task.0.targetDate': targetDate,
    },
    chair.session,
  )
  const followUps = await getDb()
    .selectFrom('follow_ups')
    .selectAll()
    .where('agenda_item_id', '=', itemId)
    // The adopted action's first, then the task's.
    .orderBy(sql`proposed_action_id is null`)
    .execute()
  return {
    response,
    meetingId,
    itemId,
    reports: [first, second],
    adopted: adopted!,
    notAdopted: notAdopted!,
    followUps,
  }
}

async function loadPage(followUpId: string, session: string) {
  const request = await getRequest(`/follow-ups/${followUpId}`, session)
  return followUpPage.loader({ request, params: { followUpId }, context })
}

async function postUpdate(followUpId: string, fields: Record<string, string>, session: string) {
  const request = await formRequest(`/follow-ups/${followUpId}`, fields, { session })
  return followUpPage.action({ request, params: { followUpId }, context })
}

function eventsOf(type: string, followUpId: string) {
  return getDb()
    .selectFrom('report_events')
    .select(['report_id', 'actor_id', 'comment'])
    .where('type', '=', type as 'follow_up_created')
    .where('follow_up_id', '=', followUpId)
    .orderBy('report_id')
    .execute()
}

async function notificationsOf(userId: string, followUpId: string) {
  return getDb()
    .selectFrom('notifications')
    .innerJoin('report_events', 'report_events.id', 'notifications.event_id')
    .select(['report_events.type', 'notifications.report_id'])
    .where('notifications.user_id', '=', userId)
    .where('report_events.follow_up_id', '=', followUpId)
    .orderBy('report_events.created_at')
    .execute()
}

describe('a decision sets follow-ups', () => {
  test('an adopted action becomes accepted with the decision as its reason and gets a follow-up; a task gets one too', async () => {
    const { response, itemId, reports, adopted, notAdopted, followUps } = await decideWithFollowUps([
      'Sijaishoito puuttuu',
      'Omaishoitaja uupuu',
    ])
    expect(statusOf(response)).toBe(200)
    const [actionFollowUp, taskFollowUp] = followUps
    expect(followUps).toHaveLength(2)
    expect(actionFollowUp).toMatchObject({
      title: 'Sijaishoito järjestetään kotiin',
      proposed_action_id: adopted.id,
      responsible_recipient_id: committeeRecipientId,
      responsible_user_id: responsible.id,
      target_date: '2027-03-31',
      decided_on: '2026-05-12',
      status: 'not_started',
    })
    expect(taskFollowUp).toMatchObject({
      title: 'Selvitys omaishoidon sijaishoidon järjestämisestä',
      proposed_action_id: null,
      responsible_team_id: teamId,
      responsible_user_id: null,
    })
    const [adoptedNow, notAdoptedNow] = await actionIdsOf(reports[0]!.id)
    expect(adoptedNow).toMatchObject({ outcome: 'accepted', outcome_reason: decisionText })
    expect(notAdoptedNow).toMatchObject({ id: notAdopted.id, outcome: null })
    // Both follow-ups concern both reports on the item, and each reporter hears each follow-up start.
    for (const followUp of followUps) {
      const concerned = await getDb()
        .selectFrom('follow_up_reports')
        .select('report_id')
        .where('follow_up_id', '=', followUp.id)
        .execute()
      expect(concerned.map((row) => row.report_id).sort()).toEqual(reports.map((report) => report.id).sort())
      expect(await eventsOf('follow_up_created', followUp.id)).toHaveLength(2)
      expect(await notificationsOf(reporters[1]!.id, followUp.id)).toEqual([
        { type: 'follow_up_created', report_id: reports[1]!.id },
      ])
    }
    const item = await getDb()
      .selectFrom('agenda_items')
      .select(['decision', 'decision_text'])
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow()
    expect(item).toEqual({ decision: 'decided', decision_text: decisionText })
  })

  test('an open sending of the item’s report to the committee is answered by the decision', async () => {
    const report = await forwardedReport(reporters[0]!, 'Lähetetty lautakunnalle')
    const sending = await getDb()
      .insertInto('sendings')
      .values({
        organisation_id: organisationId,
        recipient_id: committeeRecipientId,
        report_id: report.id,
        sent_by: coordinator.id,
        covering_note: 'Tiedoksi ja päätettäväksi.',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const { meetingId, itemId } = await publishedItem([report.id])
    const decided = await postMeeting(
      meetingId,
      { intent: 'decide', itemId, kind: 'decided', text: decisionText },
      chair.session,
    )
    expect(statusOf(decided)).toBe(200)
    const answered = await getDb()
      .selectFrom('sendings')
      .select(['state', 'answer', 'answered_by'])
      .where('id', '=', sending.id)
      .executeTakeFirstOrThrow()
    expect(answered).toEqual({ state: 'answered', answer: decisionText, answered_by: chair.id })
    const told = await getDb()
      .selectFrom('report_events')
      .select(['report_id', 'comment'])
      .where('type', '=', 'recipient_answered')
      .where('sending_id', '=', sending.id)
      .execute()
    expect(told).toEqual([{ report_id: report.id, comment: decisionText }])
  })

  test('a target date before the meeting is refused with everything typed kept, and nothing is decided', async () => {
    const { response, itemId, adopted, followUps } = await decideWithFollowUps(
      ['Liian aikainen tavoite', 'Toinen raportti'],
      '2026-05-01',
    )
    expect(statusOf(response)).toBe(400)
    const result = payloadOf(response)
    expect(result.fieldErrors[`action.${adopted.id}.targetDate`]).toBe('followUps.validation.targetBeforeDecision')
    expect(result.fieldErrors['task.0.targetDate']).toBe('followUps.validation.targetBeforeDecision')
    expect(result.values.text).toBe(decisionText)
    expect(result.values['task.0.title']).toBe('Selvitys omaishoidon sijaishoidon järjestämisestä')
    expect(result.values.adopt).toBe(adopted.id)
    expect(followUps).toEqual([])
    const item = await getDb()
      .selectFrom('agenda_items')
      .select('decision')
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow()
    expect(item.decision).toBeNull()
    expect((await actionIdsOf((await actionOwner(adopted.id))!))[0]!.outcome).toBeNull()
  })

  test('only a decision on measures adopts actions, and a task needs its title and target date', async () => {
    const report = await forwardedReport(reporters[0]!, 'Tiedoksi merkitty', ['Lisää tukea'])
    const { meetingId, itemId } = await publishedItem([report.id])
    const [action] = await actionIdsOf(report.id)
    const noted = await postMeeting(
      meetingId,
      {
        intent: 'decide',
        itemId,
        kind: 'noted',
        text: '',
        adopt: [action!.id],
        [`action.${action!.id}.targetDate`]: '2027-01-01',
      },
      chair.session,
    )
    expect(statusOf(noted)).toBe(400)
    expect(payloadOf(noted).fieldErrors.adopt).toBe('followUps.validation.onlyDecided')
    const halfTask = await postMeeting(
      meetingId,
      { intent: 'decide', itemId, kind: 'decided', text: decisionText, 'task.1.title': 'Selvitys' },
      chair.session,
    )
    expect(statusOf(halfTask)).toBe(400)
    expect(payloadOf(halfTask).fieldErrors['task.1.targetDate']).toBe('followUps.validation.targetDateRequired')
  })
})

async function actionOwner(actionId: string) {
  const row = await getDb()
    .selectFrom('proposed_actions')
    .select('report_id')
    .where('id', '=', actionId)
    .executeTakeFirstOrThrow()
  return row.report_id
}

describe('updates', () => {
  let followUpId: string
  let reportIds: string[]

  beforeAll(async () => {
    const decided = await decideWithFollowUps(['Päivitettävä seuranta', 'Toinen päivitettävä'])
    followUpId = decided.followUps[0]!.id
    reportIds = decided.reports.map((report) => report.id)
  })

  test('the responsible person posts an update; each reporter is told in the bell and by email', async () => {
    const page = payloadOf(await loadPage(followUpId, responsible.session))
    expect(page.mayUpdate).toBe(true)
    const response = await postUpdate(
      followUpId,
      { version: String(page.followUp.version), body: 'Selvitys on aloitettu.', status: 'in_progress', progress: '40' },
      responsible.session,
    )
    expect(statusOf(response)).toBe(200)
    expect(payloadOf(response).message).toBe('followUps.update.done')
    const after = payloadOf(await loadPage(followUpId, reporters[0]!.session))
    expect(after.followUp).toMatchObject({ status: 'in_progress', progress: 40, version: page.followUp.version + 1 })
    expect(after.updates.at(-1)).toMatchObject({ body: 'Selvitys on aloitettu.', status: 'in_progress', progress: 40 })
    expect(after.mayUpdate).toBe(false)
    // The chair sits in the responsible committee, so posts updates too.
    expect(payloadOf(await loadPage(followUpId, chair.session)).mayUpdate).toBe(true)
    for (const [index, reporter] of reporters.entries()) {
      const told = await notificationsOf(reporter.id, followUpId)
      expect(told.map((row) => row.type)).toEqual(['follow_up_created', 'follow_up_updated'])
      expect(told.every((row) => row.report_id === reportIds[index])).toBe(true)
    }
    const emails = await getDb()
      .selectFrom('email_jobs')
      .innerJoin('notifications', (join) =>
        join.on(sql<boolean>`email_jobs.payload->>'notificationId' = notifications.id::text`),
      )
      .innerJoin('report_events', 'report_events.id', 'notifications.event_id')
      .select('email_jobs.id')
      .where('email_jobs.recipient_id', '=', reporters[0]!.id)
      .where('report_events.type', '=', 'follow_up_updated')
      .where('report_events.follow_up_id', '=', followUpId)
      .execute()
    expect(emails).toHaveLength(1)
  })

  test('an update on a follow-up someone else just changed gets 409 with the text kept and the current state', async () => {
    const seen = payloadOf(await loadPage(followUpId, coordinator.session)).followUp.version
    expect(
      statusOf(
        await postUpdate(followUpId, { version: String(seen), body: 'Koordinaattorin tieto.' }, coordinator.session),
      ),
    ).toBe(200)
    const stale = await postUpdate(
      followUpId,
      { version: String(seen), body: 'Vastuuhenkilön myöhästynyt tieto.', status: 'done' },
      responsible.session,
    )
    expect(statusOf(stale)).toBe(409)
    expect(payloadOf(stale)).toMatchObject({
      message: 'followUps.update.stale',
      values: { body: 'Vastuuhenkilön myöhästynyt tieto.', status: 'done' },
    })
    const current = payloadOf(await loadPage(followUpId, responsible.session))
    expect(current.followUp).toMatchObject({ version: seen + 1, status: 'in_progress' })
    expect(current.updates.map((update: { body: string }) => update.body)).not.toContain(
      'Vastuuhenkilön myöhästynyt tieto.',
    )
  })

  test('not carried out needs the reason, which the follow-up then shows', async () => {
    const version = String(payloadOf(await loadPage(followUpId, responsible.session)).followUp.version)
    const missing = await postUpdate(
      followUpId,
      { version, body: '  ', status: 'not_carried_out' },
      responsible.session,
    )
    expect(statusOf(missing)).toBe(400)
    expect(payloadOf(missing).fieldErrors.body).toBe('followUps.validation.reasonRequired')
    const given = await postUpdate(
      followUpId,
      { version, body: 'Rahoitus ei riittänyt tänä vuonna.', status: 'not_carried_out' },
      responsible.session,
    )
    expect(statusOf(given)).toBe(200)
    const page = payloadOf(await loadPage(followUpId, responsible.session))
    expect(page.followUp).toMatchObject({
      status: 'not_carried_out',
      status_reason: 'Rahoitus ei riittänyt tänä vuonna.',
    })
    const reopened = await postUpdate(
      followUpId,
      { version: String(page.followUp.version), body: 'Rahoitus löytyi.', status: 'in_progress', progress: 'x' },
      responsible.session,
    )
    expect(statusOf(reopened)).toBe(400)
    expect(payloadOf(reopened).fieldErrors.progress).toBe('followUps.validation.progress')
  })

  test('identifying data in an update is refused and nothing is stored', async () => {
    const version = String(payloadOf(await loadPage(followUpId, coordinator.session)).followUp.version)
    const response = await postUpdate(
      followUpId,
      { version, body: 'Asiakas 010190-123A soitti, numero 040 123 4567.' },
      coordinator.session,
    )
    expect(statusOf(response)).toBe(422)
    expect(payloadOf(response).findings.length).toBeGreaterThan(0)
    expect(payloadOf(response).values.body).toContain('soitti')
    expect(payloadOf(await loadPage(followUpId, coordinator.session)).followUp.version).toBe(Number(version))
  })

  test('reporters read but may not update; others in the organisation and other organisations get 404', async () => {
    const version = String(payloadOf(await loadPage(followUpId, reporters[0]!.session)).followUp.version)
    expect(
      statusOf(await thrownBy(postUpdate(followUpId, { version, body: 'Raportoijan tieto' }, reporters[0]!.session))),
    ).toBe(403)
    expect(statusOf(await thrownBy(loadPage(followUpId, bystander.session)))).toBe(404)
    expect(statusOf(await thrownBy(postUpdate(followUpId, { version, body: 'x' }, bystander.session)))).toBe(404)
    expect(statusOf(await thrownBy(loadPage(followUpId, otherCoordinator.session)))).toBe(404)
    expect(statusOf(await thrownBy(postUpdate(followUpId, { version, body: 'x' }, otherCoordinator.session)))).toBe(404)
    const token = await apiTokenFor({ id: otherCoordinator.id }, (await otherOrganisationOf(otherCoordinator.id))!)
    const viaApi = await followUpApi.loader({
      request: apiRequest(`/api/v1/follow-ups/${followUpId}`, { token }),
      params: { followUpId },
    })
    expect(viaApi.status).toBe(404)
  })

  test('the team lead of the reports’ team sees it on the board; a bystander’s board is empty', async () => {
    const board = async (session: string, query = '') =>
      payloadOf(
        await boardPage.loader({ request: await getRequest(`/follow-ups${query}`, session), params: {}, context }),
      )
    const leads = await board(teamLead.session)
    expect(leads.followUps.map((row: { id: string }) => row.id)).toContain(followUpId)
    expect((await board(bystander.session)).followUps).toEqual([])
    // The responsible person's own board, whatever their role.
    expect((await board(responsible.session)).followUps.map((row: { id: string }) => row.id)).toContain(followUpId)
    const byResponsible = await board(coordinator.session, `?responsibleUserId=${responsible.id}`)
    const theirs = await getDb()
      .selectFrom('follow_ups')
      .select('id')
      .where('responsible_user_id', '=', responsible.id)
      .execute()
    expect(byResponsible.followUps.map((row: { id: string }) => row.id).sort()).toEqual(
      theirs.map((row) => row.id).sort(),
    )
    expect(byResponsible.followUps.map((row: { id: string }) => row.id)).toContain(followUpId)
    const byMunicipality = await board(coordinator.session, `?municipalityId=${municipalityId}&to=2027-12-31`)
    expect(byMunicipality.followUps.map((row: { id: string }) => row.id)).toContain(followUpId)
  })
})

async function otherOrganisationOf(userId: string) {
  const row = await getDb()
    .selectFrom('memberships')
    .select('organisation_id')
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.organisation_id
}

describe('overdue follow-ups', () => {
  let followUpId: string
  const now = new Date('2027-04-02T09:00:00Z')

  beforeAll(async () => {
    // A follow-up due on 31 March 2027, looked at on 2 April 2027.
    followUpId = (await decideWithFollowUps(['Myöhästyvä seuranta', 'Toinen myöhästyvä'])).followUps[0]!.id
  })

  test('a follow-up past its target date is told overdue once, to every report it concerns', async () => {
    await sweepFollowUps(getDb(), now)
    await sweepFollowUps(getDb(), new Date(now.getTime() + 60 * 60 * 1000))
    const events = await eventsOf('follow_up_overdue', followUpId)
    expect(events).toHaveLength(2)
    expect(events.every((event) => event.actor_id === null)).toBe(true)
    expect((await notificationsOf(reporters[0]!.id, followUpId)).map((row) => row.type)).toContain('follow_up_overdue')
  })

  test('the board and the page say in words that a follow-up is overdue, and the board filters them', async () => {
    // Due 1 June 2026, a date every run of these tests falls after.
    const late = (await decideWithFollowUps(['Jo myöhässä', 'Toinen jo myöhässä'], '2026-06-01')).followUps[0]!.id
    const board = payloadOf(
      await boardPage.loader({
        request: await getRequest('/follow-ups?overdue=true', coordinator.session),
        params: {},
        context,
      }),
    )
    expect(board.followUps.find((row: { id: string }) => row.id === late)).toMatchObject({ overdue: true })
    expect(board.followUps.every((row: { overdue: boolean }) => row.overdue)).toBe(true)
    expect(payloadOf(await loadPage(late, reporters[0]!.session)).followUp.overdue).toBe(true)
  })

  test('the responsible person and the coordinator get a reminder at most once a week', async () => {
    const reminders = async (userId: string) =>
      (
        await getDb()
          .selectFrom('email_jobs')
          .select('id')
          .where('kind', '=', 'follow_up_reminder')
          .where('recipient_id', '=', userId)
          .execute()
      ).length
    await sweepFollowUps(getDb(), now)
    const first = { responsible: await reminders(responsible.id), coordinator: await reminders(coordinator.id) }
    expect(first).toEqual({ responsible: 1, coordinator: 1 })
    await sweepFollowUps(getDb(), new Date(now.getTime() + 3 * 24 * 60 * 60 * 1000))
    expect(await reminders(responsible.id)).toBe(1)
    await sweepFollowUps(getDb(), new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000))
    expect({ responsible: await reminders(responsible.id), coordinator: await reminders(coordinator.id) }).toEqual({
      responsible: 2,
      coordinator: 2,
    })
    expect(await reminders(reporters[0]!.id)).toBe(0)
  })
})

describe('the API', () => {
  test('lists, reads and updates follow-ups with 409 on a stale version', async () => {
    const { followUps } = await decideWithFollowUps(['API-seuranta', 'Toinen API-seuranta'])
    const followUpId = followUps[0]!.id
    const token = await apiTokenFor({ id: responsible.id }, organisationId)
    const list = await followUpsApi.loader({
      request: apiRequest('/api/v1/follow-ups?status=not_started', { token }),
      params: {},
    })
    expect(list.status).toBe(200)
    const listed = await list.json()
    expect(listed.followUps.map((row: { id: string }) => row.id)).toContain(followUpId)
    const one = await followUpApi.loader({
      request: apiRequest(`/api/v1/follow-ups/${followUpId}`, { token }),
      params: { followUpId },
    })
    const read = await one.json()
    expect(read).toMatchObject({ id: followUpId, status: 'not_started', version: 1, mayUpdate: true, overdue: false })
    const post = (body: unknown) =>
      updatesApi.action({
        request: apiRequest(`/api/v1/follow-ups/${followUpId}/updates`, { token, method: 'POST', body }),
        params: { followUpId },
      })
    const created = await post({ expectedVersion: 1, body: 'Työ käynnistyi.', status: 'in_progress', progress: 10 })
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ version: 2, status: 'in_progress', progress: 10 })
    const stale = await post({ expectedVersion: 1, body: 'Vanhentunut.' })
    expect(stale.status).toBe(409)
    expect(await stale.json()).toMatchObject({ code: 'conflict', currentVersion: 2 })
    const unreasoned = await post({ expectedVersion: 2, body: '', status: 'not_carried_out' })
    expect(unreasoned.status).toBe(422)
    const bad = await followUpsApi.loader({
      request: apiRequest('/api/v1/follow-ups?overdue=maybe', { token }),
      params: {},
    })
    expect(bad.status).toBe(422)
  })
})

describe('a team lead closing a report with the team’s own action', () => {
  async function close(reportId: string, fields: Record<string, string>, session = teamLead.session) {
    const request = await formRequest(
      `/reports/${reportId}`,
      {
        intent: 'transition',
        to: 'closed',
        expectedStatus: 'in_review',
        resolution: 'resolved_in_team',
        comment: 'Ratkaistaan tiimissä.',
        ...fields,
      },
      { session },
    )
    return reportPage.action({ request, params: { reportId }, context })
  }

  async function inReview(title: string) {
    return createReport(getDb(), {
      organisation_id: organisationId,
      author_id: reporters[0]!.id,
      team_id: teamId,
      municipality_id: municipalityId,
      status: 'in_review',
      title,
      submitted_at: new Date(),
    })
  }

  test('the action becomes a follow-up of the team, concerning the report, and the reporter hears it started', async () => {
    const report = await inReview('Tiimi hoitaa itse')
    const response = await close(report.id, {
      followUpTitle: 'Tiimi sopii yhteistyöstä päihdepalvelujen kanssa',
      followUpTargetDate: '2099-01-31',
    })
    expect(statusOf(response)).toBe(200)
    const followUp = await getDb()
      .selectFrom('follow_ups')
      .innerJoin('follow_up_reports', 'follow_up_reports.follow_up_id', 'follow_ups.id')
      .select(['follow_ups.id', 'follow_ups.title', 'follow_ups.responsible_team_id', 'follow_ups.target_date'])
      .where('follow_up_reports.report_id', '=', report.id)
      .executeTakeFirstOrThrow()
    expect(followUp).toMatchObject({
      title: 'Tiimi sopii yhteistyöstä päihdepalvelujen kanssa',
      responsible_team_id: teamId,
      target_date: '2099-01-31',
    })
    expect((await notificationsOf(reporters[0]!.id, followUp.id)).map((row) => row.type)).toEqual(['follow_up_created'])
    // The lead answers for the team's follow-up.
    expect(payloadOf(await loadPage(followUp.id, teamLead.session)).mayUpdate).toBe(true)
  })

  test('a past target date or a half-filled action is refused and the report stays in review', async () => {
    const report = await inReview('Puutteellinen toimenpide')
    const past = await close(report.id, { followUpTitle: 'Jotain', followUpTargetDate: '2020-01-01' })
    expect(statusOf(past)).toBe(400)
    expect(payloadOf(past)).toMatchObject({ field: 'followUpTargetDate', message: 'followUps.validation.targetInPast' })
    const half = await close(report.id, { followUpTitle: 'Ilman päivää' })
    expect(statusOf(half)).toBe(400)
    expect(payloadOf(half)).toMatchObject({ field: 'followUpTargetDate' })
    const status = await getDb()
      .selectFrom('reports')
      .select('status')
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow()
    expect(status.status).toBe('in_review')
  })
})
