import { sql } from 'kysely'
import { beforeEach, describe, expect, test } from 'vitest'
import { type Role } from '#app/domain/roles.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { getUserInOrganisation } from '#app/models/user.server.ts'
import * as reviewPage from '#app/routes/review.tsx'
import { applyTransition } from '#app/services/reports.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
  addCommitteeMember,
  createCommittee,
  createOrganisation,
  createReport,
  createTeam,
  createUser,
} from '#tests/factories/index.ts'
import { getRequest, payloadOf, signIn } from '#tests/utils.ts'

// The queue keeps the counts it computed until the organisation's reports change (ADR 030); every kind of write a
// report can get must show in the very next view, whichever code path or tool made it.
const context = { clientIp: '192.0.2.30' }
let organisationId: string
let teamId: string
let otherTeamId: string
let lead: { id: string; session: string }
let coordinator: { id: string; session: string }
let workerId: string

async function person(roles: Role[], teamIds: string[]) {
  const user = await createUser(getDb(), { organisationId, roles, teamIds })
  return { id: user.id, session: await signIn(user.email) }
}

async function countsSeenBy(viewer: { session: string }, query = '') {
  const request = await getRequest(`/review${query}`, viewer.session)
  const page = payloadOf(await reviewPage.loader({ request, params: {}, context }))
  return page.counts as Partial<Record<ReportStatus, number>>
}

function report(status: ReportStatus, fields: { team?: string; title?: string; committee?: string } = {}) {
  return createReport(getDb(), {
    organisation_id: organisationId,
    author_id: workerId,
    team_id: fields.team ?? teamId,
    status,
    ...(fields.title ? { title: fields.title } : {}),
    committee_id: fields.committee ?? null,
    submitted_at: status === 'draft' ? null : new Date(),
  })
}

beforeEach(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  teamId = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  otherTeamId = (await createTeam(db, organisationId, 'Nuorten palvelut')).id
  workerId = (await createUser(db, { organisationId, roles: ['worker'], teamIds: [teamId] })).id
  lead = await person(['team_lead'], [teamId])
  coordinator = await person(['coordinator'], [])
  await report('submitted')
  await report('submitted')
  await report('in_review')
  await report('submitted', { team: otherTeamId })
})

describe('counts per status in the review queue', () => {
  test('a transition moves the report from one count to the other in the next view', async () => {
    expect(await countsSeenBy(lead)).toEqual({ submitted: 2, in_review: 1 })
    expect(await countsSeenBy(coordinator)).toEqual({ submitted: 3, in_review: 1 })
    const reportId = (await report('submitted')).id
    expect(await countsSeenBy(lead)).toEqual({ submitted: 3, in_review: 1 })

    const user = (await getUserInOrganisation(getDb(), lead.id, organisationId))!
    const moved = await applyTransition(user, {
      reportId,
      expectedStatus: 'submitted',
      to: 'in_review',
      comment: '',
      resolution: null,
      committeeId: null,
      phenomenonId: null,
    })
    expect(moved.ok).toBe(true)
    expect(await countsSeenBy(lead)).toEqual({ submitted: 2, in_review: 2 })
    expect(await countsSeenBy(coordinator)).toEqual({ submitted: 3, in_review: 2 })
  })

  test('a new draft is not counted, and counts once it is submitted', async () => {
    expect(await countsSeenBy(lead)).toEqual({ submitted: 2, in_review: 1 })
    const draft = await report('draft')
    expect(await countsSeenBy(lead)).toEqual({ submitted: 2, in_review: 1 })
    await getDb()
      .updateTable('reports')
      .set({ status: 'submitted', submitted_at: new Date() })
      .where('id', '=', draft.id)
      .execute()
    expect(await countsSeenBy(lead)).toEqual({ submitted: 3, in_review: 1 })
  })

  test('a report moved to another team leaves the lead’s counts and joins that team’s', async () => {
    const otherLead = await person(['team_lead'], [otherTeamId])
    const moving = await report('in_review')
    expect(await countsSeenBy(lead)).toEqual({ submitted: 2, in_review: 2 })
    expect(await countsSeenBy(otherLead)).toEqual({ submitted: 1 })
    await getDb().updateTable('reports').set({ team_id: otherTeamId }).where('id', '=', moving.id).execute()
    expect(await countsSeenBy(lead)).toEqual({ submitted: 2, in_review: 1 })
    expect(await countsSeenBy(otherLead)).toEqual({ submitted: 1, in_review: 1 })
  })

  test('deleting a draft changes nothing; deleting a submitted report takes it off', async () => {
    const draft = await report('draft')
    const submitted = await report('submitted')
    expect(await countsSeenBy(lead)).toEqual({ submitted: 3, in_review: 1 })
    await getDb().deleteFrom('reports').where('id', '=', draft.id).execute()
    expect(await countsSeenBy(lead)).toEqual({ submitted: 3, in_review: 1 })
    await getDb().deleteFrom('reports').where('id', '=', submitted.id).execute()
    expect(await countsSeenBy(lead)).toEqual({ submitted: 2, in_review: 1 })
  })

  test('counts under a search follow a title edited to match or not', async () => {
    const kela = await report('submitted', { title: 'Kelan päätökset eivät kerro, miten haetaan' })
    const search = '?q=Kelan'
    expect(await countsSeenBy(lead, search)).toEqual({ submitted: 1 })
    expect(await countsSeenBy(lead, `${search}&status=in_review`)).toEqual({ submitted: 1 })
    await getDb().updateTable('reports').set({ title: 'Vuokrarästit kasautuvat' }).where('id', '=', kela.id).execute()
    expect(await countsSeenBy(lead, search)).toEqual({})
    expect(await countsSeenBy(lead)).toEqual({ submitted: 3, in_review: 1 })
  })

  test('a seat on a committee adds that committee’s reports to a lead who sits on it', async () => {
    const committeeId = (await createCommittee(getDb(), organisationId, 'Sosiaali- ja terveyslautakunta')).id
    const member = await person(['team_lead', 'committee_member'], [teamId])
    await report('on_agenda', { team: otherTeamId, committee: committeeId })
    expect(await countsSeenBy(member)).toEqual({ submitted: 2, in_review: 1 })
    await addCommitteeMember(getDb(), { committeeId, userId: member.id, role: 'member' })
    expect(await countsSeenBy(member)).toEqual({ submitted: 2, in_review: 1, on_agenda: 1 })
    await sql`delete from committee_members where user_id = ${member.id}`.execute(getDb())
    expect(await countsSeenBy(member)).toEqual({ submitted: 2, in_review: 1 })
  })

  test('a write rolled back leaves the counts as they were', async () => {
    expect(await countsSeenBy(lead)).toEqual({ submitted: 2, in_review: 1 })
    await getDb()
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('reports').set({ status: 'closed' }).where('team_id', '=', teamId).execute()
        throw new Error('rolled back')
      })
      .catch(() => {})
    expect(await countsSeenBy(lead)).toEqual({ submitted: 2, in_review: 1 })
  })
})
