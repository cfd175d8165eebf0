import { type ResponseTemplateInput } from '#app/domain/response-templates.ts'
import {
  archiveResponseTemplate,
  createResponseTemplate,
  updateResponseTemplate,
} from '#app/models/response-template.server.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type ServiceResult } from './result.ts'

/**
 * Adds a template (templateId null) or changes one of the organisation's. Its texts end up in comments and
 * questions on reports, so they pass the identifiability guard like those.
 */
export async function saveResponseTemplate(
  admin: CurrentUser,
  input: { templateId: string | null } & ResponseTemplateInput,
): Promise<ServiceResult> {
  if (!admin.roles.includes('admin')) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const { templateId, ...template } = input
  const findings = await scanTextsOfOrganisation(db, admin.organisation.id, {
    name: template.name,
    textFi: template.textFi,
    textSv: template.textSv,
    textEn: template.textEn,
  })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  if (templateId === null) {
    await createResponseTemplate(db, admin.organisation.id, template)
    return { ok: true }
  }
  const updated = await updateResponseTemplate(db, admin.organisation.id, templateId, template)
  return updated ? { ok: true } : { ok: false, reason: 'not_found' }
}

export async function archiveTemplate(admin: CurrentUser, input: { templateId: string }): Promise<ServiceResult> {
  if (!admin.roles.includes('admin')) return { ok: false, reason: 'forbidden' }
  const archived = await archiveResponseTemplate(getDb(), admin.organisation.id, input.templateId)
  return archived ? { ok: true } : { ok: false, reason: 'not_found' }
}
