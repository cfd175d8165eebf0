import { type AuditAction, changedFields, userChangeAction } from '#app/domain/audit.ts'
import { adminMayChangeCredentials, credentialChangesRefused } from '#app/domain/people.ts'
import { canAdministerOrganisation, locksOutSelf } from '#app/domain/user-admin.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import { revokeApiTokensOfUser } from '#app/models/api-token.server.ts'
import { enqueueEmail } from '#app/models/email-job.server.ts'
import { findAccountByEmail, findCredentialHolder } from '#app/models/people.server.ts'
import { deleteUserSessions } from '#app/models/session.server.ts'
import { findLatestToken } from '#app/models/user-token.server.ts'
import {
  addOrganisationMembership,
  createOrganisationUser,
  type CurrentUser,
  getOrganisationUser,
  getPasswordHash,
  type MembershipChanges,
  updateOrganisationUser,
} from '#app/models/user.server.ts'
import { type AppDb, getDb } from '#app/utils/db.server.ts'
import { type Locale } from '#app/utils/i18n.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { issueLink } from '#app/utils/user-tokens.server.ts'
import { replacePassword } from './accounts.server.ts'
import { type CommonRefusal, type Refused, type ServiceResult } from './result.ts'

/** The admin acting on users of their own organisation. */
export type UserAdmin = Pick<CurrentUser, 'id' | 'name' | 'roles' | 'organisation'>

const forbidden = { ok: false, reason: 'forbidden' } as const

async function queueInvitation(db: AppDb, admin: UserAdmin, userId: string, now: Date) {
  const link = await issueLink(db, userId, 'invitation', now)
  await enqueueEmail(db, {
    organisationId: admin.organisation.id,
    recipientId: userId,
    kind: 'invitation',
    payload: {
      inviterName: admin.name,
      organisationName: admin.organisation.name,
      url: link.url,
      expiresAt: link.expiresAt.toISOString(),
    },
    idempotencyKey: `invitation/${link.id}`,
  })
}

export type NewUser = { email: string; name: string; locale: Locale } & MembershipChanges &
  ({ onboarding: 'invitation' } | { onboarding: 'password'; password: string })

/** `joined` when the address already had an account elsewhere and only a membership was added. */
export type UserCreated = ServiceResult<{ userId: string; joined: boolean }>

/**
 * Creates a user of the admin's organisation: invited users get no password and an invitation email (both happen or
 * neither), the others the password the admin set for them. An address that already has an account (someone who
 * works in another organisation too) gets a membership here; their name and password stay their own.
 */
export async function createUser(admin: UserAdmin, input: NewUser): Promise<UserCreated> {
  if (!canAdministerOrganisation(admin.roles)) return forbidden
  const db = getDb()
  const existing = await findAccountByEmail(db, input.email, admin.organisation.id)
  if (existing?.member_here) {
    return { ok: false, reason: 'invalid', fieldErrors: { email: 'admin.users.emailTaken' } }
  }
  if (existing) return joinOrganisation(admin, existing.id, input)
  const { email, name, locale, roles, teamIds, active } = input
  const fields = { email, name, locale, roles, teamIds, active }
  const passwordHash = input.onboarding === 'password' ? await hashPassword(input.password) : null
  const userId = await db.transaction().execute(async (trx) => {
    const createdId = await createOrganisationUser(trx, admin.organisation.id, { ...fields, passwordHash })
    if (input.onboarding === 'invitation') await queueInvitation(trx, admin, createdId, new Date())
    await recordAudit(trx, {
      ...adminAct(admin, 'user.created', createdId),
      details: { after: { email, name, roles, teamIds, active }, onboarding: input.onboarding },
    })
    return createdId
  })
  return { ok: true, userId, joined: false }
}

async function joinOrganisation(admin: UserAdmin, userId: string, membership: MembershipChanges): Promise<UserCreated> {
  const { roles, teamIds, active } = membership
  await getDb()
    .transaction()
    .execute(async (trx) => {
      await addOrganisationMembership(trx, admin.organisation.id, userId, { roles, teamIds, active })
      await recordAudit(trx, {
        ...adminAct(admin, 'membership.changed', userId),
        details: { after: { roles, teamIds, active }, joinedExistingAccount: true },
      })
    })
  return { ok: true, userId, joined: true }
}

/** An entry for an admin's change of a user of their organisation. */
function adminAct(admin: UserAdmin, action: AuditAction, userId: string) {
  return {
    organisationId: admin.organisation.id,
    actorId: admin.id,
    action,
    target: { type: 'user', id: userId },
  } as const
}

export type UserUpdate = ServiceResult<{ passwordChanged: boolean }>

/**
 * Saves an admin's edit of a user in one transaction. Deactivation revokes the user's API tokens in the organisation
 * rather than only hiding them behind the inactive membership, so reactivating the user later cannot bring old
 * tokens back to life. The admin's own session survives a password they set on their own account.
 */
export async function updateUser(
  admin: UserAdmin & { sessionId: string | null },
  input: { userId: string; name: string; password?: string | null } & MembershipChanges,
): Promise<UserUpdate> {
  if (!canAdministerOrganisation(admin.roles)) return forbidden
  const { userId, ...changes } = input
  if (locksOutSelf(admin.id, userId, changes)) {
    return { ok: false, reason: 'invalid', fieldErrors: { roles: 'admin.users.cannotLockOutSelf' } }
  }
  const organisationId = admin.organisation.id
  const holder = await findCredentialHolder(getDb(), userId, organisationId)
  if (!holder) return { ok: false, reason: 'not_found' }
  const refused = credentialChangesRefused(holder, changes)
  if (refused.length > 0) {
    const fieldErrors = Object.fromEntries(
      refused.map((field) => [field, 'people.credentials.elsewhereField' as const]),
    )
    return { ok: false, reason: 'invalid', fieldErrors }
  }
  const now = new Date()
  const passwordHash = changes.password ? await hashPassword(changes.password) : null
  return getDb()
    .transaction()
    .execute(async (trx): Promise<UserUpdate> => {
      const before = await getOrganisationUser(trx, organisationId, userId)
      if (!before || !(await updateOrganisationUser(trx, organisationId, userId, changes))) {
        return { ok: false, reason: 'not_found' }
      }
      const { name, roles, teamIds, active } = changes
      const changed = changedFields(before, { name, roles, teamIds, active })
      if (Object.keys(changed).length > 0) {
        await recordAudit(trx, { ...adminAct(admin, userChangeAction(changed), userId), details: { changes: changed } })
      }
      if (passwordHash)
        await recordAudit(trx, { ...adminAct(admin, 'password.changed', userId), details: { by: 'admin' } })
      if (!changes.active) {
        await deleteUserSessions(trx, userId, organisationId)
        await revokeApiTokensOfUser(trx, userId, now, organisationId)
      }
      if (passwordHash) await replacePassword(trx, { userId, passwordHash, keepSessionId: admin.sessionId }, now)
      return { ok: true, passwordChanged: passwordHash !== null }
    })
}

/** What the admin sees of a user's invitation: whether one is still awaited and the latest one sent. */
export async function getInvitationStatus(userId: string) {
  const db = getDb()
  const pending = (await getPasswordHash(db, userId)) === null
  const latest = await findLatestToken(db, userId, 'invitation')
  return { pending, latest: latest ? { sentAt: latest.created_at, expiresAt: latest.expires_at } : null }
}

/**
 * Only an active user can be invited again, only while they have no password, and only while no other organisation
 * relies on their account (the link sets a password).
 */
export type InvitationResent = ServiceResult<
  object,
  CommonRefusal | Refused<'inactive'> | Refused<'not_pending'> | Refused<'credentials_elsewhere'>
>

/** Sends a new invitation, which ends the earlier links. */
export async function resendInvitation(
  admin: UserAdmin,
  user: { id: string; active: boolean },
): Promise<InvitationResent> {
  if (!canAdministerOrganisation(admin.roles)) return forbidden
  if (!user.active) return { ok: false, reason: 'inactive' }
  const holder = await findCredentialHolder(getDb(), user.id, admin.organisation.id)
  if (holder && !adminMayChangeCredentials(holder.activeMembershipsElsewhere)) {
    return { ok: false, reason: 'credentials_elsewhere' }
  }
  const sent = await getDb()
    .transaction()
    .execute(async (trx) => {
      if ((await getPasswordHash(trx, user.id)) !== null) return false
      await queueInvitation(trx, admin, user.id, new Date())
      return true
    })
  return sent ? { ok: true } : { ok: false, reason: 'not_pending' }
}
