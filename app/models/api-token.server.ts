import { type AppDb } from '#app/utils/db.server.ts'

export function createApiToken(
  db: AppDb,
  token: { userId: string; organisationId: string; name: string; tokenHash: string },
) {
  return db
    .insertInto('api_tokens')
    .values({
      user_id: token.userId,
      organisation_id: token.organisationId,
      name: token.name,
      token_hash: token.tokenHash,
    })
    .returning(['id', 'name', 'created_at'])
    .executeTakeFirstOrThrow()
}

export function listApiTokens(db: AppDb, userId: string, organisationId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .orderBy('revoked_at', (ob) => ob.desc().nullsFirst())
    .orderBy('created_at', 'desc')
    .execute()
}

/** Only the token's owner can revoke it; false when there is no such active token of theirs. */
export async function revokeApiToken(db: AppDb, userId: string, tokenId: string): Promise<boolean> {
  const revoked = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  return Boolean(revoked)
}

/** Revokes every active token of the user: in one organisation when it is given, otherwise in all of them. */
export async function revokeApiTokensOfUser(db: AppDb, userId: string, at: Date, organisationId?: string) {
  let query = db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
  if (organisationId) query = query.where('organisation_id', '=', organisationId)
  await query.execute()
}

export function findActiveApiToken(db: AppDb, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'organisation_id', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}

export async function recordApiTokenUse(db: AppDb, tokenId: string, at: Date) {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute()
}
