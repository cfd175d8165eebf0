import { sql } from 'kysely'
import { ageBands, genders, trends } from '#app/domain/report-fields.ts'
import { type ReportStatus } from '#app/models/database.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { demoPhenomena } from '#db/demo-phenomena.ts'
import { createMunicipality, createOrganisation, createTeam, createUser, testPassword } from '#tests/factories/index.ts'

export const benchReportCount = 100_000
/** The share of all reports written in the lead's team: the lead's queue is the biggest one there is. */
export const leadTeamShare = 0.4
export const workersPerTeam = 3

const municipalityNames = [
  'Vaasa',
  'Mustasaari',
  'Närpiö',
  'Kristiinankaupunki',
  'Laihia',
  'Isokyrö',
  'Vöyri',
  'Pietarsaari',
  'Uusikaarlepyy',
  'Kaskinen',
]

const teamNames = [
  'Aikuissosiaalityö, Vaasa',
  'Nuorten palvelut, Mustasaari',
  'Ikääntyneiden palvelut, Närpiö',
  'Lapsiperheiden sosiaalityö, Pietarsaari',
  'Maahanmuuttajapalvelut, Vaasa',
  'Vammaispalvelut, Laihia',
]

/** Sentences workers add to the phenomenon itself, so descriptions repeat less. */
const observations = [
  'Ilmiö on toistunut tiimipalavereissa useana kuukautena peräkkäin.',
  'Sama havainto on tehty myös naapurikunnan sosiaalitoimistossa.',
  'Asiakkaiden määrä on kasvanut selvästi viimeisen vuoden aikana.',
  'Asia nousi esiin ryhmätyönohjauksessa.',
  'Järjestöjen ja seurakunnan työntekijät ovat kertoneet samasta.',
  'Tilanne on pahentunut palveluverkon muutosten jälkeen.',
  'Kokemusasiantuntijat toivat asian esiin asiakasraadissa.',
  'Ilmiö koskee erityisesti haja-asutusalueita.',
]

/** How a year's reports spread over the lifecycle, as in the demo seed; weights sum to 1. */
const statusWeights: [ReportStatus, number][] = [
  ['draft', 0.07],
  ['submitted', 0.15],
  ['in_review', 0.15],
  ['changes_requested', 0.05],
  ['forwarded', 0.1],
  ['on_agenda', 0.05],
  ['decided', 0.1],
  ['in_welfare_report', 0.1],
  ['closed', 0.2],
  ['withdrawn', 0.03],
]

export interface BenchData {
  organisationId: string
  lead: { id: string; email: string; password: string; teamName: string }
}

export async function seedBenchData(db: AppDb): Promise<BenchData> {
  return db.transaction().execute(async (trx) => {
    const organisation = await createOrganisation(trx, 'Pohjanmaan hyvinvointialue')
    const municipalityIds: string[] = []
    for (const name of municipalityNames) {
      municipalityIds.push((await createMunicipality(trx, organisation.id, name)).id)
    }
    const teamIds: string[] = []
    for (const name of teamNames) teamIds.push((await createTeam(trx, organisation.id, name)).id)

    const authorIds: string[] = []
    for (const [teamIndex, teamId] of teamIds.entries()) {
      for (let slot = 0; slot < workersPerTeam; slot++) {
        const worker = await createUser(trx, {
          organisationId: organisation.id,
          roles: ['worker'],
          teamIds: [teamId],
          email: `tyontekija-${teamIndex + 1}-${slot + 1}@bench.example.org`,
          name: `Työntekijä ${teamIndex + 1}.${slot + 1}`,
        })
        authorIds.push(worker.id)
      }
    }
    const lead = await createUser(trx, {
      organisationId: organisation.id,
      roles: ['team_lead'],
      teamIds: [teamIds[0]!],
      email: 'tiimin.vetaja@bench.example.org',
      name: 'Tiina Tiiminvetäjä',
    })

    // random() after setseed() in one transaction makes every run draw the same reports; only ids and dates move.
    await sql`select setseed(0.2017)`.execute(trx)
    await insertReports(trx, { organisationId: organisation.id, municipalityIds, teamIds, authorIds }, benchReportCount)
    return {
      organisationId: organisation.id,
      lead: { id: lead.id, email: lead.email, password: testPassword, teamName: teamNames[0]! },
    }
  })
}

/**
 * Leaves the table as autovacuum soon would after a bulk load: planner statistics for the new rows, and the
 * GIN indexes' pending lists merged (until then every search also scans the pending list).
 */
export async function vacuumAndAnalyzeReports(db: AppDb): Promise<void> {
  await sql`vacuum (analyze) reports`.execute(db)
}

/**
 * Reports in one set-based statement: each row draws its template phenomenon, team, author, municipality,
 * status and age; text comes from the demo phenomena, mixed with a second phenomenon's consequences and
 * an observation so that titles and descriptions vary. Each team needs `workersPerTeam` authors, in team order.
 */
export async function insertReports(
  db: AppDb,
  ids: { organisationId: string; municipalityIds: string[]; teamIds: string[]; authorIds: string[] },
  count: number,
) {
  const column = <K extends keyof (typeof demoPhenomena)[number]>(key: K) => demoPhenomena.map((p) => p[key])
  const list = (values: readonly string[][]) => values.map((value) => value.join(','))
  let cumulative = 0
  const statusLowerBounds = statusWeights.map(([, weight]) => (cumulative += weight) - weight)

  await sql`
    with templates as (
      select * from unnest(
        ${column('title')}::text[], ${column('description')}::text[], ${column('causes')}::text[],
        ${column('consequences')}::text[], ${list(column('supportNeeds'))}::text[],
        ${list(column('clientGroups'))}::text[], ${list(column('sectors'))}::text[],
        ${demoPhenomena.map((p) => p.positive ?? false)}::boolean[]
      ) with ordinality as t(title, description, causes, consequences, support_needs, client_groups, sectors,
        positive, no)
    ),
    draws as materialized (
      select
        g,
        1 + floor(random() * ${demoPhenomena.length})::int as template_no,
        1 + floor(random() * ${demoPhenomena.length})::int as echo_no,
        case when random() < ${leadTeamShare} then 0
          else 1 + floor(random() * ${ids.teamIds.length - 1})::int end as team_no,
        floor(random() * ${workersPerTeam})::int as author_slot,
        1 + floor(random() * ${ids.municipalityIds.length})::int as municipality_no,
        (${statusWeights.map(([status]) => status)}::text[])[width_bucket(random(), ${statusLowerBounds}::float8[])]
          as status,
        floor(random() * 4)::int as title_variant,
        1 + floor(random() * ${observations.length})::int as observation_no,
        now() - random() * interval '4 years' as created_at,
        random() as roll
      from generate_series(1, ${count}) as g
    )
    insert into reports (
      organisation_id, team_id, author_id, municipality_id, status, title, description, causes, consequences,
      observed_since, support_needs, client_groups, sectors, age_bands, genders, client_count, trend,
      clients_participated, positive, no_identifying_data_confirmed, created_at, updated_at, submitted_at
    )
    select
      ${ids.organisationId}::uuid,
      (${ids.teamIds}::uuid[])[d.team_no + 1],
      (${ids.authorIds}::uuid[])[d.team_no * ${workersPerTeam} + d.author_slot + 1],
      case when d.municipality_no = 1 and d.roll < 0.05 then null
        else (${ids.municipalityIds}::uuid[])[d.municipality_no] end,
      d.status,
      case d.title_variant
        when 0 then t.title || ' (' || (${municipalityNames}::text[])[d.municipality_no] || ')'
        when 1 then t.title || ' – toistuva ilmiö'
        else t.title end,
      t.description || ' ' || e.consequences || ' ' || (${observations}::text[])[d.observation_no],
      t.causes,
      t.consequences,
      (d.created_at - interval '90 days')::date,
      string_to_array(t.support_needs, ','),
      string_to_array(t.client_groups, ','),
      string_to_array(t.sectors, ','),
      array[(${ageBands}::text[])[1 + (d.g % ${ageBands.length})]],
      array[(${genders}::text[])[1 + (d.g % ${genders.length - 1})]],
      1 + floor(d.roll * 40)::int,
      (${trends}::text[])[1 + (d.g % ${trends.length})],
      d.roll < 0.25,
      t.positive,
      d.status <> 'draft',
      d.created_at,
      d.created_at,
      case when d.status = 'draft' then null else d.created_at + interval '2 hours' end
    from draws d
    join templates t on t.no = d.template_no
    join templates e on e.no = d.echo_no
  `.execute(db)
}
