import { renderToStaticMarkup } from 'react-dom/server'
import { createElement } from 'react'
import { beforeAll, expect, test } from 'vitest'
import { renderEmail } from '#emails/render.server.ts'
import { FollowThroughChain } from '#app/components/follow-through-chain.tsx'
import { presentReportEvent, timelineMessage, translateEventMessage } from '#app/domain/report-events.ts'
import { listReportUpdates } from '#app/models/notification.server.ts'
import { loader as rootLoader } from '#app/root.tsx'
import * as minutesDocument from '#app/routes/meetings.$meetingId_.minutes.tsx'
import * as followUpBoard from '#app/routes/follow-ups._index.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as sendingsPage from '#app/routes/sendings._index.tsx'
import { displayName } from '#app/domain/display-name.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getTranslate } from '#app/utils/i18n.ts'
import { getPageTitle } from '#app/utils/page-titles.ts'
import { createFollowUp, createRecipient, createSending } from '#tests/factories/follow-through.ts'
import {
  addCommitteeMember,
  createCommittee,
  createOrganisation,
  createReport,
  createTeam,
  createUser,
} from '#tests/factories/index.ts'
import { getRequest, payloadOf, signIn } from '#tests/utils.ts'

/**
 * Someone who reads the app in Swedish meets a bilingual area's committee and bodies by their Swedish names on the
 * report's timeline and chain, in the minutes, in the organisation switcher and in the emails.
 */

const context = { clientIp: '192.0.2.78' }
const sv = getTranslate('sv')
let reportId: string
let meetingId: string
let notificationId: string
let coordinatorSession: string

beforeAll(async () => {
  const db = getDb()
  const organisationId = (await createOrganisation(db)).id
  const otherOrganisationId = (
    await createOrganisation(db, 'Pohjanmaan hyvinvointialue', 'Österbottens välfärdsområde')
  ).id
  const team = await createTeam(db, organisationId, 'Aikuissosiaalityö, Vaasa', 'Vuxensocialarbete, Vasa')
  const coordinator = await createUser(db, { organisationId, roles: ['coordinator'], locale: 'sv' })
  await db
    .insertInto('memberships')
    .values({ user_id: coordinator.id, organisation_id: otherOrganisationId, roles: ['coordinator'], active: true })
    .execute()
  const chair = await createUser(db, { organisationId, roles: ['committee_member'] })
  const committee = await createCommittee(db, organisationId, 'Sosiaali- ja terveyslautakunta')
  await db
    .updateTable('committees')
    .set({ name_sv: 'Social- och hälsovårdsnämnden' })
    .where('id', '=', committee.id)
    .execute()
  await addCommitteeMember(db, { committeeId: committee.id, userId: chair.id, role: 'chair' })
  reportId = (
    await createReport(db, {
      organisation_id: organisationId,
      author_id: coordinator.id,
      team_id: team.id,
      status: 'decided',
      committee_id: committee.id,
      title: 'Omaishoitajat jäävät ilman sijaista',
      submitted_at: new Date('2026-01-12T10:00:00Z'),
    })
  ).id
  const forwarded = await db
    .insertInto('report_events')
    .values({
      report_id: reportId,
      organisation_id: organisationId,
      actor_id: coordinator.id,
      type: 'status_changed',
      from_status: 'in_review',
      to_status: 'forwarded',
      committee_id: committee.id,
      created_at: new Date('2026-01-20T10:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  notificationId = (
    await db
      .insertInto('notifications')
      .values({
        organisation_id: organisationId,
        user_id: coordinator.id,
        event_id: forwarded.id,
        report_id: reportId,
        reason: 'author',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  const kela = await createRecipient(db, {
    organisationId,
    kind: 'partner',
    name: 'Kela, Länsi-Suomen vakuutuspiiri',
    nameSv: 'FPA, Västra försäkringsdistriktet',
    contactEmail: 'kela@example.fi',
  })
  await createSending(db, {
    organisationId,
    recipientId: kela.id,
    reportId,
    sentBy: coordinator.id,
    sentAt: new Date('2026-01-21T10:00:00Z'),
  })
  meetingId = (
    await db
      .insertInto('meetings')
      .values({
        organisation_id: organisationId,
        committee_id: committee.id,
        starts_at: new Date('2026-02-10T10:00:00Z'),
        published_at: new Date('2026-02-01T10:00:00Z'),
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  const item = await db
    .insertInto('agenda_items')
    .values({ organisation_id: organisationId, meeting_id: meetingId, position: 1, title: 'Omaishoidon sijaishoito' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await createFollowUp(db, {
    organisationId,
    title: 'Selvitys sijaishoidosta',
    decidedOn: '2026-02-10',
    targetDate: '2026-06-30',
    agendaItemId: item.id,
    reportIds: [reportId],
    status: 'not_started',
    createdBy: chair.id,
  })
  coordinatorSession = await signIn(coordinator.email)
})

test('the report’s timeline and chain name the committee and the partner in Swedish', async () => {
  const page = payloadOf(
    await reportPage.loader({
      request: await getRequest(`/reports/${reportId}`, coordinatorSession),
      params: { reportId },
      context,
    }),
  )
  const timeline = page.events.map((event: Parameters<typeof presentReportEvent>[0]) => {
    const view = presentReportEvent(event, 'sv')
    return [translateEventMessage(sv, timelineMessage(view)), view.committee]
  })
  expect(timeline.flat().join('\n')).toContain('Social- och hälsovårdsnämnden')
  expect(timeline.flat().join('\n')).not.toContain('Sosiaali- ja terveyslautakunta')

  const chain = renderToStaticMarkup(createElement(FollowThroughChain, { chain: page.chain, locale: 'sv', t: sv }))
  expect(chain).toContain('FPA, Västra försäkringsdistriktet')
  expect(chain).toContain('Social- och hälsovårdsnämnden')
  expect(chain).not.toContain('Kela, Länsi-Suomen')
  expect(chain).not.toContain('Sosiaali- ja terveyslautakunta')
})

test('the minutes are headed by the committee’s Swedish name', async () => {
  const minutes = payloadOf(
    await minutesDocument.loader({
      request: await getRequest(`/meetings/${meetingId}/minutes`, coordinatorSession),
      params: { meetingId },
      context,
    }),
  )
  const title = getPageTitle({
    locale: 'sv',
    matches: [
      { id: 'root', data: {} },
      { id: 'routes/meetings.$meetingId_.minutes', data: minutes },
    ],
  })
  expect(title).toContain('Social- och hälsovårdsnämnden')
  expect(minutes.meeting.committee_name_sv).toBe('Social- och hälsovårdsnämnden')
})

test('the organisation switcher lists the organisations as Swedish names them', async () => {
  const root = payloadOf(await rootLoader({ request: await getRequest('/', coordinatorSession), params: {}, context }))
  expect(root.user.organisations.map((organisation: { name: string }) => organisation.name)).toContain(
    'Österbottens välfärdsområde',
  )
})

test('an email in Swedish names the committee the report went to in Swedish', async () => {
  const [update] = await listReportUpdates(getDb(), 'https://raportointi.example', 'sv', { notificationId })
  const email = await renderEmail(
    { kind: 'notification', recipientName: 'Testi', settingsUrl: 'https://raportointi.example/settings', ...update! },
    'sv',
  )
  expect(email.text).toContain('Social- och hälsovårdsnämnden')
  expect(email.text).not.toContain('Sosiaali- ja terveyslautakunta')
})

test('the sendings list names the partner as Swedish does', async () => {
  const list = payloadOf(
    await sendingsPage.loader({ request: await getRequest('/sendings', coordinatorSession), params: {}, context }),
  )
  const names = list.sendings.map((sending: { recipient_name: string; recipient_name_sv: string | null }) =>
    displayName('sv', sending.recipient_name, sending.recipient_name_sv),
  )
  expect(names).toEqual(['FPA, Västra försäkringsdistriktet'])
})

test('the follow-ups board tells which committee decided a follow-up by its Swedish name', async () => {
  const board = payloadOf(
    await followUpBoard.loader({ request: await getRequest('/follow-ups', coordinatorSession), params: {}, context }),
  )
  const committees = board.followUps.map((row: { committee: string; committeeSv: string | null }) =>
    displayName('sv', row.committee, row.committeeSv),
  )
  expect(committees).toEqual(['Social- och hälsovårdsnämnden'])
})
