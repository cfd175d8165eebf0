import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // Experts by experience, client councils' secretaries and partner professionals sign in as contributors.
    `alter table memberships drop constraint memberships_roles_check`,
    `alter table memberships add constraint memberships_roles_check check (roles <@ array[
      'worker', 'team_lead', 'coordinator', 'committee_member', 'admin', 'contributor']::text[])`,
    // An organisation can turn the contributor channel off; its contributors then cannot sign in or act.
    `alter table organisations add column contributors_enabled boolean not null default true`,
    // Coordinators open a phenomenon for views; contributors see only its title and this public summary.
    `alter table phenomena add column open_for_views boolean not null default false`,
    `alter table phenomena add column public_summary text not null default ''`,
    // An observation or view from a contributor, or a client's view recorded by a worker on the client's behalf;
    // its subject is a phenomenon, a compiled report's draft, or nothing (an observation of the contributor's own).
    `create table contributions (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      author_id uuid not null references users(id),
      kind text not null check (kind in ('observation', 'view', 'client_view')),
      phenomenon_id uuid references phenomena(id) on delete set null,
      compiled_report_id uuid references compiled_reports(id) on delete set null,
      forum text not null check (forum in (
        'asiakasraati', 'kokemusasiantuntijaryhma', 'kela', 'jarjesto', 'seurakunta', 'terveydenhuolto',
        'asiakas', 'muu')),
      text text not null check (length(text) between 1 and 4000),
      created_at timestamptz not null default now()
    )`,
    `create index contributions_author_idx on contributions (organisation_id, author_id, created_at desc)`,
    `create index contributions_phenomenon_idx on contributions (phenomenon_id) where phenomenon_id is not null`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `drop table contributions`,
    `alter table phenomena drop column public_summary`,
    `alter table phenomena drop column open_for_views`,
    `alter table organisations drop column contributors_enabled`,
    `alter table memberships drop constraint memberships_roles_check`,
    `alter table memberships add constraint memberships_roles_check check (roles <@ array[
      'worker', 'team_lead', 'coordinator', 'committee_member', 'admin']::text[])`,
  ])
}
