import { type TokenPurpose, tokenExpiresAt } from '#app/domain/user-tokens.ts'
import { createUserToken, invalidateTokens } from '#app/models/user-token.server.ts'
import { hashToken, newSecretToken } from './auth.server.ts'
import { type AppDb } from './db.server.ts'
import { getEnv } from './env.server.ts'

const linkPaths: Record<TokenPurpose, string> = { invitation: '/invitation/', password_reset: '/reset-password/' }

/**
 * Replaces the user's earlier unused links of this purpose with a new one. The secret exists only in the returned
 * URL, which goes into the email; the database keeps its hash.
 */
export async function issueLink(db: AppDb, userId: string, purpose: TokenPurpose, now: Date) {
  await invalidateTokens(db, userId, now, purpose)
  const token = newSecretToken()
  const stored = await createUserToken(db, {
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: tokenExpiresAt(purpose, now),
  })
  return { id: stored.id, url: `${getEnv().appUrl}${linkPaths[purpose]}${token}`, expiresAt: stored.expires_at }
}
