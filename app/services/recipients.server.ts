import { changedFields } from '#app/domain/audit.ts'
import { canManageRecipients, canSend, type RecipientInput } from '#app/domain/recipients.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import { listOrganisationStructure } from '#app/models/organisation.server.ts'
import {
  addRecipientMember,
  createRecipient,
  deleteRecipientMember,
  findRecipientSettings,
  listActiveOrganisationUsers,
  listActiveRecipients,
  listRecipientsWithMembers,
  type RecipientWriteOutcome,
  setRecipientArchived,
  updateRecipient,
} from '#app/models/recipient.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { type AppDb, getDb } from '#app/utils/db.server.ts'
import { type ServiceResult } from './result.ts'

type RecipientAdmin = Pick<CurrentUser, 'id' | 'roles' | 'organisation'>

const forbidden = { ok: false, reason: 'forbidden' } as const
const notFound = { ok: false, reason: 'not_found' } as const

/** Every recipient with its members, the municipalities a welfare-work recipient may name, and who may be a member. */
export async function listRecipientsForAdmin(admin: RecipientAdmin) {
  const db = getDb()
  const organisationId = admin.organisation.id
  const [recipients, structure, users] = await Promise.all([
    listRecipientsWithMembers(db, organisationId),
    listOrganisationStructure(db, organisationId),
    listActiveOrganisationUsers(db, organisationId),
  ])
  return { recipients, municipalities: structure.municipalities, users }
}

/** The recipients a sender may choose from, for the send form and the API. */
export async function listRecipientsForSender(user: Pick<CurrentUser, 'roles' | 'organisation'>) {
  if (!canSend(user.roles) && !canManageRecipients(user.roles)) return forbidden
  return { ok: true, recipients: await listActiveRecipients(getDb(), user.organisation.id) } as const
}

function written(outcome: RecipientWriteOutcome): ServiceResult {
  switch (outcome) {
    case 'saved':
      return { ok: true }
    case 'missing':
      return notFound
    case 'foreignMunicipality':
      return {
        ok: false,
        reason: 'invalid',
        fieldErrors: { municipalityId: 'admin.recipients.validation.municipality' },
      }
  }
}

/** An admin's change of a recipient, with what changed before and after. */
function recordRecipientChange(
  db: AppDb,
  admin: RecipientAdmin,
  recipientId: string | null,
  details: Record<string, unknown>,
) {
  return recordAudit(db, {
    organisationId: admin.organisation.id,
    actorId: admin.id,
    action: 'recipient.changed',
    target: recipientId ? { type: 'recipient', id: recipientId } : null,
    details,
  })
}

/** Adds a recipient (`recipientId` null) or changes one; committees are the organisation page's and are not found here. */
export async function saveRecipient(
  admin: RecipientAdmin,
  input: { recipientId: string | null } & RecipientInput,
): Promise<ServiceResult> {
  if (!canManageRecipients(admin.roles)) return forbidden
  const { recipientId, ...recipient } = input
  const organisationId = admin.organisation.id
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const before = recipientId ? await findRecipientSettings(trx, organisationId, recipientId) : undefined
      const outcome =
        recipientId === null
          ? await createRecipient(trx, organisationId, recipient)
          : await updateRecipient(trx, organisationId, recipientId, recipient)
      if (outcome === 'saved') {
        await recordRecipientChange(trx, admin, recipientId, {
          intent: recipientId ? 'update' : 'create',
          changes: changedFields(before ?? {}, recipient),
        })
      }
      return written(outcome)
    })
}

/** An archived recipient can no longer be sent to; what was sent to it keeps its history. */
export async function archiveRecipient(
  admin: RecipientAdmin,
  input: { recipientId: string; archived: boolean },
): Promise<ServiceResult> {
  if (!canManageRecipients(admin.roles)) return forbidden
  return getDb()
    .transaction()
    .execute(async (trx) => {
      if (!(await setRecipientArchived(trx, admin.organisation.id, input.recipientId, input.archived))) return notFound
      await recordRecipientChange(trx, admin, input.recipientId, { intent: 'archive', archived: input.archived })
      return { ok: true }
    })
}

export type MemberChange = { intent: 'addMember' | 'removeMember'; recipientId: string; userId: string }

/** Adds an active user of the organisation to a body that answers in the app, or removes a member. */
export async function changeRecipientMember(admin: RecipientAdmin, input: MemberChange): Promise<ServiceResult> {
  if (!canManageRecipients(admin.roles)) return forbidden
  const organisationId = admin.organisation.id
  const change = { recipientId: input.recipientId, userId: input.userId }
  const outcome = await getDb()
    .transaction()
    .execute(async (trx) => {
      const saved =
        input.intent === 'removeMember'
          ? (await deleteRecipientMember(trx, organisationId, change))
            ? 'saved'
            : 'missing'
          : await addRecipientMember(trx, organisationId, change)
      if (saved === 'saved') {
        await recordRecipientChange(trx, admin, input.recipientId, { intent: input.intent, userId: input.userId })
      }
      return saved
    })
  if (outcome === 'notEligible') {
    return { ok: false, reason: 'invalid', fieldErrors: { userId: 'admin.recipients.validation.member' } }
  }
  return outcome === 'saved' ? { ok: true } : notFound
}
