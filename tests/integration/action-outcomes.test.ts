import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createPhenomenon, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { setIdentifyingNames } from '#app/models/organisation-settings.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as phenomenonPage from '#app/routes/phenomena.$phenomenonId.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'

const context = { clientIp: '192.0.2.30' }

interface Person {
  id: string
  name: string
  session: string
}

let organisationId: string
let teamA: string
let teamB: string
let authorA: Person
let authorB: Person
let leadA: Person
let leadB: Person
let coordinator: Person
let otherOrganisation: { id: string; coordinator: Person; teamId: string }

async function person(
  organisation: string,
  roles: Parameters<typeof createUser>[1]['roles'],
  teamIds: string[],
  name: string,
) {
  const user = await createUser(getDb(), { organisationId: organisation, roles, teamIds, name })
  return { id: user.id, name, session: await signIn(user.email) }
}

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  teamA = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  teamB = (await createTeam(db, organisationId, 'Nuorten palvelut')).id
  authorA = await person(organisationId, ['worker'], [teamA], 'Aino Raportoija')
  authorB = await person(organisationId, ['worker'], [teamB], 'Bertta Raportoija')
  leadA = await person(organisationId, ['team_lead'], [teamA], 'Aila Vetäjä')
  leadB = await person(organisationId, ['team_lead'], [teamB], 'Bruno Vetäjä')
  coordinator = await person(organisationId, ['coordinator'], [], 'Kaisa Koordinaattori')
  const other = (await createOrganisation(db)).id
  otherOrganisation = {
    id: other,
    teamId: (await createTeam(db, other, 'Toinen tiimi')).id,
    coordinator: await person(other, ['coordinator'], [], 'Olli Toinen'),
  }
})

async function reportWithAction(
  author: Person,
  teamId: string,
  status: ReportStatus = 'forwarded',
  organisation = organisationId,
) {
  const report = await createReport(getDb(), {
    organisation_id: organisation,
    team_id: teamId,
    author_id: author.id,
    status,
    description: 'Kelan päätöksissä ei kerrota, miten täydentävää toimeentulotukea haetaan kunnasta.',
    support_needs: ['financial'],
    client_groups: ['adults'],
    actions: [
      { description: 'Päätösten sanamuoto uusitaan yhdessä asiakasraadin kanssa.', level: 'national' },
      { description: 'Neuvontaa täydentävän toimeentulotuen hakemisesta.', level: 'team' },
    ],
  })
  const actions = await getDb()
    .selectFrom('proposed_actions')
    .select('id')
    .where('report_id', '=', report.id)
    .orderBy('position')
    .execute()
  return { reportId: report.id, actionId: actions[0]!.id, secondActionId: actions[1]!.id }
}

async function postToReport(session: string, reportId: string, fields: Record<string, string>) {
  const request = await formRequest(`/reports/${reportId}`, { intent: 'outcome', ...fields }, { session })
  return reportPage.action({ request, params: { reportId }, context })
}

async function postToPhenomenon(session: string, phenomenonId: string, fields: Record<string, string>) {
  const request = await formRequest(`/phenomena/${phenomenonId}`, fields, { session })
  return phenomenonPage.action({ request, params: { phenomenonId }, context })
}

function actionRow(id: string) {
  return getDb()
    .selectFrom('proposed_actions')
    .select(['outcome', 'outcome_reason', 'outcome_by', 'outcome_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

function outcomeEvents(proposedActionId: string) {
  return getDb()
    .selectFrom('report_events')
    .select(['id', 'report_id', 'actor_id', 'action_outcome', 'comment', 'phenomenon_id'])
    .where('type', '=', 'action_outcome')
    .where('proposed_action_id', '=', proposedActionId)
    .orderBy('created_at')
    .execute()
}

/** Every notification that an outcome of this action produced, by whom it went to. */
async function notificationsFor(proposedActionId: string) {
  return getDb()
    .selectFrom('notifications')
    .innerJoin('report_events', 'report_events.id', 'notifications.event_id')
    .select(['notifications.user_id', 'notifications.report_id', 'notifications.reason'])
    .where('report_events.proposed_action_id', '=', proposedActionId)
    .orderBy('notifications.user_id')
    .execute()
}

async function expectUntouched(proposedActionId: string) {
  expect(await actionRow(proposedActionId)).toEqual({
    outcome: null,
    outcome_reason: null,
    outcome_by: null,
    outcome_at: null,
  })
  expect(await outcomeEvents(proposedActionId)).toEqual([])
  expect(await notificationsFor(proposedActionId)).toEqual([])
}

describe("a report's proposed action", () => {
  test('a coordinator accepts it with a reason: the row, the event and one notification for the author', async () => {
    const { reportId, actionId, secondActionId } = await reportWithAction(authorA, teamA)
    const before = new Date()
    const response = await postToReport(coordinator.session, reportId, {
      proposedActionId: actionId,
      outcome: 'accepted',
      reason: '  Otetaan mukaan ensi vuoden toimintasuunnitelmaan.  ',
    })
    expect(statusOf(response)).toBe(200)
    expect(payloadOf(response)).toEqual({
      ok: true,
      formId: `outcome:${actionId}`,
      message: 'proposedActions.record.saved',
    })

    const row = await actionRow(actionId)
    expect(row).toMatchObject({
      outcome: 'accepted',
      outcome_reason: 'Otetaan mukaan ensi vuoden toimintasuunnitelmaan.',
      outcome_by: coordinator.id,
    })
    expect(row.outcome_at!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000)
    expect(await outcomeEvents(actionId)).toEqual([
      {
        id: expect.any(String),
        report_id: reportId,
        actor_id: coordinator.id,
        action_outcome: 'accepted',
        comment: 'Otetaan mukaan ensi vuoden toimintasuunnitelmaan.',
        phenomenon_id: null,
      },
    ])
    expect(await notificationsFor(actionId)).toEqual([{ user_id: authorA.id, report_id: reportId, reason: 'author' }])
    // The other action of the same report is still open.
    expect((await actionRow(secondActionId)).outcome).toBeNull()
  })

  test('the lead of the report’s team changes an earlier outcome; the change is recorded again', async () => {
    const { reportId, actionId } = await reportWithAction(authorA, teamA, 'decided')
    await postToReport(coordinator.session, reportId, {
      proposedActionId: actionId,
      outcome: 'accepted',
      reason: 'Hyvä.',
    })
    const response = await postToReport(leadA.session, reportId, {
      proposedActionId: actionId,
      outcome: 'done',
      reason: 'Neuvonta aloitettiin maaliskuussa.',
    })
    expect(statusOf(response)).toBe(200)
    expect(await actionRow(actionId)).toMatchObject({ outcome: 'done', outcome_by: leadA.id })
    expect((await outcomeEvents(actionId)).map((event) => [event.actor_id, event.action_outcome])).toEqual([
      [coordinator.id, 'accepted'],
      [leadA.id, 'done'],
    ])
    expect(await notificationsFor(actionId)).toHaveLength(2)
  })

  test('the report page loader returns each action with its outcome', async () => {
    const { reportId, actionId, secondActionId } = await reportWithAction(authorA, teamA)
    await postToReport(coordinator.session, reportId, {
      proposedActionId: actionId,
      outcome: 'adapted',
      reason: 'Toteutetaan kevyempänä kokeiluna.',
    })
    const load = async (session: string) =>
      payloadOf(
        await reportPage.loader({
          request: await getRequest(`/reports/${reportId}`, session),
          params: { reportId },
          context,
        }),
      )
    const seenByAuthor = await load(authorA.session)
    expect(seenByAuthor.proposedActions).toEqual([
      {
        id: actionId,
        reportId,
        phenomenonId: null,
        position: 1,
        description: 'Päätösten sanamuoto uusitaan yhdessä asiakasraadin kanssa.',
        level: 'national',
        outcome: 'adapted',
        outcomeReason: 'Toteutetaan kevyempänä kokeiluna.',
        outcomeByName: coordinator.name,
        outcomeAt: expect.any(Date),
      },
      {
        id: secondActionId,
        reportId,
        phenomenonId: null,
        position: 2,
        description: 'Neuvontaa täydentävän toimeentulotuen hakemisesta.',
        level: 'team',
        outcome: null,
        outcomeReason: null,
        outcomeByName: null,
        outcomeAt: null,
      },
    ])
    expect(seenByAuthor.mayRecordOutcomes).toBe(false)
    expect((await load(coordinator.session)).mayRecordOutcomes).toBe(true)
    expect((await load(leadA.session)).mayRecordOutcomes).toBe(true)
  })

  test('the author gets 403 and nothing changes; a lead of another team cannot even see the report', async () => {
    const { reportId, actionId } = await reportWithAction(authorA, teamA)
    const fields = { proposedActionId: actionId, outcome: 'rejected', reason: 'Ei resursseja.' }
    expect(statusOf(await thrownBy(postToReport(authorA.session, reportId, fields)))).toBe(403)
    expect(statusOf(await thrownBy(postToReport(leadB.session, reportId, fields)))).toBe(404)
    await expectUntouched(actionId)
  })

  test('before the report is forwarded nobody records an outcome', async () => {
    const { reportId, actionId } = await reportWithAction(authorA, teamA, 'in_review')
    const fields = { proposedActionId: actionId, outcome: 'accepted', reason: 'Liian aikaisin.' }
    expect(statusOf(await thrownBy(postToReport(coordinator.session, reportId, fields)))).toBe(403)
    expect(statusOf(await thrownBy(postToReport(leadA.session, reportId, fields)))).toBe(403)
    await expectUntouched(actionId)
  })

  test("another organisation's action is not found, wherever it is posted", async () => {
    const own = await reportWithAction(authorA, teamA)
    const otherAuthor = await person(otherOrganisation.id, ['worker'], [otherOrganisation.teamId], 'Toinen Raportoija')
    const foreign = await reportWithAction(otherAuthor, otherOrganisation.teamId, 'forwarded', otherOrganisation.id)
    const fields = { proposedActionId: foreign.actionId, outcome: 'accepted', reason: 'Ei kuulu meille.' }
    expect(statusOf(await thrownBy(postToReport(coordinator.session, own.reportId, fields)))).toBe(404)
    expect(statusOf(await thrownBy(postToReport(coordinator.session, foreign.reportId, fields)))).toBe(404)
    // Nor does an action of another report of the same organisation pass under this report's id.
    const sibling = await reportWithAction(authorB, teamB)
    expect(
      statusOf(
        await thrownBy(
          postToReport(coordinator.session, own.reportId, { ...fields, proposedActionId: sibling.actionId }),
        ),
      ),
    ).toBe(404)
    await expectUntouched(foreign.actionId)
    await expectUntouched(sibling.actionId)
  })

  test('a reason with a personal identity code is a field error; what was typed is kept and nothing is written', async () => {
    const { reportId, actionId } = await reportWithAction(authorA, teamA)
    const reason = 'Asiakkaan 131052-308T tilanne ratkesi.'
    const response = await postToReport(coordinator.session, reportId, {
      proposedActionId: actionId,
      outcome: 'done',
      reason,
    })
    expect(statusOf(response)).toBe(422)
    expect(payloadOf(response)).toMatchObject({
      ok: false,
      formId: `outcome:${actionId}`,
      fieldErrors: { reason: 'proposedActions.validation.identifying' },
      values: { proposedActionId: actionId, outcome: 'done', reason },
      findings: [{ field: 'reason', kind: 'personal_identity_code', fragment: '131052-308T' }],
    })
    await expectUntouched(actionId)
  })

  test('a missing reason and outcome are field errors', async () => {
    const { reportId, actionId } = await reportWithAction(authorA, teamA)
    const response = await postToReport(coordinator.session, reportId, { proposedActionId: actionId, reason: '   ' })
    expect(statusOf(response)).toBe(400)
    expect(payloadOf(response)).toMatchObject({
      ok: false,
      fieldErrors: {
        outcome: 'proposedActions.validation.outcomeRequired',
        reason: 'proposedActions.validation.reasonRequired',
      },
    })
    await expectUntouched(actionId)
  })
})

describe("a phenomenon's proposed action", () => {
  async function linkedPhenomenon() {
    const first = await reportWithAction(authorA, teamA)
    const second = await reportWithAction(authorB, teamB, 'on_agenda')
    const phenomenon = await createPhenomenon(getDb(), {
      organisationId,
      createdBy: coordinator.id,
      title: 'Kelan päätösten sanamuoto',
      reportIds: [first.reportId, second.reportId],
    })
    return { phenomenonId: phenomenon.id, reportIds: [first.reportId, second.reportId] }
  }

  test('a coordinator adds one; its outcome tells every linked report’s author once', async () => {
    const { phenomenonId, reportIds } = await linkedPhenomenon()
    const added = await postToPhenomenon(coordinator.session, phenomenonId, {
      intent: 'addAction',
      description: ' Kelan puhelinpäivystys sosiaalityön ammattilaisille. ',
      level: 'organisation',
    })
    expect(payloadOf(added)).toEqual({ ok: true, formId: 'addAction', message: 'proposedActions.add.saved' })
    const action = await getDb()
      .selectFrom('proposed_actions')
      .select(['id', 'report_id', 'position', 'description', 'level'])
      .where('phenomenon_id', '=', phenomenonId)
      .executeTakeFirstOrThrow()
    expect(action).toMatchObject({
      report_id: null,
      position: 1,
      description: 'Kelan puhelinpäivystys sosiaalityön ammattilaisille.',
      level: 'organisation',
    })

    const response = await postToPhenomenon(coordinator.session, phenomenonId, {
      intent: 'outcome',
      proposedActionId: action.id,
      outcome: 'accepted',
      reason: 'Päivystys aloitetaan syksyllä.',
    })
    expect(payloadOf(response)).toMatchObject({ ok: true, message: 'proposedActions.record.savedPhenomenon' })
    expect(await actionRow(action.id)).toMatchObject({ outcome: 'accepted', outcome_by: coordinator.id })
    const events = await outcomeEvents(action.id)
    expect(events.map((event) => event.report_id).sort()).toEqual([...reportIds].sort())
    expect(events.every((event) => event.phenomenon_id === phenomenonId && event.action_outcome === 'accepted')).toBe(
      true,
    )
    const notified = await notificationsFor(action.id)
    expect(notified).toHaveLength(2)
    expect(notified).toEqual(
      expect.arrayContaining([
        { user_id: authorA.id, report_id: reportIds[0], reason: 'author' },
        { user_id: authorB.id, report_id: reportIds[1], reason: 'author' },
      ]),
    )

    const loaded = payloadOf(
      await phenomenonPage.loader({
        request: await getRequest(`/phenomena/${phenomenonId}`, coordinator.session),
        params: { phenomenonId },
        context,
      }),
    )
    expect(loaded.proposedActions).toEqual([
      expect.objectContaining({ id: action.id, phenomenonId, outcome: 'accepted', outcomeByName: coordinator.name }),
    ])
    expect(loaded).toMatchObject({ mayRecordOutcomes: true, mayAddActions: true })
  })

  test('a team lead may read it but not decide or add; a worker may not post at all', async () => {
    const { phenomenonId } = await linkedPhenomenon()
    const phenomenon = await createPhenomenon(getDb(), {
      organisationId,
      createdBy: coordinator.id,
      actions: [{ description: 'Yhteiset tapaamiset Kelan kanssa.', level: 'organisation' }],
    })
    const actionId = (
      await getDb()
        .selectFrom('proposed_actions')
        .select('id')
        .where('phenomenon_id', '=', phenomenon.id)
        .executeTakeFirstOrThrow()
    ).id
    const outcome = { intent: 'outcome', proposedActionId: actionId, outcome: 'rejected', reason: 'Ei nyt.' }
    expect(statusOf(await thrownBy(postToPhenomenon(leadA.session, phenomenon.id, outcome)))).toBe(403)
    expect(statusOf(await thrownBy(postToPhenomenon(authorA.session, phenomenon.id, outcome)))).toBe(403)
    const add = { intent: 'addAction', description: 'Oma ehdotus.', level: 'team' }
    expect(statusOf(await thrownBy(postToPhenomenon(leadA.session, phenomenonId, add)))).toBe(403)
    // An action is decided only on its own phenomenon's page.
    expect(statusOf(await thrownBy(postToPhenomenon(coordinator.session, phenomenonId, outcome)))).toBe(404)
    await expectUntouched(actionId)
    expect(
      await getDb().selectFrom('proposed_actions').select('id').where('phenomenon_id', '=', phenomenonId).execute(),
    ).toEqual([])
  })

  test("another organisation's coordinator finds neither the phenomenon nor its action", async () => {
    const phenomenon = await createPhenomenon(getDb(), {
      organisationId,
      createdBy: coordinator.id,
      actions: [{ description: 'Asumisinfot vuokrataloyhtiön kanssa.', level: 'organisation' }],
    })
    const actionId = (
      await getDb()
        .selectFrom('proposed_actions')
        .select('id')
        .where('phenomenon_id', '=', phenomenon.id)
        .executeTakeFirstOrThrow()
    ).id
    const session = otherOrganisation.coordinator.session
    const outcome = { intent: 'outcome', proposedActionId: actionId, outcome: 'accepted', reason: 'Vieras.' }
    expect(statusOf(await thrownBy(postToPhenomenon(session, phenomenon.id, outcome)))).toBe(404)
    const add = { intent: 'addAction', description: 'Vieras ehdotus.', level: 'team' }
    expect(statusOf(await thrownBy(postToPhenomenon(session, phenomenon.id, add)))).toBe(404)
    await expectUntouched(actionId)
  })

  test("a description naming one of the organisation's identifying names is a field error and is not added", async () => {
    const { phenomenonId } = await linkedPhenomenon()
    await setIdentifyingNames(getDb(), organisationId, ['Rantala'])
    try {
      const response = await postToPhenomenon(coordinator.session, phenomenonId, {
        intent: 'addAction',
        description: 'Rantala-perheen tilanne näyttää, että tukea tarvitaan.',
        level: 'team',
      })
      // What was typed comes back, so nothing has to be written again.
      expect(statusOf(response)).toBe(422)
      expect(payloadOf(response)).toMatchObject({
        ok: false,
        formId: 'addAction',
        fieldErrors: { description: 'proposedActions.validation.identifying' },
        values: { description: 'Rantala-perheen tilanne näyttää, että tukea tarvitaan.', level: 'team' },
        findings: [{ field: 'description', kind: 'name', fragment: 'Rantala' }],
      })
      expect(
        await getDb().selectFrom('proposed_actions').select('id').where('phenomenon_id', '=', phenomenonId).execute(),
      ).toEqual([])
    } finally {
      await setIdentifyingNames(getDb(), organisationId, [])
    }
  })
})
