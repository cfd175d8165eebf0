import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // Stemmed once when a report is written, not again for every row a search looks at (ADR 028).
    `alter table reports add column search_vector tsvector
      generated always as (to_tsvector('finnish', title || ' ' || description)) stored`,
    `create index reports_search_vector_idx on reports using gin (search_vector)`,
    `drop index reports_search_idx`,
    // The titles nearest to a typed title come from the index in order, so the lookup reads only a few of them;
    // a wide signature keeps the index selective for titles of several words.
    `drop index reports_title_trgm_idx`,
    `create index reports_title_trgm_idx on reports using gist (title gist_trgm_ops(siglen = 256))`,
    // The writer of a report says it is about the same phenomenon as another report of the organisation.
    `create table report_same_phenomenon (
      report_id uuid not null references reports(id) on delete cascade,
      same_as_report_id uuid not null references reports(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      marked_at timestamptz not null default now(),
      primary key (report_id, same_as_report_id),
      check (report_id <> same_as_report_id)
    )`,
    `create index report_same_phenomenon_same_as_idx on report_same_phenomenon (same_as_report_id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `drop table report_same_phenomenon`,
    `drop index reports_title_trgm_idx`,
    `create index reports_title_trgm_idx on reports using gin (title gin_trgm_ops)`,
    `create index reports_search_idx on reports using gin (to_tsvector('finnish', title || ' ' || description))`,
    `drop index reports_search_vector_idx`,
    `alter table reports drop column search_vector`,
  ])
}
