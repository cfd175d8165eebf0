import { type Transaction } from 'kysely'
import { revokeApiTokensOfUser } from '#app/models/api-token.server.ts'
import { type Database } from '#app/models/database.ts'
import { deleteSessionsOfUser } from '#app/models/session.server.ts'
import { invalidateTokens } from '#app/models/user-token.server.ts'
import { getPasswordHash, updatePasswordHash } from '#app/models/user.server.ts'
import { type AppDb } from './db.server.ts'
import { hashPassword, verifyPassword } from './password.server.ts'

/**
 * The one way to replace a password that may have been in use. Whoever knew the old one may have signed in, minted
 * API tokens or asked for a reset link with it, so all of those end with it, in every organisation. Only the session
 * making the change may stay; null ends every session.
 */
export async function replacePassword(
  trx: Transaction<Database>,
  change: { userId: string; passwordHash: string; keepSessionId: string | null },
  now = new Date(),
) {
  await updatePasswordHash(trx, change.userId, change.passwordHash)
  await deleteSessionsOfUser(trx, change.userId, change.keepSessionId)
  await revokeApiTokensOfUser(trx, change.userId, now)
  await invalidateTokens(trx, change.userId, now)
}

export type OwnPasswordChange = { ok: true } | { ok: false; reason: 'wrong_current' }

/** The signed-in user's own change: proven by the current password, and the session they are using stays. */
export async function changeOwnPassword(
  db: AppDb,
  user: { id: string; sessionId: string | null },
  passwords: { currentPassword: string; newPassword: string },
): Promise<OwnPasswordChange> {
  if (!(await verifyPassword(await getPasswordHash(db, user.id), passwords.currentPassword))) {
    return { ok: false, reason: 'wrong_current' }
  }
  const passwordHash = await hashPassword(passwords.newPassword)
  await db
    .transaction()
    .execute((trx) => replacePassword(trx, { userId: user.id, passwordHash, keepSessionId: user.sessionId }))
  return { ok: true }
}
