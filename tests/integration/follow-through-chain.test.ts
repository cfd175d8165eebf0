import { beforeAll, describe, expect, test } from 'vitest'
import {
  createCommittee,
  createOrganisation,
  createPhenomenon,
  createReport,
  createTeam,
  createUser,
  addCommitteeMember,
} from '#tests/factories/index.ts'
import { createFollowUp, createRecipient, createSending } from '#tests/factories/follow-through.ts'
import { getRequest, payloadOf, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { type FollowThroughChain } from '#app/domain/follow-through-chain.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as minutesDocument from '#app/routes/meetings.$meetingId_.minutes.tsx'
import * as phenomenonPage from '#app/routes/phenomena.$phenomenonId.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'

/**
 * The chain on the report page, the phenomenon page and the minutes: reported → sent to whom → their answers →
 * follow-ups with their latest status. The rows are written straight into their tables; the flows that write them
 * are tested with their services.
 */

const context = { clientIp: '192.0.2.77' }
const day = (date: string) => new Date(`${date}T10:00:00Z`)
/** A target date still ahead whenever the test runs. */
const futureTarget = `${new Date().getUTCFullYear() + 1}-03-31`

let reportId: string
let otherReportId: string
let phenomenonId: string
let meetingId: string
let sessions: Record<'author' | 'lead' | 'coordinator' | 'chair' | 'otherWorker' | 'outsider', string>
let outsiderReportId: string

beforeAll(async () => {
  const db = getDb()
  const organisationId = (await createOrganisation(db)).id
  const team = await createTeam(db, organisationId, 'Aikuissosiaalityö')
  const author = await createUser(db, { organisationId, roles: ['worker'], teamIds: [team.id] })
  const lead = await createUser(db, { organisationId, roles: ['team_lead'], teamIds: [team.id], name: 'Liisa Vetäjä' })
  const coordinator = await createUser(db, { organisationId, roles: ['coordinator'], name: 'Kaisa Koordinaattori' })
  const chair = await createUser(db, { organisationId, roles: ['committee_member'] })
  const otherWorker = await createUser(db, { organisationId, roles: ['worker'] })
  const committee = await createCommittee(db, organisationId, 'Perusturvalautakunta')
  await addCommitteeMember(db, { committeeId: committee.id, userId: chair.id, role: 'chair' })

  const report = await createReport(db, {
    organisation_id: organisationId,
    author_id: author.id,
    team_id: team.id,
    status: 'decided',
    committee_id: committee.id,
    title: 'Omaishoitajat jäävät ilman sijaista',
    submitted_at: day('2026-01-12'),
    actions: [{ description: 'Sijaishoitajapooli omaishoitajien vapaille', level: 'organisation' }],
  })
  reportId = report.id
  otherReportId = (
    await createReport(db, {
      organisation_id: organisationId,
      author_id: author.id,
      team_id: team.id,
      status: 'forwarded',
      submitted_at: day('2026-02-01'),
      title: 'Toinen havainto',
    })
  ).id
  await db
    .insertInto('report_events')
    .values({
      report_id: reportId,
      organisation_id: organisationId,
      actor_id: lead.id,
      type: 'status_changed',
      from_status: 'in_review',
      to_status: 'forwarded',
      committee_id: committee.id,
      created_at: day('2026-01-20'),
    })
    .execute()
  phenomenonId = (
    await createPhenomenon(db, {
      organisationId,
      createdBy: lead.id,
      title: 'Omaishoidon vapaat eivät toteudu',
      reportIds: [reportId, otherReportId],
    })
  ).id

  const workingGroup = await createRecipient(db, {
    organisationId,
    kind: 'working_group',
    name: 'Rakenteellisen sosiaalityön työryhmä',
    memberIds: [lead.id],
  })
  const kela = await createRecipient(db, {
    organisationId,
    kind: 'partner',
    name: 'Kela, Länsi-Suomen vakuutuspiiri',
    contactEmail: 'kela@example.fi',
  })
  const municipality = await createRecipient(db, {
    organisationId,
    kind: 'municipal_welfare',
    name: 'Vaasan kaupungin hyvinvointityö',
  })
  await createSending(db, {
    organisationId,
    recipientId: workingGroup.id,
    reportId,
    sentBy: lead.id,
    coveringNote: 'Toistuu kaikissa kunnissa.',
    sentAt: day('2026-01-21'),
    reply: { text: 'Työryhmä ottaa asian kevään työlistalle.', at: day('2026-02-03'), byUserId: lead.id },
  })
  await createSending(db, {
    organisationId,
    recipientId: municipality.id,
    reportId,
    sentBy: lead.id,
    sentAt: day('2026-01-22'),
    state: 'returned',
    reply: { text: 'Kuuluu hyvinvointialueelle.', at: day('2026-01-28'), byUserId: lead.id },
  })
  await createSending(db, {
    organisationId,
    recipientId: kela.id,
    phenomenonId,
    sentBy: coordinator.id,
    sentAt: day('2026-02-05'),
    reply: { text: 'Kela selvittää asiaa omassa palvelussaan.', at: day('2026-02-20'), byName: 'Kaarina Kela' },
  })

  // A published meeting decided on the report: the decision's task is followed up, and so is the adopted action.
  meetingId = (
    await db
      .insertInto('meetings')
      .values({
        organisation_id: organisationId,
        committee_id: committee.id,
        starts_at: day('2026-02-10'),
        published_at: day('2026-02-01'),
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  const item = await db
    .insertInto('agenda_items')
    .values({
      organisation_id: organisationId,
      meeting_id: meetingId,
      position: 1,
      title: 'Omaishoidon sijaishoito',
      decision: 'decided',
      decision_text: 'Lautakunta pyytää selvityksen sijaishoidon järjestämisestä maaliskuun loppuun mennessä.',
      decided_by: chair.id,
      decided_at: day('2026-02-10'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('agenda_item_reports').values({ agenda_item_id: item.id, report_id: reportId }).execute()
  const actionId = (
    await db.selectFrom('proposed_actions').select('id').where('report_id', '=', reportId).executeTakeFirstOrThrow()
  ).id
  await createFollowUp(db, {
    organisationId,
    title: 'Selvitys omaishoidon sijaishoidon järjestämisestä',
    decidedOn: '2026-02-10',
    targetDate: futureTarget,
    agendaItemId: item.id,
    reportIds: [reportId],
    responsibleRecipientId: workingGroup.id,
    responsibleUserId: coordinator.id,
    status: 'in_progress',
    progress: 40,
    createdBy: chair.id,
    updates: [
      { body: 'Kyselyt kunnille lähetetty.', at: day('2026-03-01'), status: 'in_progress', progress: 20 },
      { body: 'Vastaukset koottu kolmesta kunnasta.', at: day('2026-04-15'), progress: 40 },
    ],
  })
  await createFollowUp(db, {
    organisationId,
    title: 'Sijaishoitajapooli käyttöön',
    decidedOn: '2026-02-10',
    targetDate: '2026-06-30',
    agendaItemId: item.id,
    proposedActionId: actionId,
    reportIds: [reportId],
    responsibleTeamId: team.id,
    status: 'not_started',
    createdBy: chair.id,
  })
  await createFollowUp(db, {
    organisationId,
    title: 'Kelan kanssa sovittu käytäntö',
    decidedOn: '2026-02-20',
    targetDate: '2026-05-31',
    phenomenonId,
    status: 'not_carried_out',
    statusReason: 'Kela ei voi muuttaa valtakunnallista ohjetta.',
    createdBy: coordinator.id,
  })

  // Another organisation with the same kinds of rows: none of them may show up.
  const other = await createOrganisation(db)
  const outsider = await createUser(db, { organisationId: other.id, roles: ['coordinator', 'worker'] })
  const outsiderRecipient = await createRecipient(db, {
    organisationId: other.id,
    kind: 'working_group',
    name: 'Toisen alueen työryhmä',
  })
  outsiderReportId = (
    await createReport(db, {
      organisation_id: other.id,
      author_id: outsider.id,
      status: 'decided',
      submitted_at: day('2026-01-05'),
    })
  ).id
  await createSending(db, {
    organisationId: other.id,
    recipientId: outsiderRecipient.id,
    reportId: outsiderReportId,
    sentBy: outsider.id,
  })
  await createFollowUp(db, {
    organisationId: other.id,
    title: 'Toisen alueen seuranta',
    decidedOn: '2026-01-10',
    targetDate: '2026-02-10',
    reportIds: [outsiderReportId],
  })

  sessions = {
    author: await signIn(author.email),
    lead: await signIn(lead.email),
    coordinator: await signIn(coordinator.email),
    chair: await signIn(chair.email),
    otherWorker: await signIn(otherWorker.email),
    outsider: await signIn(outsider.email),
  }
})

async function reportChain(session: string, id = reportId): Promise<FollowThroughChain> {
  const loaded = await reportPage.loader({
    request: await getRequest(`/reports/${id}`, session),
    params: { reportId: id },
    context,
  } as never)
  return payloadOf(loaded).chain
}

describe('the chain on the report page', () => {
  test('the reporter sees where the report went, the answers and the follow-ups with their latest status', async () => {
    const chain = await reportChain(sessions.author)
    expect(chain.reported).toEqual({ kind: 'report', submittedAt: day('2026-01-12').toISOString() })
    const names = chain.routes.map((route) => route.recipient.name)
    expect(names).toEqual([
      'Perusturvalautakunta',
      'Rakenteellisen sosiaalityön työryhmä',
      'Vaasan kaupungin hyvinvointityö',
      'Kela, Länsi-Suomen vakuutuspiiri',
    ])
    const [committee, workingGroup, municipality, kela] = chain.routes
    expect(committee).toMatchObject({
      state: 'answered',
      decision: { kind: 'decided', meetingDate: '2026-02-10', text: expect.stringContaining('maaliskuun loppuun') },
    })
    expect(workingGroup).toMatchObject({
      state: 'answered',
      coveringNote: 'Toistuu kaikissa kunnissa.',
      answer: { text: 'Työryhmä ottaa asian kevään työlistalle.', by: 'Liisa Vetäjä' },
    })
    expect(municipality).toMatchObject({ state: 'returned', returned: { text: 'Kuuluu hyvinvointialueelle.' } })
    // Sent with the phenomenon: the partner answered through its link, under the name it gave.
    expect(kela).toMatchObject({
      via: { title: 'Omaishoidon vapaat eivät toteudu' },
      answer: { text: 'Kela selvittää asiaa omassa palvelussaan.', by: 'Kaarina Kela' },
    })

    expect(chain.followUps.map((followUp) => followUp.title)).toEqual([
      'Sijaishoitajapooli käyttöön',
      'Selvitys omaishoidon sijaishoidon järjestämisestä',
    ])
    const [pool, inquiry] = chain.followUps
    expect(inquiry).toMatchObject({
      status: 'in_progress',
      progress: 40,
      targetDate: futureTarget,
      responsibleUnit: 'Rakenteellisen sosiaalityön työryhmä',
      responsiblePerson: 'Kaisa Koordinaattori',
      latestUpdate: { text: 'Vastaukset koottu kolmesta kunnasta.' },
    })
    // The adopted action's follow-up is past its target and not done: overdue.
    expect(pool).toMatchObject({ status: 'not_started', overdue: true, responsibleUnit: 'Aikuissosiaalityö' })
    expect(inquiry!.overdue).toBe(false)
  })

  test('the team lead reads the same chain; a worker who may not read the report gets no page at all', async () => {
    expect((await reportChain(sessions.lead)).routes).toHaveLength(4)
    const refused = await thrownBy(
      reportPage.loader({
        request: await getRequest(`/reports/${reportId}`, sessions.otherWorker),
        params: { reportId },
        context,
      } as never),
    )
    expect(statusOf(refused)).toBe(404)
  })

  test('a report nothing has happened to yet says so', async () => {
    const chain = await reportChain(sessions.author, otherReportId)
    expect(chain.routes.map((route) => route.recipient.name)).toEqual(['Kela, Länsi-Suomen vakuutuspiiri'])
    expect(chain.followUps.map((followUp) => followUp.title)).toEqual([])
  })
})

describe('the chain on the phenomenon page', () => {
  test('the phenomenon’s own sendings and the follow-ups of it and of its reports', async () => {
    const loaded = await phenomenonPage.loader({
      request: await getRequest(`/phenomena/${phenomenonId}`, sessions.coordinator),
      params: { phenomenonId },
      context,
    } as never)
    const chain: FollowThroughChain = payloadOf(loaded).chain
    expect(chain.reported).toMatchObject({ kind: 'phenomenon', reportCount: 2 })
    expect(chain.routes.map((route) => [route.recipient.name, route.state])).toEqual([
      ['Kela, Länsi-Suomen vakuutuspiiri', 'answered'],
    ])
    expect(chain.followUps.map((followUp) => [followUp.title, followUp.status])).toEqual([
      ['Kelan kanssa sovittu käytäntö', 'not_carried_out'],
      ['Sijaishoitajapooli käyttöön', 'not_started'],
      ['Selvitys omaishoidon sijaishoidon järjestämisestä', 'in_progress'],
    ])
    expect(chain.followUps[0]!.statusReason).toBe('Kela ei voi muuttaa valtakunnallista ohjetta.')
  })
})

describe('what the viewer may see', () => {
  test('a committee member reads only the follow-ups of reports that reached the committee', async () => {
    const loaded = await phenomenonPage.loader({
      request: await getRequest(`/phenomena/${phenomenonId}`, sessions.chair),
      params: { phenomenonId },
      context,
    } as never)
    const chain: FollowThroughChain = payloadOf(loaded).chain
    expect(chain.followUps.map((followUp) => followUp.title)).toEqual([
      'Sijaishoitajapooli käyttöön',
      'Selvitys omaishoidon sijaishoidon järjestämisestä',
    ])
  })
})

describe('the minutes', () => {
  test('each decided item lists the follow-ups its decision set in motion', async () => {
    const loaded = await minutesDocument.loader({
      request: await getRequest(`/meetings/${meetingId}/minutes`, sessions.chair),
      params: { meetingId },
      context,
    } as never)
    const [item] = payloadOf(loaded).items
    expect(item.followUps.map((followUp: { title: string }) => followUp.title)).toEqual([
      'Sijaishoitajapooli käyttöön',
      'Selvitys omaishoidon sijaishoidon järjestämisestä',
    ])
  })
})

describe('isolation', () => {
  test('another organisation’s report, phenomenon and meeting are not found, and its rows never join a chain', async () => {
    for (const [loader, path, params] of [
      [reportPage.loader, `/reports/${reportId}`, { reportId }],
      [phenomenonPage.loader, `/phenomena/${phenomenonId}`, { phenomenonId }],
      [minutesDocument.loader, `/meetings/${meetingId}/minutes`, { meetingId }],
    ] as const) {
      const refused = await thrownBy(
        (loader as (args: unknown) => Promise<unknown>)({
          request: await getRequest(path, sessions.outsider),
          params,
          context,
        }),
      )
      expect(statusOf(refused), path).toBe(404)
    }
    const own = await reportChain(sessions.outsider, outsiderReportId)
    expect(own.routes.map((route) => route.recipient.name)).toEqual(['Toisen alueen työryhmä'])
    expect(own.followUps.map((followUp) => followUp.title)).toEqual(['Toisen alueen seuranta'])
    const ours = await reportChain(sessions.author)
    expect(JSON.stringify(ours)).not.toContain('Toisen alueen')
  })
})
