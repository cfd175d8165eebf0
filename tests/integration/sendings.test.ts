import { sql } from 'kysely'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import {
  createCommittee,
  createMunicipality,
  createOrganisation,
  createPhenomenon,
  createReport,
  createTeam,
  createUser,
} from '#tests/factories/index.ts'
import { createResendMock } from '#tests/mocks/resend.ts'
import { mockServer } from '#tests/setup/setup-test-env.ts'
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
import { reminderAfterMs, responseLinkValidityMs } from '#app/domain/sendings.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { remindPartners } from '#app/services/sendings.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { processDueEmails } from '#app/utils/email-worker.server.ts'
import { translate } from '#app/utils/i18n.ts'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as phenomenonPage from '#app/routes/phenomena.$phenomenonId.tsx'
import * as sendingsPage from '#app/routes/sendings._index.tsx'
import * as sendingPage from '#app/routes/sendings.$sendingId.tsx'
import * as respondPage from '#app/routes/respond.$token.tsx'
import * as recipientsApi from '#app/routes/api.v1.recipients.ts'
import * as reportSendingsApi from '#app/routes/api.v1.reports_.$reportId_.sendings.ts'
import * as phenomenonSendingsApi from '#app/routes/api.v1.phenomena_.$phenomenonId_.sendings.ts'

// The partner's email is sent in one test: the app reads the environment afresh there, not once per process.
vi.mock('#app/utils/env.server.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('#app/utils/env.server.ts')>()
  return { ...actual, getEnv: () => actual.parseEnv(process.env) }
})

const context = { clientIp: '192.0.2.50' }
const note = 'Pyydämme arviota siitä, miten asiaa voisi korjata ensi vuonna.'

let organisationId: string
let teamId: string
let otherTeamId: string
let people: Record<
  'author' | 'lead' | 'otherLead' | 'coordinator' | 'member' | 'outsiderMember',
  { id: string; email: string }
>
let recipients: Record<'workingGroup' | 'management' | 'welfare' | 'kela' | 'committee' | 'archived', string>

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db, 'Lähetysalue', 'Sändningsområdet')).id
  teamId = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  otherTeamId = (await createTeam(db, organisationId, 'Lapsiperheet')).id
  const municipality = await createMunicipality(db, organisationId, 'Vaasa')
  const user = (roles: Parameters<typeof createUser>[1]['roles'], teamIds: string[] = [], name = 'Testi') =>
    createUser(db, { organisationId, roles, teamIds, name })
  people = {
    author: await user(['worker'], [teamId], 'Raija Raportoija'),
    lead: await user(['team_lead'], [teamId], 'Leena Vetäjä'),
    otherLead: await user(['team_lead'], [otherTeamId], 'Olli Vetäjä'),
    coordinator: await user(['coordinator'], [], 'Kaisa Koordinaattori'),
    member: await user(['worker'], [otherTeamId], 'Tyyne Työryhmäläinen'),
    outsiderMember: await user(['worker'], [otherTeamId], 'Jussi Johtoryhmäläinen'),
  }
  const recipient = async (values: { kind: string; name: string; [column: string]: unknown }) =>
    (
      await db
        .insertInto('recipients')
        .values({ organisation_id: organisationId, ...values } as never)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const committee = await createCommittee(db, organisationId, 'Perusturvalautakunta')
  recipients = {
    workingGroup: await recipient({ kind: 'working_group', name: 'Rakenteellisen sosiaalityön työryhmä' }),
    management: await recipient({ kind: 'management_group', name: 'Johtoryhmä' }),
    welfare: await recipient({
      kind: 'municipal_welfare',
      name: 'Vaasan hyvinvointityö',
      municipality_id: municipality.id,
    }),
    kela: await recipient({ kind: 'partner', name: 'Kela', contact_email: 'vaasa@kela.example', locale: 'sv' }),
    committee: (
      await db.selectFrom('recipients').select('id').where('committee_id', '=', committee.id).executeTakeFirstOrThrow()
    ).id,
    archived: await recipient({ kind: 'working_group', name: 'Lakkautettu ryhmä', archived_at: new Date() }),
  }
  await db
    .insertInto('recipient_members')
    .values([
      { recipient_id: recipients.workingGroup, user_id: people.member.id },
      { recipient_id: recipients.management, user_id: people.outsiderMember.id },
    ])
    .execute()
})

afterEach(() => {
  vi.unstubAllEnvs()
})

async function report(status: ReportStatus, team = teamId, title = 'Nuorten vuokrarästit kasautuvat') {
  return createReport(getDb(), {
    organisation_id: organisationId,
    team_id: team,
    author_id: people.author.id,
    status,
    title,
    description: 'Nuoret aikuiset menettävät ensimmäisen vuokra-asuntonsa vuoden sisällä.',
    actions: [{ description: 'Perustetaan nuorten asumisneuvonta', level: 'organisation' }],
  })
}

const sessions = new Map<string, string>()
async function sessionOf(person: keyof typeof people) {
  if (!sessions.has(person)) sessions.set(person, await signIn(people[person].email))
  return sessions.get(person)!
}

async function sendReport(person: keyof typeof people, reportId: string, fields: Record<string, string | string[]>) {
  const request = await formRequest(
    `/reports/${reportId}`,
    { intent: 'send', ...fields },
    {
      session: await sessionOf(person),
    },
  )
  return reportPage.action({ request, params: { reportId }, context })
}

function sendingsOf(filter: { reportId?: string; phenomenonId?: string }) {
  return getDb()
    .selectFrom('sendings')
    .selectAll()
    .$if(filter.reportId !== undefined, (qb) => qb.where('report_id', '=', filter.reportId!))
    .$if(filter.phenomenonId !== undefined, (qb) => qb.where('phenomenon_id', '=', filter.phenomenonId!))
    .orderBy('sent_at')
    .execute()
}

/** Who was notified of one event. */
async function notifiedOf(eventId: string) {
  const rows = await getDb().selectFrom('notifications').select('user_id').where('event_id', '=', eventId).execute()
  return rows.map((row) => row.user_id)
}

function eventsOf(reportId: string, type: string) {
  return getDb()
    .selectFrom('report_events')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('type', '=', type as never)
    .orderBy('created_at')
    .execute()
}

describe('sending a report or a phenomenon on', () => {
  test('a team lead sends a forwarded report of their team to several recipients; the reporter hears of each', async () => {
    const { id } = await report('forwarded')
    const loaded = payloadOf(
      await reportPage.loader({
        request: await getRequest(`/reports/${id}`, await sessionOf('lead')),
        params: { reportId: id },
        context,
      }),
    )
    const offered = loaded.sendTo.map((r: { id: string }) => r.id)
    expect(offered).toEqual(expect.arrayContaining([recipients.workingGroup, recipients.kela, recipients.committee]))
    expect(offered).not.toContain(recipients.archived)

    const result = await sendReport('lead', id, {
      recipientIds: [recipients.workingGroup, recipients.welfare],
      coveringNote: note,
    })
    expect(payloadOf(result)).toMatchObject({ ok: true, sentCount: 2 })
    const sendings = await sendingsOf({ reportId: id })
    expect(sendings.map((s) => [s.recipient_id, s.state, s.covering_note, s.sent_by])).toEqual(
      expect.arrayContaining([
        [recipients.workingGroup, 'sent', note, people.lead.id],
        [recipients.welfare, 'sent', note, people.lead.id],
      ]),
    )
    const events = await eventsOf(id, 'sent_to_recipient')
    expect(events).toHaveLength(2)
    const notified = await getDb()
      .selectFrom('notifications')
      .select('user_id')
      .where(
        'event_id',
        'in',
        events.map((e) => e.id),
      )
      .execute()
    expect(notified.map((n) => n.user_id)).toEqual([people.author.id, people.author.id])
  })

  test('a worker cannot send, a lead only their own team’s reports and only once they have left review', async () => {
    const own = await report('forwarded')
    const fields = { recipientIds: recipients.workingGroup, coveringNote: note }
    expect(statusOf(await thrownBy(sendReport('author', own.id, fields)))).toBe(403)
    const otherTeams = await report('forwarded', otherTeamId)
    expect(statusOf(await thrownBy(sendReport('lead', otherTeams.id, fields)))).toBe(404)
    const inReview = await report('in_review')
    expect(statusOf(await thrownBy(sendReport('lead', inReview.id, fields)))).toBe(403)
    const closed = await report('closed')
    expect(payloadOf(await sendReport('lead', closed.id, fields)).ok).toBe(true)
    // A coordinator sends any report past review, whoever's team.
    expect(payloadOf(await sendReport('coordinator', otherTeams.id, fields)).ok).toBe(true)
    for (const reportId of [own.id, inReview.id]) expect(await sendingsOf({ reportId })).toEqual([])
  })

  test('identifying data in the covering note, no recipient or an archived one: nothing is sent, nothing is lost', async () => {
    const { id } = await report('decided')
    const guarded = await sendReport('coordinator', id, {
      recipientIds: recipients.workingGroup,
      coveringNote: 'Soita asiakkaalle 040 123 4567',
    })
    expect(statusOf(guarded)).toBe(422)
    expect(payloadOf(guarded)).toMatchObject({
      fieldErrors: { coveringNote: 'send.validation.identifying' },
      values: { recipientIds: recipients.workingGroup, coveringNote: 'Soita asiakkaalle 040 123 4567' },
    })
    expect(payloadOf(guarded).findings[0].fragment).toBe('040 123 4567')
    const none = await sendReport('coordinator', id, { coveringNote: note })
    expect(payloadOf(none).fieldErrors).toEqual({ recipientIds: 'send.validation.recipients' })
    const archived = await sendReport('coordinator', id, {
      recipientIds: [recipients.workingGroup, recipients.archived],
      coveringNote: note,
    })
    expect(payloadOf(archived).fieldErrors).toEqual({ recipientIds: 'send.validation.recipientsUnavailable' })
    expect(await sendingsOf({ reportId: id })).toEqual([])
    expect(await eventsOf(id, 'sent_to_recipient')).toEqual([])
  })

  test('a coordinator sends a phenomenon: one event on every linked report per recipient; a lead may not', async () => {
    const first = await report('forwarded')
    const second = await report('decided', otherTeamId, 'Toinen raportti')
    const phenomenon = await createPhenomenon(getDb(), {
      organisationId,
      createdBy: people.coordinator.id,
      reportIds: [first.id, second.id],
    })
    const send = async (person: keyof typeof people) =>
      phenomenonPage.action({
        request: await formRequest(
          `/phenomena/${phenomenon.id}`,
          { intent: 'send', recipientIds: [recipients.management, recipients.committee], coveringNote: note },
          { session: await sessionOf(person) },
        ),
        params: { phenomenonId: phenomenon.id },
        context,
      })
    expect(statusOf(await thrownBy(send('lead')))).toBe(403)
    expect(payloadOf(await send('coordinator'))).toMatchObject({ ok: true, sentCount: 2 })
    expect(await sendingsOf({ phenomenonId: phenomenon.id })).toHaveLength(2)
    for (const reportId of [first.id, second.id]) expect(await eventsOf(reportId, 'sent_to_recipient')).toHaveLength(2)
  })
})

async function sentTo(recipientId: string) {
  const { id } = await report('forwarded')
  await sendReport('coordinator', id, { recipientIds: recipientId, coveringNote: note })
  const [sending] = await sendingsOf({ reportId: id })
  return { reportId: id, sending: sending! }
}

async function openSending(person: keyof typeof people, sendingId: string) {
  return sendingPage.loader({
    request: await getRequest(`/sendings/${sendingId}`, await sessionOf(person)),
    params: { sendingId },
    context,
  })
}

async function moveSending(person: keyof typeof people, sendingId: string, fields: Record<string, string>) {
  const request = await formRequest(`/sendings/${sendingId}`, fields, { session: await sessionOf(person) })
  return sendingPage.action({ request, params: { sendingId }, context })
}

describe('answering in the app', () => {
  test('a member marks the sending received and answers it; the reporter hears the answer', async () => {
    const { reportId, sending } = await sentTo(recipients.workingGroup)
    const list = payloadOf(
      await sendingsPage.loader({
        request: await getRequest('/sendings', await sessionOf('member')),
        params: {},
        context,
      }),
    )
    expect(list.sendings.map((s: { id: string }) => s.id)).toContain(sending.id)
    const page = payloadOf(await openSending('member', sending.id))
    expect(page.moves).toEqual(['received', 'answered', 'returned'])
    expect(page.sending.matter).toMatchObject({ kind: 'report', actions: ['Perustetaan nuorten asumisneuvonta'] })

    const received = await moveSending('member', sending.id, { intent: 'received', version: '1' })
    expect(payloadOf(received).message).toBe('sending.received')
    const answer = 'Työryhmä ottaa asian syksyn työohjelmaan.'
    const answered = await moveSending('member', sending.id, { intent: 'answered', version: '2', text: answer })
    expect(payloadOf(answered).message).toBe('sending.answered')
    const stored = await getDb()
      .selectFrom('sendings')
      .selectAll()
      .where('id', '=', sending.id)
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ state: 'answered', answer, answered_by: people.member.id, version: 3 })
    expect(stored.received_at).not.toBeNull()
    const [event] = await eventsOf(reportId, 'recipient_answered')
    expect(event).toMatchObject({ actor_id: people.member.id, comment: answer, sending_id: sending.id })
    expect(await notifiedOf(event!.id)).toContain(people.author.id)
    expect(payloadOf(await openSending('member', sending.id)).moves).toEqual([])
  })

  test('the members of the body hear by email, in their language, with a link to the sending; the sender does not', async () => {
    vi.stubEnv('RESEND_API_KEY', 're_test_key')
    vi.stubEnv('EMAIL_FROM', 'Sosiaalinen raportointi <noreply@example.fi>')
    const resend = createResendMock()
    mockServer.use(resend.handler)
    const db = getDb()
    await db.deleteFrom('email_jobs').execute()
    await db.updateTable('users').set({ locale: 'sv' }).where('id', '=', people.member.id).execute()
    await db
      .insertInto('recipient_members')
      .values({ recipient_id: recipients.workingGroup, user_id: people.lead.id })
      .execute()
    try {
      const { id } = await report('forwarded', teamId, 'Kuljetuspalvelu ei tavoita kyliä')
      await sendReport('lead', id, {
        recipientIds: [recipients.workingGroup, recipients.management],
        coveringNote: note,
      })
      const [toGroup] = await sendingsOf({ reportId: id }).then((all) =>
        all.filter((s) => s.recipient_id === recipients.workingGroup),
      )
      const jobs = await db.selectFrom('email_jobs').selectAll().where('kind', '=', 'member_request').execute()
      // The group's other member and the management group's member; never the lead who sent it.
      expect(jobs.map((job) => job.recipient_id).sort()).toEqual([people.member.id, people.outsiderMember.id].sort())
      await processDueEmails(db, { sendTimeoutMs: 2000, random: () => 1 })
      const [email] = resend.delivered.filter((e) => e.to.includes(people.member.email))
      expect(email!.html).toMatch(/<html[^>]* lang="sv"/)
      expect(email!.subject).toBe(
        translate('sv', 'email.member.subject', {
          body: 'Rakenteellisen sosiaalityön työryhmä',
          title: 'Kuljetuspalvelu ei tavoita kyliä',
        }),
      )
      for (const part of ['Perustetaan nuorten asumisneuvonta', note, `/sendings/${toGroup!.id}`]) {
        expect(email!.text).toContain(part)
      }
    } finally {
      await db.updateTable('users').set({ locale: 'fi' }).where('id', '=', people.member.id).execute()
      await db
        .deleteFrom('recipient_members')
        .where('recipient_id', '=', recipients.workingGroup)
        .where('user_id', '=', people.lead.id)
        .execute()
    }
  })

  test('a stale answer gets 409 with the text kept and changes nothing; a return needs its reason', async () => {
    const { reportId, sending } = await sentTo(recipients.workingGroup)
    await moveSending('member', sending.id, { intent: 'received', version: '1' })
    const late = 'Vastaus, joka tuli liian myöhään.'
    const stale = await moveSending('member', sending.id, { intent: 'answered', version: '1', text: late })
    expect(statusOf(stale)).toBe(409)
    expect(payloadOf(stale)).toMatchObject({ message: 'sending.stale', values: { text: late } })
    const noReason = await moveSending('member', sending.id, { intent: 'returned', version: '2', text: ' ' })
    expect(statusOf(noReason)).toBe(400)
    expect(payloadOf(noReason).fieldErrors).toEqual({ text: 'sending.validation.reason' })
    const guarded = await moveSending('member', sending.id, {
      intent: 'returned',
      version: '2',
      text: 'Kysy Matti Meikäläiseltä 040 123 4567',
    })
    expect(statusOf(guarded)).toBe(422)
    const reason = 'Kuuluu kunnan hyvinvointityölle.'
    await moveSending('member', sending.id, { intent: 'returned', version: '2', text: reason })
    const stored = await getDb()
      .selectFrom('sendings')
      .selectAll()
      .where('id', '=', sending.id)
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ state: 'returned', answer: reason })
    expect((await eventsOf(reportId, 'sending_returned')).map((e) => e.comment)).toEqual([reason])
    expect(await eventsOf(reportId, 'recipient_answered')).toEqual([])
  })

  test('a member of another body cannot see it; a coordinator sees it but does not answer; committees answer in meetings', async () => {
    const { sending } = await sentTo(recipients.workingGroup)
    expect(statusOf(await thrownBy(openSending('outsiderMember', sending.id)))).toBe(404)
    const fields = { intent: 'answered', version: '1', text: 'Ei meidän asiamme.' }
    expect(statusOf(await thrownBy(moveSending('outsiderMember', sending.id, fields)))).toBe(404)
    expect(payloadOf(await openSending('coordinator', sending.id)).moves).toEqual([])
    expect(statusOf(await thrownBy(moveSending('coordinator', sending.id, fields)))).toBe(403)
    const toCommittee = await sentTo(recipients.committee)
    expect(payloadOf(await openSending('coordinator', toCommittee.sending.id))).toMatchObject({
      channel: 'meeting',
      moves: [],
    })
    const stored = await getDb()
      .selectFrom('sendings')
      .select('state')
      .where('id', '=', sending.id)
      .executeTakeFirstOrThrow()
    expect(stored.state).toBe('sent')
  })
})

/** The token in the newest partner email queued for the sending, as the partner would click it. */
async function latestLinkToken(sendingId: string) {
  const job = await getDb()
    .selectFrom('email_jobs')
    .select(['payload'])
    .where('kind', 'in', ['partner_request', 'partner_reminder'])
    .where(({ ref }) => ref('payload', '->>').key('sendingId' as never), '=', sendingId as never)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  return String(job.payload.url).split('/respond/')[1]!
}

async function openLink(token: string) {
  return respondPage.loader({ request: await getRequest(`/respond/${token}?lang=sv`), params: { token }, context })
}

async function answerLink(token: string, fields: Record<string, string>) {
  return respondPage.action({ request: await formRequest(`/respond/${token}`, fields), params: { token }, context })
}

describe('following up what an answer promises', () => {
  test('a member of the body records it with a target date; the body answers for it and the reporter hears', async () => {
    const { reportId, sending } = await sentTo(recipients.workingGroup)
    const followUp = (person: keyof typeof people, fields: Record<string, string>) =>
      moveSending(person, sending.id, { intent: 'followUp', ...fields })
    const promised = 'Työryhmä laatii nuorten asumisneuvonnan mallin'
    const inAYear = `${new Date().getFullYear() + 1}-03-31`

    // Not before it is answered.
    expect(payloadOf(await openSending('member', sending.id)).followUpChoices).toBeNull()
    expect(statusOf(await thrownBy(followUp('member', { title: promised, targetDate: inAYear })))).toBe(403)
    await moveSending('member', sending.id, { intent: 'answered', version: '1', text: `${promised} ensi kevääksi.` })
    expect(payloadOf(await openSending('member', sending.id)).followUpChoices).not.toBeNull()

    const early = await followUp('member', { title: promised, targetDate: '2020-01-01', personId: '' })
    expect(statusOf(early)).toBe(400)
    expect(payloadOf(early)).toMatchObject({
      fieldErrors: { targetDate: 'sending.validation.targetBeforeAnswer' },
      values: { title: promised, targetDate: '2020-01-01' },
    })
    const identifying = await followUp('member', { title: 'Soita numeroon 040 1234567', targetDate: inAYear })
    expect(statusOf(identifying)).toBe(422)
    // Someone neither in the body nor a coordinator does not see the sending at all.
    expect(statusOf(await thrownBy(followUp('author', { title: promised, targetDate: inAYear })))).toBe(404)

    const done = await followUp('member', { title: promised, targetDate: inAYear, personId: people.member.id })
    expect(payloadOf(done)).toMatchObject({ ok: true, message: 'sending.followUp.done' })
    const stored = await getDb()
      .selectFrom('follow_ups')
      .selectAll()
      .where('sending_id', '=', sending.id)
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({
      title: promised,
      responsible_recipient_id: recipients.workingGroup,
      responsible_user_id: people.member.id,
      target_date: inAYear,
      status: 'not_started',
      created_by: people.member.id,
    })
    const [event] = await eventsOf(reportId, 'follow_up_created')
    expect(event).toMatchObject({ follow_up_id: stored.id, actor_id: people.member.id })
    expect(await notifiedOf(event!.id)).toContain(people.author.id)
    expect(payloadOf(await openSending('coordinator', sending.id)).followUps).toEqual([
      expect.objectContaining({ id: stored.id, title: promised }),
    ])
  })
})

describe('a partner answers through its link', () => {
  test('the request is queued for the partner’s address and written in the partner’s language', async () => {
    vi.stubEnv('RESEND_API_KEY', 're_test_key')
    vi.stubEnv('EMAIL_FROM', 'Sosiaalinen raportointi <noreply@example.fi>')
    const resend = createResendMock()
    mockServer.use(resend.handler)
    await getDb().deleteFrom('email_jobs').execute()
    const { sending } = await sentTo(recipients.kela)
    const jobs = await getDb().selectFrom('email_jobs').selectAll().where('kind', '=', 'partner_request').execute()
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({
      partner_recipient_id: recipients.kela,
      recipient_id: null,
      organisation_id: organisationId,
    })
    expect(jobs[0]!.payload.sendingId).toBe(sending.id)
    await processDueEmails(getDb(), { sendTimeoutMs: 2000, random: () => 1 })
    const [email] = resend.delivered.filter((e) => e.to.includes('vaasa@kela.example'))
    expect(email!.html).toMatch(/<html[^>]* lang="sv"/)
    // A Swedish-speaking partner reads the organisation's Swedish name.
    expect(email!.subject).toContain('Sändningsområdet')
    expect(email!.subject).not.toContain('Lähetysalue')
    expect(email!.text).toContain(translate('sv', 'email.partner.button'))
    for (const part of ['Nuorten vuokrarästit kasautuvat', 'Perustetaan nuorten asumisneuvonta', note]) {
      expect(email!.text).toContain(part)
    }
    expect(email!.text).toContain(`/respond/${await latestLinkToken(sending.id)}`)
  })

  test('the answer is stored once, with the name given and no user as actor; a second use stores nothing', async () => {
    const { reportId, sending } = await sentTo(recipients.kela)
    const token = await latestLinkToken(sending.id)
    const page = payloadOf(await openLink(token))
    // The partner's page is in its language, Swedish, and names the organisation as Swedish does.
    expect(page).toMatchObject({
      state: 'usable',
      request: { organisationName: 'Sändningsområdet', recipientName: 'Kela' },
    })
    const guarded = await answerLink(token, { answer: 'Asiakas Matti, puh. 040 123 4567' })
    expect(statusOf(guarded)).toBe(422)
    expect(payloadOf(guarded).values.answer).toBe('Asiakas Matti, puh. 040 123 4567')
    const answer = 'Kela tarkentaa päätöskirjeiden ohjeita.'
    expect(payloadOf(await answerLink(token, { answeredByName: 'Liisa Kelasta', answer }))).toEqual({ ok: true })
    const stored = await getDb()
      .selectFrom('sendings')
      .selectAll()
      .where('id', '=', sending.id)
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ state: 'answered', answer, answered_by: null, answered_by_name: 'Liisa Kelasta' })
    const [event] = await eventsOf(reportId, 'recipient_answered')
    expect(event).toMatchObject({ actor_id: null, comment: answer })

    const again = await answerLink(token, { answer: 'Toinen vastaus' })
    expect(statusOf(again)).toBe(410)
    expect(payloadOf(again)).toEqual({ ok: false, state: 'used' })
    expect(statusOf(await openLink(token))).toBe(410)
    expect(await eventsOf(reportId, 'recipient_answered')).toHaveLength(1)
    const after = await getDb()
      .selectFrom('sendings')
      .select('answer')
      .where('id', '=', sending.id)
      .executeTakeFirstOrThrow()
    expect(after.answer).toBe(answer)
  })

  test('an altered or expired link gets its own page and stores nothing', async () => {
    const { reportId, sending } = await sentTo(recipients.kela)
    const token = await latestLinkToken(sending.id)
    const altered = `${token.slice(0, -2)}xx`
    expect(statusOf(await openLink(altered))).toBe(404)
    expect(payloadOf(await answerLink(altered, { answer: 'Vastaus' }))).toEqual({ ok: false, state: 'unknown' })
    await getDb()
      .updateTable('sending_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('sending_id', '=', sending.id)
      .execute()
    expect(payloadOf(await openLink(token))).toEqual({ state: 'expired' })
    expect(payloadOf(await answerLink(token, { answer: 'Vastaus' }))).toEqual({ ok: false, state: 'expired' })
    const stored = await getDb()
      .selectFrom('sendings')
      .select(['state', 'answer'])
      .where('id', '=', sending.id)
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ state: 'sent', answer: null })
    expect(await eventsOf(reportId, 'recipient_answered')).toEqual([])
    const link = await getDb()
      .selectFrom('sending_links')
      .select('used_at')
      .where('sending_id', '=', sending.id)
      .execute()
    expect(link).toEqual([{ used_at: null }])
  })

  test('the link is valid for 30 days', async () => {
    const { sending } = await sentTo(recipients.kela)
    const [link] = await getDb().selectFrom('sending_links').selectAll().where('sending_id', '=', sending.id).execute()
    expect(link!.expires_at.getTime() - link!.created_at.getTime()).toBeCloseTo(responseLinkValidityMs, -4)
  })

  test('after 14 days without an answer one reminder goes with a fresh link that ends the earlier one', async () => {
    const { sending } = await sentTo(recipients.kela)
    const firstToken = await latestLinkToken(sending.id)
    const reminders = () =>
      getDb()
        .selectFrom('email_jobs')
        .select('payload')
        .where('kind', '=', 'partner_reminder')
        .where(({ ref }) => ref('payload', '->>').key('sendingId' as never), '=', sending.id as never)
        .execute()
    // The clock is the database's and the app's own: the sending is made older instead.
    const sentAgo = (ms: number) =>
      sql`update sendings set sent_at = now() - ${ms} * interval '1 millisecond' where id = ${sending.id}`.execute(
        getDb(),
      )
    await sentAgo(reminderAfterMs - 60_000)
    await remindPartners(getDb())
    expect(await reminders()).toEqual([])
    await sentAgo(reminderAfterMs + 1000)
    await remindPartners(getDb())
    await remindPartners(getDb())
    expect(await reminders()).toHaveLength(1)
    const stored = await getDb()
      .selectFrom('sendings')
      .select('reminded_at')
      .where('id', '=', sending.id)
      .executeTakeFirstOrThrow()
    expect(stored.reminded_at).not.toBeNull()
    const freshToken = await latestLinkToken(sending.id)
    expect(freshToken).not.toBe(firstToken)
    expect(payloadOf(await openLink(firstToken))).toEqual({ state: 'expired' })
    expect(payloadOf(await openLink(freshToken)).state).toBe('usable')
  })

  test('an answered partner is not reminded', async () => {
    const { sending } = await sentTo(recipients.kela)
    await answerLink(await latestLinkToken(sending.id), { answer: 'Vastattu ajoissa.' })
    await remindPartners(getDb(), new Date(sending.sent_at.getTime() + 2 * reminderAfterMs))
    const stored = await getDb()
      .selectFrom('sendings')
      .select('reminded_at')
      .where('id', '=', sending.id)
      .executeTakeFirstOrThrow()
    expect(stored.reminded_at).toBeNull()
  })
})

describe('the API', () => {
  const call = async (
    route: { loader: (args: never) => Promise<Response>; action: (args: never) => Promise<Response> },
    path: string,
    person: keyof typeof people,
    init: { method?: string; body?: unknown; params?: Record<string, string> } = {},
  ) => {
    const token = await apiTokenFor(people[person], organisationId)
    const request = apiRequest(path, { token, method: init.method, body: init.body })
    const handler = init.method === 'POST' ? route.action : route.loader
    const response = await handler({ request, params: init.params ?? {}, context } as never)
    return { status: response.status, body: await response.json() }
  }

  test('lists the recipients to those who may send', async () => {
    const listed = await call(recipientsApi, '/api/v1/recipients', 'lead')
    expect(listed.status).toBe(200)
    expect(listed.body.recipients).toContainEqual({
      id: recipients.welfare,
      kind: 'municipal_welfare',
      name: 'Vaasan hyvinvointityö',
      municipality: 'Vaasa',
      answersThrough: 'members',
    })
    expect(JSON.stringify(listed.body)).not.toContain(recipients.archived)
    expect((await call(recipientsApi, '/api/v1/recipients', 'author')).status).toBe(403)
  })

  test('sends a report and a phenomenon with the page’s rules and guard', async () => {
    const { id } = await report('forwarded')
    const path = `/api/v1/reports/${id}/sendings`
    const body = { recipientIds: [recipients.workingGroup, recipients.kela], coveringNote: note }
    const sent = await call(reportSendingsApi, path, 'lead', { method: 'POST', body, params: { reportId: id } })
    expect(sent.status).toBe(201)
    expect(sent.body.sendings.map((s: { recipientId: string; state: string }) => [s.recipientId, s.state])).toEqual(
      expect.arrayContaining([
        [recipients.workingGroup, 'sent'],
        [recipients.kela, 'sent'],
      ]),
    )
    const byWorker = await call(reportSendingsApi, path, 'author', { method: 'POST', body, params: { reportId: id } })
    expect(byWorker.status).toBe(403)
    const guarded = await call(reportSendingsApi, path, 'lead', {
      method: 'POST',
      body: { ...body, coveringNote: 'Soita 040 123 4567' },
      params: { reportId: id },
    })
    expect([guarded.status, guarded.body.code]).toEqual([422, 'identifying_data'])
    const unknownField = await call(reportSendingsApi, path, 'lead', {
      method: 'POST',
      body: { ...body, extra: true },
      params: { reportId: id },
    })
    expect(unknownField.status).toBe(422)
    expect(await sendingsOf({ reportId: id })).toHaveLength(2)

    const phenomenon = await createPhenomenon(getDb(), {
      organisationId,
      createdBy: people.coordinator.id,
      reportIds: [id],
    })
    const phenomenonPath = `/api/v1/phenomena/${phenomenon.id}/sendings`
    const params = { phenomenonId: phenomenon.id }
    const phenomenonBody = { recipientIds: [recipients.management], coveringNote: note }
    expect(
      (await call(phenomenonSendingsApi, phenomenonPath, 'lead', { method: 'POST', body: phenomenonBody, params }))
        .status,
    ).toBe(403)
    const ofPhenomenon = await call(phenomenonSendingsApi, phenomenonPath, 'coordinator', {
      method: 'POST',
      body: phenomenonBody,
      params,
    })
    expect(ofPhenomenon.status).toBe(201)
  })

  test('another organisation’s report, phenomenon and recipients are not found', async () => {
    const other = await createOrganisation(getDb())
    const coordinatorB = await createUser(getDb(), { organisationId: other.id, roles: ['coordinator'] })
    const token = await apiTokenFor(coordinatorB, other.id)
    const { id } = await report('forwarded')
    const request = apiRequest(`/api/v1/reports/${id}/sendings`, {
      token,
      method: 'POST',
      body: { recipientIds: [recipients.workingGroup], coveringNote: note },
    })
    const response = await reportSendingsApi.action({ request, params: { reportId: id }, context } as never)
    expect(response.status).toBe(404)
    const listed = await recipientsApi.loader({
      request: apiRequest('/api/v1/recipients', { token }),
      params: {},
      context,
    } as never)
    expect(await listed.json()).toEqual({ recipients: [] })
    expect(await sendingsOf({ reportId: id })).toEqual([])
  })
})
