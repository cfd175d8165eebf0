import { sql } from 'kysely'
import { ageBands, genders, trends } from '#app/domain/report-fields.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { demoAccounts, demoPassword } from '#app/utils/demo.server.ts'
import { createMunicipality, createOrganisation, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { demoPhenomena } from './demo-phenomena.ts'

export const demoReportCount = 40

// A spread that looks like a year of real use: most reports are moving, some finished, a few still drafts.
const statusCycle: ReportStatus[] = [
  'submitted',
  'in_review',
  'forwarded',
  'submitted',
  'closed',
  'in_review',
  'changes_requested',
  'on_agenda',
  'decided',
  'draft',
  'forwarded',
  'in_welfare_report',
  'submitted',
  'withdrawn',
]

export async function isDatabaseEmpty(db: AppDb): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow()
  return row.count === 0
}

/** Demo data for a fresh database in demo mode: one organisation, its people and about 40 reports. */
export async function seedDemoData(db: AppDb, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const organisation = await createOrganisation(trx, 'Pohjanmaan hyvinvointialue')
    const municipalities = [
      await createMunicipality(trx, organisation.id, 'Vaasa'),
      await createMunicipality(trx, organisation.id, 'Mustasaari'),
      await createMunicipality(trx, organisation.id, 'Närpiö'),
    ]
    const teamNames = ['Aikuissosiaalityö, Vaasa', 'Nuorten palvelut, Mustasaari', 'Ikääntyneiden palvelut, Närpiö']
    const teams = []
    for (const name of teamNames) teams.push(await createTeam(trx, organisation.id, name))
    const teamByName = new Map(teams.map((team) => [team.name, team.id]))

    const authors: { id: string; teamIndex: number }[] = []
    for (const account of demoAccounts) {
      const teamId = account.team ? teamByName.get(account.team) : undefined
      const user = await createUser(trx, {
        organisationId: organisation.id,
        roles: account.roles,
        teamIds: teamId ? [teamId] : [],
        email: account.email,
        name: account.name,
        password: demoPassword,
      })
      if (account.roles.includes('worker') && teamId)
        authors.push({ id: user.id, teamIndex: teamNames.indexOf(account.team!) })
    }

    for (let index = 0; index < demoReportCount; index++) {
      const phenomenon = demoPhenomena[index % demoPhenomena.length]!
      const author = authors[index % authors.length]!
      const status = statusCycle[index % statusCycle.length]!
      const createdAt = new Date(now.getTime() - (index * 11 + 3) * 24 * 60 * 60 * 1000)
      const municipality = index % 7 === 6 ? null : municipalities[(index + author.teamIndex) % municipalities.length]!
      await createReport(trx, {
        organisation_id: organisation.id,
        team_id: teams[author.teamIndex]!.id,
        author_id: author.id,
        municipality_id: municipality?.id ?? null,
        status,
        title:
          index < demoPhenomena.length
            ? phenomenon.title
            : `${phenomenon.title} (${municipality?.name ?? 'koko alue'})`,
        description: phenomenon.description,
        causes: phenomenon.causes,
        consequences: phenomenon.consequences,
        observed_since: new Date(createdAt.getTime() - 90 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
        support_needs: phenomenon.supportNeeds,
        client_groups: phenomenon.clientGroups,
        sectors: phenomenon.sectors,
        age_bands: [ageBands[(index + 1) % ageBands.length]!],
        genders: index % 3 === 0 ? [...genders.slice(0, 2)] : [genders[index % 2]!],
        client_count: 3 + ((index * 7) % 25),
        trend: trends[index % trends.length]!,
        clients_participated: index % 4 === 0,
        positive: phenomenon.positive ?? false,
        no_identifying_data_confirmed: status !== 'draft',
        created_at: createdAt,
        updated_at: createdAt,
        submitted_at: status === 'draft' ? null : createdAt,
        actions: phenomenon.actions,
      })
    }
  })
}
