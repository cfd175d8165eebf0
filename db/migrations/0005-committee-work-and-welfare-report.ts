import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `alter table organisations add column small_count_threshold integer not null default 5
      check (small_count_threshold between 1 and 100)`,
    `create table meetings (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      committee_id uuid not null references committees(id) on delete cascade,
      starts_at timestamptz not null,
      place text not null default '',
      published_at timestamptz,
      published_by uuid references users(id),
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create index meetings_organisation_idx on meetings (organisation_id, starts_at desc)`,
    `create index meetings_committee_idx on meetings (committee_id, starts_at desc)`,
    // Deferred so that reordering can swap positions inside one transaction.
    `create table agenda_items (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      meeting_id uuid not null references meetings(id) on delete cascade,
      position integer not null,
      title text not null,
      summary text not null default '',
      proposal text not null default '',
      decision text check (decision in ('noted', 'decided', 'returned', 'tabled')),
      decision_text text,
      decided_by uuid references users(id),
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint agenda_items_position_key unique (meeting_id, position) deferrable initially deferred
    )`,
    `create table agenda_item_phenomena (
      agenda_item_id uuid not null references agenda_items(id) on delete cascade,
      phenomenon_id uuid not null references phenomena(id) on delete cascade,
      primary key (agenda_item_id, phenomenon_id)
    )`,
    // Reports linked directly, and at publishing the forwarded reports of the linked phenomena.
    `create table agenda_item_reports (
      agenda_item_id uuid not null references agenda_items(id) on delete cascade,
      report_id uuid not null references reports(id) on delete cascade,
      via_phenomenon_id uuid references phenomena(id) on delete set null,
      primary key (agenda_item_id, report_id)
    )`,
    `create index agenda_item_reports_report_idx on agenda_item_reports (report_id)`,
    // A proposed action belongs to a report or, drafted by a coordinator, to a phenomenon.
    `alter table proposed_actions alter column report_id drop not null`,
    `alter table proposed_actions add column phenomenon_id uuid references phenomena(id) on delete cascade`,
    `alter table proposed_actions add constraint proposed_actions_owner_check
      check ((report_id is null) <> (phenomenon_id is null))`,
    `create unique index proposed_actions_phenomenon_position_idx on proposed_actions (phenomenon_id, position)
      where phenomenon_id is not null`,
    `alter table proposed_actions add column outcome text
      check (outcome in ('accepted', 'adapted', 'rejected', 'done'))`,
    `alter table proposed_actions add column outcome_reason text`,
    `alter table proposed_actions add column outcome_by uuid references users(id)`,
    `alter table proposed_actions add column outcome_at timestamptz`,
    `create table welfare_reports (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      title text not null,
      period_start date not null,
      period_end date not null,
      introduction text not null default '',
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (period_end >= period_start)
    )`,
    `create index welfare_reports_organisation_idx on welfare_reports (organisation_id, period_start desc)`,
    `create table welfare_report_sections (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      welfare_report_id uuid not null references welfare_reports(id) on delete cascade,
      position integer not null,
      title text not null,
      category text,
      body text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint welfare_report_sections_position_key unique (welfare_report_id, position)
        deferrable initially deferred
    )`,
    `create table welfare_section_phenomena (
      section_id uuid not null references welfare_report_sections(id) on delete cascade,
      phenomenon_id uuid not null references phenomena(id) on delete cascade,
      primary key (section_id, phenomenon_id)
    )`,
    `create table welfare_section_reports (
      section_id uuid not null references welfare_report_sections(id) on delete cascade,
      report_id uuid not null references reports(id) on delete cascade,
      via_phenomenon_id uuid references phenomena(id) on delete set null,
      primary key (section_id, report_id)
    )`,
    `create index welfare_section_reports_report_idx on welfare_section_reports (report_id)`,
    `alter table report_events drop constraint report_events_type_check`,
    `alter table report_events add constraint report_events_type_check check (type in (
      'created', 'status_changed', 'phenomenon_linked', 'phenomenon_unlinked', 'action_outcome',
      'welfare_report_included'))`,
    `alter table report_events add column agenda_item_id uuid references agenda_items(id)`,
    `alter table report_events add column decision text
      check (decision in ('noted', 'decided', 'returned', 'tabled'))`,
    `alter table report_events add column proposed_action_id uuid references proposed_actions(id)`,
    `alter table report_events add column action_outcome text
      check (action_outcome in ('accepted', 'adapted', 'rejected', 'done'))`,
    `alter table report_events add column welfare_report_section_id uuid references welfare_report_sections(id)`,
    // The statistics read one organisation's reports submitted in a period.
    `create index reports_submitted_idx on reports (organisation_id, submitted_at)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `drop index reports_submitted_idx`,
    `alter table report_events drop column welfare_report_section_id`,
    `alter table report_events drop column action_outcome`,
    `alter table report_events drop column proposed_action_id`,
    `alter table report_events drop column decision`,
    `alter table report_events drop column agenda_item_id`,
    `alter table report_events drop constraint report_events_type_check`,
    `alter table report_events add constraint report_events_type_check check (type in (
      'created', 'status_changed', 'phenomenon_linked', 'phenomenon_unlinked'))`,
    `drop table welfare_section_reports`,
    `drop table welfare_section_phenomena`,
    `drop table welfare_report_sections`,
    `drop table welfare_reports`,
    `alter table proposed_actions drop column outcome_at`,
    `alter table proposed_actions drop column outcome_by`,
    `alter table proposed_actions drop column outcome_reason`,
    `alter table proposed_actions drop column outcome`,
    `drop index proposed_actions_phenomenon_position_idx`,
    `alter table proposed_actions drop constraint proposed_actions_owner_check`,
    `alter table proposed_actions drop column phenomenon_id`,
    `alter table proposed_actions alter column report_id set not null`,
    `drop table agenda_item_reports`,
    `drop table agenda_item_phenomena`,
    `drop table agenda_items`,
    `drop table meetings`,
    `alter table organisations drop column small_count_threshold`,
  ])
}
