import { data, redirect } from '@remix-run/node'
import { NewPasswordSchema } from '#app/domain/password-policy.ts'
import { secondsUntilNextAttempt } from '#app/domain/login-throttle.ts'
import {
  linkState,
  passwordResetThrottleKeys,
  type TokenPurpose,
  tokenExpiresAt,
  type TokenState,
} from '#app/domain/user-tokens.ts'
import { enqueueEmail } from '#app/models/email-job.server.ts'
import { findLoginAttempts, recordLoginFailure } from '#app/models/login-attempt.server.ts'
import {
  createUserToken,
  findLatestToken,
  findToken,
  invalidateTokens,
  markTokenUsed,
} from '#app/models/user-token.server.ts'
import {
  createOrganisationUser,
  findLoginOrganisation,
  findUserForLogin,
  getAccountHolder,
  getPasswordHash,
  type MembershipChanges,
  normaliseEmail,
  updatePasswordHash,
} from '#app/models/user.server.ts'
import { hashToken, newSecretToken, startSession } from './auth.server.ts'
import { localeCookie } from './cookies.server.ts'
import { replacePassword } from './credentials.server.ts'
import { readProtectedForm } from './csrf.server.ts'
import { type AppDb } from './db.server.ts'
import { getEnv } from './env.server.ts'
import { parseForm } from './forms.ts'
import { defaultLocale, isLocale, type Locale } from './i18n.ts'
import { hashPassword } from './password.server.ts'

const linkPaths: Record<TokenPurpose, string> = { invitation: '/invitation/', password_reset: '/reset-password/' }

/**
 * Replaces the user's earlier unused links of this purpose with a new one. The secret exists only in the returned
 * URL, which goes into the email; the database keeps its hash.
 */
async function issueLink(db: AppDb, userId: string, purpose: TokenPurpose, now: Date) {
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

export interface Inviter {
  name: string
  organisation: { id: string; name: string }
}

async function queueInvitation(db: AppDb, inviter: Inviter, userId: string, now: Date) {
  const link = await issueLink(db, userId, 'invitation', now)
  await enqueueEmail(db, {
    organisationId: inviter.organisation.id,
    recipientId: userId,
    kind: 'invitation',
    payload: {
      inviterName: inviter.name,
      organisationName: inviter.organisation.name,
      url: link.url,
      expiresAt: link.expiresAt.toISOString(),
    },
    idempotencyKey: `invitation/${link.id}`,
  })
}

/** Creates the user without a password and queues their invitation; both happen or neither. */
export function inviteOrganisationUser(
  db: AppDb,
  inviter: Inviter,
  user: { email: string; name: string; locale: Locale } & MembershipChanges,
  now = new Date(),
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const userId = await createOrganisationUser(trx, inviter.organisation.id, { ...user, passwordHash: null })
    await queueInvitation(trx, inviter, userId, now)
    return userId
  })
}

/** Sends a new invitation, which ends the earlier links; false when the user has set a password meanwhile. */
export function resendInvitation(db: AppDb, inviter: Inviter, userId: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if ((await getPasswordHash(trx, userId)) !== null) return false
    await queueInvitation(trx, inviter, userId, now)
    return true
  })
}

/** What the admin sees of a user's invitation: whether one is still awaited and the latest one sent. */
export async function getInvitationStatus(db: AppDb, userId: string) {
  const pending = (await getPasswordHash(db, userId)) === null
  const latest = await findLatestToken(db, userId, 'invitation')
  return { pending, latest: latest ? { sentAt: latest.created_at, expiresAt: latest.expires_at } : null }
}

export type PasswordResetRequest = { ok: true } | { ok: false; retryAfterSeconds: number }

/**
 * Queues a reset link for an address with an active account and does nothing visible for any other, so the
 * answer never tells whether an address is registered. Every request counts towards the throttle.
 */
export async function requestPasswordReset(
  db: AppDb,
  request: { email: string; clientIp: string },
  now = new Date(),
): Promise<PasswordResetRequest> {
  const email = normaliseEmail(request.email)
  const throttleKeys = passwordResetThrottleKeys(email, request.clientIp)
  const attempts = await findLoginAttempts(db, throttleKeys)
  const retryAfterSeconds = Math.max(0, ...attempts.map((attempt) => secondsUntilNextAttempt(attempt, now)))
  if (retryAfterSeconds > 0) return { ok: false, retryAfterSeconds }
  await recordLoginFailure(db, throttleKeys)

  const user = await findUserForLogin(db, email)
  const organisation = user ? await findLoginOrganisation(db, user.id) : undefined
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
export async function readLinkPage(db: AppDb, purpose: TokenPurpose, token: string, now = new Date()) {
  const link = await inspectLink(db, purpose, token, now)
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

export type RedeemResult = { ok: true; setCookie: string } | { ok: false; state: 'used' | 'expired' | 'unknown' }

/**
 * Sets the password chosen through a link, spends the link and every other unused one of the holder, and signs
 * them in. A reset replaces a password that may have leaked, so it also ends every session and API token of the
 * holder; an invitation sets a first password, which no one can have known before.
 */
export async function redeemLink(
  db: AppDb,
  purpose: TokenPurpose,
  token: string,
  password: string,
  now = new Date(),
): Promise<RedeemResult> {
  const link = await inspectLink(db, purpose, token, now)
  if (!link) return { ok: false, state: 'unknown' }
  const { holder, state, tokenId } = link
  if (state !== 'usable' || !holder.organisation) return { ok: false, state: state === 'usable' ? 'expired' : state }
  const organisationId = holder.organisation.id
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx): Promise<RedeemResult> => {
    if (!(await markTokenUsed(trx, tokenId, now))) return { ok: false, state: 'used' }
    if (purpose === 'invitation' && (await getPasswordHash(trx, holder.id)) !== null)
      return { ok: false, state: 'used' }
    if (purpose === 'password_reset') {
      await replacePassword(trx, { userId: holder.id, passwordHash, keepSessionId: null }, now)
    } else {
      await updatePasswordHash(trx, holder.id, passwordHash)
      await invalidateTokens(trx, holder.id, now)
    }
    return { ok: true, setCookie: await startSession(trx, holder.id, organisationId) }
  })
}

/** The action of both link pages: a valid new password spends the link and signs the holder in on the home page. */
export async function setPasswordThroughLink(db: AppDb, request: Request, purpose: TokenPurpose, token: string) {
  const formData = await readProtectedForm(request)
  const parsed = parseForm(NewPasswordSchema, formData)
  if (!parsed.ok) return data({ ...parsed, state: null }, { status: 400 })
  const result = await redeemLink(db, purpose, token, parsed.data.newPassword)
  if (!result.ok) return data({ ok: false, fieldErrors: {}, values: {}, state: result.state } as const, { status: 410 })
  return redirect('/', { headers: { 'Set-Cookie': result.setCookie } })
}

/**
 * The first visit through a link shows the page in the language the holder's account has (the admin chose it for an
 * invitee), unless the browser already has a language chosen. The marker in the address stops a loop when the
 * browser refuses cookies.
 */
export async function redirectToHolderLanguage(request: Request, locale: Locale | null) {
  if (!locale || locale === defaultLocale) return
  const url = new URL(request.url)
  if (url.searchParams.has('lang')) return
  const chosen: unknown = await localeCookie().parse(request.headers.get('Cookie'))
  if (isLocale(chosen)) return
  throw redirect(`${url.pathname}?lang=${locale}`, {
    headers: { 'Set-Cookie': await localeCookie().serialize(locale) },
  })
}
