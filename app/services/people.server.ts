import { removalRefusal, type RemovalRefusal, removedAccountEmail } from '#app/domain/people.ts'
import { canAdministerOrganisation } from '#app/domain/user-admin.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import {
  collectPersonalData,
  erasePersonalData,
  findCredentialHolder,
  listActiveOrganisations,
  moveSessionToOrganisation,
} from '#app/models/people.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { translate } from '#app/utils/i18n.ts'
import { type CommonRefusal, type Refused, type ServiceResult } from './result.ts'

/**
 * Moves the signed-in session to another organisation the person works in. An organisation they are not an active
 * member of is not found, as any other organisation's id would be.
 */
export async function switchOrganisation(
  actor: { id: string; sessionId: string | null; organisation: { id: string } },
  input: { organisationId: string },
): Promise<ServiceResult> {
  const db = getDb()
  const organisations = await listActiveOrganisations(db, actor.id)
  if (!actor.sessionId || !organisations.some((organisation) => organisation.id === input.organisationId)) {
    return { ok: false, reason: 'not_found' }
  }
  const moved = await db.transaction().execute(async (trx) => {
    if (!(await moveSessionToOrganisation(trx, { id: actor.sessionId!, userId: actor.id }, input.organisationId))) {
      return false
    }
    // Entered in the organisation switched to, whose admins see who works there; from where is a detail.
    await recordAudit(trx, {
      organisationId: input.organisationId,
      actorId: actor.id,
      action: 'organisation.switched',
      target: { type: 'organisation', id: input.organisationId },
      details: { from: actor.organisation.id },
    })
    return true
  })
  return moved ? { ok: true } : { ok: false, reason: 'not_found' }
}

/** Everything the app stores about the signed-in person, from every organisation they belong to. */
export async function exportOwnData(actor: { id: string }) {
  return { exportedAt: new Date().toISOString(), ...(await collectPersonalData(getDb(), actor.id)) }
}

export type PersonRemoved = ServiceResult<object, CommonRefusal | Refused<RemovalRefusal>>

/**
 * Removes a departed person's personal data at their organisation's admin's request. Their reports and the events
 * on them stay as the organisation's knowledge, and name them with the stored Finnish "Entinen työntekijä"
 * (a report is read in every language, and the name is data, not a label).
 */
export async function removeDepartedUser(
  admin: Pick<CurrentUser, 'id' | 'roles' | 'organisation'>,
  input: { userId: string },
): Promise<PersonRemoved> {
  if (!canAdministerOrganisation(admin.roles)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  return db.transaction().execute(async (trx): Promise<PersonRemoved> => {
    const holder = await findCredentialHolder(trx, input.userId, admin.organisation.id)
    if (!holder) return { ok: false, reason: 'not_found' }
    const refusal = removalRefusal(admin.id, { id: input.userId, ...holder })
    if (refusal) return { ok: false, reason: refusal }
    const replacement = { name: translate('fi', 'people.removedName'), email: removedAccountEmail(input.userId) }
    await erasePersonalData(trx, input.userId, replacement, new Date())
    await recordAudit(trx, {
      organisationId: admin.organisation.id,
      actorId: admin.id,
      action: 'user.removed',
      target: { type: 'user', id: input.userId },
    })
    return { ok: true }
  })
}
