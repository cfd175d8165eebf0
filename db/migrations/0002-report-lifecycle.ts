import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `create extension if not exists pg_trgm`,
    `alter table organisations add column identifying_names text[] not null default '{}'`,
    `create table committees (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null,
      created_at timestamptz not null default now(),
      unique (organisation_id, name)
    )`,
    `alter table reports add column committee_id uuid references committees(id)`,
    `alter table reports add column identifiability_findings jsonb not null default '[]'`,
    `create index reports_search_idx on reports
      using gin (to_tsvector('finnish', title || ' ' || description))`,
    `create index reports_title_trgm_idx on reports using gin (title gin_trgm_ops)`,
    `create index reports_status_idx on reports (organisation_id, status)`,
    `create table phenomena (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      title text not null,
      description text not null default '',
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`,
    `create table phenomenon_reports (
      phenomenon_id uuid not null references phenomena(id) on delete cascade,
      report_id uuid not null references reports(id) on delete cascade,
      linked_by uuid not null references users(id),
      linked_at timestamptz not null default now(),
      primary key (phenomenon_id, report_id)
    )`,
    `create index phenomenon_reports_report_idx on phenomenon_reports (report_id)`,
    `create table report_events (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references reports(id),
      organisation_id uuid not null references organisations(id),
      actor_id uuid not null references users(id),
      type text not null check (type in ('created', 'status_changed', 'phenomenon_linked', 'phenomenon_unlinked')),
      from_status text,
      to_status text,
      comment text,
      resolution text check (resolution in ('resolved_in_team', 'no_further_action')),
      committee_id uuid references committees(id),
      phenomenon_id uuid references phenomena(id),
      created_at timestamptz not null default clock_timestamp()
    )`,
    `create index report_events_report_idx on report_events (report_id, created_at)`,
    `create function forbid_report_event_change() returns trigger language plpgsql as $$ begin raise exception 'report events are immutable'; end $$`,
    `create trigger report_events_immutable before update or delete on report_events
      for each row execute function forbid_report_event_change()`,
    `create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`,
    `create index api_tokens_user_idx on api_tokens (user_id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `drop table api_tokens`,
    `drop table report_events`,
    `drop function forbid_report_event_change`,
    `drop table phenomenon_reports`,
    `drop table phenomena`,
    `alter table reports drop column identifiability_findings`,
    `alter table reports drop column committee_id`,
    `drop table committees`,
    `alter table organisations drop column identifying_names`,
  ])
}
