import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // The description becomes editable; its version is the time of the last change (409 on a stale edit).
    `alter table phenomena add column updated_at timestamptz not null default now()`,
    // "Havaitsen saman": a worker's short supporting observation, counted in the phenomenon's evidence.
    `create table phenomenon_observations (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      phenomenon_id uuid not null references phenomena(id) on delete cascade,
      author_id uuid not null references users(id),
      municipality_id uuid references municipalities(id) on delete set null,
      client_estimate integer check (client_estimate >= 0),
      sentence text not null check (length(sentence) <= 300),
      created_at timestamptz not null default now()
    )`,
    `create index phenomenon_observations_phenomenon_idx on phenomenon_observations (phenomenon_id, created_at)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [`drop table phenomenon_observations`, `alter table phenomena drop column updated_at`])
}
