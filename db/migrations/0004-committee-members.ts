import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create table committee_members (
      committee_id uuid not null references committees(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('chair', 'secretary', 'member')),
      added_at timestamptz not null default now(),
      primary key (committee_id, user_id)
    )`,
    // The app checks "one chair per committee" with a clear message; this index is the last line of defence.
    `create unique index committee_members_one_chair_idx on committee_members (committee_id) where role = 'chair'`,
    `create index committee_members_user_idx on committee_members (user_id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [`drop table committee_members`])
}
