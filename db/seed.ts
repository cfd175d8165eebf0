import { sql } from 'kysely'
import { parseHelsinkiDateTime } from '#app/domain/meetings.ts'
import { ageBands, genders, trends } from '#app/domain/report-fields.ts'
import { type Role } from '#app/domain/roles.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { demoAccounts, demoPassword } from '#app/utils/demo.server.ts'
import { createMunicipality, createOrganisation, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { type DemoReport, seedFollowThrough } from './demo-follow-through.ts'
import { seedTeamReport } from './demo-team-reports.ts'
import { seedCompiledReports } from './demo-compiled-reports.ts'
import { caregiverRespiteReport, demoPhenomena, type DemoPhenomenon, swedishDemoReports } from './demo-phenomena.ts'

/** Reports spread over the statuses by cycling through the demo phenomena. */
const cycledReportCount = 40
/** The cycled reports, the caregivers' report the follow-through example is built on, and those in Swedish. */
export const demoReportCount = cycledReportCount + 1 + swedishDemoReports.length

/** The demo's teams, each named in both languages as in bilingual Ostrobothnia. */
const demoTeams = [
  { name: 'Aikuissosiaalityö, Vaasa', nameSv: 'Vuxensocialarbete, Vasa' },
  { name: 'Nuorten palvelut, Mustasaari', nameSv: 'Ungdomstjänster, Korsholm' },
  { name: 'Ikääntyneiden palvelut, Närpiö', nameSv: 'Äldreomsorg, Närpes' },
]

/** People the demo's story needs besides the accounts on the login page: each team's lead and the board's chair. */
const demoColleagues: { email: string; name: string; roles: Role[]; team: string | null; chairOf?: number }[] = [
  { email: 'nuorten.vetaja@demo.example', name: 'Maria Mattsson', roles: ['team_lead'], team: demoTeams[1]!.name },
  { email: 'ikaantyneet.vetaja@demo.example', name: 'Johan Sundqvist', roles: ['team_lead'], team: demoTeams[2]!.name },
  // Tiina's teammate, who prepared the demo's team report with her.
  { email: 'vaasa.ohjaaja@demo.example', name: 'Veera Vaasalainen', roles: ['worker'], team: demoTeams[0]!.name },
  { email: 'aluehallitus@demo.example', name: 'Henrik Björk', roles: ['committee_member'], team: null, chairOf: 1 },
]

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
    const organisation = await createOrganisation(trx, 'Pohjanmaan hyvinvointialue', 'Österbottens välfärdsområde')
    // Bilingual Ostrobothnia: Vaasa is mostly Finnish-speaking, Korsholm and Närpes mostly Swedish-speaking.
    const municipalities = [
      await createMunicipality(trx, organisation.id, 'Vaasa', 'Vasa'),
      await createMunicipality(trx, organisation.id, 'Mustasaari', 'Korsholm'),
      await createMunicipality(trx, organisation.id, 'Närpiö', 'Närpes'),
    ]
    const teams = []
    for (const team of demoTeams) teams.push(await createTeam(trx, organisation.id, team.name, team.nameSv))
    const teamNames = demoTeams.map((team) => team.name)
    const teamByName = new Map(teams.map((team) => [team.name, team.id]))

    // Bodies as a wellbeing services county names its own: the county board and the county's committee.
    const committees: { id: string }[] = []
    for (const [name, nameSv] of [
      ['Sosiaali- ja terveyslautakunta', 'Social- och hälsovårdsnämnden'],
      ['Aluehallitus', 'Områdesstyrelsen'],
    ]) {
      committees.push(
        await trx
          .insertInto('committees')
          .values({ organisation_id: organisation.id, name: name!, name_sv: nameSv! })
          .returning('id')
          .executeTakeFirstOrThrow(),
      )
    }

    const authors: { id: string; teamIndex: number }[] = []
    const leadOfTeam: string[] = []
    let coordinatorId = ''
    let contributorId = ''
    let chairId = ''
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
      if (account.roles.includes('worker') && teamId) {
        authors.push({ id: user.id, teamIndex: teamNames.indexOf(account.team!) })
      }
      if (account.roles.includes('team_lead')) leadOfTeam[teamNames.indexOf(account.team!)] = user.id
      if (account.roles.includes('coordinator')) coordinatorId = user.id
      if (account.roles.includes('contributor')) contributorId = user.id
      if (account.roles.includes('committee_member')) {
        chairId = user.id
        await trx
          .insertInto('committee_members')
          .values({ committee_id: committees[0]!.id, user_id: user.id, role: 'chair' })
          .execute()
      }
    }
    // Every team has its own lead, and the county board its chair, besides the accounts one signs in with.
    for (const colleague of demoColleagues) {
      const teamIndex = colleague.team === null ? -1 : teamNames.indexOf(colleague.team)
      const user = await createUser(trx, {
        organisationId: organisation.id,
        roles: colleague.roles,
        teamIds: teamIndex >= 0 ? [teams[teamIndex]!.id] : [],
        email: colleague.email,
        name: colleague.name,
        password: demoPassword,
      })
      if (colleague.roles.includes('team_lead')) leadOfTeam[teamIndex] = user.id
      if (colleague.chairOf !== undefined) {
        await trx
          .insertInto('committee_members')
          .values({ committee_id: committees[colleague.chairOf]!.id, user_id: user.id, role: 'chair' })
          .execute()
      }
    }
    const chairOfCommittee = async (committeeId: string) =>
      (
        await trx
          .selectFrom('committee_members')
          .select('user_id')
          .where('committee_id', '=', committeeId)
          .where('role', '=', 'chair')
          .executeTakeFirstOrThrow()
      ).user_id
    const committeeChairs = await Promise.all(committees.map((committee) => chairOfCommittee(committee.id)))
    const leadId = leadOfTeam[0]!

    const groupedReports: Record<number, string[]> = {}
    const reportsByStatus = new Map<ReportStatus, DemoReport[]>()
    const authorOf = new Map<string, string>()
    for (let index = 0; index < cycledReportCount; index++) {
      const phenomenon = demoPhenomena[index % demoPhenomena.length]!
      const author = authors[index % authors.length]!
      const status = statusCycle[index % statusCycle.length]!
      const createdAt = new Date(now.getTime() - (index * 11 + 3) * 24 * 60 * 60 * 1000)
      const municipality = index % 7 === 6 ? null : municipalities[(index + author.teamIndex) % municipalities.length]!
      const report = await createReport(trx, {
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
        committee_id: statusesAfterForwarding.includes(status) ? committees[index % committees.length]!.id : null,
      })
      reportsByStatus.set(status, [...(reportsByStatus.get(status) ?? []), { id: report.id, authorId: author.id }])
      authorOf.set(report.id, author.id)
      await insertHistory(trx, historyTo(status), {
        reportId: report.id,
        organisationId: organisation.id,
        committeeId: committees[index % committees.length]!.id,
        actors: {
          author: author.id,
          lead: leadOfTeam[author.teamIndex]!,
          coordinator: coordinatorId,
          chair: committeeChairs[index % committees.length]!,
        },
        createdAt,
      })
      // Leads group reports as they review them; a report still waiting in the queue has not been touched, so
      // the demo shows some reports waiting for first feedback, a few of them overdue.
      if (status !== 'draft' && status !== 'withdrawn' && status !== 'submitted') {
        const group = (groupedReports[index % demoPhenomena.length] ??= [])
        group.push(report.id)
      }
    }

    // Reports written in Swedish in Korsholm and Närpes, each reviewed by its own team's lead.
    for (const [index, written] of swedishDemoReports.entries()) {
      const author = authors.find((candidate) => candidate.teamIndex === written.team)!
      const createdAt = new Date(now.getTime() - (index * 17 + 5) * 24 * 60 * 60 * 1000)
      const report = await createReport(trx, {
        organisation_id: organisation.id,
        team_id: teams[written.team]!.id,
        author_id: author.id,
        municipality_id: municipalities[written.municipality]!.id,
        status: written.status,
        title: written.title,
        description: written.description,
        causes: written.causes,
        consequences: written.consequences,
        observed_since: new Date(createdAt.getTime() - 60 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
        support_needs: written.supportNeeds,
        client_groups: written.clientGroups,
        sectors: written.sectors,
        age_bands: written.clientGroups.includes('older_people') ? ['65+'] : ['18-29'],
        genders: [...genders.slice(0, 2)],
        client_count: 6 + index * 4,
        trend: 'growing',
        clients_participated: index === 0,
        positive: false,
        no_identifying_data_confirmed: true,
        created_at: createdAt,
        updated_at: createdAt,
        submitted_at: createdAt,
        actions: written.actions,
        committee_id: statusesAfterForwarding.includes(written.status) ? committees[0]!.id : null,
      })
      await insertHistory(trx, historyTo(written.status), {
        reportId: report.id,
        organisationId: organisation.id,
        committeeId: committees[0]!.id,
        actors: {
          author: author.id,
          lead: leadOfTeam[written.team]!,
          coordinator: coordinatorId,
          chair: committeeChairs[0]!,
        },
        createdAt,
      })
    }

    // Reports about the same phenomenon are grouped where there are at least two; they come from several teams, so
    // the coordinator groups them.
    const phenomenonOfTemplate = new Map<number, string>()
    for (const [templateIndex, reportIds] of Object.entries(groupedReports)) {
      if (reportIds.length < 2) continue
      const phenomenon = await trx
        .insertInto('phenomena')
        .values({
          organisation_id: organisation.id,
          title: demoPhenomena[Number(templateIndex)]!.title,
          created_by: coordinatorId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      phenomenonOfTemplate.set(Number(templateIndex), phenomenon.id)
      for (const reportId of reportIds) {
        await trx
          .insertInto('phenomenon_reports')
          .values({ phenomenon_id: phenomenon.id, report_id: reportId, linked_by: coordinatorId })
          .execute()
        await trx
          .insertInto('report_events')
          .values({
            report_id: reportId,
            organisation_id: organisation.id,
            actor_id: coordinatorId,
            type: 'phenomenon_linked',
            phenomenon_id: phenomenon.id,
          })
          .execute()
      }
    }
    // Workers who see the same in their own client work said "Havaitsen saman" on the last phenomenon, and follow it.
    const observedPhenomenonId = [...phenomenonOfTemplate.values()].at(-1)
    if (observedPhenomenonId) {
      const workers = await trx
        .selectFrom('memberships')
        .select('user_id')
        .where('organisation_id', '=', organisation.id)
        .where(sql<boolean>`'worker' = any(roles)`)
        .execute()
      const places = await trx
        .selectFrom('municipalities')
        .select('id')
        .where('organisation_id', '=', organisation.id)
        .execute()
      const sentences = [
        'Sama näkyy meilläkin: asiakkaat eivät tiedä, mistä täydentävää tukea haetaan',
        'Viikoittain joku asiakas tuo Kelan päätöksen ja kysyy, mitä sen jälkeen pitää tehdä',
        'Ohjaamme samaa asiaa puhelimessa useita kertoja viikossa',
      ]
      for (const [index, worker] of workers.slice(0, sentences.length).entries()) {
        await trx
          .insertInto('phenomenon_observations')
          .values({
            organisation_id: organisation.id,
            phenomenon_id: observedPhenomenonId,
            author_id: worker.user_id,
            municipality_id: places[index % Math.max(places.length, 1)]?.id ?? null,
            client_estimate: [10, 4, 25][index] ?? null,
            sentence: sentences[index]!,
          })
          .execute()
        await trx
          .insertInto('follows')
          .values({ organisation_id: organisation.id, user_id: worker.user_id, phenomenon_id: observedPhenomenonId })
          .onConflict((oc) => oc.columns(['user_id', 'phenomenon_id']).doNothing())
          .execute()
      }
    }
    // The first phenomenon is open for contributors' views, and the client council has already sent one (ADR 039).
    const [openPhenomenonId] = phenomenonOfTemplate.values()
    if (openPhenomenonId) {
      await trx
        .updateTable('phenomena')
        .set({
          open_for_views: true,
          public_summary: 'Tästä asiasta on tullut monta raporttia. Kerro, näetkö saman. Mitä pitäisi tehdä?',
        })
        .where('id', '=', openPhenomenonId)
        .execute()
      await trx
        .insertInto('contributions')
        .values({
          organisation_id: organisation.id,
          author_id: contributorId,
          kind: 'view',
          phenomenon_id: openPhenomenonId,
          forum: 'asiakasraati',
          text: 'Asiakasraati keskusteli asiasta. Moni on kokenut saman. Toivomme, että neuvontaa saa ajoissa ja selkokielellä.',
        })
        .execute()
    }
    await seedTeamReport(trx, {
      organisationId: organisation.id,
      report: reportsByStatus.get('in_review')?.find((report) => report.authorId === authors[0]!.id),
      coAuthorEmail: 'vaasa.ohjaaja@demo.example',
      leadId,
      now,
    })
    await seedCommitteeWork(trx, {
      organisationId: organisation.id,
      committeeId: committees[0]!.id,
      coordinatorId,
      forwarded: (reportsByStatus.get('forwarded') ?? []).map((report) => report.id),
      inWelfareReport: (reportsByStatus.get('in_welfare_report') ?? []).map((report) => report.id),
      now,
    })

    await seedCompiledReports(trx, {
      organisationId: organisation.id,
      coordinatorId,
      reviewerId: leadId,
      phenomenonIds: [...phenomenonOfTemplate.values()],
      now,
    })

    // The worked example of follow-through: a report on the elderly team's caregivers, decided in a past meeting.
    const elderly = authors.find((author) => author.teamIndex === 2)!
    const caregiverCreatedAt = new Date(now.getTime() - 80 * 24 * 60 * 60 * 1000)
    const caregiverReport = await createStoryReport(trx, caregiverRespiteReport, {
      organisationId: organisation.id,
      teamId: teams[2]!.id,
      authorId: elderly.id,
      municipalityId: municipalities[2]!.id,
      committeeId: committees[0]!.id,
      leadId: leadOfTeam[2]!,
      coordinatorId,
      createdAt: caregiverCreatedAt,
    })
    const kelaTemplate = demoPhenomena.findIndex((phenomenon) => phenomenon.title.startsWith('Kela ei ohjaa'))
    const kelaPhenomenonId = phenomenonOfTemplate.get(kelaTemplate)
    await seedFollowThrough(trx, {
      organisationId: organisation.id,
      committeeId: committees[0]!.id,
      chairId,
      leadId,
      coordinatorId,
      municipalityId: municipalities[2]!.id,
      teamIds: { adults: teams[0]!.id, youth: teams[1]!.id, elderly: teams[2]!.id },
      caregiverReport: { id: caregiverReport.id, authorId: elderly.id },
      // Its move onto the agenda, the fifth of its steps, is the publishing.
      meetingPublishedAt: new Date(caregiverCreatedAt.getTime() + 4 * stepIntervalMs),
      decided: reportsByStatus.get('decided') ?? [],
      inWelfareReport: reportsByStatus.get('in_welfare_report')?.[0] ?? null,
      kelaPhenomenon: kelaPhenomenonId
        ? {
            id: kelaPhenomenonId,
            reports: groupedReports[kelaTemplate]!.map((id) => ({ id, authorId: authorOf.get(id)! })),
          }
        : null,
      now,
    })
  })
}

/**
 * A report written for one of the demo's stories, taken as far as a committee's agenda; the story records the rest.
 */
async function createStoryReport(
  trx: AppDb,
  story: DemoPhenomenon,
  report: {
    organisationId: string
    teamId: string
    authorId: string
    municipalityId: string
    committeeId: string
    leadId: string
    coordinatorId: string
    createdAt: Date
  },
) {
  const created = await createReport(trx, {
    organisation_id: report.organisationId,
    team_id: report.teamId,
    author_id: report.authorId,
    municipality_id: report.municipalityId,
    status: 'decided',
    title: story.title,
    description: story.description,
    causes: story.causes,
    consequences: story.consequences,
    observed_since: new Date(report.createdAt.getTime() - 120 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
    support_needs: story.supportNeeds,
    client_groups: story.clientGroups,
    sectors: story.sectors,
    age_bands: ['65+'],
    genders: [...genders.slice(0, 2)],
    client_count: 14,
    trend: 'growing',
    clients_participated: true,
    positive: false,
    no_identifying_data_confirmed: true,
    created_at: report.createdAt,
    updated_at: report.createdAt,
    submitted_at: report.createdAt,
    actions: story.actions,
    committee_id: report.committeeId,
  })
  await insertHistory(trx, historyTo('on_agenda'), {
    reportId: created.id,
    organisationId: report.organisationId,
    committeeId: report.committeeId,
    actors: { author: report.authorId, lead: report.leadId, coordinator: report.coordinatorId, chair: '' },
    createdAt: report.createdAt,
  })
  return created
}

/**
 * A meeting the coordinator is preparing (its agenda carries forwarded reports, ready to publish) and this
 * year's welfare report with two sections, one of which already uses the reports that reached it.
 */
async function seedCommitteeWork(
  trx: AppDb,
  work: {
    organisationId: string
    committeeId: string
    coordinatorId: string
    forwarded: string[]
    inWelfareReport: string[]
    now: Date
  },
) {
  const meeting = await trx
    .insertInto('meetings')
    .values({
      organisation_id: work.organisationId,
      committee_id: work.committeeId,
      // Two weeks ahead at five in the afternoon, Finnish time, as committees meet.
      starts_at: parseHelsinkiDateTime(
        `${new Date(work.now.getTime() + 14 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)}T17:00`,
      )!,
      place: 'Vaasan kaupungintalo, valtuustosali',
      created_by: work.coordinatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const item = await trx
    .insertInto('agenda_items')
    .values({
      organisation_id: work.organisationId,
      meeting_id: meeting.id,
      position: 1,
      title: 'Sosiaalityön havainnot toimeentulotuen asiakkaiden ohjauksesta',
      summary:
        'Useampi tiimi on havainnut, että **Kelan ja sosiaalityön yhteistyö** ei toimi:\n\n' +
        '- asiakkaita ei ohjata sosiaalityöhön ajoissa\n- laskut palautuvat kunnan maksettaviksi',
      proposal: 'Lautakunta merkitsee havainnot tiedoksi ja pyytää valmistelemaan yhteistyömallin Kelan kanssa.',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (work.forwarded.length > 0) {
    await trx
      .insertInto('agenda_item_reports')
      .values(work.forwarded.map((reportId) => ({ agenda_item_id: item.id, report_id: reportId })))
      .execute()
  }
  const year = work.now.getUTCFullYear()
  const welfareReport = await trx
    .insertInto('welfare_reports')
    .values({
      organisation_id: work.organisationId,
      title: `Hyvinvointikertomus ${year}`,
      period_start: `${year}-01-01`,
      period_end: `${year}-12-31`,
      introduction:
        'Tässä luvussa kootaan sosiaalityön rakenteellisen työn havainnot (sosiaalihuoltolaki 1301/2014 § 7) ' +
        'aluevaltuuston käsiteltäväksi.',
      created_by: work.coordinatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const sections = await trx
    .insertInto('welfare_report_sections')
    .values([
      {
        organisation_id: work.organisationId,
        welfare_report_id: welfareReport.id,
        position: 3,
        kind: 'what_was_done',
        title: 'Mitä päätöksistä seurasi',
        category: null,
        body: 'Luvussa seurataan, mitä toimielinten päätöksistä on tehty ja missä vaiheessa kukin tehtävä on.',
      },
      {
        organisation_id: work.organisationId,
        welfare_report_id: welfareReport.id,
        position: 1,
        title: 'Asuminen',
        category: 'housing',
        body: 'Asumisen ongelmat näkyvät erityisesti **nuorten** ja **ikääntyneiden** asiakkaiden arjessa.',
      },
      {
        organisation_id: work.organisationId,
        welfare_report_id: welfareReport.id,
        position: 2,
        title: 'Toimeentulo ja etuudet',
        category: null,
        body: 'Etuuksien hakeminen on monelle asiakkaalle vaikeaa ilman henkilökohtaista neuvontaa.',
      },
    ])
    .returning('id')
    .execute()
  if (work.inWelfareReport.length > 0) {
    await trx
      .insertInto('welfare_section_reports')
      .values(work.inWelfareReport.map((reportId) => ({ section_id: sections[2]!.id, report_id: reportId })))
      .execute()
  }
}

const statusesAfterForwarding: ReportStatus[] = ['forwarded', 'on_agenda', 'decided', 'in_welfare_report']

interface HistoryStep {
  to: ReportStatus
  /** The chair of the committee the report went to records its decision; the coordinator only prepares. */
  by: 'author' | 'lead' | 'coordinator' | 'chair'
  comment?: string
}

/** A report's demo steps are a day and two hours apart. */
const stepIntervalMs = 26 * 60 * 60 * 1000

/** Writes a report's steps as its timeline shows them, each by the party that took it. */
async function insertHistory(
  trx: AppDb,
  history: HistoryStep[],
  report: {
    reportId: string
    organisationId: string
    /** The committee a forwarding step names. */
    committeeId: string
    actors: Record<HistoryStep['by'], string>
    createdAt: Date
  },
) {
  await trx
    .insertInto('report_events')
    .values(
      history.map((step, position) => ({
        report_id: report.reportId,
        organisation_id: report.organisationId,
        actor_id: report.actors[step.by],
        type: position === 0 ? ('created' as const) : ('status_changed' as const),
        from_status: position === 0 ? null : history[position - 1]!.to,
        to_status: step.to,
        comment: step.comment ?? null,
        resolution: step.to === 'closed' ? ('resolved_in_team' as const) : null,
        committee_id: step.to === 'forwarded' ? report.committeeId : null,
        created_at: new Date(report.createdAt.getTime() + position * stepIntervalMs),
      })),
    )
    .execute()
}

/** The steps a report took to reach its demo status, each by the party the lifecycle allows. */
function historyTo(status: ReportStatus): HistoryStep[] {
  const steps: HistoryStep[] = [{ to: 'draft', by: 'author' }]
  if (status === 'draft') return steps
  steps.push({ to: 'submitted', by: 'author' })
  if (status === 'submitted') return steps
  if (status === 'withdrawn') return [...steps, { to: 'withdrawn', by: 'author' }]
  steps.push({ to: 'in_review', by: 'lead' })
  if (status === 'in_review') return steps
  if (status === 'changes_requested') {
    return [
      ...steps,
      { to: 'changes_requested', by: 'lead', comment: 'Kuvaa vielä, kuinka usein ilmiö toistuu ja mitä siitä seuraa.' },
    ]
  }
  if (status === 'closed') {
    return [...steps, { to: 'closed', by: 'lead', comment: 'Asia sovittiin tiimin ja Kelan yhteispalaverissa.' }]
  }
  steps.push({ to: 'forwarded', by: 'lead', comment: 'Toistuva ilmiö useassa kunnassa; viedään toimielimen tietoon.' })
  if (status === 'forwarded') return steps
  steps.push({ to: 'on_agenda', by: 'coordinator' })
  if (status === 'on_agenda') return steps
  steps.push({
    to: 'decided',
    by: 'chair',
    comment: 'Merkittiin tiedoksi; valmistellaan toimenpiteet seuraavaan kokoukseen.',
  })
  if (status === 'decided') return steps
  return [...steps, { to: 'in_welfare_report', by: 'coordinator' }]
}
