import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

// Bilingual areas name places and bodies in both languages (Vaasa/Vasa, Pohjanmaan hyvinvointialue/Österbottens
// välfärdsområde): an optional Swedish form, shown to readers who use the app in Swedish.
const namedTables = ['organisations', 'municipalities', 'teams', 'committees', 'recipients']

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    ...namedTables.map((table) => `alter table ${table} add column name_sv text`),
    `update recipients set name_sv = committees.name_sv from committees where recipients.committee_id = committees.id`,
    // A committee's recipient follows its Swedish name as it follows its name (0006).
    `create or replace function committee_recipient_sync() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into recipients (organisation_id, kind, name, name_sv, committee_id) values (new.organisation_id,
          'committee', new.name, new.name_sv, new.id);
      elsif new.name is distinct from old.name or new.name_sv is distinct from old.name_sv then
        update recipients set name = new.name, name_sv = new.name_sv, updated_at = now() where committee_id = new.id;
      end if;
      return new;
    end $$`,
    `drop trigger committees_recipient_sync on committees`,
    `create trigger committees_recipient_sync after insert or update of name, name_sv on committees
      for each row execute function committee_recipient_sync()`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `drop trigger committees_recipient_sync on committees`,
    `create or replace function committee_recipient_sync() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into recipients (organisation_id, kind, name, committee_id) values (new.organisation_id, 'committee',
          new.name, new.id);
      elsif new.name is distinct from old.name then
        update recipients set name = new.name, updated_at = now() where committee_id = new.id;
      end if;
      return new;
    end $$`,
    `create trigger committees_recipient_sync after insert or update of name on committees
      for each row execute function committee_recipient_sync()`,
    ...namedTables.map((table) => `alter table ${table} drop column name_sv`),
  ])
}
