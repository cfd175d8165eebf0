import { type AppDb } from '#app/utils/db.server.ts'
import { type ResponseTemplateInput, templateTextFor } from '#app/domain/response-templates.ts'

const columns = ['id', 'name', 'text_fi', 'text_sv', 'text_en'] as const

/** The organisation's templates in use, by name. */
export function listResponseTemplates(db: AppDb, organisationId: string) {
  return db
    .selectFrom('response_templates')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute()
}

export function findResponseTemplate(db: AppDb, organisationId: string, templateId: string) {
  return db
    .selectFrom('response_templates')
    .select(columns)
    .where('id', '=', templateId)
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null)
    .executeTakeFirst()
}

const stored = (input: ResponseTemplateInput) => ({
  name: input.name,
  text_fi: input.textFi,
  text_sv: input.textSv,
  text_en: input.textEn,
})

export async function createResponseTemplate(db: AppDb, organisationId: string, input: ResponseTemplateInput) {
  await db
    .insertInto('response_templates')
    .values({ organisation_id: organisationId, ...stored(input) })
    .execute()
}

/** Changes one of the organisation's templates in use; false when there is no such template. */
export async function updateResponseTemplate(
  db: AppDb,
  organisationId: string,
  templateId: string,
  input: ResponseTemplateInput,
) {
  const row = await db
    .updateTable('response_templates')
    .set({ ...stored(input), updated_at: new Date() })
    .where('id', '=', templateId)
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return Boolean(row)
}

/** Archives a template: it is no longer offered, and texts already written from it stay as they are. */
export async function archiveResponseTemplate(db: AppDb, organisationId: string, templateId: string) {
  const row = await db
    .updateTable('response_templates')
    .set({ archived_at: new Date() })
    .where('id', '=', templateId)
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return Boolean(row)
}

/** A template's text for a report: in its author's language when the template has it, otherwise in Finnish. */
export async function findTemplateTextForReport(
  db: AppDb,
  organisationId: string,
  templateId: string,
  reportId: string,
) {
  const row = await db
    .selectFrom('response_templates')
    .innerJoin('reports', (join) =>
      join.on('reports.id', '=', reportId).onRef('reports.organisation_id', '=', 'response_templates.organisation_id'),
    )
    .innerJoin('users', 'users.id', 'reports.author_id')
    .select(['response_templates.text_fi', 'response_templates.text_sv', 'response_templates.text_en', 'users.locale'])
    .where('response_templates.id', '=', templateId)
    .where('response_templates.organisation_id', '=', organisationId)
    .where('response_templates.archived_at', 'is', null)
    .executeTakeFirst()
  return row ? templateTextFor(row, row.locale) : null
}
