import { sql } from 'kysely'
import { ageBands, clientGroups, genders, supportNeeds } from '#app/domain/report-fields.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { createMunicipality, createOrganisation, createTeam, createUser } from '#tests/factories/index.ts'

export const statisticsReportCount = 1_000_000
/** Submissions spread evenly over these two years; the timed period is the second calendar year in full. */
const firstDay = '2024-07-01'
const spanDays = 730
export const statisticsPeriod = { from: '2025-01-01', to: '2025-12-31' } as const
/** The share of submitted reports that get feedback from someone other than their author. */
export const feedbackShare = 0.6

const municipalityNames = [
  'Kuopio',
  'Siilinjärvi',
  'Iisalmi',
  'Varkaus',
  'Suonenjoki',
  'Leppävirta',
  'Pieksämäki',
  'Lapinlahti',
  'Kiuruvesi',
  'Sonkajärvi',
  'Tuusniemi',
  'Rautalampi',
  'Keitele',
  'Vesanto',
  'Tervo',
  'Rautavaara',
  'Vieremä',
  'Pielavesi',
]
const teamCount = 8
const authorsPerTeam = 4

export interface StatisticsData {
  organisationId: string
  reports: number
  events: number
}

/**
 * One organisation of its own with a million reports, so its figures are not mixed with the review-queue
 * organisation's. Every row is drawn in SQL after a fixed setseed: arrays are a random run of one to three
 * consecutive values of each list (so never a duplicate), a tenth leave age bands or genders out, municipalities
 * are skewed towards the first ones and 3 % have none, and statuses follow the demo's lifecycle weights. Titles
 * are short and descriptions empty: the figures never read them, and the full-text index would only slow the
 * load.
 */
export async function seedStatisticsData(db: AppDb): Promise<StatisticsData> {
  return db.transaction().execute(async (trx) => {
    const organisation = await createOrganisation(trx, 'Pohjois-Savon hyvinvointialue (tilastot)')
    const municipalityIds: string[] = []
    for (const name of municipalityNames) {
      municipalityIds.push((await createMunicipality(trx, organisation.id, name)).id)
    }
    const teamIds: string[] = []
    const authorIds: string[] = []
    for (let team = 0; team < teamCount; team++) {
      const teamId = (await createTeam(trx, organisation.id, `Sosiaalityön tiimi ${team + 1}`)).id
      teamIds.push(teamId)
      for (let slot = 0; slot < authorsPerTeam; slot++) {
        const author = await createUser(trx, {
          organisationId: organisation.id,
          roles: ['worker'],
          teamIds: [teamId],
          email: `tilasto-${team + 1}-${slot + 1}@bench.example.org`,
        })
        authorIds.push(author.id)
      }
    }
    const reviewerIds: string[] = []
    for (let index = 0; index < 3; index++) {
      const reviewer = await createUser(trx, {
        organisationId: organisation.id,
        roles: ['team_lead'],
        teamIds,
        email: `tilasto-vetaja-${index + 1}@bench.example.org`,
      })
      reviewerIds.push(reviewer.id)
    }

    await skipForeignKeyChecks(trx)
    await sql`select setseed(0.4242)`.execute(trx)
    const reports = await insertReports(trx, { organisationId: organisation.id, municipalityIds, teamIds, authorIds })
    const events = await insertEvents(trx, organisation.id, reviewerIds)
    return { organisationId: organisation.id, reports, events }
  })
}

/**
 * The ids written are those of rows this transaction just created, so the foreign-key checks could only pass;
 * skipping them (as pg_restore does) takes about 40 % off the load. Only a superuser may; anyone else pays.
 */
async function skipForeignKeyChecks(db: AppDb) {
  const { rows } = await sql<{
    superuser: boolean
  }>`select current_setting('is_superuser') = 'on' as superuser`.execute(db)
  if (rows[0]?.superuser) await sql`set local session_replication_role = replica`.execute(db)
}

/** Each list twice over, so that a run starting near its end wraps round: `(list || list)[start : start + extra]`. */
const doubled = (values: readonly string[]) => sql`(${[...values, ...values]}::text[])`

/** A run of one to `most` consecutive values of the list; `none` of the rows get an empty array instead. */
function runOf(values: readonly string[], name: string, none = 0) {
  const start = sql.ref(`d.${name}_start`)
  const extra = sql.ref(`d.${name}_extra`)
  const run = sql`${doubled(values)}[${start} : ${start} + ${extra}]`
  return none === 0 ? run : sql`case when ${sql.ref(`d.${name}_roll`)} < ${none} then '{}'::text[] else ${run} end`
}

/** The random draws a run needs, as columns of the draws CTE. */
function drawsOf(values: readonly string[], name: string, most: number) {
  return sql`1 + floor(random() * ${values.length})::int as ${sql.ref(`${name}_start`)},
    floor(random() * ${most})::int as ${sql.ref(`${name}_extra`)}, random() as ${sql.ref(`${name}_roll`)}`
}

async function insertReports(
  db: AppDb,
  ids: { organisationId: string; municipalityIds: string[]; teamIds: string[]; authorIds: string[] },
): Promise<number> {
  // Lifecycle weights as in the review-queue seed: 7 % drafts, 3 % withdrawn.
  const statuses = [
    'draft',
    'submitted',
    'in_review',
    'changes_requested',
    'forwarded',
    'on_agenda',
    'decided',
    'in_welfare_report',
    'closed',
    'withdrawn',
  ]
  const lowerBounds = [0, 0.07, 0.22, 0.37, 0.42, 0.52, 0.57, 0.67, 0.77, 0.97]
  const result = await sql`
    with d as materialized (
      select
        floor(random() * ${ids.authorIds.length})::int as author_no,
        random() as municipality_roll,
        floor(power(random(), 1.6) * ${ids.municipalityIds.length})::int as municipality_no,
        (${statuses}::text[])[width_bucket(random(), ${lowerBounds}::float8[])] as status,
        ${firstDay}::timestamptz + random() * ${spanDays} * interval '1 day' as submitted_at,
        random() < 0.2 as positive,
        ${drawsOf(supportNeeds, 'need', 3)},
        ${drawsOf(clientGroups, 'group', 2)},
        ${drawsOf(ageBands, 'age', 2)},
        ${drawsOf(genders, 'gender', 2)}
      from generate_series(1, ${statisticsReportCount})
    )
    insert into reports (
      organisation_id, team_id, author_id, municipality_id, status, title, support_needs, client_groups,
      age_bands, genders, positive, no_identifying_data_confirmed, created_at, updated_at, submitted_at
    )
    select
      ${ids.organisationId}::uuid,
      (${ids.teamIds}::uuid[])[1 + d.author_no / ${authorsPerTeam}],
      (${ids.authorIds}::uuid[])[1 + d.author_no],
      case when d.municipality_roll < 0.03 then null else (${ids.municipalityIds}::uuid[])[1 + d.municipality_no] end,
      d.status,
      'Tilastoraportti',
      ${runOf(supportNeeds, 'need')},
      ${runOf(clientGroups, 'group')},
      ${runOf(ageBands, 'age', 0.1)},
      ${runOf(genders, 'gender', 0.1)},
      d.positive,
      d.status <> 'draft',
      d.submitted_at - interval '1 day',
      d.submitted_at,
      case when d.status = 'draft' then null else d.submitted_at end
    from d
  `.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/**
 * Feedback on 60 % of the submitted reports: a reviewer's first step 0–30 days after submission, for a third of
 * them a second, later one. Events that must not count are there too, as in real histories: the author's own
 * step after submitting (a quarter of the reports) and a reviewer's step before the submission (a tenth).
 */
async function insertEvents(db: AppDb, organisationId: string, reviewerIds: string[]): Promise<number> {
  const result = await sql`
    insert into report_events (report_id, organisation_id, actor_id, type, from_status, to_status, created_at)
    select r.id, r.organisation_id, e.actor_id, 'status_changed', null, null, e.created_at
    from (
      select id, organisation_id, author_id, submitted_at, random() as roll, random() as wait,
        (${reviewerIds}::uuid[])[1 + floor(random() * ${reviewerIds.length})::int] as reviewer_id
      from reports
      where organisation_id = ${organisationId} and submitted_at is not null
    ) as r
    cross join lateral (values
      (case when r.roll < ${feedbackShare} then r.reviewer_id end, r.submitted_at + r.wait * interval '30 days'),
      (case when r.roll < ${feedbackShare / 3} then r.reviewer_id end, r.submitted_at + interval '45 days'),
      (case when r.roll > 0.75 then r.author_id end, r.submitted_at + r.wait * interval '2 days'),
      (case when r.roll > 0.9 then r.reviewer_id end, r.submitted_at - interval '3 days')
    ) as e(actor_id, created_at)
    where e.actor_id is not null
  `.execute(db)
  return Number(result.numAffectedRows ?? 0)
}
