import { beforeAll, describe, expect, test } from 'vitest'
import {
  addCommitteeMember,
  createCommittee,
  createOrganisation,
  createReport,
  createTeam,
  createUser,
} from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, redirectTarget, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { type Role } from '#app/domain/roles.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as newReport from '#app/routes/reports.new.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as reports from '#app/routes/reports._index.tsx'

const context = { clientIp: '192.0.2.30' }
let organisationId: string
let teamId: string
let worker: Person
let teammate: Person
let lead: Person

interface Person {
  id: string
  name: string
  session: string
}

interface ListedReport {
  id: string
  title: string
  status: string
  latestEvent: {
    type: string
    to_status: string | null
    actor_name: string
    comment: string | null
    created_at: Date
  } | null
}

async function person(roles: Role[], name: string): Promise<Person> {
  const user = await createUser(getDb(), { organisationId, roles, teamIds: [teamId], name })
  return { id: user.id, name, session: await signIn(user.email) }
}

const reportFields = (title: string, extra: Record<string, string> = {}) => ({
  title,
  description: 'Havainto toistuu viikoittain useiden asiakkaiden kohdalla, ja se näkyy koko tiimin työssä.',
  supportNeeds: 'housing',
  clientGroups: 'young_adults',
  actionDescription: 'Yhteinen infotilaisuus.',
  actionLevel: 'team',
  noIdentifyingDataConfirmed: 'on',
  ...extra,
})

/** Writes a report through the real form; `submit` sends it to the team, otherwise it stays a draft. */
async function write(author: Person, title: string, { submit = true, extra = {} } = {}) {
  const request = await formRequest(
    '/reports/new',
    { ...reportFields(title, extra), intent: submit ? 'submit' : 'save' },
    { session: author.session },
  )
  const target = redirectTarget(await newReport.action({ request, params: {}, context }))
  return target!.match(/\/reports\/([0-9a-f-]+)/)![1]!
}

async function transition(actor: Person, reportId: string, fields: Record<string, string>) {
  const request = await formRequest(
    `/reports/${reportId}`,
    { intent: 'transition', ...fields },
    { session: actor.session },
  )
  expect(payloadOf(await reportPage.action({ request, params: { reportId }, context }))).toMatchObject({ ok: true })
}

async function listReports(session: string, query = '') {
  return payloadOf(
    await reports.loader({ request: await getRequest(`/reports${query}`, session), params: {}, context }),
  )
}

const titlesOf = (listed: { reports: ListedReport[] }) => listed.reports.map((report) => report.title)

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  teamId = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  worker = await person(['worker'], 'Tiina Työntekijä')
  teammate = await person(['worker'], 'Sanna Sosiaaliohjaaja')
  lead = await person(['team_lead'], 'Timo Tiiminvetäjä')
})

describe('my reports', () => {
  let ids: Record<'rent' | 'library' | 'draft' | 'withdrawn', string>

  beforeAll(async () => {
    ids = {
      rent: await write(worker, 'Vuokrarästit kasautuvat nuorille aikuisille'),
      library: await write(worker, 'Sosiaalityöntekijä kirjastossa tavoittaa ihmiset', {
        extra: { positive: 'on' },
      }),
      draft: await write(worker, 'Keskeneräinen havainto verkkopankkitunnuksista', { submit: false }),
      withdrawn: await write(worker, 'Peruttu havainto'),
    }
    await transition(worker, ids.withdrawn, { to: 'withdrawn', expectedStatus: 'submitted', confirmed: 'yes' })
    await write(teammate, 'Tiimikaverin raportti vuokrarästeistä')
    await write(lead, 'Tiimin vetäjän oma raportti')
  })

  test('lists only the author’s own reports, drafts and withdrawn ones included, newest first', async () => {
    const listed = await listReports(worker.session)
    expect(listed.view).toBe('own')
    expect(titlesOf(listed)).toEqual([
      'Peruttu havainto',
      'Keskeneräinen havainto verkkopankkitunnuksista',
      'Sosiaalityöntekijä kirjastossa tavoittaa ihmiset',
      'Vuokrarästit kasautuvat nuorille aikuisille',
    ])
  })

  test('a team lead who writes reports sees their own here, not the team’s (those are in the review queue)', async () => {
    const listed = await listReports(lead.session)
    expect(listed.view).toBe('own')
    expect(titlesOf(listed)).toEqual(['Tiimin vetäjän oma raportti'])
  })

  test('counts per status cover every own report, whatever status is chosen', async () => {
    const expected = { draft: 1, submitted: 2, withdrawn: 1 }
    expect((await listReports(worker.session)).counts).toEqual(expected)
    expect((await listReports(worker.session, '?status=draft')).counts).toEqual(expected)
  })

  test('each filter narrows the list, and the filters are handed back to refill the form', async () => {
    const byStatus = await listReports(worker.session, '?status=draft')
    expect(titlesOf(byStatus)).toEqual(['Keskeneräinen havainto verkkopankkitunnuksista'])
    expect(byStatus.filters).toMatchObject({ status: 'draft', positive: null, q: null, page: 1 })

    const bySearch = await listReports(worker.session, '?q=vuokrarästit')
    expect(titlesOf(bySearch)).toEqual(['Vuokrarästit kasautuvat nuorille aikuisille'])
    expect(bySearch.counts).toEqual({ submitted: 1 })

    expect(titlesOf(await listReports(worker.session, '?positive=yes'))).toEqual([
      'Sosiaalityöntekijä kirjastossa tavoittaa ihmiset',
    ])
    expect(titlesOf(await listReports(worker.session, '?positive=no'))).not.toContain(
      'Sosiaalityöntekijä kirjastossa tavoittaa ihmiset',
    )
    expect(titlesOf(await listReports(worker.session, '?positive=no&status=submitted&q=vuokrarästit'))).toEqual([
      'Vuokrarästit kasautuvat nuorille aikuisille',
    ])
  })

  test('search finds a word by its beginning, its bent forms and as part of a compound', async () => {
    const searcher = await person(['worker'], 'Hakeva Työntekijä')
    await write(searcher, 'Omaishoitajat väsyvät ilman sijaishoitoa')
    await write(searcher, 'Kuljetuspalvelu ei tavoita kyliä')
    for (const query of ['omaishoi', 'omaishoito', 'omaishoidon', 'hoitajat', 'OMAISHOITAJAT sijaishoito']) {
      expect(titlesOf(await listReports(searcher.session, `?q=${encodeURIComponent(query)}`)), query).toEqual([
        'Omaishoitajat väsyvät ilman sijaishoitoa',
      ])
    }
    expect(titlesOf(await listReports(searcher.session, '?q=omaishoito+kuukausilippu'))).toEqual([])
  })

  test('nothing found is an empty list; malformed filter values are ignored rather than failing', async () => {
    const none = await listReports(worker.session, '?q=kuukausilippu')
    expect(none.reports).toEqual([])
    expect(none.counts).toEqual({})
    const malformed = await listReports(worker.session, '?status=bogus&positive=maybe&page=-3')
    expect(malformed.filters).toMatchObject({ status: null, positive: null, page: 1 })
    expect(malformed.reports).toHaveLength(4)
  })

  test('each report shows its newest event: what, who and when', async () => {
    const before = await listReports(worker.session)
    const find = (listed: { reports: ListedReport[] }, id: string) => listed.reports.find((r) => r.id === id)!
    expect(find(before, ids.draft).latestEvent).toMatchObject({ type: 'created', actor_name: worker.name })
    expect(find(before, ids.withdrawn).latestEvent).toMatchObject({ to_status: 'withdrawn', actor_name: worker.name })
    expect(find(before, ids.rent).latestEvent).toMatchObject({ to_status: 'submitted', actor_name: worker.name })

    await transition(lead, ids.rent, { to: 'in_review', expectedStatus: 'submitted' })
    await transition(lead, ids.rent, {
      to: 'changes_requested',
      expectedStatus: 'in_review',
      comment: 'Kuinka monta asiakasta?',
    })
    const after = find(await listReports(worker.session), ids.rent)
    expect(after.status).toBe('changes_requested')
    expect(after.latestEvent).toMatchObject({
      type: 'status_changed',
      to_status: 'changes_requested',
      actor_name: lead.name,
      comment: 'Kuinka monta asiakasta?',
    })
    const newest = await getDb()
      .selectFrom('report_events')
      .select(['created_at'])
      .where('report_id', '=', ids.rent)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(new Date(after.latestEvent!.created_at)).toEqual(newest.created_at)
  })

  test('pages hold twenty reports and the next page continues where the first ended', async () => {
    const prolific = await person(['worker'], 'Paavo Palveluohjaaja')
    for (let i = 1; i <= 21; i++) {
      await createReport(getDb(), {
        organisation_id: organisationId,
        author_id: prolific.id,
        status: 'submitted',
        title: `Raportti ${String(i).padStart(2, '0')}`,
        created_at: new Date(Date.UTC(2026, 0, i)),
      })
    }
    const first = await listReports(prolific.session)
    expect(first.reports).toHaveLength(20)
    expect(first.hasNext).toBe(true)
    expect(first.reports[0].latestEvent).toBeNull()
    const second = await listReports(prolific.session, '?page=2')
    expect(titlesOf(second)).toEqual(['Raportti 01'])
    expect(second.hasNext).toBe(false)
  })
})

describe('roles that do not write reports', () => {
  test('a coordinator still sees every report of the organisation they may read, not “my reports”', async () => {
    const coordinator = await person(['coordinator'], 'Kaisa Koordinaattori')
    const listed = await listReports(coordinator.session)
    expect(listed.view).toBe('visible')
    expect(titlesOf(listed)).toEqual(
      expect.arrayContaining(['Vuokrarästit kasautuvat nuorille aikuisille', 'Tiimikaverin raportti vuokrarästeistä']),
    )
    expect(titlesOf(listed)).not.toContain('Keskeneräinen havainto verkkopankkitunnuksista')
  })

  test('a committee member reads what reached the committees they sit on, and no other committee', async () => {
    const db = getDb()
    const member = await person(['committee_member'], 'Leena Lautakunnanjäsen')
    const seatless = await person(['committee_member'], 'Paikaton Jäsen')
    const [social, housing] = await Promise.all([
      createCommittee(db, organisationId, 'Sosiaalilautakunta'),
      createCommittee(db, organisationId, 'Asuntolautakunta'),
    ])
    await addCommitteeMember(db, { committeeId: social.id, userId: member.id, role: 'member' })
    const onAgenda = (committeeId: string, title: string) =>
      createReport(db, {
        organisation_id: organisationId,
        author_id: teammate.id,
        team_id: teamId,
        status: 'on_agenda',
        committee_id: committeeId,
        title,
      })
    await onAgenda(social.id, 'Esityslistalla oleva raportti')
    const otherCommittees = await onAgenda(housing.id, 'Toisen lautakunnan raportti')

    const listed = await listReports(member.session)
    expect(listed.view).toBe('visible')
    expect(titlesOf(listed)).toEqual(['Esityslistalla oleva raportti'])
    const foreign = await getRequest(`/reports/${otherCommittees.id}`, member.session)
    const params = { reportId: otherCommittees.id }
    expect(statusOf(await thrownBy(reportPage.loader({ request: foreign, params, context })))).toBe(404)
    expect(titlesOf(await listReports(seatless.session))).toEqual([])
  })
})
