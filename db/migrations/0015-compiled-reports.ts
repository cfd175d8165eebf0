import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // Whether the organisation shows its published compiled reports on a public page without sign-in.
    `alter table organisations add column public_social_reports boolean not null default false`,
    // A compiled social report (koottu sosiaalinen raportti): a narrative over chosen phenomena and indicators.
    `create table compiled_reports (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      title text not null,
      narrative text not null default '',
      stage text not null default 'draft' check (stage in ('draft', 'comment_round', 'approved', 'published', 'sent')),
      version integer not null default 1,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      approved_by uuid references users(id),
      approved_at timestamptz,
      published_at timestamptz,
      sent_at timestamptz,
      check ((stage in ('approved', 'published', 'sent')) = (approved_at is not null))
    )`,
    `create index compiled_reports_organisation_idx on compiled_reports (organisation_id, updated_at desc)`,
    `create table compiled_report_phenomena (
      compiled_report_id uuid not null references compiled_reports(id) on delete cascade,
      phenomenon_id uuid not null references phenomena(id) on delete cascade,
      primary key (compiled_report_id, phenomenon_id)
    )`,
    `create index compiled_report_phenomena_phenomenon_idx on compiled_report_phenomena (phenomenon_id)`,
    // Figures the organisation imports (Sotkanet/THL, Kela, unemployment): the app cannot fetch them itself.
    `create table indicator_series (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null,
      source text not null,
      unit text not null default '',
      imported_at timestamptz not null default now(),
      imported_by uuid not null references users(id)
    )`,
    `create index indicator_series_organisation_idx on indicator_series (organisation_id, name)`,
    `create table indicator_values (
      series_id uuid not null references indicator_series(id) on delete cascade,
      area text not null,
      period text not null check (period ~ '^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$'),
      value numeric not null,
      primary key (series_id, area, period)
    )`,
    `create table compiled_report_indicators (
      compiled_report_id uuid not null references compiled_reports(id) on delete cascade,
      series_id uuid not null references indicator_series(id) on delete cascade,
      primary key (compiled_report_id, series_id)
    )`,
    // Any user of the organisation may review (staff now, contributors later), so only the user is named.
    `create table compiled_report_reviewers (
      compiled_report_id uuid not null references compiled_reports(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      added_at timestamptz not null default now(),
      primary key (compiled_report_id, user_id)
    )`,
    `create table compiled_report_comments (
      id uuid primary key default gen_random_uuid(),
      compiled_report_id uuid not null references compiled_reports(id) on delete cascade,
      author_id uuid not null references users(id),
      text text not null,
      created_at timestamptz not null default now(),
      answer text,
      answered_by uuid references users(id),
      answered_at timestamptz,
      check ((answer is null) = (answered_at is null))
    )`,
    `create index compiled_report_comments_report_idx on compiled_report_comments (compiled_report_id, created_at)`,
  ])
}
