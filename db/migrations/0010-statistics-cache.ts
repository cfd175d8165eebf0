import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

/** The report columns a period's figures read (who counts, when, and by which dimension). */
const countedColumns = [
  'status',
  'submitted_at',
  'positive',
  'municipality_id',
  'team_id',
  'author_id',
  'support_needs',
  'client_groups',
  'age_bands',
  'genders',
  'statistics_key',
]

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // A period's figures are computed once and reused until a write changes them (ADR 031). Each organisation's
    // generation moves on with every committed change to what the figures read; a cached row of another
    // generation is never served.
    `create table statistics_generations (
      organisation_id uuid primary key references organisations(id) on delete cascade,
      generation bigint not null default 0
    )`,
    `create table statistics_cache (
      organisation_id uuid not null references organisations(id) on delete cascade,
      kind text not null,
      key text not null,
      generation bigint not null,
      figures json not null,
      computed_at timestamptz not null default now(),
      primary key (organisation_id, kind, key)
    )`,
    // Fired at commit (deferred), once per organisation per transaction: the generation row is locked last, when
    // the transaction holds every other lock it will take, so bumping it can never deadlock with report writes.
    `create function bump_statistics_generation() returns trigger language plpgsql as $$
    declare
      changed uuid := case when tg_op = 'DELETE' then old.organisation_id else new.organisation_id end;
      flag text := 'sr.statistics_bumped_' || replace(changed::text, '-', '_');
    begin
      if current_setting(flag, true) = 'yes' then
        return null;
      end if;
      -- An organisation deleted in this transaction takes its reports along and needs no generation.
      insert into statistics_generations (organisation_id, generation)
        select id, 1 from organisations where id = changed
        on conflict (organisation_id) do update set generation = statistics_generations.generation + 1;
      perform set_config(flag, 'yes', true);
      return null;
    end $$`,
    `create constraint trigger reports_statistics_insert after insert or delete on reports
      deferrable initially deferred for each row execute function bump_statistics_generation()`,
    `create constraint trigger reports_statistics_update after update on reports
      deferrable initially deferred for each row
      when (${countedColumns.map((column) => `old.${column} is distinct from new.${column}`).join(' or ')})
      execute function bump_statistics_generation()`,
    // Feedback times are read from the history.
    `create constraint trigger report_events_statistics after insert or update or delete on report_events
      deferrable initially deferred for each row execute function bump_statistics_generation()`,
    // Figures name municipalities.
    `create constraint trigger municipalities_statistics after update or delete on municipalities
      deferrable initially deferred for each row execute function bump_statistics_generation()`,
    // Agenda and welfare-section pickers page through titles in order instead of sorting every candidate.
    `create index reports_organisation_title_idx on reports (organisation_id, title, id)`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `drop index reports_organisation_title_idx`,
    `drop trigger municipalities_statistics on municipalities`,
    `drop trigger report_events_statistics on report_events`,
    `drop trigger reports_statistics_update on reports`,
    `drop trigger reports_statistics_insert on reports`,
    `drop function bump_statistics_generation()`,
    `drop table statistics_cache`,
    `drop table statistics_generations`,
  ])
}
