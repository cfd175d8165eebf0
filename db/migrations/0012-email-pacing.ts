import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // The emails sent together in one batch request keep its idempotency key until each is sent or dead, so a
    // batch retried after a lost answer goes out with the same members under the same key.
    `alter table email_jobs add column batch_key text`,
    `create index email_jobs_batch_idx on email_jobs (batch_key) where batch_key is not null`,
    // One row for every worker process: the earliest moment the next request to the provider may leave.
    `create table email_send_pacing (
      id boolean primary key default true check (id),
      next_request_at timestamptz not null default now()
    )`,
    `insert into email_send_pacing default values`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `drop table email_send_pacing`,
    `drop index email_jobs_batch_idx`,
    `alter table email_jobs drop column batch_key`,
  ])
}
