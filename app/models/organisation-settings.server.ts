import { type FieldFinding, scanFields } from '#app/domain/identifiability.ts'
import { type AppDb } from '#app/utils/db.server.ts'

/** Names that must never appear in a report of this organisation (maintained by its admins). */
export async function getIdentifyingNames(db: AppDb, organisationId: string): Promise<string[]> {
  const row = await db
    .selectFrom('organisations')
    .select('identifying_names')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow()
  return row.identifying_names
}

/** Runs the identifiability guard over the named texts with the organisation's own name list. */
export async function scanTextsOfOrganisation(
  db: AppDb,
  organisationId: string,
  texts: Record<string, string | readonly string[] | null | undefined>,
): Promise<FieldFinding[]> {
  return scanFields(texts, await getIdentifyingNames(db, organisationId))
}

export async function setIdentifyingNames(db: AppDb, organisationId: string, names: string[]) {
  await db.updateTable('organisations').set({ identifying_names: names }).where('id', '=', organisationId).execute()
}

/** The small-count threshold is read with the figures (statistics.server.ts getSmallCountThreshold). */
export async function setSmallCountThreshold(db: AppDb, organisationId: string, threshold: number) {
  await db
    .updateTable('organisations')
    .set({ small_count_threshold: threshold })
    .where('id', '=', organisationId)
    .execute()
}
