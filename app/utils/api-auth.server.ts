import { createApiToken, findActiveApiToken, recordApiTokenUse } from '#app/models/api-token.server.ts'
import { type CurrentUser, getUserInOrganisation } from '#app/models/user.server.ts'
import { hashToken, newSecretToken } from './auth.server.ts'
import { type AppDb, getDb } from './db.server.ts'

/** A recognisable prefix lets secret scanners and people tell our tokens from other secrets. */
const tokenPrefix = 'srt_'
const lastUsedPrecisionMs = 60_000

/** Creates a personal access token and returns it in plain text: the only time it exists outside its holder. */
export async function mintApiToken(db: AppDb, owner: { userId: string; organisationId: string }, name: string) {
  const token = tokenPrefix + newSecretToken()
  const stored = await createApiToken(db, { ...owner, name, tokenHash: hashToken(token) })
  return { token, id: stored.id }
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '')
  return match?.[1]?.startsWith(tokenPrefix) ? match[1] : null
}

/**
 * The token's owner in the token's organisation, with the token's id for the audit log; null for a missing, unknown
 * or revoked token or membership.
 */
export async function authenticateApiRequest(request: Request): Promise<(CurrentUser & { apiTokenId: string }) | null> {
  const token = bearerToken(request)
  if (!token) return null
  const db = getDb()
  const stored = await findActiveApiToken(db, hashToken(token))
  if (!stored) return null
  const user = await getUserInOrganisation(db, stored.user_id, stored.organisation_id)
  if (!user) return null
  const now = new Date()
  if (!stored.last_used_at || now.getTime() - stored.last_used_at.getTime() > lastUsedPrecisionMs) {
    await recordApiTokenUse(db, stored.id, now)
  }
  return { ...user, apiTokenId: stored.id }
}
