import { canManageRecipients, canSend, type RecipientInput } from '#app/domain/recipients.ts'
import { listOrganisationStructure } from '#app/models/organisation.server.ts'
import {
  addRecipientMember,
  createRecipient,
  deleteRecipientMember,
  listActiveOrganisationUsers,
  listActiveRecipients,
  listRecipientsWithMembers,
  type RecipientWriteOutcome,
  setRecipientArchived,
  updateRecipient,
} from '#app/models/recipient.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type ServiceResult } from './result.ts'

type RecipientAdmin = Pick<CurrentUser, 'roles' | 'organisation'>

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

/** Adds a recipient (`recipientId` null) or changes one; committees are the organisation page's and are not found here. */
export async function saveRecipient(
  admin: RecipientAdmin,
  input: { recipientId: string | null } & RecipientInput,
): Promise<ServiceResult> {
  if (!canManageRecipients(admin.roles)) return forbidden
  const { recipientId, ...recipient } = input
  const db = getDb()
  const organisationId = admin.organisation.id
  return written(
    recipientId === null
      ? await createRecipient(db, organisationId, recipient)
      : await updateRecipient(db, organisationId, recipientId, recipient),
  )
}

/** An archived recipient can no longer be sent to; what was sent to it keeps its history. */
export async function archiveRecipient(
  admin: RecipientAdmin,
  input: { recipientId: string; archived: boolean },
): Promise<ServiceResult> {
  if (!canManageRecipients(admin.roles)) return forbidden
  const changed = await setRecipientArchived(getDb(), admin.organisation.id, input.recipientId, input.archived)
  return changed ? { ok: true } : notFound
}

export type MemberChange = { intent: 'addMember' | 'removeMember'; recipientId: string; userId: string }

/** Adds an active user of the organisation to a body that answers in the app, or removes a member. */
export async function changeRecipientMember(admin: RecipientAdmin, input: MemberChange): Promise<ServiceResult> {
  if (!canManageRecipients(admin.roles)) return forbidden
  const db = getDb()
  const organisationId = admin.organisation.id
  const change = { recipientId: input.recipientId, userId: input.userId }
  if (input.intent === 'removeMember') {
    return (await deleteRecipientMember(db, organisationId, change)) ? { ok: true } : notFound
  }
  const outcome = await db.transaction().execute((trx) => addRecipientMember(trx, organisationId, change))
  if (outcome === 'notEligible') {
    return { ok: false, reason: 'invalid', fieldErrors: { userId: 'admin.recipients.validation.member' } }
  }
  return outcome === 'saved' ? { ok: true } : notFound
}
