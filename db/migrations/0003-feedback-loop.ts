import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `alter table users add column email_delivery text not null default 'immediate'
      check (email_delivery in ('immediate', 'daily', 'none'))`,
    // An invited user has no password until they set one through the invitation link.
    `alter table users alter column password_hash drop not null`,
    `alter table organisations add column feedback_limit_days integer not null default 14
      check (feedback_limit_days between 1 and 365)`,
    `create table notifications (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      event_id uuid not null references report_events(id) on delete cascade,
      report_id uuid not null references reports(id) on delete cascade,
      reason text not null check (reason in ('author', 'team_lead', 'coordinator', 'follower')),
      created_at timestamptz not null default now(),
      read_at timestamptz,
      unique (user_id, event_id)
    )`,
    `create index notifications_user_idx on notifications (user_id, created_at desc)`,
    `create index notifications_unread_idx on notifications (user_id) where read_at is null`,
    `create table follows (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      report_id uuid references reports(id) on delete cascade,
      phenomenon_id uuid references phenomena(id) on delete cascade,
      created_at timestamptz not null default now(),
      check ((report_id is null) <> (phenomenon_id is null)),
      unique (user_id, report_id),
      unique (user_id, phenomenon_id)
    )`,
    `create index follows_report_idx on follows (report_id)`,
    `create index follows_phenomenon_idx on follows (phenomenon_id)`,
    `create table email_jobs (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid references organisations(id) on delete cascade,
      recipient_id uuid not null references users(id) on delete cascade,
      kind text not null check (kind in ('notification', 'digest', 'invitation', 'password_reset')),
      payload jsonb not null,
      idempotency_key text not null unique,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'dead')),
      attempts integer not null default 0,
      run_at timestamptz not null default now(),
      locked_until timestamptz,
      last_error text,
      to_address text,
      subject text,
      html text,
      text_body text,
      provider_message_id text,
      delivered_locally boolean not null default false,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`,
    `create index email_jobs_due_idx on email_jobs (run_at) where status in ('pending', 'sending')`,
    `create index email_jobs_status_idx on email_jobs (status, created_at desc)`,
    `create table user_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      purpose text not null check (purpose in ('invitation', 'password_reset')),
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create index user_tokens_user_idx on user_tokens (user_id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `drop table user_tokens`,
    `drop table email_jobs`,
    `drop table follows`,
    `drop table notifications`,
    `alter table organisations drop column feedback_limit_days`,
    `alter table users drop column email_delivery`,
  ])
}
