import { type TokenPurpose } from '#app/domain/user-tokens.ts'
import { type AppDb } from '#app/utils/db.server.ts'

export function createUserToken(
  db: AppDb,
  token: { userId: string; purpose: TokenPurpose; tokenHash: string; expiresAt: Date },
) {
  return db
    .insertInto('user_tokens')
    .values({
      user_id: token.userId,
      purpose: token.purpose,
      token_hash: token.tokenHash,
      expires_at: token.expiresAt,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow()
}

/**
 * The token of this purpose in whatever state it is, so a page can tell a used link from an expired one; a token of
 * the other purpose never matches. Whether it still works is decided by `linkState` in the domain.
 */
export function findToken(db: AppDb, tokenHash: string, purpose: TokenPurpose) {
  return db
    .selectFrom('user_tokens')
    .select(['id', 'user_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst()
}

/** Spends the token; false when it was used or lapsed meanwhile, so two submissions cannot both succeed. */
export async function markTokenUsed(db: AppDb, tokenId: string, now: Date): Promise<boolean> {
  const used = await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('id', '=', tokenId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst()
  return Boolean(used)
}

/** Ends the user's unused links (of one purpose, or all) by expiring them now; used ones keep their history. */
export async function invalidateTokens(db: AppDb, userId: string, now: Date, purpose?: TokenPurpose) {
  let query = db
    .updateTable('user_tokens')
    .set({ expires_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
  if (purpose) query = query.where('purpose', '=', purpose)
  await query.execute()
}

export function findLatestToken(db: AppDb, userId: string, purpose: TokenPurpose) {
  return db
    .selectFrom('user_tokens')
    .select(['created_at', 'expires_at', 'used_at'])
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}
