import { createHash, randomBytes } from 'node:crypto'
import { data, redirect } from '@remix-run/node'
import { loginThrottleKeys, secondsUntilNextAttempt } from '#app/domain/login-throttle.ts'
import { contributorMayOpen, hasAnyRole, isContributor, type Role } from '#app/domain/roles.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import { clearLoginFailures, findLoginAttempts, recordLoginFailure } from '#app/models/login-attempt.server.ts'
import { createSession, deleteSession, extendSession } from '#app/models/session.server.ts'
import {
  type CurrentUser,
  findLoginOrganisation,
  findUserForLogin,
  findSessionUser,
  normaliseEmail,
} from '#app/models/user.server.ts'
import { sessionCookie } from './cookies.server.ts'
import { type AppDb, getDb } from './db.server.ts'
import { getEnv } from './env.server.ts'
import { spendPasswordCheckTime, verifyPassword } from './password.server.ts'
import { getRequestScope } from './request-scope.server.ts'

export type { CurrentUser }

/** Session ids and API tokens are stored only as this hash; the secret itself exists only with its holder. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url')
}

function idleMilliseconds(): number {
  return getEnv().SESSION_IDLE_HOURS * 60 * 60 * 1000
}

/** The stored id (hash) of the session the request's cookie names, whether or not that session is still valid. */
export async function getSessionId(request: Request): Promise<string | null> {
  const token: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof token === 'string' && token.length > 0 ? hashToken(token) : null
}

async function loadCurrentUser(request: Request): Promise<CurrentUser | null> {
  const sessionId = await getSessionId(request)
  if (!sessionId) return null
  const db = getDb()
  const now = new Date()
  const found = await findSessionUser(db, sessionId, now)
  if (!found) return null
  // Sliding expiry, written at most every few minutes rather than on every request.
  const renewedExpiry = new Date(now.getTime() + idleMilliseconds())
  if (renewedExpiry.getTime() - found.sessionExpiresAt.getTime() > 5 * 60 * 1000) {
    await extendSession(db, sessionId, renewedExpiry)
  }
  return found.user
}

/** The signed-in user, loaded once per page request for every loader that asks (see request-scope.server.ts). */
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const scope = getRequestScope()
  if (!scope) return loadCurrentUser(request)
  return (scope.currentUser ??= loadCurrentUser(request))
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request)
  const url = new URL(request.url)
  if (!user) {
    const back = url.pathname + url.search
    throw redirect(back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`)
  }
  if (isContributor(user)) refuseContributorOutsideOwnPages(user, url.pathname)
  return user
}

/**
 * Every page asks for its user here, so a contributor is kept to their own pages in one place (ADR 039): the home
 * page leads to them, every other address is closed, and all of it is closed when the organisation turned them off.
 */
function refuseContributorOutsideOwnPages(user: CurrentUser, pathname: string) {
  if (user.organisation.contributors_enabled === false && pathname !== '/logout') {
    throw data({ code: 'contributors_off' }, { status: 403 })
  }
  if (pathname === '/') throw redirect('/contribute')
  if (!contributorMayOpen(pathname)) throw data({ code: 'forbidden' }, { status: 403 })
}

export async function requireRole(request: Request, allowed: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser(request)
  if (!hasAnyRole(user.roles, allowed)) throw data({ code: 'forbidden' }, { status: 403 })
  return user
}

/** A contributor's own pages: staff get a 403, as contributors do on staff pages (ADR 039). */
export async function requireContributor(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request)
  if (!isContributor(user)) throw data({ code: 'forbidden' }, { status: 403 })
  return user
}

export async function requireAnonymous(request: Request) {
  if (await getCurrentUser(request)) throw redirect('/')
}

export type LoginResult =
  | { ok: true; setCookie: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  /** The password was right, but every organisation the person works in signs in only through single sign-on. */
  | { ok: false; reason: 'password_login_off' }
  /** The person is a contributor and their organisation has turned contributors off (ADR 039). */
  | { ok: false; reason: 'contributors_off' }

export async function login(
  db: AppDb,
  credentials: { email: string; password: string; clientIp: string },
): Promise<LoginResult> {
  const keys = loginThrottleKeys(normaliseEmail(credentials.email), credentials.clientIp)
  const throttleKeys = [keys.account, keys.client]
  const now = new Date()
  const attempts = await findLoginAttempts(db, throttleKeys)
  const retryAfterSeconds = Math.max(0, ...attempts.map((attempt) => secondsUntilNextAttempt(attempt, now)))
  if (retryAfterSeconds > 0) return { ok: false, reason: 'throttled', retryAfterSeconds }

  const user = await findUserForLogin(db, credentials.email)
  const passwordMatches = user
    ? await verifyPassword(user.password_hash, credentials.password)
    : (await spendPasswordCheckTime(credentials.password), false)
  const organisation = user ? await findLoginOrganisation(db, user.id) : undefined
  if (!user || !organisation || !passwordMatches) {
    await recordLoginFailure(db, throttleKeys)
    // Only a known account's failure is logged, in its organisation; an unknown address is not stored at all.
    if (user && organisation) {
      await recordSignIn(db, 'sign_in_failed', {
        userId: user.id,
        organisation,
        email: normaliseEmail(credentials.email),
      })
    }
    return { ok: false, reason: 'invalid' }
  }
  // A password session works only in an organisation that allows passwords. Without single sign-on configured
  // the setting waits: turning passwords off would lock everyone out.
  const sessionOrganisation = getEnv().oidc
    ? await findLoginOrganisation(db, user.id, { passwordLogin: true })
    : organisation
  if (!sessionOrganisation) return { ok: false, reason: 'password_login_off' }
  if (isContributor(sessionOrganisation) && !sessionOrganisation.contributors_enabled) {
    return { ok: false, reason: 'contributors_off' }
  }
  await clearLoginFailures(db, [keys.account])
  await recordSignIn(db, 'sign_in', { userId: user.id, organisation: sessionOrganisation })
  return { ok: true, setCookie: await startSession(db, user.id, sessionOrganisation.id) }
}

/** A sign-in or a failed one in the audit log; `method` tells password from single sign-on. */
export async function recordSignIn(
  db: AppDb,
  action: 'sign_in' | 'sign_in_failed',
  attempt: { userId: string; organisation: { id: string }; email?: string; method?: 'password' | 'sso' },
) {
  await recordAudit(db, {
    organisationId: attempt.organisation.id,
    actorId: attempt.userId,
    action,
    target: { type: 'user', id: attempt.userId },
    details: { method: attempt.method ?? 'password', ...(attempt.email ? { email: attempt.email } : {}) },
  })
}

/** Creates a session for someone whose identity is already proven and returns the Set-Cookie header for it. */
export async function startSession(db: AppDb, userId: string, organisationId: string): Promise<string> {
  const token = newSecretToken()
  await createSession(db, {
    id: hashToken(token),
    userId,
    organisationId,
    expiresAt: new Date(Date.now() + idleMilliseconds()),
  })
  return sessionCookie().serialize(token)
}

/** Ends the session in the database and returns the header that clears the cookie. */
export async function logout(request: Request): Promise<string> {
  const sessionId = await getSessionId(request)
  const user = await getCurrentUser(request)
  if (user) await recordAudit(getDb(), { organisationId: user.organisation.id, actorId: user.id, action: 'sign_out' })
  if (sessionId) await deleteSession(getDb(), sessionId)
  return sessionCookie().serialize('', { maxAge: 0 })
}
