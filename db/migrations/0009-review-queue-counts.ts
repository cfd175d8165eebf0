import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // A number that moves whenever what a report list shows in the organisation may have changed: the app keeps
    // counts it has computed under it and computes again once it moved (ADR 030).
    `create table report_list_versions (
      organisation_id uuid primary key references organisations(id) on delete cascade,
      version bigint not null,
      changed_by xid8 not null
    )`,
    // Once per transaction and organisation however many rows it wrote (changed_by), and nothing for an
    // organisation deleted in the same transaction.
    `create function bump_report_list_version(organisation uuid) returns void language sql as $$
      insert into report_list_versions as v (organisation_id, version, changed_by)
        select organisation, 1, pg_current_xact_id() where exists (select from organisations where id = organisation)
      on conflict (organisation_id) do update set version = v.version + 1, changed_by = excluded.changed_by
        where v.changed_by <> excluded.changed_by
    $$`,
    `create function report_lists_changed() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'committee_members' then
        perform bump_report_list_version(c.organisation_id) from committees c
          where c.id in (new.committee_id, old.committee_id);
        return null;
      end if;
      if tg_op <> 'INSERT' then perform bump_report_list_version(old.organisation_id); end if;
      if tg_op <> 'DELETE' then perform bump_report_list_version(new.organisation_id); end if;
      return null;
    end
    $$`,
    // Deferred to the commit: the version row is locked only while committing, after every report the transaction
    // touches, so writers wait for each other a moment but never deadlock over it. Drafts are never in the queue,
    // so saving one (autosave) leaves the version alone.
    `create constraint trigger reports_list_version_on_insert after insert on reports
      deferrable initially deferred for each row when (new.status <> 'draft')
      execute function report_lists_changed()`,
    `create constraint trigger reports_list_version_on_update after update on reports
      deferrable initially deferred for each row when (old.status <> 'draft' or new.status <> 'draft')
      execute function report_lists_changed()`,
    `create constraint trigger reports_list_version_on_delete after delete on reports
      deferrable initially deferred for each row when (old.status <> 'draft')
      execute function report_lists_changed()`,
    // A seat on a committee opens that committee's reports to its holder.
    `create constraint trigger committee_members_list_version after insert or update or delete on committee_members
      deferrable initially deferred for each row execute function report_lists_changed()`,
    // The queue's rows, newest submission first, without walking past the drafts (no submission time, sorted first);
    // with a status filter, without walking past the other statuses either.
    `create index reports_queue_idx on reports (organisation_id, submitted_at desc, id) where status <> 'draft'`,
    `create index reports_queue_status_idx on reports (organisation_id, status, submitted_at desc, id)
      where status <> 'draft'`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `drop index reports_queue_status_idx`,
    `drop index reports_queue_idx`,
    `drop trigger committee_members_list_version on committee_members`,
    `drop trigger reports_list_version_on_delete on reports`,
    `drop trigger reports_list_version_on_update on reports`,
    `drop trigger reports_list_version_on_insert on reports`,
    `drop function report_lists_changed()`,
    `drop function bump_report_list_version(uuid)`,
    `drop table report_list_versions`,
  ])
}
