import { changedFields } from '#app/domain/audit.ts'
import { canAdministerOrganisation } from '#app/domain/user-admin.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import { setIdentifyingNames, setSmallCountThreshold } from '#app/models/organisation-settings.server.ts'
import {
  type BilingualName,
  createNamedUnit,
  getOrganisationSettings,
  type NamedUnit,
  renameNamedUnit,
  renameOrganisation,
  setAuditRetentionYears,
  setFeedbackLimitDays,
} from '#app/models/organisation.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { type AppDb, getDb } from '#app/utils/db.server.ts'
import { type ServiceResult } from './result.ts'

/** The admin acting on the settings of their own organisation. */
type OrganisationAdmin = Pick<CurrentUser, 'id' | 'roles' | 'organisation'>

/**
 * One change an admin makes on the organisation page. Numbers must already fit their schemas
 * (`FeedbackLimitSchema`, `SmallCountThresholdSchema`); the database checks refuse anything else.
 */
export type OrganisationChange =
  | ({ intent: 'renameOrganisation' } & BilingualName)
  | ({ intent: 'create'; unit: NamedUnit } & BilingualName)
  | ({ intent: 'rename'; unit: NamedUnit; id: string } & BilingualName)
  | { intent: 'identifyingNames'; names: string[] }
  | { intent: 'feedbackLimit'; days: number }
  | { intent: 'smallCountThreshold'; threshold: number }
  | { intent: 'auditRetention'; years: number }

const duplicateName = { ok: false, reason: 'invalid', fieldErrors: { name: 'admin.organisation.duplicate' } } as const

/**
 * Renames the organisation, adds or renames a municipality, team or committee (names are unique within the
 * organisation), or saves its identifying names, feedback limit or small-count threshold.
 */
export async function changeOrganisation(admin: OrganisationAdmin, change: OrganisationChange): Promise<ServiceResult> {
  if (!canAdministerOrganisation(admin.roles)) return { ok: false, reason: 'forbidden' }
  const organisationId = admin.organisation.id
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const before = await getOrganisationSettings(trx, organisationId)
      const result = await applyChange(trx, organisationId, change)
      if (!result.ok) return result
      const changes = changedFields(before, await getOrganisationSettings(trx, organisationId))
      const unit = change.intent === 'create' || change.intent === 'rename' ? change : null
      const unitChange = unit
        ? { unit: unit.unit, name: unit.name, nameSv: unit.nameSv, ...('id' in unit ? { id: unit.id } : {}) }
        : {}
      if (Object.keys(changes).length > 0 || unit) {
        await recordAudit(trx, {
          organisationId,
          actorId: admin.id,
          action: 'settings.changed',
          target: { type: 'organisation', id: organisationId },
          details: { intent: change.intent, changes, ...unitChange },
        })
      }
      return result
    })
}

async function applyChange(db: AppDb, organisationId: string, change: OrganisationChange): Promise<ServiceResult> {
  switch (change.intent) {
    case 'renameOrganisation':
      await renameOrganisation(db, organisationId, change)
      return { ok: true }
    case 'create':
      return (await createNamedUnit(db, change.unit, organisationId, change)) ? { ok: true } : duplicateName
    case 'rename': {
      const outcome = await renameNamedUnit(db, change.unit, organisationId, change.id, change)
      if (outcome === 'duplicate') return duplicateName
      return outcome === 'missing' ? { ok: false, reason: 'not_found' } : { ok: true }
    }
    case 'identifyingNames':
      await setIdentifyingNames(db, organisationId, change.names)
      return { ok: true }
    case 'feedbackLimit':
      await setFeedbackLimitDays(db, organisationId, change.days)
      return { ok: true }
    case 'smallCountThreshold':
      await setSmallCountThreshold(db, organisationId, change.threshold)
      return { ok: true }
    case 'auditRetention':
      await setAuditRetentionYears(db, organisationId, change.years)
      return { ok: true }
  }
}
