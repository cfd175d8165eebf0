import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { cellKeyModulus, type KeyedCountRow, type KeyedStatistics } from '#app/domain/disclosure-control.ts'
import {
  sortCountRows,
  type StatisticsDimension,
  statisticsDimensions,
  type StatisticsFilter,
} from '#app/domain/statistics.ts'
import { type Database } from '#app/models/database.ts'
import { computeReportStatistics } from '#app/models/statistics.server.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { openMigratedBenchDatabase } from './database.ts'
import { seedStatisticsData, statisticsPeriod, statisticsReportCount, type StatisticsData } from './statistics-seed.ts'

const runs = 5
const filter: StatisticsFilter = { ...statisticsPeriod, category: null, municipalityId: null }

export interface StatisticsResult {
  data: StatisticsData
  seedMs: number
  periodReports: number
  appMs: number[]
  handMs: number[]
  loadAtStart: number
  plans: { label: string; summary: string[] }[]
}

/**
 * Seeds a million reports into an organisation of their own, then times the app's `computeReportStatistics`
 * against the fastest single SQL statement we could write for the same figures, and refuses to report times
 * unless both give exactly the same figures.
 */
export async function measureStatistics(db: AppDb, databaseUrl: string): Promise<StatisticsResult> {
  const loadAtStart = loadavg()[0]!
  const seedStarted = performance.now()
  const data = await seedStatisticsData(db)
  await sql`vacuum (analyze) reports, report_events`.execute(db)
  const seedMs = performance.now() - seedStarted

  // One untimed run each reads the table into the caches, so neither side pays for the first read alone.
  const expected = await computeReportStatistics(db, data.organisationId, filter)
  assertSameFigures(expected, await handWrittenStatistics(db, data.organisationId, filter))
  const appMs: number[] = []
  const handMs: number[] = []
  // Alternating the two spreads any burst of other work on the machine over both.
  for (let run = 0; run < runs; run++) {
    appMs.push(await timed(() => computeReportStatistics(db, data.organisationId, filter), expected))
    handMs.push(await timed(() => handWrittenStatistics(db, data.organisationId, filter), expected))
  }
  const plans = await explainBoth(databaseUrl, data.organisationId)
  return { data, seedMs, periodReports: expected.total, appMs, handMs, loadAtStart, plans }
}

async function timed(run: () => Promise<KeyedStatistics>, expected: KeyedStatistics): Promise<number> {
  const started = performance.now()
  const figures = await run()
  const elapsed = performance.now() - started
  assertSameFigures(expected, figures)
  return elapsed
}

/** Counts and cell keys alike: the keys decide the perturbed figures that leave the server (ADR 025). */
function assertSameFigures(app: KeyedStatistics, hand: KeyedStatistics) {
  if (isDeepStrictEqual(app, hand)) return
  throw new Error(
    `the app and the hand-written SQL disagree:\n  app  ${JSON.stringify(app)}\n  hand ${JSON.stringify(hand)}`,
  )
}

interface FigureRow {
  dimension: StatisticsDimension | 'total'
  key: string | null
  count: number
  cell_key: number
  positive: number | null
  positive_key: number | null
  negative_key: number | null
  with_feedback: number | null
  with_feedback_key: number | null
  median_days: number | null
}

/** A cell's key: the sum of its reports' statistics keys modulo the modulus, as the app computes it. */
const modulus = sql.lit(cellKeyModulus)

/**
 * The same figures in one statement, written for speed rather than reuse: two parallel scans of the period's
 * reports in all, one hash-joined with the events and grouped per report for the first feedback, the other
 * fanning each report out into six (dimension, value) rows grouped in one hash table. Array columns are grouped
 * as whole arrays (a few dozen distinct ones) and unnested only afterwards; municipalities are grouped by id and
 * named afterwards; quarters are found by width_bucket over the quarters' first instants instead of formatting
 * every row's date. Every figure carries its cell key (the sum of its reports' statistics keys, ADR 025), summed
 * alongside the count in the same groups.
 */
function handWrittenStatistics(db: AppDb, organisationId: string, filter: StatisticsFilter) {
  return sql<FigureRow>`
    with period as not materialized (
      select r.id, r.author_id, r.submitted_at, r.positive, r.municipality_id, r.statistics_key,
        r.support_needs, r.client_groups, r.age_bands, r.genders
      from reports r
      where r.organisation_id = ${organisationId}
        and r.submitted_at >= ${filter.from}::date::timestamp at time zone 'Europe/Helsinki'
        and r.submitted_at < (${filter.to}::date + 1)::timestamp at time zone 'Europe/Helsinki'
        and r.status not in ('draft', 'withdrawn')
        ${filter.category === null ? sql`` : sql`and ${filter.category} = any(r.support_needs)`}
        ${filter.municipalityId === null ? sql`` : sql`and r.municipality_id = ${filter.municipalityId}`}
    ),
    quarters as (
      select array(
        select start at time zone 'Europe/Helsinki'
        from generate_series(date_trunc('quarter', ${filter.from}::date::timestamp), ${filter.to}::date::timestamp,
          interval '3 months') as start
      ) as starts
    ),
    feedback as (
      select extract(epoch from min(e.created_at) - r.submitted_at) / 86400 as days, r.statistics_key
      from period r join report_events e on e.report_id = r.id
      where e.actor_id <> r.author_id and e.type <> 'created' and e.created_at > r.submitted_at
      group by r.id, r.submitted_at, r.statistics_key
    ),
    feedback_totals as (
      select count(*)::int as with_feedback,
        (coalesce(sum(statistics_key::bigint), 0) % ${modulus})::int as with_feedback_key,
        round((percentile_cont(0.5) within group (order by days))::numeric, 1)::float8 as median_days
      from feedback
    ),
    groups as (
      select v.dimension, v.keys, v.municipality_id, v.quarter, count(*)::int as count,
        (count(*) filter (where r.positive))::int as positive,
        sum(r.statistics_key::bigint) as key_sum,
        sum(r.statistics_key::bigint) filter (where r.positive) as positive_key_sum,
        sum(r.statistics_key::bigint) filter (where not r.positive) as negative_key_sum
      from period r cross join lateral (values
        ('category', r.support_needs, null::uuid, null::int),
        ('clientGroup', r.client_groups, null, null),
        ('ageBand', r.age_bands, null, null),
        ('gender', r.genders, null, null),
        ('municipality', null, r.municipality_id, null),
        ('quarter', null, null, width_bucket(r.submitted_at, (select starts from quarters)))
      ) as v(dimension, keys, municipality_id, quarter)
      group by 1, 2, 3, 4
    )
    select 'total' as dimension, null as key, coalesce(sum(count), 0)::int as count,
      (coalesce(sum(key_sum), 0) % ${modulus})::int as cell_key,
      coalesce(sum(positive), 0)::int as positive,
      (coalesce(sum(positive_key_sum), 0) % ${modulus})::int as positive_key,
      (coalesce(sum(negative_key_sum), 0) % ${modulus})::int as negative_key,
      (select with_feedback from feedback_totals) as with_feedback,
      (select with_feedback_key from feedback_totals) as with_feedback_key,
      (select median_days from feedback_totals) as median_days
    from groups where dimension = 'municipality'
    union all
    select g.dimension, k.key, sum(g.count)::int, (sum(g.key_sum) % ${modulus})::int, null, null, null, null, null, null
    from groups g cross join lateral unnest(g.keys) as k(key)
    where g.keys is not null
    group by 1, 2
    union all
    select 'municipality', m.name, sum(g.count)::int, (sum(g.key_sum) % ${modulus})::int,
      null, null, null, null, null, null
    from groups g left join municipalities m on m.id = g.municipality_id
    where g.dimension = 'municipality'
    group by 2
    union all
    select 'quarter', to_char(q.starts[g.quarter] at time zone 'Europe/Helsinki', 'YYYY-"Q"Q'), g.count,
      (g.key_sum % ${modulus})::int, null, null, null, null, null, null
    from groups g cross join quarters q
    where g.dimension = 'quarter'
  `
    .execute(db)
    .then(({ rows }) => figuresFrom(rows))
}

function figuresFrom(rows: FigureRow[]): KeyedStatistics {
  const totals = rows.find((row) => row.dimension === 'total')!
  const byDimension = Object.fromEntries(
    statisticsDimensions.map((dimension): [StatisticsDimension, KeyedCountRow[]] => [
      dimension,
      sortCountRows(
        dimension,
        rows
          .filter((row) => row.dimension === dimension)
          .map(({ key, count, cell_key }) => ({ key, count, cellKey: cell_key })),
      ),
    ]),
  ) as Record<StatisticsDimension, KeyedCountRow[]>
  return {
    total: totals.count,
    positive: totals.positive!,
    negative: totals.count - totals.positive!,
    withFeedback: totals.with_feedback!,
    medianDaysToFeedback: totals.median_days,
    cellKeys: {
      total: totals.cell_key,
      positive: totals.positive_key!,
      negative: totals.negative_key!,
      withFeedback: totals.with_feedback_key!,
    },
    byDimension,
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements each side sends, captured from a logging connection so the app's
 * queries are exactly those computeReportStatistics runs; only the summary lines are kept.
 */
async function explainBoth(databaseUrl: string, organisationId: string) {
  const sent: CompiledQuery[] = []
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 2 }) }),
    log: (event) => {
      if (event.level === 'query') sent.push(event.query)
    },
  })
  try {
    await computeReportStatistics(db, organisationId, filter)
    const appQueries = sent.splice(0)
    await handWrittenStatistics(db, organisationId, filter)
    const handQueries = sent.splice(0)
    const plans: { label: string; summary: string[] }[] = []
    for (const [index, query] of appQueries.entries()) {
      plans.push({ label: `app query ${index + 1} of ${appQueries.length}`, summary: await explain(db, query) })
    }
    for (const query of handQueries) plans.push({ label: 'hand-written', summary: await explain(db, query) })
    return plans
  } finally {
    await db.destroy()
  }
}

async function explain(db: Kysely<Database>, query: CompiledQuery): Promise<string[]> {
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]),
  )
  const lines = result.rows.map((row) => row['QUERY PLAN'])
  // The root with its buffers, how reports and events were read, subplans, parallelism, spills, JIT and time.
  const interesting =
    /Scan on (reports|report_events)|Scan using \w+ on (reports|report_events)|SubPlan|CTE \w+$|Workers Launched|^\s*Sort Method: external|^\s*Timing:|Execution Time/
  return lines
    .filter((line, index) => index === 0 || (index === 1 && /Buffers/.test(line)) || interesting.test(line))
    .map((line) =>
      line
        .replace(/\s*\(cost=[^)]*\)/, '')
        .replace(/^(\s*)->\s+/, '$1')
        .slice(0, 150),
    )
}

export function printStatistics(result: StatisticsResult) {
  const app = median(result.appMs)
  const hand = median(result.handMs)
  const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ')
  console.log(`
Statistics for one year: computeReportStatistics (totals, feedback, six dimensions) for ${statisticsPeriod.from} – ${statisticsPeriod.to}
  data     ${formatInteger(result.data.reports)} reports and ${formatInteger(result.data.events)} events in an organisation of their own; ${formatInteger(result.periodReports)} reports in the period
           seeded, vacuumed and analysed in ${(result.seedMs / 1000).toFixed(1)} s (load average before: ${result.loadAtStart.toFixed(2)})
  app           median ${app.toFixed(0)} ms of ${runs} runs (${list(result.appMs)})
  hand-written  median ${hand.toFixed(0)} ms of ${runs} runs (${list(result.handMs)})
  ratio app / hand-written  ${(app / hand).toFixed(2)}×   (figures and their cell keys identical in every run)`)
  for (const plan of result.plans) {
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS), ${plan.label}:`)
    for (const line of plan.summary) console.log(`  ${line}`)
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = (sorted.length - 1) / 2
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2
}

const formatInteger = (value: number) => value.toLocaleString('en-US')

/**
 * `node --import tsx bench/statistics.ts` runs this step alone, in a database of its own (so it never disturbs a
 * full `npm run bench` in sr_bench).
 */
async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'
  const url = new URL(adminUrl)
  url.pathname = '/sr_bench_statistics'
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query('drop database if exists sr_bench_statistics with (force)')
    await admin.query('create database sr_bench_statistics')
  } finally {
    await admin.end()
  }
  const database = await openMigratedBenchDatabase(url.toString())
  try {
    console.log(`Seeding ${formatInteger(statisticsReportCount)} reports into sr_bench_statistics…`)
    printStatistics(await measureStatistics(database.db, url.toString()))
  } finally {
    await database.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main()
  } catch (error) {
    console.error(`Statistics benchmark failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
