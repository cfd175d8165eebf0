import { sql } from 'kysely'
import { cellKeyModulus, type KeyedCountRow, type KeyedStatistics } from '#app/domain/disclosure-control.ts'
import {
  sortCountRows,
  type StatisticsDimension,
  statisticsDimensions,
  type StatisticsFilter,
} from '#app/domain/statistics.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { cachedStatistics } from './statistics-cache.server.ts'

/** Whose reports count: the whole organisation's (null) or only these teams' (statistics.server.ts callers). */
export type TeamScope = readonly string[] | null

/** The period's reports; which ones count is defined in app/domain/statistics.ts. */
function reportsInPeriod(db: AppDb, organisationId: string, filter: StatisticsFilter, teams: TeamScope) {
  return db
    .selectFrom('reports')
    .where('reports.organisation_id', '=', organisationId)
    .where('reports.submitted_at', '>=', sql<Date>`${filter.from}::date::timestamp at time zone 'Europe/Helsinki'`)
    .where('reports.submitted_at', '<', sql<Date>`(${filter.to}::date + 1)::timestamp at time zone 'Europe/Helsinki'`)
    .where('reports.status', 'not in', ['draft', 'withdrawn'])
    .$if(filter.category !== null, (qb) => qb.where(sql<boolean>`${filter.category} = any(reports.support_needs)`))
    .$if(filter.municipalityId !== null, (qb) => qb.where('reports.municipality_id', '=', filter.municipalityId))
    .$if(teams !== null, (qb) =>
      teams!.length === 0 ? qb.where(sql<boolean>`false`) : qb.where('reports.team_id', 'in', teams!),
    )
}

/** A cell's key: the sum of its reports' statistics keys, modulo a big number (domain/disclosure-control.ts). */
const modulus = sql.lit(cellKeyModulus)

const arrayColumns = {
  category: 'support_needs',
  clientGroup: 'client_groups',
  ageBand: 'age_bands',
  gender: 'genders',
} as const

const arrayDimensions = Object.keys(arrayColumns) as (keyof typeof arrayColumns)[]

/**
 * The row a report adds to one dimension's groups: (dimension, keys, municipality, quarter), the columns the
 * other dimensions use left null. A whole array is one group here; it is unnested only after counting, when a
 * few dozen distinct arrays are left instead of one row per report and value.
 */
function groupRowOf(dimension: StatisticsDimension) {
  const name = sql.lit(dimension)
  switch (dimension) {
    case 'category':
    case 'clientGroup':
    case 'ageBand':
    case 'gender':
      return sql`(${name}, period.${sql.ref(arrayColumns[dimension])}, null::uuid, null::timestamp)`
    case 'municipality':
      return sql`(${name}, null::text[], period.municipality_id, null::timestamp)`
    case 'quarter':
      return sql`(${name}, null::text[], null::uuid,
        date_trunc('quarter', period.submitted_at at time zone 'Europe/Helsinki'))`
  }
}

interface GroupRow extends KeyedCountRow {
  dimension: StatisticsDimension
}

/** Counts by the given dimensions in one query, each with its cell key; each list sorted as readers expect. */
export async function countReportsBy(
  db: AppDb,
  organisationId: string,
  filter: StatisticsFilter,
  dimensions: readonly StatisticsDimension[] = statisticsDimensions,
  teams: TeamScope = null,
): Promise<Record<StatisticsDimension, KeyedCountRow[]>> {
  if (dimensions.length === 0) return countRowsByDimension([])
  // One pass over the period: each report fans out into one row per dimension, all counted in one hash table.
  const period = reportsInPeriod(db, organisationId, filter, teams).select([
    'reports.statistics_key',
    'reports.submitted_at',
    'reports.municipality_id',
    'reports.support_needs',
    'reports.client_groups',
    'reports.age_bands',
    'reports.genders',
  ])
  const { rows } = await sql<GroupRow>`
    with groups as (
      select g.dimension, g.keys, g.municipality_id, g.quarter, count(*)::int as count,
        sum(period.statistics_key::bigint) as key_sum
      from (${period}) as period
      cross join lateral (values ${sql.join(dimensions.map(groupRowOf))}) as g(dimension, keys, municipality_id, quarter)
      group by 1, 2, 3, 4
    )
    select groups.dimension, value as key, sum(groups.count)::int as count,
      (sum(groups.key_sum) % ${modulus})::int as "cellKey"
    from groups cross join lateral unnest(groups.keys) as value
    where groups.dimension in (${sql.join(arrayDimensions.map((dimension) => sql.lit(dimension)))})
    group by 1, 2
    union all
    select groups.dimension, municipalities.name, sum(groups.count)::int, (sum(groups.key_sum) % ${modulus})::int
    from groups left join municipalities on municipalities.id = groups.municipality_id
    where groups.dimension = 'municipality'
    group by 1, 2
    union all
    select groups.dimension, to_char(groups.quarter, 'YYYY-"Q"Q'), groups.count, (groups.key_sum % ${modulus})::int
    from groups
    where groups.dimension = 'quarter'`.execute(db)
  return countRowsByDimension(rows)
}

/** Each dimension's rows, sorted as readers expect; a dimension not counted has none. */
function countRowsByDimension(rows: GroupRow[]): Record<StatisticsDimension, KeyedCountRow[]> {
  return Object.fromEntries(
    statisticsDimensions.map((dimension) => [
      dimension,
      sortCountRows(
        dimension,
        rows.filter((row) => row.dimension === dimension).map(({ key, count, cellKey }) => ({ key, count, cellKey })),
      ),
    ]),
  ) as Record<StatisticsDimension, KeyedCountRow[]>
}

export type ReportTotals = Omit<KeyedStatistics, 'byDimension'>

/**
 * Days from submission to first feedback, one row per report of the period that has had feedback. The same
 * definition as `feedbackEvents` in report.server.ts (statistics.test.ts checks both against raw rows), written
 * as a join so that PostgreSQL may hash-join a large period's events in parallel rather than look up each
 * report's events one at a time; for a small period it still chooses the index on report_events.
 */
function daysToFirstFeedback(db: AppDb, organisationId: string, filter: StatisticsFilter, teams: TeamScope) {
  return reportsInPeriod(db, organisationId, filter, teams)
    .innerJoin('report_events', (join) =>
      join
        .onRef('report_events.report_id', '=', 'reports.id')
        .onRef('report_events.actor_id', 'is distinct from', 'reports.author_id')
        .on('report_events.type', '!=', 'created')
        .onRef('report_events.created_at', '>', 'reports.submitted_at'),
    )
    .groupBy(['reports.id', 'reports.submitted_at', 'reports.statistics_key'])
    .select([
      sql<number>`extract(epoch from min(report_events.created_at) - reports.submitted_at) / 86400`.as('days'),
      'reports.statistics_key',
    ])
}

/** The period's totals, positive and negative, and feedback, with their cell keys, without the counts by dimension. */
export async function computeReportTotals(
  db: AppDb,
  organisationId: string,
  filter: StatisticsFilter,
  teams: TeamScope = null,
): Promise<ReportTotals> {
  const counts = reportsInPeriod(db, organisationId, filter, teams).select([
    sql<number>`count(*)::int`.as('total'),
    sql<number>`(count(*) filter (where reports.positive))::int`.as('positive'),
    sql<number>`(coalesce(sum(reports.statistics_key::bigint), 0) % ${modulus})::int`.as('total_key'),
    sql<number>`(coalesce(sum(reports.statistics_key::bigint) filter (where reports.positive), 0) % ${modulus})::int`.as(
      'positive_key',
    ),
    sql<number>`(coalesce(sum(reports.statistics_key::bigint) filter (where not reports.positive), 0) % ${modulus})::int`.as(
      'negative_key',
    ),
  ])
  const feedback = db
    .selectFrom(daysToFirstFeedback(db, organisationId, filter, teams).as('waits'))
    .select([
      sql<number>`count(*)::int`.as('with_feedback'),
      sql<number>`(coalesce(sum(waits.statistics_key::bigint), 0) % ${modulus})::int`.as('with_feedback_key'),
      sql<number | null>`round((percentile_cont(0.5) within group (order by waits.days))::numeric, 1)::float8`.as(
        'median_days',
      ),
    ])
  const totals = await db
    .selectFrom([counts.as('counts'), feedback.as('feedback')])
    .selectAll()
    .executeTakeFirstOrThrow()
  return {
    total: totals.total,
    positive: totals.positive,
    negative: totals.total - totals.positive,
    withFeedback: totals.with_feedback,
    medianDaysToFeedback: totals.median_days,
    cellKeys: {
      total: totals.total_key,
      positive: totals.positive_key,
      negative: totals.negative_key,
      withFeedback: totals.with_feedback_key,
    },
  }
}

/**
 * Every figure of the period: totals, positive and negative, feedback, and the counts by each dimension, each
 * with its cell key for perturbation (disclosure-control.ts).
 */
export async function computeReportStatistics(
  db: AppDb,
  organisationId: string,
  filter: StatisticsFilter,
  teams: TeamScope = null,
): Promise<KeyedStatistics> {
  const totals = await computeReportTotals(db, organisationId, filter, teams)
  return { ...totals, byDimension: await countReportsBy(db, organisationId, filter, statisticsDimensions, teams) }
}

/**
 * The same figures as `computeReportStatistics`, computed once per period and filter and reused until a write
 * changes what they count (statistics-cache.server.ts, ADR 031).
 */
export function getReportStatistics(
  db: AppDb,
  organisationId: string,
  filter: StatisticsFilter,
  teams: TeamScope = null,
): Promise<KeyedStatistics> {
  const key = JSON.stringify([
    filter.from,
    filter.to,
    filter.category,
    filter.municipalityId,
    teams === null ? null : [...teams].sort(),
  ])
  return cachedStatistics(db, { organisationId, kind: 'report_statistics', key }, () =>
    computeReportStatistics(db, organisationId, filter, teams),
  )
}

/** Counts below this are never shown outside the team (domain/statistics.ts suppressCount). */
export async function getSmallCountThreshold(db: AppDb, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select('small_count_threshold')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return row.small_count_threshold
}
