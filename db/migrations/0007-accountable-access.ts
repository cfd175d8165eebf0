import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // Who saw what and who changed what: appended, never changed; only the retention job removes old rows.
    `create table audit_log (
      id bigint generated always as identity primary key,
      organisation_id uuid references organisations(id) on delete cascade,
      actor_id uuid references users(id) on delete set null,
      api_token_id uuid references api_tokens(id) on delete set null,
      action text not null,
      target_type text,
      target_id text,
      details jsonb not null default '{}',
      created_at timestamptz not null default now()
    )`,
    `create index audit_log_organisation_idx on audit_log (organisation_id, created_at desc)`,
    `create index audit_log_actor_idx on audit_log (actor_id, created_at desc)`,
    `create index audit_log_target_idx on audit_log (target_type, target_id, created_at desc)`,
    `create function forbid_audit_log_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('app.audit_retention', true) = 'on' then return old; end if;
      raise exception 'the audit log is append-only';
    end $$`,
    `create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function forbid_audit_log_change()`,
    `alter table organisations add column audit_retention_years integer not null default 5
      check (audit_retention_years between 1 and 50)`,
    // An organisation whose staff all sign in through single sign-on may turn password sign-in off.
    `alter table organisations add column password_login boolean not null default true`,
    // A person signed in through an OpenID Connect provider: the provider's subject, linked to the user once.
    `create table user_identities (
      issuer text not null,
      subject text not null,
      user_id uuid not null references users(id) on delete cascade,
      email text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      primary key (issuer, subject)
    )`,
    `create index user_identities_user_idx on user_identities (user_id)`,
    // A departed user's account is emptied of personal data; the row stays for what others' records refer to.
    `alter table users add column removed_at timestamptz`,
    // The statistics' cell key: a fixed random number per report, so the same cell always gets the same noise.
    `alter table reports add column statistics_key integer not null
      default floor(random() * 2147483647)::integer`,
    // Events stay immutable, except that an admin's recorded redaction may replace a fragment of their text.
    `create or replace function forbid_report_event_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and current_setting('app.redacting', true) = 'on' then return new; end if;
      raise exception 'report events are immutable';
    end $$`,
    `alter table report_events drop constraint report_events_type_check`,
    `alter table report_events add constraint report_events_type_check check (type in (
      'created', 'status_changed', 'phenomenon_linked', 'phenomenon_unlinked', 'action_outcome',
      'welfare_report_included', 'sent_to_recipient', 'recipient_answered', 'sending_returned',
      'follow_up_created', 'follow_up_updated', 'follow_up_overdue', 'text_redacted'))`,
    // The first need of sosiaalihuoltolaki 11 § is coping with daily life; "necessary care and subsistence" is 12 §.
    // The code said the wrong thing, so it is renamed wherever it is stored.
    `update reports set support_needs = array_replace(support_needs, 'care_and_subsistence', 'daily_living')
      where 'care_and_subsistence' = any(support_needs)`,
    `update welfare_report_sections set category = 'daily_living' where category = 'care_and_subsistence'`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `update welfare_report_sections set category = 'care_and_subsistence' where category = 'daily_living'`,
    `update reports set support_needs = array_replace(support_needs, 'daily_living', 'care_and_subsistence')
      where 'daily_living' = any(support_needs)`,
    `alter table report_events drop constraint report_events_type_check`,
    `alter table report_events add constraint report_events_type_check check (type in (
      'created', 'status_changed', 'phenomenon_linked', 'phenomenon_unlinked', 'action_outcome',
      'welfare_report_included', 'sent_to_recipient', 'recipient_answered', 'sending_returned',
      'follow_up_created', 'follow_up_updated', 'follow_up_overdue'))`,
    `create or replace function forbid_report_event_change() returns trigger language plpgsql as $$
    begin raise exception 'report events are immutable'; end $$`,
    `alter table reports drop column statistics_key`,
    `alter table users drop column removed_at`,
    `drop table user_identities`,
    `alter table organisations drop column password_login`,
    `alter table organisations drop column audit_retention_years`,
    `drop trigger audit_log_append_only on audit_log`,
    `drop function forbid_audit_log_change()`,
    `drop table audit_log`,
  ])
}
