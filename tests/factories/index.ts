import { randomUUID } from 'node:crypto'
import { type ActionLevel } from '#app/domain/report-fields.ts'
import { type Role } from '#app/domain/roles.ts'
import { type NewReport } from '#app/models/database.ts'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Locale } from '#app/utils/i18n.ts'
import { hashPassword } from '#app/utils/password.server.ts'

export const testPassword = 'oikein-pitkä-testisalasana'

const passwordHashes = new Map<string, Promise<string>>()

/** Hashing is deliberately slow, so each distinct password is hashed once per process. */
function cachedHash(password: string): Promise<string> {
  let hash = passwordHashes.get(password)
  if (!hash) {
    hash = hashPassword(password)
    passwordHashes.set(password, hash)
  }
  return hash
}

export async function createOrganisation(
  db: AppDb,
  name = `Hyvinvointialue ${randomUUID().slice(0, 8)}`,
  nameSv: string | null = null,
) {
  return db
    .insertInto('organisations')
    .values({
      name,
      name_sv: nameSv,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') + '-' + randomUUID().slice(0, 6),
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow()
}

export async function createMunicipality(
  db: AppDb,
  organisationId: string,
  name: string,
  nameSv: string | null = null,
) {
  return db
    .insertInto('municipalities')
    .values({ organisation_id: organisationId, name, name_sv: nameSv })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow()
}

export async function createTeam(db: AppDb, organisationId: string, name: string, nameSv: string | null = null) {
  return db
    .insertInto('teams')
    .values({ organisation_id: organisationId, name, name_sv: nameSv })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow()
}

export async function createCommittee(db: AppDb, organisationId: string, name: string) {
  return db
    .insertInto('committees')
    .values({ organisation_id: organisationId, name })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow()
}

export async function createUser(
  db: AppDb,
  options: {
    organisationId: string
    roles: Role[]
    teamIds?: string[]
    email?: string
    name?: string
    password?: string
    locale?: Locale
    active?: boolean
  },
) {
  const email = options.email ?? `user-${randomUUID().slice(0, 12)}@example.org`
  const user = await db
    .insertInto('users')
    .values({
      email,
      name: options.name ?? 'Testi Käyttäjä',
      locale: options.locale ?? 'fi',
      password_hash: await cachedHash(options.password ?? testPassword),
    })
    .returning(['id', 'email', 'name'])
    .executeTakeFirstOrThrow()
  await db
    .insertInto('memberships')
    .values({
      user_id: user.id,
      organisation_id: options.organisationId,
      roles: options.roles,
      active: options.active ?? true,
    })
    .execute()
  for (const teamId of options.teamIds ?? []) {
    await db.insertInto('team_memberships').values({ team_id: teamId, user_id: user.id }).execute()
  }
  return user
}

export async function createReport(
  db: AppDb,
  report: Omit<NewReport, 'title'> & { title?: string; actions?: { description: string; level: ActionLevel }[] },
) {
  const { actions = [], ...fields } = report
  const created = await db
    .insertInto('reports')
    .values({ title: 'Havaittu ilmiö', ...fields })
    .returning(['id', 'title', 'status'])
    .executeTakeFirstOrThrow()
  if (actions.length > 0) {
    await db
      .insertInto('proposed_actions')
      .values(actions.map((action, index) => ({ report_id: created.id, position: index + 1, ...action })))
      .execute()
  }
  return created
}

/** A phenomenon with reports already linked and, optionally, proposed actions of its own. */
export async function createPhenomenon(
  db: AppDb,
  phenomenon: {
    organisationId: string
    createdBy: string
    title?: string
    reportIds?: string[]
    actions?: { description: string; level: ActionLevel }[]
  },
) {
  const created = await db
    .insertInto('phenomena')
    .values({
      organisation_id: phenomenon.organisationId,
      title: phenomenon.title ?? 'Toistuva ilmiö',
      created_by: phenomenon.createdBy,
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow()
  for (const reportId of phenomenon.reportIds ?? []) {
    await db
      .insertInto('phenomenon_reports')
      .values({ phenomenon_id: created.id, report_id: reportId, linked_by: phenomenon.createdBy })
      .execute()
  }
  const actions = phenomenon.actions ?? []
  if (actions.length > 0) {
    await db
      .insertInto('proposed_actions')
      .values(
        actions.map((action, index) => ({
          phenomenon_id: created.id,
          report_id: null,
          position: index + 1,
          ...action,
        })),
      )
      .execute()
  }
  return created
}

/** Seats a user on a committee with a committee role (chair, secretary or member). */
export async function addCommitteeMember(
  db: AppDb,
  seat: { committeeId: string; userId: string; role: 'chair' | 'secretary' | 'member' },
) {
  await db
    .insertInto('committee_members')
    .values({ committee_id: seat.committeeId, user_id: seat.userId, role: seat.role })
    .execute()
}
