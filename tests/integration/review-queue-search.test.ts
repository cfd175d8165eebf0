import { expect, test } from 'vitest'
import { listReviewQueue, type QueueFilters } from '#app/models/report.server.ts'
import { getUserInOrganisation } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { pageOf, pageWindow } from '#app/utils/paging.ts'
import { createOrganisation, createTeam, createUser } from '#tests/factories/index.ts'

const pageSize = 20
const noFilters: QueueFilters = {
  status: 'submitted',
  q: null,
  supportNeed: null,
  clientGroup: null,
  municipalityId: null,
  from: null,
  to: null,
  positive: null,
}

// A searched page is looked for among the newest reports first (ADR 030); it must list exactly what searching
// every report lists, whether the matches are among the newest or only far behind them.
test('a searched review queue lists every match newest first, page after page, however old the matches are', async () => {
  const db = getDb()
  const organisationId = (await createOrganisation(db)).id
  const teamId = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  const workerId = (await createUser(db, { organisationId, roles: ['worker'], teamIds: [teamId] })).id
  const leadId = (await createUser(db, { organisationId, roles: ['team_lead'], teamIds: [teamId] })).id
  const lead = (await getUserInOrganisation(db, leadId, organisationId))!
  // Newest first: 30 about Kela, 230 about something else, then 25 about Kela and caring for a relative.
  const titles = [
    ...Array.from({ length: 30 }, () => 'Kelan päätökset viipyvät'),
    ...Array.from({ length: 230 }, () => 'Asunnottomuus kasvaa'),
    ...Array.from({ length: 25 }, () => 'Kela ja omaishoito'),
  ]
  const newest = Date.parse('2026-06-01T12:00:00Z')
  const reports = await db
    .insertInto('reports')
    .values(
      titles.map((title, index) => ({
        organisation_id: organisationId,
        author_id: workerId,
        team_id: teamId,
        status: 'submitted' as const,
        title,
        submitted_at: new Date(newest - index * 60_000),
      })),
    )
    .returning(['id', 'title', 'submitted_at'])
    .execute()
  const newestFirst = [...reports].sort((a, b) => b.submitted_at!.getTime() - a.submitted_at!.getTime())

  async function everyPage(q: string) {
    const listed: string[] = []
    for (let page = 1; ; page++) {
      const queue = await listReviewQueue(db, lead, { ...noFilters, q }, pageWindow(page, pageSize))
      const { rows, hasNext } = pageOf(queue.reports, pageSize)
      listed.push(...rows.map((row) => row.id))
      if (!hasNext) return listed
    }
  }

  const aboutKela = newestFirst.filter((report) => report.title.startsWith('Kela')).map((report) => report.id)
  expect(aboutKela).toHaveLength(55)
  expect(await everyPage('Kela')).toEqual(aboutKela)
  const aboutCaring = newestFirst.filter((report) => report.title.includes('omaishoito')).map((report) => report.id)
  expect(aboutCaring).toHaveLength(25)
  expect(await everyPage('omaishoito')).toEqual(aboutCaring)
})
