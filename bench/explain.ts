import { CompiledQuery, Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { type Database, type ReportStatus } from '#app/models/database.ts'
import { listReviewQueue, type QueueFilters, type Viewer } from '#app/models/report.server.ts'

export interface ExplainedQuery {
  label: string
  plan: string[]
  indexesUsed: string[]
  sequentialScans: string[]
}

/** What the review route asks for on page 1: 20 rows plus one to know whether there is a next page. */
const firstPage = { limit: 21, offset: 0 }

/**
 * Runs the model's own `listReviewQueue` once on a connection that records the SQL it sends, so the plans
 * shown are of exactly the queries the page runs, with no copy of the query to drift from it.
 */
export async function explainReviewQueue(
  databaseUrl: string,
  viewer: Viewer,
  filters: QueueFilters,
): Promise<{ counts: Partial<Record<ReportStatus, number>>; queries: ExplainedQuery[] }> {
  const sent: CompiledQuery[] = []
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 2 }) }),
    log: (event) => {
      if (event.level === 'query') sent.push(event.query)
    },
  })
  try {
    const queue = await listReviewQueue(db, viewer, filters, firstPage)
    const pageQueries = [...sent]
    const queries: ExplainedQuery[] = []
    for (const query of pageQueries) queries.push(await explain(db, labelOf(query), query))
    return { counts: queue.counts, queries }
  } finally {
    await db.destroy()
  }
}

function labelOf(query: CompiledQuery): string {
  if (/\breport_list_versions\b/.test(query.sql)) return 'list version (counts are recomputed when it moves)'
  return /\bgroup by\b/i.test(query.sql) ? 'counts per status' : 'rows of the page'
}

async function explain(db: Kysely<Database>, label: string, query: CompiledQuery): Promise<ExplainedQuery> {
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]),
  )
  const plan = result.rows.map((row) => row['QUERY PLAN'])
  const text = plan.join('\n')
  return {
    label,
    plan,
    indexesUsed: unique([...text.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan) (?:using|on) (\w+)/g)]),
    sequentialScans: unique([...text.matchAll(/Seq Scan on (\w+)/g)]),
  }
}

function unique(matches: RegExpMatchArray[]): string[] {
  return [...new Set(matches.map((match) => match[1]!))]
}
