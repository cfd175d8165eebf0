import { type Transaction } from 'kysely'
import { type EmailDelivery } from '#app/domain/email-delivery.ts'
import { secondsUntilNextAttempt } from '#app/domain/login-throttle.ts'
import { linkState, passwordResetThrottleKeys, type TokenPurpose, type TokenState } from '#app/domain/user-tokens.ts'
import { revokeApiToken, revokeApiTokensOfUser } from '#app/models/api-token.server.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import { type Database } from '#app/models/database.ts'
import { enqueueEmail } from '#app/models/email-job.server.ts'
import { findLoginAttempts, recordLoginFailure } from '#app/models/login-attempt.server.ts'
import { deleteSessionsOfUser } from '#app/models/session.server.ts'
import { findToken, invalidateTokens, markTokenUsed } from '#app/models/user-token.server.ts'
import {
  findLoginOrganisation,
  findUserForLogin,
  getAccountHolder,
  getPasswordHash,
  normaliseEmail,
  updateEmailDelivery,
  updateLocale,
  updatePasswordHash,
  updateProfile,
} from '#app/models/user.server.ts'
import { mintApiToken } from '#app/utils/api-auth.server.ts'
import { hashToken, startSession } from '#app/utils/auth.server.ts'
import { type AppDb, getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { type Locale } from '#app/utils/i18n.ts'
import { hashPassword, verifyPassword } from '#app/utils/password.server.ts'
import { issueLink } from '#app/utils/user-tokens.server.ts'
import { type Refused, type ServiceResult } from './result.ts'

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

/** The signed-in user, acting on their own account. */
type AccountHolder = { id: string; organisation: { id: string } }

export async function updateOwnProfile(actor: AccountHolder, input: { name: string; locale: Locale }) {
  await updateProfile(getDb(), actor.id, input)
  return { ok: true } as const
}

export async function setOwnEmailDelivery(actor: AccountHolder, input: { emailDelivery: EmailDelivery }) {
  await updateEmailDelivery(getDb(), actor.id, input.emailDelivery)
  return { ok: true } as const
}

/** The language the user chose from the language menu, kept on their profile for pages and emails. */
export async function setOwnLanguage(actor: AccountHolder, input: { locale: Locale }) {
  await updateLocale(getDb(), actor.id, input.locale)
  return { ok: true } as const
}

/** A new API token of the user in their current organisation; its secret is shown once and stored only hashed. */
export async function createOwnApiToken(actor: AccountHolder, input: { name: string }) {
  const token = await getDb()
    .transaction()
    .execute(async (trx) => {
      const minted = await mintApiToken(trx, { userId: actor.id, organisationId: actor.organisation.id }, input.name)
      await recordAudit(trx, {
        ...ownAct(actor, 'token.created'),
        apiTokenId: minted.id,
        target: { type: 'api_token', id: minted.id },
        details: { name: input.name },
      })
      return minted.token
    })
  return { ok: true, token } as const
}

export async function revokeOwnApiToken(actor: AccountHolder, input: { tokenId: string }): Promise<ServiceResult> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<ServiceResult> => {
      if (!(await revokeApiToken(trx, actor.id, input.tokenId))) return { ok: false, reason: 'not_found' }
      await recordAudit(trx, {
        ...ownAct(actor, 'token.revoked'),
        apiTokenId: input.tokenId,
        target: { type: 'api_token', id: input.tokenId },
      })
      return { ok: true }
    })
}

/** An entry for something the user did to their own account. */
function ownAct(actor: AccountHolder, action: 'token.created' | 'token.revoked' | 'password.changed') {
  return {
    organisationId: actor.organisation.id,
    actorId: actor.id,
    action,
    target: { type: 'user', id: actor.id },
  } as const
}

/** The signed-in user's own change: proven by the current password, and the session they are using stays. */
export async function changeOwnPassword(
  actor: AccountHolder & { sessionId: string | null },
  input: { currentPassword: string; newPassword: string },
): Promise<ServiceResult> {
  const db = getDb()
  if (!(await verifyPassword(await getPasswordHash(db, actor.id), input.currentPassword))) {
    return { ok: false, reason: 'invalid', fieldErrors: { currentPassword: 'settings.password.wrongCurrent' } }
  }
  const passwordHash = await hashPassword(input.newPassword)
  await db.transaction().execute(async (trx) => {
    await replacePassword(trx, { userId: actor.id, passwordHash, keepSessionId: actor.sessionId })
    await recordAudit(trx, ownAct(actor, 'password.changed'))
  })
  return { ok: true }
}

/** Too many requests for this address or client lately; the seconds until the next one is let through. */
export type PasswordResetRequest = ServiceResult<object, Refused<'throttled', { retryAfterSeconds: number }>>

/**
 * Queues a reset link for an address with an active account and does nothing visible for any other, so the
 * answer never tells whether an address is registered. Every request counts towards the throttle.
 */
export async function requestPasswordReset(input: { email: string; clientIp: string }): Promise<PasswordResetRequest> {
  const db = getDb()
  const now = new Date()
  const email = normaliseEmail(input.email)
  const throttleKeys = passwordResetThrottleKeys(email, input.clientIp)
  const attempts = await findLoginAttempts(db, throttleKeys)
  const retryAfterSeconds = Math.max(0, ...attempts.map((attempt) => secondsUntilNextAttempt(attempt, now)))
  if (retryAfterSeconds > 0) return { ok: false, reason: 'throttled', retryAfterSeconds }
  await recordLoginFailure(db, throttleKeys)

  const user = await findUserForLogin(db, email)
  // Someone who may sign in only through single sign-on has no password to reset.
  const passwordLogin = Boolean(getEnv().oidc)
  const organisation = user ? await findLoginOrganisation(db, user.id, { passwordLogin }) : undefined
  if (!user || !organisation) return { ok: true }
  await db.transaction().execute(async (trx) => {
    const link = await issueLink(trx, user.id, 'password_reset', now)
    await enqueueEmail(trx, {
      organisationId: organisation.id,
      recipientId: user.id,
      kind: 'password_reset',
      payload: { url: link.url, expiresAt: link.expiresAt.toISOString() },
      idempotencyKey: `password_reset/${link.id}`,
    })
  })
  return { ok: true }
}

async function inspectLink(db: AppDb, purpose: TokenPurpose, token: string, now: Date) {
  const found = token ? await findToken(db, hashToken(token), purpose) : undefined
  if (!found) return null
  const holder = await getAccountHolder(db, found.user_id)
  const state = linkState(
    purpose,
    { usedAt: found.used_at, expiresAt: found.expires_at },
    { hasPassword: holder.hasPassword, canSignIn: Boolean(holder.organisation) },
    now,
  )
  return { tokenId: found.id, holder, state }
}

export type LinkPage =
  | { state: 'usable'; holder: { name: string; email: string; organisationName: string }; locale: Locale }
  | { state: Exclude<TokenState, 'usable'>; locale: Locale }
  | { state: 'unknown'; locale: null }

/** What the page behind an emailed link may show: the holder's own name and organisation, only while it works. */
export async function readLinkPage(purpose: TokenPurpose, token: string) {
  const link = await inspectLink(getDb(), purpose, token, new Date())
  if (!link) return { state: 'unknown', locale: null } satisfies LinkPage
  const { holder, state } = link
  if (state === 'usable' && holder.organisation) {
    return {
      state,
      locale: holder.locale,
      holder: { name: holder.name, email: holder.email, organisationName: holder.organisation.name },
    } satisfies LinkPage
  }
  return { state: state === 'usable' ? 'expired' : state, locale: holder.locale } satisfies LinkPage
}

/** The link no longer works: spent, expired, or never issued. */
export type LinkPasswordResult = ServiceResult<
  { setCookie: string },
  Refused<'link_unusable', { state: 'used' | 'expired' | 'unknown' }>
>

/**
 * Sets the password chosen through a link, spends the link and every other unused one of the holder, and signs
 * them in. A reset replaces a password that may have leaked, so it also ends every session and API token of the
 * holder; an invitation sets a first password, which no one can have known before.
 */
export async function setPasswordThroughLink(
  purpose: TokenPurpose,
  input: { token: string; newPassword: string },
): Promise<LinkPasswordResult> {
  const db = getDb()
  const now = new Date()
  const unusable = (state: 'used' | 'expired' | 'unknown') => ({ ok: false, reason: 'link_unusable', state }) as const
  const link = await inspectLink(db, purpose, input.token, now)
  if (!link) return unusable('unknown')
  const { holder, state, tokenId } = link
  if (state !== 'usable' || !holder.organisation) return unusable(state === 'usable' ? 'expired' : state)
  const organisationId = holder.organisation.id
  const passwordHash = await hashPassword(input.newPassword)
  return db.transaction().execute(async (trx): Promise<LinkPasswordResult> => {
    if (!(await markTokenUsed(trx, tokenId, now))) return unusable('used')
    if (purpose === 'invitation' && (await getPasswordHash(trx, holder.id)) !== null) return unusable('used')
    if (purpose === 'password_reset') {
      await replacePassword(trx, { userId: holder.id, passwordHash, keepSessionId: null }, now)
      await recordAudit(trx, {
        organisationId,
        actorId: holder.id,
        action: 'password.reset',
        target: { type: 'user', id: holder.id },
        details: { method: 'link' },
      })
    } else {
      await updatePasswordHash(trx, holder.id, passwordHash)
      await invalidateTokens(trx, holder.id, now)
    }
    return { ok: true, setCookie: await startSession(trx, holder.id, organisationId) }
  })
}
