import { type FieldFinding } from '#app/domain/identifiability.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import { type AppDb } from './db.server.ts'

/**
 * The guard's findings in the texts of a form that was refused for other reasons, so that one submission
 * names every problem: an empty title and a phone number in the body come back together.
 */
export async function findingsInTyped(
  db: AppDb,
  organisationId: string,
  formData: FormData,
  fields: readonly string[],
): Promise<FieldFinding[]> {
  const typed = Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? '')]))
  return scanTextsOfOrganisation(db, organisationId, typed)
}
