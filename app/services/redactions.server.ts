import { type Redaction } from '#app/domain/redaction.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import { scanTextsOfOrganisation } from '#app/models/organisation-settings.server.ts'
import { redactReportTexts } from '#app/models/redaction.server.ts'
import { recordReportEvent } from '#app/models/report.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { translate } from '#app/utils/i18n.ts'
import { type CommonRefusal, type Refused, type ServiceResult } from './result.ts'

export type RedactionResult = ServiceResult<
  { title: string; replaced: number },
  CommonRefusal | Refused<'nothing_found'>
>

/**
 * An admin removes a fragment from every stored text of a report of their organisation, events included. The
 * history records that it happened, by whom and why (the reason is the event's comment, so it passes the guard),
 * and the audit log records it too; the removed text is recorded nowhere. The placeholder is the organisation's
 * Finnish word, as the texts themselves are.
 */
export async function redactReportText(admin: CurrentUser, input: Redaction): Promise<RedactionResult> {
  if (!admin.roles.includes('admin')) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  const organisationId = admin.organisation.id
  const findings = await scanTextsOfOrganisation(db, organisationId, { reason: input.reason })
  if (findings.length > 0) return { ok: false, reason: 'identifying_data', findings }
  return db.transaction().execute(async (trx): Promise<RedactionResult> => {
    const redacted = await redactReportTexts(trx, {
      organisationId,
      reportId: input.reportId,
      fragment: input.fragment,
      placeholder: translate('fi', 'redaction.placeholder'),
    })
    if (!redacted) return { ok: false, reason: 'not_found' }
    if (redacted.replaced === 0) return { ok: false, reason: 'nothing_found' }
    await recordReportEvent(trx, {
      reportId: input.reportId,
      organisationId,
      actorId: admin.id,
      type: 'text_redacted',
      comment: input.reason,
    })
    await recordAudit(trx, {
      organisationId,
      actorId: admin.id,
      action: 'redaction',
      target: { type: 'report', id: input.reportId },
      details: { reason: input.reason, replaced: redacted.replaced },
    })
    return { ok: true, ...redacted }
  })
}
