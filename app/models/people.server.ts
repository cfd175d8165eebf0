import { sql, type Transaction } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database } from './database.ts'
import { normaliseEmail } from './user.server.ts'

/** How many other organisations rely on the person's account today (their active memberships there). */
export async function countActiveMembershipsElsewhere(db: AppDb, userId: string, organisationId: string) {
  const row = await db
    .selectFrom('memberships')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('user_id', '=', userId)
    .where('organisation_id', '!=', organisationId)
    .where('active', '=', true)
    .executeTakeFirstOrThrow()
  return row.count
}

/** The organisations the person may work in now, by name: those of their active memberships. */
export async function listActiveOrganisations(db: AppDb, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id', 'organisations.name', 'organisations.name_sv'])
    .where('memberships.user_id', '=', userId)
    .where('memberships.active', '=', true)
    .orderBy('organisations.name')
    .execute()
}

/** The account an address belongs to, whichever organisations it works in, and whether it is in this one. */
export async function findAccountByEmail(db: AppDb, email: string, organisationId: string) {
  return db
    .selectFrom('users')
    .leftJoin('memberships', (join) =>
      join.onRef('memberships.user_id', '=', 'users.id').on('memberships.organisation_id', '=', organisationId),
    )
    .select(['users.id', sql<boolean>`memberships.user_id is not null`.as('member_here')])
    .where('users.email', '=', normaliseEmail(email))
    .executeTakeFirst()
}

/** Moves the session to another organisation of its holder; false when it is not theirs or is gone. */
export async function moveSessionToOrganisation(
  db: AppDb,
  session: { id: string; userId: string },
  organisationId: string,
) {
  const moved = await db
    .updateTable('sessions')
    .set({ organisation_id: organisationId })
    .where('id', '=', session.id)
    .where('user_id', '=', session.userId)
    .returning('id')
    .executeTakeFirst()
  return Boolean(moved)
}

/**
 * Empties a departed person's account of personal data. The row stays, renamed, because reports, events and
 * decisions refer to it as organisational knowledge; everything that exists only for the person goes.
 */
export async function erasePersonalData(
  trx: Transaction<Database>,
  userId: string,
  replacement: { name: string; email: string },
  now: Date,
) {
  await trx
    .updateTable('users')
    .set({ name: replacement.name, email: replacement.email, password_hash: null, removed_at: now, updated_at: now })
    .where('id', '=', userId)
    .execute()
  await trx.updateTable('memberships').set({ active: false }).where('user_id', '=', userId).execute()
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
  await trx.deleteFrom('user_tokens').where('user_id', '=', userId).execute()
  await trx.deleteFrom('api_tokens').where('user_id', '=', userId).execute()
  await trx.deleteFrom('user_identities').where('user_id', '=', userId).execute()
  await trx.deleteFrom('follows').where('user_id', '=', userId).execute()
  await trx.deleteFrom('notifications').where('user_id', '=', userId).execute()
  await trx.deleteFrom('email_jobs').where('recipient_id', '=', userId).execute()
  await trx.deleteFrom('team_memberships').where('user_id', '=', userId).execute()
  await trx.deleteFrom('committee_members').where('user_id', '=', userId).execute()
  await trx.deleteFrom('recipient_members').where('user_id', '=', userId).execute()
}

/**
 * Everything stored about the person, in every organisation they belong to, and nothing about anyone else: on the
 * events of their reports, whoever else acted is only "someone else", never a name or id.
 */
export async function collectPersonalData(db: AppDb, userId: string) {
  const profile = await db
    .selectFrom('users')
    .select(['name', 'email', 'locale', 'email_delivery', 'created_at', 'updated_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  const memberships = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'organisations.id as organisation_id',
      'organisations.name as organisation',
      'memberships.roles',
      'memberships.active',
      'memberships.created_at',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute()
  const teams = await db
    .selectFrom('team_memberships')
    .innerJoin('teams', 'teams.id', 'team_memberships.team_id')
    .select(['teams.organisation_id', 'teams.name'])
    .where('team_memberships.user_id', '=', userId)
    .orderBy('teams.name')
    .execute()
  const seats = await db
    .selectFrom('committee_members')
    .innerJoin('committees', 'committees.id', 'committee_members.committee_id')
    .select([
      'committees.organisation_id',
      'committees.name as committee',
      'committee_members.role',
      'committee_members.added_at',
    ])
    .where('committee_members.user_id', '=', userId)
    .orderBy('committees.name')
    .execute()
  // Every field the author wrote or the report holds, but not the statistics' cell key: knowing the keys of
  // one's own reports would help take the noise off small counts. The search vector is only the text stemmed.
  const reports = (
    await db.selectFrom('reports').selectAll().where('author_id', '=', userId).orderBy('created_at').execute()
  ).map(({ statistics_key: _cellKey, search_vector: _searchVector, ...report }) => report)
  const events =
    reports.length === 0
      ? []
      : await db
          .selectFrom('report_events')
          .select([
            'report_id',
            'type',
            'from_status',
            'to_status',
            'comment',
            'resolution',
            'decision',
            'action_outcome',
            'created_at',
            sql<
              'you' | 'someone_else' | null
            >`case when actor_id is null then null when actor_id = ${userId} then 'you' else 'someone_else' end`.as(
              'actor',
            ),
          ])
          .where(
            'report_id',
            'in',
            reports.map((report) => report.id),
          )
          .orderBy('created_at')
          .execute()
  const notifications = await db
    .selectFrom('notifications')
    .select(['organisation_id', 'report_id', 'reason', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute()
  const follows = await db
    .selectFrom('follows')
    .select(['organisation_id', 'report_id', 'phenomenon_id', 'created_at'])
    .where('user_id', '=', userId)
    .execute()
  const apiTokens = await db
    .selectFrom('api_tokens')
    .select(['organisation_id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .execute()
  return {
    profile,
    memberships: memberships.map((membership) => ({
      ...membership,
      teams: teams.filter((team) => team.organisation_id === membership.organisation_id).map((team) => team.name),
      committeeSeats: seats
        .filter((seat) => seat.organisation_id === membership.organisation_id)
        .map(({ committee, role, added_at }) => ({ committee, role, added_at })),
    })),
    reports: reports.map((report) => ({ ...report, events: events.filter((event) => event.report_id === report.id) })),
    notifications,
    follows,
    apiTokens,
  }
}

/** The name an admin sees of a person of their organisation, and how many other organisations rely on the account. */
export async function findCredentialHolder(db: AppDb, userId: string, organisationId: string) {
  const person = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select('users.name')
    .where('users.id', '=', userId)
    .where('memberships.organisation_id', '=', organisationId)
    .executeTakeFirst()
  if (!person) return null
  return {
    name: person.name,
    activeMembershipsElsewhere: await countActiveMembershipsElsewhere(db, userId, organisationId),
  }
}
