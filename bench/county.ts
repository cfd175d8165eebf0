import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { type AppDb } from '#app/utils/db.server.ts'
import { createCommittee, createUser, testPassword } from '#tests/factories/index.ts'
import { openMigratedBenchDatabase } from './database.ts'
import { startAppServer } from './servers.ts'
import { signIn } from './sign-in.ts'
import { seedStatisticsData, statisticsPeriod, statisticsReportCount } from './statistics-seed.ts'

/** Issue 15's county: a million reports, 5,000 users, and a lead with 37,000 unread notifications. */
const countyUserCount = 5000
const leadUnreadCount = 37_000
const phenomenonCount = 300
const reportsPerPhenomenon = 12
const welfareSectionCount = 6

/** Goal 2 of issue 15: what every page must stay within. */
const limits = { pageMs: 1000, pageBytes: 2_000_000, serverRssBytes: 500_000_000 }

interface CountyData {
  organisationId: string
  coordinator: { email: string; password: string }
  lead: { email: string; password: string }
  meetingId: string
  welfareReportId: string
}

export interface Figure {
  name: string
  measured: number
  limit: number
  unit: 'ms' | 'bytes'
}

/**
 * The county profile: seeds its data into the given database (it adds an organisation of its own, so it may share
 * a database with other steps), starts the app as `npm start` does, times each heavy page once as a browser would
 * ask for it, and returns one figure per page time, page size and the server's peak memory.
 */
export async function measureCounty(databaseUrl: string): Promise<Figure[]> {
  const database = await openMigratedBenchDatabase(databaseUrl)
  let data: CountyData
  try {
    step(
      `County profile: seeding ${formatInteger(statisticsReportCount)} reports, ${formatInteger(countyUserCount)} users…`,
    )
    const started = performance.now()
    data = await seedCounty(database.db)
    step(`Seeded, vacuumed and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
  } finally {
    await database.close()
  }
  const workDir = await mkdtemp(path.join(tmpdir(), 'sr-county-'))
  try {
    step('Starting the app (npm start; it builds first if the sources changed)…')
    const app = await startAppServer(databaseUrl, path.join(workDir, 'data'))
    try {
      return await measurePages(app.url, data)
    } finally {
      await app.stop()
    }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

async function measurePages(baseUrl: string, data: CountyData): Promise<Figure[]> {
  const coordinator = await signIn(baseUrl, data.coordinator)
  const lead = await signIn(baseUrl, data.lead)
  const period = new URLSearchParams({ from: statisticsPeriod.from, to: statisticsPeriod.to })
  const welfare = `/welfare-reports/${data.welfareReportId}`
  // First views compute a period's figures; the goal holds every later view to the limit (ADR 031).
  const pages: { name: string; path: string; cookie: string }[] = [
    { name: 'dashboard, first view (computes)', path: `/dashboard?${period}`, cookie: coordinator },
    { name: 'dashboard, second view', path: `/dashboard?${period}`, cookie: coordinator },
    { name: 'welfare export, first view (computes)', path: `${welfare}/export.html`, cookie: coordinator },
    { name: 'welfare export, second view', path: `${welfare}/export.html`, cookie: coordinator },
    { name: 'welfare editor', path: welfare, cookie: coordinator },
    { name: 'meeting page', path: `/meetings/${data.meetingId}`, cookie: coordinator },
    { name: 'review search (coordinator)', path: '/review?q=Tilastoraportti', cookie: coordinator },
    { name: 'feedback page, first view (computes)', path: '/review/feedback', cookie: coordinator },
    { name: 'feedback page, second view', path: '/review/feedback', cookie: coordinator },
    { name: 'settings with the bell (lead)', path: '/settings', cookie: lead },
  ]
  const port = new URL(baseUrl).port
  const figures: Figure[] = []
  for (const page of pages) {
    step(`  GET ${page.path}`)
    const { ms, bytes } = await timedGet(`${baseUrl}${page.path}`, page.cookie)
    figures.push({ name: `${page.name}: time`, measured: ms, limit: limits.pageMs, unit: 'ms' })
    figures.push({ name: `${page.name}: HTML`, measured: bytes, limit: limits.pageBytes, unit: 'bytes' })
  }
  figures.push({
    name: 'server peak memory (RSS)',
    measured: await peakRssOfListener(port),
    limit: limits.serverRssBytes,
    unit: 'bytes',
  })
  return figures
}

/** One request as a browser sends it (uncompressed bytes are what the page weighs), read to the last byte. */
async function timedGet(url: string, cookie: string) {
  const started = performance.now()
  const response = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' })
  const body = Buffer.from(await response.arrayBuffer())
  const ms = performance.now() - started
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}, not 200`)
  return { ms, bytes: body.byteLength }
}

/** The app's peak resident memory (VmHWM), found by the port it listens on. */
async function peakRssOfListener(port: string): Promise<number> {
  const listing = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' })
  const pid = /pid=(\d+)/.exec(listing)?.[1]
  if (!pid) throw new Error(`no process found listening on port ${port}`)
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kilobytes = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1])
  return kilobytes * 1024
}

/**
 * The statistics seed's million reports, then around them what a county has: 5,000 people, a lead with 37,000
 * unread notifications, phenomena over forwarded and decided reports, a meeting being prepared and a welfare report
 * with sections. Bulk rows are written in SQL; the people who sign in get real passwords.
 */
async function seedCounty(db: AppDb): Promise<CountyData> {
  const { organisationId } = await seedStatisticsData(db)
  const data = await db.transaction().execute(async (trx) => {
    const teamIds = (
      await trx.selectFrom('teams').select('id').where('organisation_id', '=', organisationId).execute()
    ).map((team) => team.id)
    const coordinator = await createUser(trx, {
      organisationId,
      roles: ['coordinator', 'committee_member'],
      email: 'maakunta-koordinaattori@bench.example.org',
    })
    const lead = await createUser(trx, {
      organisationId,
      roles: ['team_lead'],
      teamIds,
      email: 'maakunta-vetaja@bench.example.org',
    })
    await insertPeople(trx, organisationId, teamIds, coordinator.id)
    await trx
      .insertInto('notifications')
      .columns(['organisation_id', 'user_id', 'event_id', 'report_id', 'reason'])
      .expression(
        trx
          .selectFrom('report_events')
          .select([
            'organisation_id',
            sql.lit(lead.id).as('user_id'),
            'id',
            'report_id',
            sql.lit('team_lead').as('reason'),
          ])
          .where('organisation_id', '=', organisationId)
          .limit(leadUnreadCount),
      )
      .execute()
    await insertPhenomena(trx, organisationId, coordinator.id)
    const committee = await createCommittee(trx, organisationId, 'Sosiaali- ja terveyslautakunta')
    const meeting = await trx
      .insertInto('meetings')
      .values({
        organisation_id: organisationId,
        committee_id: committee.id,
        starts_at: new Date('2026-03-10T14:00:00Z'),
        place: 'Valtuustosali',
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const welfareReport = await trx
      .insertInto('welfare_reports')
      .values({
        organisation_id: organisationId,
        title: 'Hyvinvointikertomus 2025',
        period_start: statisticsPeriod.from,
        period_end: statisticsPeriod.to,
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const categories = ['housing', 'financial', 'daily_living', 'social_inclusion', 'health_and_disability', null]
    await trx
      .insertInto('welfare_report_sections')
      .values(
        Array.from({ length: welfareSectionCount }, (_, index) => ({
          organisation_id: organisationId,
          welfare_report_id: welfareReport.id,
          position: index + 1,
          title: `Osio ${index + 1}`,
          category: categories[index % categories.length] ?? null,
        })),
      )
      .execute()
    return {
      organisationId,
      coordinator: { email: coordinator.email, password: testPassword },
      lead: { email: lead.email, password: testPassword },
      meetingId: meeting.id,
      welfareReportId: welfareReport.id,
    }
  })
  await sql`vacuum (analyze) reports, report_events, notifications, users, memberships, phenomena, phenomenon_reports`.execute(
    db,
  )
  return data
}

/** 5,000 workers spread over the teams; they never sign in, so they share the coordinator's password hash. */
async function insertPeople(db: AppDb, organisationId: string, teamIds: string[], hashFrom: string) {
  await sql`
    with people as (
      insert into users (email, name, locale, password_hash)
      select 'maakunta-' || n || '@bench.example.org', 'Työntekijä ' || n, 'fi',
        (select password_hash from users where id = ${hashFrom})
      from generate_series(1, ${countyUserCount}) as n
      returning id
    ), joined as (
      insert into memberships (user_id, organisation_id, roles)
      select id, ${organisationId}, '{worker}' from people
      returning user_id
    )
    insert into team_memberships (team_id, user_id)
    select (${teamIds}::uuid[])[1 + floor(random() * ${teamIds.length})::int], user_id from joined
  `.execute(db)
}

/** Phenomena over forwarded and decided reports, so both pickers have phenomena with counts to show. */
async function insertPhenomena(db: AppDb, organisationId: string, createdBy: string) {
  await sql`
    with created as (
      insert into phenomena (organisation_id, title, created_by)
      select ${organisationId}, 'Ilmiö ' || n, ${createdBy} from generate_series(1, ${phenomenonCount}) as n
      returning id
    ), numbered as (
      select id, row_number() over () as n from created
    ), chosen as (
      select id as report_id, row_number() over () as n
      from reports
      where organisation_id = ${organisationId} and status in ('forwarded', 'decided')
      limit ${phenomenonCount * reportsPerPhenomenon}
    )
    insert into phenomenon_reports (phenomenon_id, report_id, linked_by)
    select numbered.id, chosen.report_id, ${createdBy}
    from chosen join numbered on numbered.n = 1 + (chosen.n - 1) / ${reportsPerPhenomenon}
  `.execute(db)
}

/** One line per figure: measured, limit, ratio, and whether the goal is met. */
export function printCounty(figures: Figure[]) {
  console.log('\nCounty profile (issue 15 goal 2): one line per figure — measured, limit, ratio, goal met')
  const width = Math.max(...figures.map((figure) => figure.name.length))
  for (const figure of figures) {
    const ratio = figure.measured / figure.limit
    console.log(
      `  ${figure.name.padEnd(width)}  ${format(figure.measured, figure.unit).padStart(10)}  limit ${format(figure.limit, figure.unit).padStart(8)}  ratio ${ratio.toFixed(2).padStart(5)}  ${ratio <= 1 ? 'goal met' : 'GOAL NOT MET'}`,
    )
  }
}

function format(value: number, unit: Figure['unit']) {
  return unit === 'ms' ? `${value.toFixed(0)} ms` : `${(value / 1_000_000).toFixed(2)} MB`
}

const formatInteger = (value: number) => value.toLocaleString('en-US')
const step = (message: string) => console.log(message)

/**
 * `npm run bench:county` runs this profile alone, in a database of its own (so it never disturbs a full
 * `npm run bench` in sr_bench).
 */
async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
  const url = new URL(adminUrl)
  url.pathname = '/sr_bench_county'
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query('drop database if exists sr_bench_county with (force)')
    await admin.query('create database sr_bench_county')
  } finally {
    await admin.end()
  }
  printCounty(await measureCounty(url.toString()))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main()
  } catch (error) {
    console.error(`County benchmark failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
