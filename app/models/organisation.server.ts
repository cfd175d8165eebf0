import { type AppDb } from '#app/utils/db.server.ts'

export async function listOrganisationStructure(db: AppDb, organisationId: string) {
  const [organisation, municipalities, teams, committees] = await Promise.all([
    db
      .selectFrom('organisations')
      .select(['id', 'name', 'name_sv', 'identifying_names', 'feedback_limit_days', 'audit_retention_years'])
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow(),
    listMunicipalities(db, organisationId),
    listTeams(db, organisationId),
    listCommittees(db, organisationId),
  ])
  return { organisation, municipalities, teams, committees }
}

export type NamedUnit = 'municipalities' | 'teams' | 'committees'

function listNamedUnits(db: AppDb, table: NamedUnit, organisationId: string) {
  return db
    .selectFrom(table)
    .select(['id', 'name', 'name_sv'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute()
}

export const listMunicipalities = (db: AppDb, organisationId: string) =>
  listNamedUnits(db, 'municipalities', organisationId)
export const listTeams = (db: AppDb, organisationId: string) => listNamedUnits(db, 'teams', organisationId)
export const listCommittees = (db: AppDb, organisationId: string) => listNamedUnits(db, 'committees', organisationId)

/** How many days a report may wait for first feedback before it is overdue (domain/feedback-times.ts). */
export async function getFeedbackLimitDays(db: AppDb, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select('feedback_limit_days')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return row.feedback_limit_days
}

/** `days` must already be validated with `FeedbackLimitSchema`; the database check rejects anything else. */
export async function setFeedbackLimitDays(db: AppDb, organisationId: string, days: number) {
  await db.updateTable('organisations').set({ feedback_limit_days: days }).where('id', '=', organisationId).execute()
}

/** A name and its optional Swedish form (null when the place or body has none). */
export interface BilingualName {
  name: string
  nameSv: string | null
}

export async function renameOrganisation(db: AppDb, organisationId: string, { name, nameSv }: BilingualName) {
  await db.updateTable('organisations').set({ name, name_sv: nameSv }).where('id', '=', organisationId).execute()
}

/** Returns false when the name is already used in this organisation. */
export async function createNamedUnit(
  db: AppDb,
  table: NamedUnit,
  organisationId: string,
  { name, nameSv }: BilingualName,
) {
  const result = await db
    .insertInto(table)
    .values({ organisation_id: organisationId, name, name_sv: nameSv })
    .onConflict((oc) => oc.columns(['organisation_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return Boolean(result)
}

/** Returns 'renamed', 'duplicate', or 'missing' when the unit is not in this organisation. */
export async function renameNamedUnit(
  db: AppDb,
  table: NamedUnit,
  organisationId: string,
  id: string,
  { name, nameSv }: BilingualName,
): Promise<'renamed' | 'duplicate' | 'missing'> {
  const clash = await db
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .where('id', '!=', id)
    .executeTakeFirst()
  if (clash) return 'duplicate'
  const updated = await db
    .updateTable(table)
    .set({ name, name_sv: nameSv })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst()
  return updated ? 'renamed' : 'missing'
}

/** The settings an admin changes on the organisation page, as the audit log records them before and after. */
export async function getOrganisationSettings(db: AppDb, organisationId: string) {
  return db
    .selectFrom('organisations')
    .select([
      'name',
      'name_sv',
      'identifying_names',
      'feedback_limit_days',
      'small_count_threshold',
      'audit_retention_years',
      'password_login',
    ])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow()
}

/** `years` must already be validated with `AuditRetentionSchema`; the database check rejects anything else. */
export async function setAuditRetentionYears(db: AppDb, organisationId: string, years: number) {
  await db.updateTable('organisations').set({ audit_retention_years: years }).where('id', '=', organisationId).execute()
}
