import { sql } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'

/**
 * What a cached row holds: every report figure of one period and filter (statistics.server.ts), or the feedback
 * times of one scope and period (feedback-times.server.ts).
 */
export type StatisticsKind = 'report_statistics' | 'feedback_times'

/**
 * The organisation's statistics generation, read BEFORE the figures are computed: a write committed meanwhile
 * moves the generation on, so figures that may have missed it are stored under the older generation and never
 * served (ADR 031).
 */
async function currentGeneration(db: AppDb, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('statistics_generations')
    .select(sql<string>`generation::text`.as('generation'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return row?.generation ?? '0'
}

/**
 * Figures computed once per generation and reused: the cached ones when no write has changed what they read since
 * they were computed, otherwise `compute()`'s, stored for the next reader.
 */
export async function cachedStatistics<Figures>(
  db: AppDb,
  entry: { organisationId: string; kind: StatisticsKind; key: string },
  compute: () => Promise<Figures>,
): Promise<Figures> {
  const generation = await currentGeneration(db, entry.organisationId)
  const cached = await db
    .selectFrom('statistics_cache')
    .select('figures')
    .where('organisation_id', '=', entry.organisationId)
    .where('kind', '=', entry.kind)
    .where('key', '=', entry.key)
    .where('generation', '=', sql<string>`${generation}::bigint`)
    .executeTakeFirst()
  if (cached) return cached.figures as Figures
  const figures = await compute()
  await db
    .insertInto('statistics_cache')
    .values({
      organisation_id: entry.organisationId,
      kind: entry.kind,
      key: entry.key,
      generation: sql<string>`${generation}::bigint`,
      figures: JSON.stringify(figures),
    })
    .onConflict((conflict) =>
      conflict
        .columns(['organisation_id', 'kind', 'key'])
        .doUpdateSet((eb) => ({
          generation: eb.ref('excluded.generation'),
          figures: eb.ref('excluded.figures'),
          computed_at: sql<Date>`now()`,
        }))
        // Two readers racing: the one that saw the later generation keeps its figures.
        .where('statistics_cache.generation', '<', (eb) => eb.ref('excluded.generation')),
    )
    .execute()
  return figures
}
