import { type Kysely, sql } from 'kysely'

// Frozen in time: never import app code here, never edit after it has landed.
// PGlite runs one statement per query, so each statement is sent on its own.
async function runStatements(db: Kysely<any>, statements: string[]) {
  for (const statement of statements) await sql.raw(statement).execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    // A body the organisation sends knowledge to. Every committee is one (kind 'committee', linked one to one);
    // the others are managed as recipients only.
    `create table recipients (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      kind text not null check (kind in ('committee', 'working_group', 'management_group', 'municipal_welfare',
        'partner')),
      name text not null,
      committee_id uuid unique references committees(id) on delete cascade,
      municipality_id uuid references municipalities(id) on delete set null,
      contact_email text,
      locale text not null default 'fi' check (locale in ('fi', 'sv', 'en')),
      archived_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((kind = 'committee') = (committee_id is not null)),
      check (kind <> 'partner' or contact_email is not null)
    )`,
    `create index recipients_organisation_idx on recipients (organisation_id, kind, name)`,
    `insert into recipients (organisation_id, kind, name, committee_id, created_at)
      select organisation_id, 'committee', name, id, created_at from committees`,
    // However a committee comes to be or is renamed (admin page, seed, import), its recipient follows it.
    `create function committee_recipient_sync() returns trigger language plpgsql as $$
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
    // Members of an internal body other than a committee (whose members sit in committee_members): they answer.
    `create table recipient_members (
      recipient_id uuid not null references recipients(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      added_at timestamptz not null default now(),
      primary key (recipient_id, user_id)
    )`,
    `create index recipient_members_user_idx on recipient_members (user_id)`,
    // One report or phenomenon sent to one recipient, with its own state and answer.
    `create table sendings (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      recipient_id uuid not null references recipients(id),
      report_id uuid references reports(id) on delete cascade,
      phenomenon_id uuid references phenomena(id) on delete cascade,
      covering_note text not null default '',
      state text not null default 'sent' check (state in ('sent', 'received', 'answered', 'returned')),
      answer text,
      answered_by uuid references users(id),
      answered_by_name text,
      answered_at timestamptz,
      received_at timestamptz,
      reminded_at timestamptz,
      sent_by uuid not null references users(id),
      sent_at timestamptz not null default now(),
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      check ((report_id is null) <> (phenomenon_id is null)),
      check (state not in ('answered', 'returned') or answer is not null)
    )`,
    `create index sendings_organisation_idx on sendings (organisation_id, sent_at desc)`,
    `create index sendings_report_idx on sendings (report_id)`,
    `create index sendings_phenomenon_idx on sendings (phenomenon_id)`,
    `create index sendings_recipient_idx on sendings (recipient_id, state)`,
    // A partner's single-use response link; the secret is only in the email, its hash here.
    `create table sending_links (
      id uuid primary key default gen_random_uuid(),
      sending_id uuid not null references sendings(id) on delete cascade,
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create index sending_links_sending_idx on sending_links (sending_id)`,
    // What a decision set in motion, tracked until something changes.
    `create table follow_ups (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      title text not null,
      proposed_action_id uuid references proposed_actions(id) on delete set null,
      agenda_item_id uuid references agenda_items(id) on delete set null,
      sending_id uuid references sendings(id) on delete set null,
      phenomenon_id uuid references phenomena(id) on delete set null,
      responsible_recipient_id uuid references recipients(id),
      responsible_team_id uuid references teams(id),
      responsible_user_id uuid references users(id),
      decided_on date not null,
      target_date date not null,
      status text not null default 'not_started'
        check (status in ('not_started', 'in_progress', 'done', 'not_carried_out')),
      status_reason text,
      progress integer check (progress between 0 and 100),
      version integer not null default 1,
      overdue_noted_at timestamptz,
      reminded_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (target_date >= decided_on),
      check (status <> 'not_carried_out' or status_reason is not null)
    )`,
    `create index follow_ups_organisation_idx on follow_ups (organisation_id, status, target_date)`,
    `create index follow_ups_agenda_item_idx on follow_ups (agenda_item_id)`,
    `create index follow_ups_action_idx on follow_ups (proposed_action_id)`,
    // The worker looks for newly overdue follow-ups every half minute: only the open, not yet noted ones.
    `create index follow_ups_overdue_watch_idx on follow_ups (target_date)
      where overdue_noted_at is null and status in ('not_started', 'in_progress')`,
    // The reports a follow-up concerns: their reporters and followers hear of every update.
    `create table follow_up_reports (
      follow_up_id uuid not null references follow_ups(id) on delete cascade,
      report_id uuid not null references reports(id) on delete cascade,
      primary key (follow_up_id, report_id)
    )`,
    `create index follow_up_reports_report_idx on follow_up_reports (report_id)`,
    `create table follow_up_updates (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      follow_up_id uuid not null references follow_ups(id) on delete cascade,
      author_id uuid references users(id),
      body text not null default '',
      status text check (status in ('not_started', 'in_progress', 'done', 'not_carried_out')),
      progress integer check (progress between 0 and 100),
      created_at timestamptz not null default now()
    )`,
    `create index follow_up_updates_follow_up_idx on follow_up_updates (follow_up_id, created_at)`,
    // A partner answers without an account, and the overdue mark is the clock's: such events have no user actor.
    `alter table report_events alter column actor_id drop not null`,
    `alter table report_events drop constraint report_events_type_check`,
    `alter table report_events add constraint report_events_type_check check (type in (
      'created', 'status_changed', 'phenomenon_linked', 'phenomenon_unlinked', 'action_outcome',
      'welfare_report_included', 'sent_to_recipient', 'recipient_answered', 'sending_returned',
      'follow_up_created', 'follow_up_updated', 'follow_up_overdue'))`,
    `alter table report_events add column sending_id uuid references sendings(id) on delete set null`,
    `alter table report_events add column follow_up_id uuid references follow_ups(id) on delete set null`,
    `alter table report_events add column follow_up_update_id uuid references follow_up_updates(id)
      on delete set null`,
    // Partners are no users: their emails name the recipient and the address instead.
    `alter table email_jobs alter column recipient_id drop not null`,
    `alter table email_jobs add column partner_recipient_id uuid references recipients(id) on delete cascade`,
    `alter table email_jobs add constraint email_jobs_addressee_check
      check ((recipient_id is null) <> (partner_recipient_id is null))`,
    `alter table email_jobs drop constraint email_jobs_kind_check`,
    `alter table email_jobs add constraint email_jobs_kind_check check (kind in ('notification', 'digest',
      'invitation', 'password_reset', 'partner_request', 'partner_reminder', 'member_request',
      'follow_up_reminder'))`,
    `alter table welfare_report_sections add column kind text not null default 'text'
      check (kind in ('text', 'what_was_done'))`,
  ])
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `alter table welfare_report_sections drop column kind`,
    `alter table email_jobs drop constraint email_jobs_kind_check`,
    `alter table email_jobs add constraint email_jobs_kind_check check (kind in ('notification', 'digest',
      'invitation', 'password_reset'))`,
    `alter table email_jobs drop constraint email_jobs_addressee_check`,
    `alter table email_jobs drop column partner_recipient_id`,
    `alter table email_jobs alter column recipient_id set not null`,
    `alter table report_events drop column follow_up_update_id`,
    `alter table report_events drop column follow_up_id`,
    `alter table report_events drop column sending_id`,
    `alter table report_events drop constraint report_events_type_check`,
    `alter table report_events add constraint report_events_type_check check (type in (
      'created', 'status_changed', 'phenomenon_linked', 'phenomenon_unlinked', 'action_outcome',
      'welfare_report_included'))`,
    `alter table report_events alter column actor_id set not null`,
    `drop table follow_up_updates`,
    `drop table follow_up_reports`,
    `drop table follow_ups`,
    `drop table sending_links`,
    `drop table sendings`,
    `drop table recipient_members`,
    `drop trigger committees_recipient_sync on committees`,
    `drop function committee_recipient_sync()`,
    `drop table recipients`,
  ])
}
