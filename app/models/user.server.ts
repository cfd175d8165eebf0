import { type Transaction, type Updateable } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { type Role } from '#app/domain/roles.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Locale } from '#app/utils/i18n.ts'
import { type Database, type EmailDelivery, type UserTable } from './database.ts'

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export async function findUserForLogin(db: AppDb, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst()
}

/**
 * The organisation a user works in after logging in: the first active membership by organisation name. For a
 * password sign-in, only among organisations that still allow passwords (none when all are single sign-on only).
 */
export async function findLoginOrganisation(db: AppDb, userId: string, { passwordLogin = false } = {}) {
  const memberships = db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id', 'organisations.name', 'organisations.contributors_enabled', 'memberships.roles'])
    .where('memberships.user_id', '=', userId)
    .where('memberships.active', '=', true)
  const allowed = passwordLogin ? memberships.where('organisations.password_login', '=', true) : memberships
  return allowed.orderBy('organisations.name').executeTakeFirst()
}

function listUserTeams(db: AppDb, organisationId: string, userId: string) {
  return db
    .selectFrom('team_memberships')
    .innerJoin('teams', 'teams.id', 'team_memberships.team_id')
    .select(['teams.id', 'teams.name'])
    .where('team_memberships.user_id', '=', userId)
    .where('teams.organisation_id', '=', organisationId)
    .orderBy('teams.name')
    .execute()
}

export interface CurrentUser {
  id: string
  email: string
  name: string
  locale: Locale
  /** `name_sv`: the Swedish form of the organisation's name, shown to readers using Swedish (displayName). */
  /**
   * `contributors_enabled`: false when the organisation turned its contributor channel off (ADR 039); always loaded
   * with the user, optional only so that actors built elsewhere need not carry it.
   */
  organisation: { id: string; name: string; name_sv: string | null; contributors_enabled?: boolean }
  roles: Role[]
  teams: { id: string; name: string }[]
}

/**
 * A user with their role in one organisation and their teams there by name, in one statement: the current user is
 * loaded on every page request, so the teams ride along instead of costing a query of their own.
 */
function usersInOrganisations(db: AppDb) {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'memberships.roles',
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
      'organisations.name_sv as organisation_name_sv',
      'organisations.contributors_enabled',
      jsonArrayFrom(
        eb
          .selectFrom('team_memberships')
          .innerJoin('teams', 'teams.id', 'team_memberships.team_id')
          .select(['teams.id', 'teams.name'])
          .whereRef('team_memberships.user_id', '=', 'users.id')
          .whereRef('teams.organisation_id', '=', 'organisations.id')
          .orderBy('teams.name'),
      ).as('teams'),
    ])
    .where('memberships.active', '=', true)
}

type UserInOrganisationRow = Awaited<ReturnType<ReturnType<typeof usersInOrganisations>['executeTakeFirstOrThrow']>>

function toCurrentUser(row: UserInOrganisationRow): CurrentUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    organisation: {
      id: row.organisation_id,
      name: row.organisation_name,
      name_sv: row.organisation_name_sv,
      contributors_enabled: row.contributors_enabled,
    },
    roles: row.roles,
    teams: row.teams,
  }
}

/** The user as seen inside one organisation; null when the membership is missing or deactivated. */
export async function getUserInOrganisation(
  db: AppDb,
  userId: string,
  organisationId: string,
): Promise<CurrentUser | null> {
  const row = await usersInOrganisations(db)
    .where('users.id', '=', userId)
    .where('memberships.organisation_id', '=', organisationId)
    .executeTakeFirst()
  return row ? toCurrentUser(row) : null
}

/**
 * The user a valid session belongs to, in the session's organisation, with the session's expiry; null when the
 * session has expired or the membership is no longer active. One statement, as it runs on every page request.
 */
export async function findSessionUser(
  db: AppDb,
  sessionId: string,
  now: Date,
): Promise<{ user: CurrentUser; sessionExpiresAt: Date } | null> {
  const row = await usersInOrganisations(db)
    .innerJoin('sessions', (join) =>
      join
        .onRef('sessions.user_id', '=', 'users.id')
        .onRef('sessions.organisation_id', '=', 'memberships.organisation_id'),
    )
    .select('sessions.expires_at as session_expires_at')
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst()
  return row ? { user: toCurrentUser(row), sessionExpiresAt: row.session_expires_at } : null
}

export async function listOrganisationUsers(db: AppDb, organisationId: string) {
  const users = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.roles', 'memberships.active'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.name')
    .execute()
  const teamRows = await db
    .selectFrom('team_memberships')
    .innerJoin('teams', 'teams.id', 'team_memberships.team_id')
    .select(['team_memberships.user_id', 'teams.name'])
    .where('teams.organisation_id', '=', organisationId)
    .orderBy('teams.name')
    .execute()
  return users.map((user) => ({
    ...user,
    teams: teamRows.filter((row) => row.user_id === user.id).map((row) => row.name),
  }))
}

export async function getOrganisationUser(db: AppDb, organisationId: string, userId: string) {
  const user = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email', 'users.locale', 'memberships.roles', 'memberships.active'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('users.id', '=', userId)
    .executeTakeFirst()
  if (!user) return null
  const teams = await listUserTeams(db, organisationId, userId)
  return { ...user, teamIds: teams.map((team) => team.id) }
}

export async function emailIsTaken(db: AppDb, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', normaliseEmail(email)).executeTakeFirst()
  return Boolean(row)
}

export interface MembershipChanges {
  roles: Role[]
  teamIds: string[]
  active: boolean
}

async function replaceTeams(db: AppDb, organisationId: string, userId: string, teamIds: string[]) {
  const organisationTeams = db.selectFrom('teams').select('id').where('organisation_id', '=', organisationId)
  await db
    .deleteFrom('team_memberships')
    .where('user_id', '=', userId)
    .where('team_id', 'in', organisationTeams)
    .execute()
  if (teamIds.length === 0) return
  // Only teams of this organisation can be joined, whatever ids the form carried.
  const validTeams = await organisationTeams.where('id', 'in', teamIds).execute()
  if (validTeams.length === 0) return
  await db
    .insertInto('team_memberships')
    .values(validTeams.map((team) => ({ team_id: team.id, user_id: userId })))
    .execute()
}

/** The user, their membership and teams; the caller's transaction holds whatever must succeed or fail with them. */
export async function createOrganisationUser(
  trx: Transaction<Database>,
  organisationId: string,
  user: { email: string; name: string; locale: Locale; passwordHash: string | null } & MembershipChanges,
): Promise<string> {
  const created = await trx
    .insertInto('users')
    .values({
      email: normaliseEmail(user.email),
      name: user.name,
      locale: user.locale,
      password_hash: user.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('memberships')
    .values({ user_id: created.id, organisation_id: organisationId, roles: user.roles, active: user.active })
    .execute()
  await replaceTeams(trx, organisationId, created.id, user.teamIds)
  return created.id
}

/** A membership, with its teams, for someone whose account already exists; their own row stays untouched. */
export async function addOrganisationMembership(
  trx: Transaction<Database>,
  organisationId: string,
  userId: string,
  membership: MembershipChanges,
) {
  await trx
    .insertInto('memberships')
    .values({ user_id: userId, organisation_id: organisationId, roles: membership.roles, active: membership.active })
    .execute()
  await replaceTeams(trx, organisationId, userId, membership.teamIds)
}

/** Saves what an admin edits of a user; false when the user has no membership in the organisation. */
export async function updateOrganisationUser(
  trx: Transaction<Database>,
  organisationId: string,
  userId: string,
  changes: { name: string } & MembershipChanges,
): Promise<boolean> {
  const membership = await trx
    .updateTable('memberships')
    .set({ roles: changes.roles, active: changes.active })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .returning('user_id')
    .executeTakeFirst()
  if (!membership) return false
  await updateUser(trx, userId, { name: changes.name })
  await replaceTeams(trx, organisationId, userId, changes.teamIds)
  return true
}

/** Every change to a user's own row stamps `updated_at`; the exported writers below say which columns change. */
async function updateUser(
  db: AppDb,
  userId: string,
  changes: Pick<Updateable<UserTable>, 'name' | 'locale' | 'password_hash' | 'email_delivery'>,
) {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', userId)
    .execute()
}

export async function updatePasswordHash(db: AppDb, userId: string, passwordHash: string) {
  await updateUser(db, userId, { password_hash: passwordHash })
}

export async function getPasswordHash(db: AppDb, userId: string) {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow()
  return row.password_hash
}

export async function updateProfile(db: AppDb, userId: string, profile: { name: string; locale: Locale }) {
  await updateUser(db, userId, { name: profile.name, locale: profile.locale })
}

export async function updateLocale(db: AppDb, userId: string, locale: Locale) {
  await updateUser(db, userId, { locale })
}

export async function getEmailDelivery(db: AppDb, userId: string): Promise<EmailDelivery> {
  const row = await db.selectFrom('users').select('email_delivery').where('id', '=', userId).executeTakeFirstOrThrow()
  return row.email_delivery
}

export async function updateEmailDelivery(db: AppDb, userId: string, emailDelivery: EmailDelivery) {
  await updateUser(db, userId, { email_delivery: emailDelivery })
}

/** Whose a single-use link is: the person and the organisation they would be signed in to. */
export async function getAccountHolder(db: AppDb, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale', 'password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  const organisation = await findLoginOrganisation(db, userId)
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    hasPassword: user.password_hash !== null,
    /** Undefined when every membership has been deactivated: such a person cannot sign in through any link. */
    organisation,
  }
}
