import { revokeApiTokensOfUser } from '#app/models/api-token.server.ts'
import { deleteUserSessions } from '#app/models/session.server.ts'
import { createOrganisationUser, type MembershipChanges, updateOrganisationUser } from '#app/models/user.server.ts'
import { replacePassword } from './credentials.server.ts'
import { type AppDb } from './db.server.ts'
import { type Locale } from './i18n.ts'
import { hashPassword } from './password.server.ts'

/** Creates a user with the password an admin set for them; an invited user is created by inviteOrganisationUser. */
export async function createUserAsAdmin(
  db: AppDb,
  organisationId: string,
  user: { email: string; name: string; locale: Locale; password: string } & MembershipChanges,
): Promise<string> {
  const { password, ...fields } = user
  const passwordHash = await hashPassword(password)
  return db.transaction().execute((trx) => createOrganisationUser(trx, organisationId, { ...fields, passwordHash }))
}

export type UserUpdate = { ok: true; passwordChanged: boolean } | { ok: false; reason: 'not_found' }

/**
 * Saves an admin's edit of a user in one transaction. Deactivation revokes the user's API tokens in the organisation
 * rather than only hiding them behind the inactive membership, so reactivating the user later cannot bring old
 * tokens back to life. The admin's own session survives a password they set on their own account.
 */
export async function updateUserAsAdmin(
  db: AppDb,
  target: { organisationId: string; userId: string; actingSessionId: string | null },
  changes: { name: string; password?: string | null } & MembershipChanges,
  now = new Date(),
): Promise<UserUpdate> {
  const { organisationId, userId } = target
  const passwordHash = changes.password ? await hashPassword(changes.password) : null
  return db.transaction().execute(async (trx): Promise<UserUpdate> => {
    if (!(await updateOrganisationUser(trx, organisationId, userId, changes))) return { ok: false, reason: 'not_found' }
    if (!changes.active) {
      await deleteUserSessions(trx, userId, organisationId)
      await revokeApiTokensOfUser(trx, userId, now, organisationId)
    }
    if (passwordHash) await replacePassword(trx, { userId, passwordHash, keepSessionId: target.actingSessionId }, now)
    return { ok: true, passwordChanged: passwordHash !== null }
  })
}
