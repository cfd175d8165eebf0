import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, script: string) {
  for (const statement of script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db)
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      slug text not null unique,
      created_at timestamptz not null default now()
    );

    create table municipalities (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null,
      created_at timestamptz not null default now(),
      unique (organisation_id, name)
    );

    create table teams (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      name text not null,
      created_at timestamptz not null default now(),
      unique (organisation_id, name)
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email)),
      name text not null,
      password_hash text not null,
      locale text not null default 'fi' check (locale in ('fi', 'sv', 'en')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table memberships (
      user_id uuid not null references users(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      roles text[] not null default '{}'
        check (roles <@ array['worker', 'team_lead', 'coordinator', 'committee_member', 'admin']::text[]),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      primary key (user_id, organisation_id)
    );
    create index memberships_organisation_idx on memberships (organisation_id);

    create table team_memberships (
      team_id uuid not null references teams(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      primary key (team_id, user_id)
    );
    create index team_memberships_user_idx on team_memberships (user_id);

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    create index sessions_user_idx on sessions (user_id);

    create table login_attempts (
      key text primary key,
      failures integer not null default 0,
      last_failure_at timestamptz not null default now()
    );

    create table reports (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      team_id uuid references teams(id) on delete set null,
      author_id uuid not null references users(id),
      municipality_id uuid references municipalities(id) on delete set null,
      status text not null default 'draft' check (status in (
        'draft', 'submitted', 'in_review', 'changes_requested', 'forwarded', 'on_agenda',
        'decided', 'in_welfare_report', 'closed', 'withdrawn')),
      title text not null,
      description text not null default '',
      observed_since date,
      support_needs text[] not null default '{}',
      client_groups text[] not null default '{}',
      age_bands text[] not null default '{}',
      genders text[] not null default '{}',
      client_count integer check (client_count >= 0),
      trend text check (trend in ('growing', 'stable', 'shrinking', 'unknown')),
      sectors text[] not null default '{}',
      causes text not null default '',
      consequences text not null default '',
      clients_participated boolean not null default false,
      positive boolean not null default false,
      no_identifying_data_confirmed boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz
    );
    create index reports_organisation_idx on reports (organisation_id, created_at desc);
    create index reports_team_idx on reports (team_id);
    create index reports_author_idx on reports (author_id);

    create table proposed_actions (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references reports(id) on delete cascade,
      position integer not null,
      description text not null,
      level text not null check (level in ('team', 'organisation', 'committee', 'national')),
      unique (report_id, position)
    );
  `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop table proposed_actions; drop table reports; drop table login_attempts; drop table sessions;
    drop table team_memberships; drop table memberships; drop table users; drop table teams;
    drop table municipalities; drop table organisations;
  `.replaceAll('; ', ';\n'),
  )
}
