import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

const eventTypesBefore = `'created', 'status_changed', 'phenomenon_linked', 'phenomenon_unlinked', 'action_outcome',
  'welfare_report_included', 'sent_to_recipient', 'recipient_answered', 'sending_returned',
  'follow_up_created', 'follow_up_updated', 'follow_up_overdue', 'text_redacted'`

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // A report prepared together in a team meeting: which kind of meeting, and who else wrote it.
    `alter table reports add column prepared_in text
      check (prepared_in in ('team_meeting', 'supervision', 'other_team_meeting'))`,
    `create table report_co_authors (
      report_id uuid not null references reports(id) on delete cascade,
      user_id uuid not null references users(id),
      organisation_id uuid not null references organisations(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (report_id, user_id)
    )`,
    `create index report_co_authors_user_idx on report_co_authors (user_id, organisation_id)`,
    // A question asked on a report and its answer; both are also events, so they stay in the timeline.
    `create table report_questions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      report_id uuid not null references reports(id) on delete cascade,
      asked_by uuid not null references users(id),
      question text not null,
      asked_at timestamptz not null default now(),
      answered_by uuid references users(id),
      answer text,
      answered_at timestamptz,
      check ((answer is null) = (answered_at is null))
    )`,
    `create index report_questions_open_idx on report_questions (report_id) where answered_at is null`,
    `alter table report_events drop constraint report_events_type_check`,
    `alter table report_events add constraint report_events_type_check check (type in (
      ${eventTypesBefore}, 'question_asked', 'question_answered'))`,
    // Answers the organisation gives often, in its three languages; Finnish is always there.
    `create table response_templates (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null,
      text_fi text not null,
      text_sv text not null default '',
      text_en text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      archived_at timestamptz
    )`,
    `create index response_templates_organisation_idx on response_templates (organisation_id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `drop table response_templates`,
    `alter table report_events drop constraint report_events_type_check`,
    `alter table report_events add constraint report_events_type_check check (type in (${eventTypesBefore}))`,
    `drop table report_questions`,
    `drop table report_co_authors`,
    `alter table reports drop column prepared_in`,
  ])
}
