import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { roles } from '#app/domain/roles.ts'
import { getDb } from '#app/utils/db.server.ts'
import { demoAccounts, demoPassword } from '#app/utils/demo.server.ts'
import { login } from '#app/utils/auth.server.ts'
import { followUpStatuses } from '#app/domain/follow-ups.ts'
import { getReportChain } from '#app/models/follow-through.server.ts'
import { getUserInOrganisation } from '#app/models/user.server.ts'
import { caregiverRespiteReport, swedishDemoReports } from './demo-phenomena.ts'
import { inquiryTargetDate } from './demo-follow-through.ts'
import { demoReportCount, isDatabaseEmpty, seedDemoData } from './seed.ts'

test('the demo seed builds one organisation with its people and about 40 reports', async () => {
  const db = getDb()
  expect(await isDatabaseEmpty(db)).toBe(true)
  await seedDemoData(db)
  expect(await isDatabaseEmpty(db)).toBe(false)

  const count = async (
    table: 'organisations' | 'municipalities' | 'teams' | 'reports' | 'report_co_authors' | 'report_questions',
  ) =>
    (
      await db
        .selectFrom(table)
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n
  expect(await count('organisations')).toBe(1)
  expect(await count('municipalities')).toBe(3)
  expect(await count('teams')).toBe(3)
  expect(await count('reports')).toBe(demoReportCount)
  // One team report with two authors, and the question its lead asked, answered.
  expect(await count('report_co_authors')).toBe(1)
  expect(await count('report_questions')).toBe(1)

  const memberships = await db.selectFrom('memberships').select('roles').execute()
  for (const role of roles)
    expect(
      memberships.some((m) => m.roles.includes(role)),
      role,
    ).toBe(true)

  const reports = await db.selectFrom('reports').select(['status', 'title', 'team_id', 'support_needs']).execute()
  expect(new Set(reports.map((r) => r.status)).size).toBeGreaterThanOrEqual(8)
  expect(new Set(reports.map((r) => r.team_id)).size).toBe(3)
  expect(reports.every((r) => r.support_needs.length > 0)).toBe(true)
  expect(new Set(reports.map((r) => r.title)).size).toBe(demoReportCount)

  // A meeting to prepare and publish, a past one that decided, and this year's welfare report using the reports.
  const items = await db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select([
      sql<boolean>`meetings.published_at is not null`.as('published'),
      sql<number>`count(*)::int`.as('items'),
      sql<number>`count(agenda_items.decision)::int`.as('decided'),
    ])
    .groupBy('meetings.id')
    .orderBy('published')
    .execute()
  expect(items).toEqual([
    { published: false, items: 1, decided: 0 },
    { published: true, items: 2, decided: 2 },
  ])
  const included = await db
    .selectFrom('welfare_section_reports')
    .innerJoin('reports', 'reports.id', 'welfare_section_reports.report_id')
    .select('reports.status')
    .execute()
  expect(included.length).toBeGreaterThan(0)
  expect(included.every((row) => row.status === 'in_welfare_report')).toBe(true)

  await expectFollowThrough()
  await expectDemoFollowsTheRules()

  for (const account of demoAccounts) {
    const result = await login(db, { email: account.email, password: demoPassword, clientIp: '192.0.2.9' })
    expect(result.ok, account.email).toBe(true)
  }
})

/** What a demo user notices of the follow-through: where reports went, the answers, and decisions followed up. */
async function expectFollowThrough() {
  const db = getDb()
  const recipients = await db.selectFrom('recipients').select(['kind', 'name', 'contact_email']).execute()
  expect(recipients.map((recipient) => recipient.kind).sort()).toEqual([
    'committee',
    'committee',
    'management_group',
    'municipal_welfare',
    'partner',
    'working_group',
  ])
  expect(recipients.find((recipient) => recipient.kind === 'partner')!.contact_email).toBe('kela@example.fi')
  const members = await db
    .selectFrom('recipient_members')
    .innerJoin('recipients', 'recipients.id', 'recipient_members.recipient_id')
    .select('recipients.kind')
    .execute()
  expect(members).toEqual([{ kind: 'working_group' }])

  // Sent to the working group, a municipality and Kela; Kela answered through its link, the working group in the app.
  const sendings = await db
    .selectFrom('sendings')
    .innerJoin('recipients', 'recipients.id', 'sendings.recipient_id')
    .select(['recipients.kind', 'sendings.state', 'sendings.answered_by_name'])
    .execute()
  expect(new Set(sendings.map((sending) => sending.kind))).toEqual(
    new Set(['working_group', 'municipal_welfare', 'partner']),
  )
  expect(sendings.find((sending) => sending.kind === 'partner')).toMatchObject({ state: 'answered' })
  expect(sendings.some((sending) => sending.kind === 'working_group' && sending.state === 'answered')).toBe(true)

  // Follow-ups in every state, one overdue, with dated updates.
  const followUps = await db.selectFrom('follow_ups').select(['status', 'target_date', 'status_reason']).execute()
  expect(new Set(followUps.map((followUp) => followUp.status))).toEqual(new Set(followUpStatuses))
  const today = new Date().toISOString().slice(0, 10)
  const overdue = followUps.filter(
    (followUp) => followUp.target_date < today && !['done', 'not_carried_out'].includes(followUp.status),
  )
  expect(overdue).toHaveLength(1)
  expect(followUps.find((followUp) => followUp.status === 'not_carried_out')!.status_reason).toBeTruthy()
  expect((await db.selectFrom('follow_up_updates').select('id').execute()).length).toBeGreaterThan(4)

  // The committee's decision and the proposed actions agree: none of the decided report's actions is left open, the
  // adopted one is accepted, and the inquiry the decision asked for is followed up to its date.
  const caregiver = await db
    .selectFrom('reports')
    .select(['id', 'author_id', 'organisation_id'])
    .where('title', '=', caregiverRespiteReport.title)
    .executeTakeFirstOrThrow()
  const actions = await db
    .selectFrom('proposed_actions')
    .select(['description', 'outcome'])
    .where('report_id', '=', caregiver.id)
    .orderBy('position')
    .execute()
  expect(actions.map((action) => action.outcome)).toEqual(['accepted', 'rejected'])
  const decision = await db
    .selectFrom('agenda_items')
    .innerJoin('agenda_item_reports', 'agenda_item_reports.agenda_item_id', 'agenda_items.id')
    .select(['agenda_items.decision_text'])
    .where('agenda_item_reports.report_id', '=', caregiver.id)
    .executeTakeFirstOrThrow()
  expect(decision.decision_text).toContain('selvityksen omaishoidon sijaishoidon järjestämisestä')

  // The reporter reads it all in the chain and hears of each step in the bell.
  const author = (await getUserInOrganisation(db, caregiver.author_id, caregiver.organisation_id))!
  const chain = (await getReportChain(db, author, caregiver.id))!
  expect(chain.routes.map((route) => [route.recipient.kind, route.state])).toEqual([
    ['committee', 'answered'],
    ['municipal_welfare', 'sent'],
  ])
  const inquiry = chain.followUps.find((followUp) => followUp.title.startsWith('Selvitys omaishoidon'))!
  expect(inquiry).toMatchObject({ status: 'in_progress', targetDate: inquiryTargetDate(inquiry.decidedOn) })
  expect(inquiry.latestUpdate).not.toBeNull()
  const told = await db
    .selectFrom('notifications')
    .innerJoin('report_events', 'report_events.id', 'notifications.event_id')
    .select('report_events.type')
    .where('notifications.user_id', '=', author.id)
    .where('notifications.report_id', '=', caregiver.id)
    .execute()
  expect(new Set(told.map((row) => row.type))).toEqual(
    new Set(['status_changed', 'action_outcome', 'follow_up_created', 'follow_up_updated', 'sent_to_recipient']),
  )
  const eventTypes = await db.selectFrom('report_events').select('type').distinct().execute()
  for (const type of [
    'sent_to_recipient',
    'recipient_answered',
    'follow_up_created',
    'follow_up_updated',
    'follow_up_overdue',
  ]) {
    expect(
      eventTypes.map((row) => row.type),
      type,
    ).toContain(type)
  }
  const whatWasDone = await db
    .selectFrom('welfare_report_sections')
    .select('title')
    .where('kind', '=', 'what_was_done')
    .execute()
  expect(whatWasDone).toHaveLength(1)
}

/** The demo is everyone's first impression: it does only what the app allows, in both languages of the area. */
async function expectDemoFollowsTheRules() {
  const db = getDb()
  // Every decision in the history is recorded by the chair or secretary of the committee that decided.
  const decisions = await db
    .selectFrom('report_events')
    .innerJoin('reports', 'reports.id', 'report_events.report_id')
    .leftJoin('committee_members', (join) =>
      join
        .onRef('committee_members.committee_id', '=', 'reports.committee_id')
        .onRef('committee_members.user_id', '=', 'report_events.actor_id'),
    )
    .select(['reports.title', 'committee_members.role'])
    .where('report_events.type', '=', 'status_changed')
    .where('report_events.to_status', '=', 'decided')
    .execute()
  expect(decisions.length).toBeGreaterThan(3)
  for (const decision of decisions) expect(['chair', 'secretary'], decision.title).toContain(decision.role)
  const agendaDecisions = await db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .leftJoin('committee_members', (join) =>
      join
        .onRef('committee_members.committee_id', '=', 'meetings.committee_id')
        .onRef('committee_members.user_id', '=', 'agenda_items.decided_by'),
    )
    .select('committee_members.role')
    .where('agenda_items.decided_by', 'is not', null)
    .execute()
  expect(agendaDecisions.length).toBeGreaterThan(0)
  for (const decision of agendaDecisions) expect(['chair', 'secretary']).toContain(decision.role)

  // Every team has its lead, and a lead reviews and moves only their own team's reports.
  const teams = await db
    .selectFrom('teams')
    .select([
      'teams.name',
      sql<number>`(select count(*)::int from team_memberships tm join memberships m on m.user_id = tm.user_id
        where tm.team_id = teams.id and 'team_lead' = any(m.roles))`.as('leads'),
    ])
    .execute()
  for (const team of teams) expect(team.leads, team.name).toBeGreaterThan(0)
  const leadSteps = await db
    .selectFrom('report_events')
    .innerJoin('reports', 'reports.id', 'report_events.report_id')
    .innerJoin('memberships', 'memberships.user_id', 'report_events.actor_id')
    .select([
      'reports.title',
      'report_events.to_status',
      sql<boolean>`exists (select 1 from team_memberships tm where tm.user_id = report_events.actor_id
        and tm.team_id = reports.team_id)`.as('ownTeam'),
    ])
    .where('report_events.type', '=', 'status_changed')
    .where(sql<boolean>`'team_lead' = any(memberships.roles)`)
    .execute()
  expect(leadSteps.length).toBeGreaterThan(10)
  for (const step of leadSteps) expect(step.ownTeam, `${step.to_status}: ${step.title}`).toBe(true)

  // Names have their Swedish form, and reports are written in Swedish in the Swedish-speaking municipalities.
  const municipalities = await db.selectFrom('municipalities').select(['name', 'name_sv']).orderBy('name').execute()
  expect(municipalities).toEqual([
    { name: 'Mustasaari', name_sv: 'Korsholm' },
    { name: 'Närpiö', name_sv: 'Närpes' },
    { name: 'Vaasa', name_sv: 'Vasa' },
  ])
  const organisation = await db.selectFrom('organisations').select('name_sv').executeTakeFirstOrThrow()
  expect(organisation.name_sv).toBe('Österbottens välfärdsområde')
  for (const table of ['teams', 'committees'] as const) {
    const named = await db.selectFrom(table).select('name_sv').execute()
    expect(
      named.every((row) => row.name_sv),
      table,
    ).toBe(true)
  }
  const committeeRecipients = await db
    .selectFrom('recipients')
    .select('name_sv')
    .where('kind', '=', 'committee')
    .execute()
  expect(committeeRecipients.every((recipient) => recipient.name_sv)).toBe(true)
  const swedish = await db
    .selectFrom('reports')
    .innerJoin('municipalities', 'municipalities.id', 'reports.municipality_id')
    .select('reports.title')
    .where(
      'reports.title',
      'in',
      swedishDemoReports.map((report) => report.title),
    )
    .where('municipalities.name_sv', 'in', ['Korsholm', 'Närpes'])
    .where('reports.status', '!=', 'draft')
    .execute()
  expect(swedish.length).toBeGreaterThanOrEqual(3)

  // Bodies are named as a wellbeing services county names its own, not after municipal-era boards.
  const committees = await db.selectFrom('committees').select('name').orderBy('name').execute()
  expect(committees.map((committee) => committee.name)).toEqual(['Aluehallitus', 'Sosiaali- ja terveyslautakunta'])

  // One compiled report is published with imported indicators; another waits in its comment round.
  const compiled = await db
    .selectFrom('compiled_reports')
    .select(['stage', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('stage')
    .orderBy('stage')
    .execute()
  expect(compiled.map((row) => [row.stage, Number(row.count)])).toEqual([
    ['comment_round', 1],
    ['published', 1],
  ])
  const values = await db
    .selectFrom('indicator_values')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  expect(Number(values.count)).toBeGreaterThan(0)
}
